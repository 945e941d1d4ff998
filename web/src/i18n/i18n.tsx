import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { decimalMarkOf, intlLocale, type Locale } from './locale.ts';
import { clusterZone, momentFormats } from './moments.ts';

export { decimalMarkOf, intlLocale, type Locale, locales } from './locale.ts';

/** A module's dictionary: the Russian text defines the keys, the English one must have each of them. */
export interface Dictionary<K extends string> {
  ru: Record<K, string>;
  en: Record<K, string>;
}

export function dictionary<const R extends Record<string, string>>(
  ru: R,
  en: { [K in keyof R]: string },
): Dictionary<Extract<keyof R, string>> {
  return { ru, en } as Dictionary<Extract<keyof R, string>>;
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const LocaleContext = createContext<LocaleState>({ locale: 'ru', setLocale: () => {} });

export const useLocale = () => useContext(LocaleContext);

type Vars = Record<string, string | number>;

/** The dictionary's text of `key` in `locale`, `{name}` replaced by `vars.name`. */
function worded<K extends string>(dict: Dictionary<K>, locale: Locale, key: K, vars?: Vars) {
  const text = dict[locale][key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** `t('key', { n: 3 })` replaces `{n}` in the text of the current locale. */
export function useT<K extends string>(dict: Dictionary<K>) {
  const { locale } = useLocale();
  return useCallback((key: K, vars?: Vars) => worded(dict, locale, key, vars), [dict, locale]);
}

/**
 * A text kept to be shown later (a notice after an action, a form's own error): worded when
 * shown, so that a switch of language words it anew rather than leaving it in the old one.
 */
export type Wording = (locale: Locale) => string;

/** The wording of `key`; `vars` may depend on the language (a name's quotation marks, a wait in words). */
export function wording<K extends string>(
  dict: Dictionary<K>,
  key: K,
  vars?: Vars | ((locale: Locale) => Vars),
): Wording {
  return (locale) => worded(dict, locale, key, typeof vars === 'function' ? vars(locale) : vars);
}

/**
 * A `Wording` kept in state (a page's notice, a form's own error). Its setter takes the wording
 * itself: React's own would take a function for an updater and call it.
 */
export function useWordingState(): [Wording | null, (next: Wording | null) => void] {
  const [kept, keep] = useState<Wording | null>(null);
  const set = useCallback((next: Wording | null) => keep(() => next), []);
  return [kept, set];
}

/**
 * Calls `apply` with the page's new decimal mark when a switch of language changes it (not when
 * mounted): a form re-marks the numbers in its boxes («1,5» → «1.5»), the same values.
 */
export function useDecimalMarkSwitch(apply: (mark: ',' | '.') => void) {
  const { locale } = useLocale();
  const mark = decimalMarkOf(locale);
  const last = useRef(mark);
  const latest = useRef(apply);
  latest.current = apply;
  useEffect(() => {
    if (last.current === mark) return;
    last.current = mark;
    latest.current(mark);
  }, [mark]);
}

/**
 * A formatted number with the minus sign (U+2212) where Intl writes a hyphen: «−314», as the
 * figures' formulas write it beside them. For reading only: forms and exports keep the hyphen
 * (spreadsheets read no other).
 */
export const withMinus = (text: string): string => text.replace('-', '\u2212');

/** Numbers, dates and units in the user's locale (decimal comma in Russian); times in the cluster's. */
export function useFormat() {
  const { locale } = useLocale();
  return useMemo(() => {
    const tag = intlLocale(locale);
    const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
    const kopecks = new Intl.NumberFormat(tag, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const rouble = locale === 'ru' ? '₽' : 'RUB';
    const moments = momentFormats(locale);
    return {
      locale,
      integer: (n: number) => withMinus(integer.format(n)),
      decimal: (n: number, digits = 2) =>
        withMinus(new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(n)),
      number: (n: number) => withMinus(decimal.format(n)),
      /** exactly `digits` decimals: «12,0», «−3,4» */
      fixed: (n: number, digits = 1) =>
        withMinus(
          new Intl.NumberFormat(tag, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(n),
        ),
      /** money from kopecks, to the kopeck as accounts write it: «1 234,50 ₽», '1,234.50 RUB' */
      money: (amount: number) => `${withMinus(kopecks.format(amount / 100))}\u00a0${rouble}`,
      percent: (share: number) =>
        withMinus(
          new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(share),
        ),
      /** a calendar day as it is, a moment's day in the cluster's zone (moments.ts) */
      date: moments.date,
      /** a moment in the cluster's zone, named: «1 дек. 2026 г., 13:00 (кемеровское время)» */
      dateTime: moments.dateTime,
      /** the same, the zone unnamed: «1 дек. 2026 г., 13:00», under a header naming it (`zone`) */
      clock: moments.clock,
      /** a calendar month: «дек. 2025 г.», 'Dec 2025' */
      month: moments.month,
      /** the cluster zone's words for such a header: «Кемерово», 'Kemerovo time' */
      zone: clusterZone(locale),
      coordinate: (deg: number) =>
        new Intl.NumberFormat(tag, { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(
          deg,
        ),
      /** «53,6450° с. ш., 87,9280° в. д.», “53.6450° N, 87.9280° E”: no comma read two ways */
      latLon: (lat: number, lon: number) => {
        const deg = new Intl.NumberFormat(tag, {
          minimumFractionDigits: 4,
          maximumFractionDigits: 4,
        });
        const [n, s, e, w] =
          locale === 'ru' ? ['с. ш.', 'ю. ш.', 'в. д.', 'з. д.'] : ['N', 'S', 'E', 'W'];
        return `${deg.format(Math.abs(lat))}°\u00a0${lat < 0 ? s : n}, ${deg.format(Math.abs(lon))}°\u00a0${lon < 0 ? w : e}`;
      },
    };
  }, [locale]);
}

/**
 * The language a text is written in, for its `lang` attribute where it may differ from the
 * page's: Russian when it has Cyrillic letters (a member's comment, the official FKKO
 * catalogue's wording), else undefined (the page's own). A screen reader then reads it in its
 * own voice rather than spelling Russian with English rules.
 */
export const writtenIn = (text: string | null | undefined): 'ru' | undefined =>
  text && /[А-Яа-яЁё]/.test(text) ? 'ru' : undefined;

/** A text kept in Russian with an optional English form: the English one in English mode, when there is one. */
export const localised = (locale: Locale, ru: string, en: string | null | undefined): string =>
  locale === 'en' && en ? en : ru;

/**
 * A provenance note in the user's language. `note` is Russian and `noteEn` English; a note of
 * a record written before both existed may be in either, so a Russian reader never gets a
 * Latin-only note shown as if it were Russian: it is left out (the kind badge still says
 * where the figure comes from).
 */
export function provenanceNote(
  locale: Locale,
  p: { note?: string; noteEn?: string } | undefined,
): string | undefined {
  if (!p) return undefined;
  if (locale === 'en') return p.noteEn ?? p.note;
  const russian = p.note && (/[А-Яа-яЁё]/.test(p.note) || !/[A-Za-z]/.test(p.note));
  return russian ? p.note : undefined;
}
