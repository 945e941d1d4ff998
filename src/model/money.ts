// Money is integer kopecks (DESIGN, "Money"): a `number` kept within the safe-integer range by
// the input limits, `bigint` in the database, rounded once where a posting is made.
import { z } from 'zod';

/** The largest sum any listing's yearly value or any deal may reach: 10^13 RUB. */
export const MAX_KOPECKS = 1e15;

/** An amount of money in kopecks: an integer, JSON-schema `integer`. */
export const Kopecks = z.int().min(-MAX_KOPECKS).max(MAX_KOPECKS);

/**
 * price per unit × quantity, rounded half away from zero to the kopeck: the one rounding of
 * a posting. Sums of postings are then exact integer sums.
 */
export function postKopecks(kopecksPerUnit: number, quantity: number): number {
  const exact = kopecksPerUnit * quantity;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  if (!Number.isSafeInteger(rounded))
    throw new RangeError(`${kopecksPerUnit} × ${quantity} kopecks is beyond exact arithmetic`);
  return rounded === 0 ? 0 : rounded;
}

/** Rounds an amount in (fractional) kopecks to the kopeck, half away from zero. */
export const roundKopecks = (kopecks: number): number => postKopecks(kopecks, 1);

/** A `bigint` column as read back (a string on PostgreSQL, a number or bigint on SQLite). */
export function kopecksFromColumn(value: string | number | bigint | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`money column holds ${value}: not a safe integer`);
  return n;
}

/** Kopecks as roubles (for the engine, which is unit-free, and for display). */
export const kopecksToRub = (kopecks: number): number => kopecks / 100;
