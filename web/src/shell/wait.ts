// How long to wait, in words people read (user walk L5): «15 минут», «1 minute», not «894 с».
import { type Locale, pluralForm } from '../i18n/index.ts';

const words = {
  ru: {
    minute: { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' },
    second: { one: 'секунду', few: 'секунды', many: 'секунд', other: 'секунды' },
  },
  en: {
    minute: { one: 'minute', other: 'minutes' },
    second: { one: 'second', other: 'seconds' },
  },
} as const;

/** A wait in whole minutes (rounded up) from a minute on, in seconds below it. */
export function waitInWords(seconds: number, locale: Locale): string {
  const s = Math.max(1, Math.ceil(seconds));
  const [n, unit] = s >= 60 ? [Math.ceil(s / 60), 'minute' as const] : [s, 'second' as const];
  const forms: Record<string, string> = words[locale][unit];
  return `${n} ${forms[pluralForm(n, locale)] ?? forms.other}`;
}
