// Names the assessment shows in the reader's language: an organisation's (its English name when
// the registry keeps one), a region's and a special territory's. Regions and territories are
// recorded in Russian; their English words are those of the web app's registry
// (web/src/registry/labels.ts), copied here for what the assessment shows on the server side
// (evidence strings, the HTML/PDF report). A name not known here stays as recorded.

export type Lang = 'ru' | 'en';

/** An organisation's name in a language: the English one when it is there, else the Russian. */
export const orgNameIn = (o: { name: string; nameEn?: string | null }, lang: Lang): string =>
  lang === 'en' && o.nameEn?.trim() ? o.nameEn.trim() : o.name;

const homeRegionEn = 'Kemerovo Oblast – Kuzbass';

/** English names of the regions organisations record (as in web/src/registry/labels.ts). */
const regionsEn: Readonly<Record<string, string>> = {
  'Кемеровская область — Кузбасс': homeRegionEn,
  'Кемеровская область': homeRegionEn,
  Кузбасс: homeRegionEn,
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
export const regionIn = (region: string, lang: Lang): string =>
  lang === 'en' ? (regionsEn[region.trim()] ?? region) : region;

/** The Kuzbass towns special territories are named after (the registry's map words them so). */
const townsEn: Readonly<Record<string, string>> = {
  Кемерово: 'Kemerovo',
  Берёзовский: 'Berezovsky',
  Березовский: 'Berezovsky',
  Топки: 'Topki',
  Новокузнецк: 'Novokuznetsk',
  Прокопьевск: 'Prokopyevsk',
  Киселёвск: 'Kiselyovsk',
  Киселевск: 'Kiselyovsk',
  Осинники: 'Osinniki',
  Калтан: 'Kaltan',
  Мыски: 'Myski',
  Междуреченск: 'Mezhdurechensk',
  'Ленинск-Кузнецкий': 'Leninsk-Kuznetsky',
  Полысаево: 'Polysayevo',
  Белово: 'Belovo',
  'Анжеро-Судженск': 'Anzhero-Sudzhensk',
  Юрга: 'Yurga',
  Таштагол: 'Tashtagol',
};

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
export function territoryIn(name: string, lang: Lang): string {
  if (lang === 'ru') return name;
  const m = /^\s*(ТОР|ТОСЭР|ОЭЗ)\s*[«"“]([^»"”]+)[»"”]\s*$/u.exec(name);
  if (!m) return name;
  const [, kind = '', place = ''] = m;
  const town = townsEn[place.trim()];
  const kindEn = territoryKindsEn[kind];
  if (!town || !kindEn) return name;
  return `${kindEn} “${town}”`;
}
