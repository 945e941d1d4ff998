// Names the assessment shows in the reader's language: an organisation's (its English name when
// the registry keeps one), a region's and a special territory's (the shared place names of
// src/model/places.ts, which the web app's registry pages use too). A name not known there
// stays as recorded.
export { regionIn, territoryIn } from '../../model/places.ts';

export type Lang = 'ru' | 'en';

/** An organisation's name in a language: the English one when it is there, else the Russian. */
export const orgNameIn = (o: { name: string; nameEn?: string | null }, lang: Lang): string =>
  lang === 'en' && o.nameEn?.trim() ? o.nameEn.trim() : o.name;
