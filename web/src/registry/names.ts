import type { Locale } from '../i18n/index.ts';
import type { Organisation } from '../shell/types.ts';

/** The organisation's name in the user's language (Russian when no English name is known). */
export const orgName = (o: Pick<Organisation, 'name' | 'nameEn'>, locale: Locale) =>
  locale === 'en' && o.nameEn ? o.nameEn : o.name;

/**
 * A name in quotation marks for running text: «Шахта», “Mine”. A name that already carries
 * quotes (ООО «Тест») is left as it is, so that no «ООО «Тест»» appears.
 */
export function quoted(name: string, locale: Locale): string {
  if (/[«»“”"„]/.test(name)) return name;
  return locale === 'ru' ? `«${name}»` : `“${name}”`;
}
