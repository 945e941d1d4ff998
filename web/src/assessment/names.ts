import type { Locale } from '../i18n/index.ts';

/**
 * An organisation's name in the user's language: its English name in English mode when the
 * registry keeps one, else the Russian (as the registry's pages choose it).
 */
export const nameIn = (o: { name: string; nameEn?: string | null }, locale: Locale): string =>
  locale === 'en' && o.nameEn ? o.nameEn : o.name;
