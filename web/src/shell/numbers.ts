// Numbers as people type them into a form, and money between the form's roubles and the
// API's integer kopecks. Pure, so every case is tested without a browser.

/** Spaces people put between thousands: space, no-break space, narrow no-break space, thin space. */
const GROUP = /[\s\u00a0\u202f\u2009]/g;
/** Minus signs as typed or pasted: hyphen-minus, minus sign (U+2212), en dash. */
const MINUS = /^[\u2212\u2013]/;
/** Digits with at most one decimal point or comma: «25 000», «12,5», «−3», «.5». */
const DECIMAL = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

function split(text: string): { negative: boolean; whole: string; fraction: string } | null {
  const clean = text.replace(GROUP, '').replace(MINUS, '-');
  const m = DECIMAL.exec(clean);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  return { negative: m[1] === '-', whole: m[2], fraction: m[3] ?? '' };
}

/**
 * A number as people type it: spaces between thousands, a decimal comma or point, any minus
 * sign. Empty text is `undefined` (nothing typed); anything else that is not a number is NaN.
 */
export function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const parts = split(text);
  if (!parts) return Number.NaN;
  const n = Number(`${parts.whole || '0'}.${parts.fraction || '0'}`);
  return parts.negative && n !== 0 ? -n : n;
}

/**
 * A number's text with the given decimal mark («1,5» ↔ «1.5»): the same value, as parseNumber
 * reads either mark, worded for the page's language. Text that is no number stays as typed.
 */
export function withDecimalMark(text: string, decimalMark: ',' | '.'): string {
  return split(text) ? text.replace(/[.,]/, decimalMark) : text;
}

/** A form's number boxes (`keys` of `boxes`) with the given decimal mark: see `withDecimalMark`. */
export function withDecimalMarks<T extends Record<K, string>, K extends keyof T>(
  boxes: T,
  keys: readonly K[],
  decimalMark: ',' | '.',
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
export function rubToKopecks(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const parts = split(text);
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
export function exactKopecks(text: string): number | undefined {
  const parts = text.trim() === '' ? undefined : split(text);
  if (parts && parts.fraction.length > 2) return Number.NaN;
  return rubToKopecks(text);
}

/** Whole kopecks as roubles for a form's box: 12345 → «123,45», 35000 → «350». */
export function kopecksToRubText(kopecks: number, decimalMark: ',' | '.'): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(Math.round(kopecks));
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  if (cents === 0) return `${sign}${whole}`;
  const fraction = String(cents).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}${decimalMark}${fraction}`;
}
