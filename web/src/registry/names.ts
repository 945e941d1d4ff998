import type { Locale } from '../i18n/index.ts';
import type { Organisation } from '../shell/types.ts';

/** The organisation's name in the user's language (Russian when no English name is known). */
export const orgName = (o: Pick<Organisation, 'name' | 'nameEn'>, locale: Locale) =>
  locale === 'en' && o.nameEn ? o.nameEn : o.name;
