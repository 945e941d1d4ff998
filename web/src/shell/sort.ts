// Sorting a table's rows by one column. Pure, so the order is tested without a browser.

export type SortValue = string | number | null | undefined;
export type SortDirection = 'ascending' | 'descending';

/**
 * The rows in the column's order: numbers by value, text in the language's alphabetical order
 * (with numbers inside text in numeric order: «Участок 2» before «Участок 10»). Rows without a
 * value go last in either direction; rows that tie keep their order.
 */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T) => SortValue,
  direction: SortDirection,
  locale: string,
): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, i) => ({ row, i, v: value(row) }));
  const missing = (v: SortValue) => v === null || v === undefined || v === '' || Number.isNaN(v);
  keyed.sort((a, b) => {
    const am = missing(a.v);
    const bm = missing(b.v);
    if (am || bm) return am === bm ? a.i - b.i : am ? 1 : -1;
    const order =
      typeof a.v === 'number' && typeof b.v === 'number'
        ? a.v - b.v
        : collator.compare(String(a.v), String(b.v));
    return order === 0 ? a.i - b.i : sign * order;
  });
  return keyed.map((k) => k.row);
}

/** The next direction when a column's header is pressed: a new column starts ascending. */
export function nextSort(
  current: { key: string; direction: SortDirection } | null,
  key: string,
): { key: string; direction: SortDirection } {
  if (current?.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

// Legal forms people do not read as part of a name: Russian abbreviations (longest first, so
// «ФГБОУ ВО» goes before «ФГБОУ») and the English ones, at the start or the end of the name.
const legalForms = [
  'ФГБОУ ВО',
  'ФГБОУ ВПО',
  'ФГАОУ ВО',
  'ФГБУН',
  'ФГБОУ',
  'ФГАОУ',
  'ФГБУ',
  'ФГУП',
  'МУП',
  'ГУП',
  'ГБУ',
  'ГКУ',
  'МБУ',
  'НКО',
  'АНО',
  'ПАО',
  'НАО',
  'ОАО',
  'ЗАО',
  'ООО',
  'ИП',
  'АО',
  'PJSC',
  'OJSC',
  'CJSC',
  'JSC',
  'LLC',
  'Ltd',
  'PLC',
  'Inc',
];
const formPattern = legalForms.map((f) => f.replace(/ /g, '\\s+')).join('|');
const leadingForm = new RegExp(`^(?:(?:${formPattern})\\.?\\s+)+`, 'iu');
const trailingForm = new RegExp(`(?:,?\\s+(?:${formPattern})\\.?)+$`, 'iu');

/**
 * An organisation's name as it sorts: without its legal form (АО, ООО, ФГБОУ ВО, JSC, LLC …)
 * and without quotation marks, so «АО «Шахта»» sorts under «Ш».
 */
export function nameSortKey(name: string): string {
  const bare = name
    .trim()
    .replace(leadingForm, '')
    .replace(trailingForm, '')
    .replace(/[«»“”„"'‘’]/g, '')
    .trim();
  return bare || name.trim();
}
