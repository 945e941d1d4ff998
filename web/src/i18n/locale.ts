// The UI's languages and their Intl tags: one place for the formatters of i18n.tsx and
// moments.ts (which i18n.tsx imports, so it cannot import i18n.tsx back).

export type Locale = 'ru' | 'en';
export const locales: readonly Locale[] = ['ru', 'en'];

/** The Intl tag of a UI language: Russian as in Russia, English as in Britain (24-hour, d/m). */
export const intlLocale = (locale: Locale) => (locale === 'ru' ? 'ru-RU' : 'en-GB');
