// A count's plural category in the reader's language, by Intl.PluralRules: a dictionary keeps
// one text per category (`pairs:one` «{n} пара», `pairs:few` «{n} пары», `pairs:many`
// «{n} пар», `pairs:other` for fractions), never «пар(ы)». Pure.
import { intlLocale, type Locale } from '../i18n/index.ts';

/** The categories Russian and English use (English only `one` and `other`). */
export type PluralCategory = 'one' | 'few' | 'many' | 'other';

export function pluralCategory(locale: Locale, n: number): PluralCategory {
  const c = new Intl.PluralRules(intlLocale(locale)).select(n);
  return c === 'one' || c === 'few' || c === 'many' ? c : 'other';
}
