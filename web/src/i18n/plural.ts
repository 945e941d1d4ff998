// The plural category of a count in the UI's language, for picking a word's form:
// «1 остановка, 2 остановки, 5 остановок, 21 остановка»; “1 stoppage, 2 stoppages”.
import { intlLocale, type Locale } from './i18n.tsx';

export type PluralForm = 'one' | 'few' | 'many' | 'other';

const rules = new Map<Locale, Intl.PluralRules>();

/** Russian: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 25–30, 111); English: one, other. */
export function pluralForm(n: number, locale: Locale): PluralForm {
  let r = rules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(intlLocale(locale));
    rules.set(locale, r);
  }
  // Russian and English have no 'zero' or 'two': what Intl answers is one of these four
  return r.select(n) as PluralForm;
}
