import { defuseFormula } from '../../../src/model/cells.ts';
import { clusterDay } from '../../../src/model/days.ts';
import type { Locale } from '../i18n/index.ts';
import type { listingCsvDict } from './csvDict.ts';

/**
 * A table as CSV for Excel: in Russian UTF-8 with BOM, «;» separators and a decimal comma;
 * in English the plain form. Numbers stay numbers (no group separators) so Excel can sum them.
 */
export function toCsv(rows: Array<Array<string | number | null | undefined>>, locale: Locale) {
  const sep = locale === 'ru' ? ';' : ',';
  const cell = (v: string | number | null | undefined) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      const s = String(Math.round(v * 1000) / 1000);
      return locale === 'ru' ? s.replace('.', ',') : s;
    }
    // the word joiner that keeps «т/год» on one line on screen is no part of a file's text;
    // text Excel would run as a formula (a listing's note, a name) is written as text
    const text = defuseFormula(v.replaceAll('\u2060', ''));
    return /[";,\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(sep)).join('\r\n')}\r\n`;
}

/** Offers the text as a file download. */
/** A CSV file's name: what it holds and the cluster's day (Kemerovo time) of `ms`, not UTC's. */
export const csvName = (what: string, ms: number) => `${what}-${clusterDay(ms)}.csv`;

export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V'];
/** A hazard class as Russian law writes it: I (extremely hazardous) to V. */
export const romanHazard = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : (ROMAN[n] ?? String(n));

type Limit = number | { min?: number; max?: number };
const NBSP = '\u00a0';

/** A listing's tolerances for people: «d ≤ 100 мкм; Aeff ≤ 740 Бк/кг». */
export function qualityText(
  quality: Readonly<Record<string, Limit>> | null | undefined,
  words: {
    symbol: (id: string) => string;
    unit: (id: string) => string;
    number: (n: number) => string;
  },
): string {
  return Object.entries(quality ?? {})
    .map(([id, v]) => {
      const unit = words.unit(id);
      const u = unit ? `${NBSP}${unit}` : '';
      const n = words.number;
      const limit =
        typeof v === 'number'
          ? `= ${n(v)}`
          : v.min !== undefined && v.max !== undefined
            ? `${n(v.min)}–${n(v.max)}`
            : v.min !== undefined
              ? `≥ ${n(v.min)}`
              : `≤ ${n(v.max ?? 0)}`;
      return `${words.symbol(id)} ${limit}${u}`;
    })
    .join('; ');
}

/** What the marketplace CSV needs of a listing (a subset of the API's Listing). */
export interface CsvListing {
  id: string;
  side: string;
  materialId?: string | null;
  useId?: string | null;
  quantityPerYear: number;
  unit: string;
  availableFrom: string;
  availableTo: string;
  quality?: Readonly<Record<string, Limit>> | null;
  legalStatus?: string | null;
  fkko?: string | null;
  fkkoEntry?: { hazardClass: number } | null;
  holderHidden?: boolean;
  organisationName?: string | null;
  agglomeration: string | null;
  visibility: string;
  status: string;
}

/** The words of one listing's codes and names, in the user's language. */
export interface ListingCsvWords<L> {
  header: (key: keyof typeof listingCsvDict.ru) => string;
  side: (l: L) => string;
  material: (l: L) => string;
  use: (l: L) => string;
  unit: (l: L) => string;
  legal: (l: L) => string;
  agglomeration: (l: L) => string;
  visibility: (l: L) => string;
  status: (l: L) => string;
  quality: (l: L) => string;
}

/**
 * The marketplace as rows for Excel (M4): dates under "available from / until", tolerances in
 * words with their units, hazard classes in Roman numerals, each code beside its words.
 */
export function listingCsvRows<L extends CsvListing>(
  listings: readonly L[],
  w: ListingCsvWords<L>,
) {
  const h = w.header;
  const head = [
    h('sideCode'),
    h('side'),
    h('material'),
    h('use'),
    h('quantity'),
    h('unit'),
    h('availableFrom'),
    h('availableUntil'),
    h('quality'),
    h('legalCode'),
    h('legal'),
    h('fkko'),
    h('hazard'),
    h('holder'),
    h('agglomeration'),
    h('visibilityCode'),
    h('visibility'),
    h('statusCode'),
    h('status'),
    h('id'),
  ];
  const rows = listings.map((l) => [
    l.side,
    w.side(l),
    w.material(l),
    w.use(l),
    l.quantityPerYear,
    w.unit(l),
    l.availableFrom,
    l.availableTo,
    w.quality(l),
    l.legalStatus ?? '',
    l.legalStatus ? w.legal(l) : '',
    l.fkko ?? '',
    romanHazard(l.fkkoEntry?.hazardClass),
    l.holderHidden ? h('anonymous') : (l.organisationName ?? ''),
    w.agglomeration(l),
    l.visibility,
    w.visibility(l),
    l.status,
    w.status(l),
    l.id,
  ]);
  return [head, ...rows];
}
