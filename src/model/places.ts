// Place names in both languages: the regions organisations record (in Russian, as in their
// registration), the Kuzbass towns the map and the special territories are named after, and
// the kinds of special territory. One list for the web app (registry pages, map) and the
// server (the assessment's evidence and report). A name not listed stays as recorded.

export type PlaceLang = 'ru' | 'en';

const kuzbass = 'Kemerovo Oblast – Kuzbass';

/** English names of the regions organisations record. */
const regionsEn: Readonly<Record<string, string>> = {
  'Кемеровская область — Кузбасс': kuzbass,
  'Кемеровская область': kuzbass,
  Кузбасс: kuzbass,
  'Томская область': 'Tomsk Oblast',
  'Новосибирская область': 'Novosibirsk Oblast',
  'Красноярский край': 'Krasnoyarsk Krai',
  'Алтайский край': 'Altai Krai',
  'Республика Алтай': 'Altai Republic',
  'Республика Хакасия': 'Republic of Khakassia',
  'Республика Тыва': 'Tuva Republic',
  'Омская область': 'Omsk Oblast',
  'Иркутская область': 'Irkutsk Oblast',
  'Свердловская область': 'Sverdlovsk Oblast',
  'Челябинская область': 'Chelyabinsk Oblast',
  'Тюменская область': 'Tyumen Oblast',
  Москва: 'Moscow',
  'г. Москва': 'Moscow',
  'Московская область': 'Moscow Oblast',
  'Санкт-Петербург': 'Saint Petersburg',
  'г. Санкт-Петербург': 'Saint Petersburg',
};

/** A region in a language (as recorded when no English name is known). */
export const regionIn = (region: string, lang: PlaceLang): string =>
  lang === 'en' ? (regionsEn[region.trim()] ?? region) : region;

/** The Russian name of each English one: the first, fullest spelling listed above. */
const regionsRu = new Map<string, string>();
for (const [ru, en] of Object.entries(regionsEn)) if (!regionsRu.has(en)) regionsRu.set(en, ru);

/**
 * A region as organisations record it: in Russian, as in their registration. A form shown in
 * English offers the English name; a name this list knows goes back to its Russian one, any
 * other stays as typed.
 */
export const regionRecorded = (region: string): string =>
  regionsRu.get(region.trim()) ?? region.trim();

/** Kuzbass towns: the English name (the map's), the Russian one, and other Russian spellings. */
const towns: ReadonlyArray<readonly [en: string, ru: string, ...variants: string[]]> = [
  ['Kemerovo', 'Кемерово'],
  ['Berezovsky', 'Берёзовский', 'Березовский'],
  ['Topki', 'Топки'],
  ['Novokuznetsk', 'Новокузнецк'],
  ['Prokopyevsk', 'Прокопьевск'],
  ['Kiselyovsk', 'Киселёвск', 'Киселевск'],
  ['Osinniki', 'Осинники'],
  ['Kaltan', 'Калтан'],
  ['Myski', 'Мыски'],
  ['Mezhdurechensk', 'Междуреченск'],
  ['Leninsk-Kuznetsky', 'Ленинск-Кузнецкий'],
  ['Polysayevo', 'Полысаево'],
  ['Belovo', 'Белово'],
  ['Anzhero-Sudzhensk', 'Анжеро-Судженск'],
  ['Yurga', 'Юрга'],
  ['Tashtagol', 'Таштагол'],
];
const townRu = new Map(towns.map(([en, ru]) => [en, ru]));
const townEn = new Map(towns.flatMap(([en, ...ru]) => ru.map((r) => [r, en] as const)));

/** A town known by its English name (the map's) in a language. */
export const townIn = (englishName: string, lang: PlaceLang): string =>
  lang === 'ru' ? (townRu.get(englishName) ?? englishName) : englishName;

/** The English name of a town written in Russian; undefined when not known. */
export const townEnglish = (russianName: string): string | undefined =>
  townEn.get(russianName.trim());

/** The kinds of special territory as written before a name, in English. */
const territoryKindsEn: Readonly<Record<string, string>> = {
  ТОР: 'Advanced Development Territory',
  ТОСЭР: 'Advanced Development Territory',
  ОЭЗ: 'Special Economic Zone',
};

/**
 * A special territory in a language. Recorded in Russian as «ТОР «Юрга»» (the registry's
 * example); in English the kind is worded and the town named as the map names it:
 * “Advanced Development Territory “Yurga””. A name of another shape stays as recorded.
 */
export function territoryIn(name: string, lang: PlaceLang): string {
  if (lang === 'ru') return name;
  const m = /^\s*(ТОР|ТОСЭР|ОЭЗ)\s*[«"“]([^»"”]+)[»"”]\s*$/u.exec(name);
  if (!m) return name;
  const [, kind = '', place = ''] = m;
  const town = townEnglish(place);
  const kindEn = territoryKindsEn[kind];
  if (!town || !kindEn) return name;
  return `${kindEn} “${town}”`;
}
