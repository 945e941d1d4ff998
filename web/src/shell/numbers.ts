// Numbers as people type them into a form, and money between the form's roubles and the
// API's integer kopecks. Pure, so every case is tested without a browser.

/** Spaces people put between thousands: space, no-break space, narrow no-break space, thin space. */
const GROUP = /[\s\u00a0\u202f\u2009]/g;
/** Minus signs as typed or pasted: hyphen-minus, minus sign (U+2212), en dash. */
const MINUS = /^[\u2212\u2013]/;
/** Digits with at most one decimal point or comma: «25000», «12,5», «−3», «.5». */
const DECIMAL = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

type Mark = ',' | '.';

/**
 * The decimal mark of the page's language («12,5» in Russian, «12.5» in English), which decides
 * the one reading two languages disagree on: «1,500» is 1.5 on a Russian page, 1 500 on an
 * English one. The language provider keeps it current; a caller may pass its own.
 */
let pageDecimalMark: Mark = ',';
export function setPageDecimalMark(mark: Mark): void {
  pageDecimalMark = mark;
}

/** Groups of three after a first group of one to three digits, then maybe the other mark's decimals. */
const GROUPED: Record<Mark, RegExp> = {
  ',': /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/,
  '.': /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?$/,
};
const count = (text: string, c: string) => text.split(c).length - 1;

/**
 * The thousands mark in a number typed with points or commas, null when there is none: the
 * earlier of the two when both are there («1,250,000.50», «1.250.000,50»), the one repeated
 * («1,250,000»), and a lone comma before three digits on a page whose decimal mark is a point.
 */
function groupMarkOf(clean: string, mark: Mark): Mark | null {
  const commas = count(clean, ',');
  const points = count(clean, '.');
  if (commas && points) return clean.lastIndexOf(',') < clean.lastIndexOf('.') ? ',' : '.';
  if (commas > 1) return ',';
  if (points > 1) return '.';
  if (commas === 1 && mark === '.' && GROUPED[','].test(clean)) return ',';
  return null;
}

/** The number's text with spaces and thousands marks gone, one decimal mark at most; null: no number. */
function plain(text: string, mark: Mark): string | null {
  const clean = text.replace(GROUP, '').replace(MINUS, '-');
  const group = groupMarkOf(clean, mark);
  if (group === null) return clean;
  return GROUPED[group].test(clean) ? clean.split(group).join('') : null;
}

function split(
  text: string,
  mark: Mark = pageDecimalMark,
): { negative: boolean; whole: string; fraction: string } | null {
  const clean = plain(text, mark);
  const m = clean === null ? null : DECIMAL.exec(clean);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  return { negative: m[1] === '-', whole: m[2], fraction: m[3] ?? '' };
}

/**
 * A number as people type it: spaces (or commas, points) between thousands, a decimal comma or
 * point, any minus sign. Empty text is `undefined` (nothing typed); anything else that is not a
 * number is NaN.
 */
export function parseNumber(text: string, mark: Mark = pageDecimalMark): number | undefined {
  if (text.trim() === '') return undefined;
  const parts = split(text, mark);
  if (!parts) return Number.NaN;
  const n = Number(`${parts.whole || '0'}.${parts.fraction || '0'}`);
  return parts.negative && n !== 0 ? -n : n;
}

/**
 * A number's text with the given decimal mark («1,5» ↔ «1.5»), read with the other one (the
 * language being left): the same value, worded for the page's new language; thousands marks
 * other than spaces are dropped («1,500» on an English page is «1500» on a Russian one). Text
 * that is no number stays as typed.
 */
export function withDecimalMark(text: string, decimalMark: Mark): string {
  const left: Mark = decimalMark === ',' ? '.' : ',';
  if (!split(text, left)) return text;
  const group = groupMarkOf(text.replace(GROUP, '').replace(MINUS, '-'), left);
  return (group ? text.split(group).join('') : text).replace(/[.,]/, decimalMark);
}

/** A form's number boxes (`keys` of `boxes`) with the given decimal mark: see `withDecimalMark`. */
export function withDecimalMarks<T extends Record<K, string>, K extends keyof T>(
  boxes: T,
  keys: readonly K[],
  decimalMark: Mark,
): T {
  const out = { ...boxes };
  for (const k of keys) out[k] = withDecimalMark(boxes[k], decimalMark) as T[K];
  return out;
}

/**
 * Roubles as typed («1 234,565») as whole kopecks (123 457), rounded half away from zero at
 * the kopeck. Computed on the digits, not on a float: 0.1 + 0.2 style errors cannot creep in
 * (1,005 ₽ is 101 kopecks, where Math.round(1.005 * 100) gives 100). Empty: `undefined`;
 * not a number: NaN.
 */
export function rubToKopecks(text: string, mark: Mark = pageDecimalMark): number | undefined {
  if (text.trim() === '') return undefined;
  const parts = split(text, mark);
  if (!parts) return Number.NaN;
  const fraction = parts.fraction.padEnd(3, '0');
  let kopecks = Number(parts.whole || '0') * 100 + Number(fraction.slice(0, 2));
  // the third decimal decides; the magnitude is rounded, then the sign applied
  if (fraction.charCodeAt(2) >= 53 /* '5' */) kopecks += 1;
  return parts.negative && kopecks !== 0 ? -kopecks : kopecks;
}

/**
 * Roubles as typed, to the kopeck and no further: a third decimal is NaN rather than rounded
 * (a budget someone signs must be what they typed). Empty: `undefined`; not a number: NaN.
 */
export function exactKopecks(text: string, mark: Mark = pageDecimalMark): number | undefined {
  const parts = text.trim() === '' ? undefined : split(text, mark);
  if (parts && parts.fraction.length > 2) return Number.NaN;
  return rubToKopecks(text, mark);
}

/** Whole kopecks as roubles for a form's box: 12345 → «123,45», 35000 → «350». */
export function kopecksToRubText(kopecks: number, decimalMark: Mark): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(Math.round(kopecks));
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${whole}`;
  const fraction = String(cents).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}${decimalMark}${fraction}`;
}
