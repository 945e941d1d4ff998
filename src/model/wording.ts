// How a message words its figures for a reader: a moment in the cluster's time, a quantity with
// its unit, a number in the reader's number format, a code as a word of its vocabulary. A stored
// message keeps them as data (ISO timestamps, bare numbers, unit codes, state codes); these word
// them only when a person reads the message.
import type { Lang } from './messages.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * The cluster's time zone: Kemerovo and Novokuznetsk keep UTC+7 (IANA's zone for the Kemerovo
 * region). A server message cannot know the reader's own zone, so it names the cluster's.
 */
export const CLUSTER_TIME_ZONE = 'Asia/Novokuznetsk';

const tag = (lang: Lang) => (lang === 'ru' ? 'ru-RU' : 'en-GB');

/** The cluster's zone as a reader reads it beside a time of day; the web app names it the same. */
export const clusterZoneName: Readonly<Record<Lang, string>> = {
  ru: 'кемеровское время',
  en: 'Kemerovo time',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A calendar day or a moment as a reader reads it: «1 декабря 2026 г., 13:00 (кемеровское время)»,
 * '1 December 2026, 13:00 (Kemerovo time)'; a day alone (2026-03-01) is «1 марта 2026 г.»,
 * '1 March 2026', in no zone. Text that is neither is given back as it is.
 */
export function wordMoment(iso: string, lang: Lang): string {
  if (DAY.test(iso)) {
    const day = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(day.getTime())) return iso;
    return new Intl.DateTimeFormat(tag(lang), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(day);
  }
  if (!MOMENT.test(iso)) return iso;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const date = new Intl.DateTimeFormat(tag(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: CLUSTER_TIME_ZONE,
  }).format(at);
  const time = new Intl.DateTimeFormat(tag(lang), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: CLUSTER_TIME_ZONE,
  }).format(at);
  return `${date}, ${time} (${clusterZoneName[lang]})`;
}

/** A calendar month (YYYY-MM) as a reader reads it: «декабрь 2025 г.», 'December 2025'. */
export function wordMonth(yyyyMm: string, lang: Lang): string {
  if (!/^\d{4}-\d{2}$/.test(yyyyMm)) return yyyyMm;
  return new Intl.DateTimeFormat(tag(lang), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${yyyyMm}-01T00:00:00Z`));
}

/**
 * A number in the reader's format: «1 200,5», '1,200.5', «−100 000» (at most three
 * decimals). ICU writes a hyphen-minus for the sign; print sets a minus sign (U+2212), as
 * the web app does.
 */
export const wordNumber = (n: number, lang: Lang): string =>
  new Intl.NumberFormat(tag(lang), { maximumFractionDigits: 3 }).format(n).replace('-', '\u2212');

/** The units materials are counted in (registry MaterialUnit), as a figure's unit. */
const unitSymbols: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  t: { ru: 'т', en: 't' },
  m3: { ru: 'м³', en: 'm³' },
  thousand_m3: { ru: 'тыс. м³', en: 'thousand m³' },
  MWh: { ru: 'МВт·ч', en: 'MWh' },
  GJ: { ru: 'ГДж', en: 'GJ' },
  Gcal: { ru: 'Гкал', en: 'Gcal' },
};

/** The same units named in words, as after «в»/'in': «измеряется в тоннах», 'measured in tonnes'. */
const unitNames: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  t: { ru: 'тоннах', en: 'tonnes' },
  m3: { ru: 'кубических метрах', en: 'cubic metres' },
  thousand_m3: { ru: 'тысячах кубических метров', en: 'thousands of cubic metres' },
  MWh: { ru: 'мегаватт-часах', en: 'megawatt-hours' },
  GJ: { ru: 'гигаджоулях', en: 'gigajoules' },
  Gcal: { ru: 'гигакалориях', en: 'gigacalories' },
};

/** A unit's symbol in the reader's language («м³»); an unknown unit as it is. */
export const unitSymbol = (unit: string, lang: Lang): string => unitSymbols[unit]?.[lang] ?? unit;

/** A unit named in words, in the form after «в»/'in' («тоннах», 'tonnes'); an unknown one as it is. */
export const unitName = (unit: string, lang: Lang): string => unitNames[unit]?.[lang] ?? unit;

/**
 * A quantity with its unit, in the reader's number format and with a no-break space between:
 * «1 200,5 т», '1,200.5 t'. With no unit known, the number alone.
 */
export const wordQuantity = (n: number, unit: string | undefined, lang: Lang): string =>
  unit ? `${wordNumber(n, lang)}\u00a0${unitSymbol(unit, lang)}` : wordNumber(n, lang);

/**
 * A code as the word its vocabulary gives in the reader's language: a deal's state `offered` is
 * «предложена», 'offered'; a code the vocabulary lacks is given as it is.
 */
export const wordFrom = (vocabulary: Vocabulary, code: string, lang: Lang): string =>
  Object.hasOwn(vocabulary, code) ? vocabulary[code][lang] : code;

/**
 * A noun counted in a message, in each plural form it takes after a number: Russian «1 прогону»,
 * «2 прогонам», «5 прогонам», «21 прогону» (one, few, many; other for a fraction), English
 * '1 run', '21 runs'. The case is the message's: each wording names the form it needs.
 */
export interface CountedNoun {
  readonly ru: Readonly<Record<'one' | 'few' | 'many' | 'other', string>>;
  readonly en: Readonly<Record<'one' | 'other', string>>;
}

/** The form of `noun` after the count `n` in `lang`, by the language's plural rules. */
export function countedNoun(lang: Lang, n: number, noun: CountedNoun): string {
  const category = new Intl.PluralRules(lang).select(n);
  if (lang === 'en') return category === 'one' ? noun.en.one : noun.en.other;
  return category === 'one' || category === 'few' || category === 'many'
    ? noun.ru[category]
    : noun.ru.other;
}
