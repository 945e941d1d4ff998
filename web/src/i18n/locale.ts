// The UI's languages and their Intl tags: one place for the formatters of i18n.tsx and
// moments.ts (which i18n.tsx imports, so it cannot import i18n.tsx back).

export type Locale = 'ru' | 'en';
export const locales: readonly Locale[] = ['ru', 'en'];

/** The Intl tag of a UI language: Russian as in Russia, English as in Britain (24-hour, d/m). */
export const intlLocale = (locale: Locale) => (locale === 'ru' ? 'ru-RU' : 'en-GB');

/** The decimal mark a UI language writes in numbers and reads in forms: «1,5» / "1.5". */
export const decimalMarkOf = (locale: Locale): ',' | '.' => (locale === 'ru' ? ',' : '.');
