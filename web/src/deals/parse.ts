// The deals' forms' text as the API's values: terms (kopecks, numbers) and measured quality.
// Pure: tested beside it.
import { termLimitOf } from '../../../src/deals/limits.ts';
import { listingLimits } from '../../../src/exchange/limits.ts';
import { parseNumber, rubToKopecks } from '../shell/numbers.ts';
import type { DealCreate } from './api.ts';

export interface TermsText {
  quantity: string;
  unit: string;
  from: string;
  to: string;
  price: string;
  mode: string;
  paidBy: string;
  transportCost: string;
  tolerance: string;
  /** what the receiver does with the waste; '' when the deal names none (utilisation) */
  purpose: string;
}

type Terms = Pick<
  DealCreate,
  | 'quantity'
  | 'unit'
  | 'schedule'
  | 'priceKopecksPerUnit'
  | 'transport'
  | 'transportKopecksPerUnit'
  | 'tolerancePct'
  | 'wastePurpose'
>;

/**
 * Why a box cannot be sent: not a number (or empty), a quantity not above zero, a figure past
 * the server's bound (DealTerms: the listings' bounds, tolerance ≤ 100 %) above or, for a gate
 * fee, below, an end before the start, and — given `today` (a new deal) — an end before today.
 */
export type TermsProblem =
  | 'required'
  | 'number'
  | 'positive'
  | 'negative'
  | 'tooLarge'
  | 'tooSmall'
  | 'beforeFrom'
  | 'past'
  | 'tooLong';

/** The bound of each number box, in the box's unit (roubles for money, % for the tolerance). */
export const termsLimits = {
  quantity: listingLimits.quantityPerYear,
  price: listingLimits.kopecksPerUnit / 100,
  transportCost: listingLimits.kopecksPerUnit / 100,
  tolerance: 100,
} as const;
export type TermsBad = Map<keyof TermsText, TermsProblem>;

/** The boxes' text as terms, or the boxes that cannot be sent and why. */
export function parseTerms(v: TermsText, today?: string): { terms: Terms; bad: TermsBad } {
  const bad: TermsBad = new Map();
  const num = (k: keyof TermsText, n: number | undefined) => {
    // an empty box is asked for as the listing form asks for one, not as a bad number
    if (v[k].trim() === '') bad.set(k, 'required');
    else if (n === undefined || Number.isNaN(n)) bad.set(k, 'number');
    return n ?? 0;
  };
  const terms: Terms = {
    quantity: num('quantity', parseNumber(v.quantity)),
    unit: v.unit as Terms['unit'],
    schedule: { from: v.from, to: v.to },
    priceKopecksPerUnit: num('price', rubToKopecks(v.price)),
    transport: {
      mode: v.mode as NonNullable<Terms['transport']>['mode'],
      paidBy: v.paidBy === 'provider' ? 'provider' : 'consumer',
    },
    transportKopecksPerUnit: num('transportCost', rubToKopecks(v.transportCost)),
    tolerancePct: num('tolerance', parseNumber(v.tolerance)),
    ...(v.purpose ? { wastePurpose: v.purpose as NonNullable<Terms['wastePurpose']> } : {}),
  };
  if (!bad.has('quantity') && !((terms.quantity ?? 0) > 0)) bad.set('quantity', 'positive');
  // the server's bounds too: a transport cost or a tolerance below zero is no term
  if (!bad.has('transportCost') && (terms.transportKopecksPerUnit ?? 0) < 0)
    bad.set('transportCost', 'negative');
  if (!bad.has('tolerance') && (terms.tolerancePct ?? 0) < 0) bad.set('tolerance', 'negative');
  const beyond = (k: keyof typeof termsLimits, n: number | undefined, scale = 1) => {
    if (bad.has(k)) return;
    if ((n ?? 0) > termsLimits[k] * scale) bad.set(k, 'tooLarge');
    else if ((n ?? 0) < -termsLimits[k] * scale) bad.set(k, 'tooSmall');
  };
  beyond('quantity', terms.quantity);
  beyond('price', terms.priceKopecksPerUnit, 100);
  beyond('transportCost', terms.transportKopecksPerUnit, 100);
  beyond('tolerance', terms.tolerancePct);
  if (v.from && v.to && v.to < v.from) bad.set('to', 'beforeFrom');
  else if (today && v.to && v.to < today) bad.set('to', 'past');
  else if (v.from && v.to && v.to > termLimitOf(v.from)) bad.set('to', 'tooLong');
  return { terms, bad };
}

/** The new-deal form's choices left at «— choose —»: the reader picks them, never types an id. */
export function missingChoices(c: {
  counterparty: string;
  material: string;
}): Set<'counterparty' | 'material'> {
  const missing = new Set<'counterparty' | 'material'>();
  if (!c.counterparty) missing.add('counterparty');
  if (!c.material) missing.add('material');
  return missing;
}

/** Why a quality text cannot be read: a piece that is no «name = value», a name that is no property, a value that is no number. */
export type QualityProblem =
  | { problem: 'pair'; word: string }
  | { problem: 'property'; word: string }
  | { problem: 'number'; word: string };

/**
 * «Зольность = 12,5; Влажность общая = 8» → { ash: 12.5, moisture: 8 }, or what stops it being
 * read. Pairs are parted by «;» or a new line (a comma before a name parts them too, but the
 * comma of «12,5» is its decimal mark); a value may carry its unit («12,5 %», «30 мм»).
 * `resolve` reads the name written as the property's id (by default the name is the id).
 */
export function readQuality(
  text: string,
  resolve: (name: string) => string | undefined = (name) => name,
): { values: Record<string, number> } | QualityProblem {
  const out: Record<string, number> = {};
  const add = (name: string, value: string): QualityProblem | null => {
    const id = name.trim() ? resolve(name.trim()) : undefined;
    if (!id) return { problem: name.trim() ? 'property' : 'pair', word: name.trim() };
    const m = /^\s*(.+?)\s*(%|[^\d\s%.,=]+(?:\/[^\d\s]+)?)?\s*$/.exec(value);
    const n = m ? parseNumber(m[1] ?? '') : undefined;
    if (n === undefined || Number.isNaN(n)) return { problem: 'number', word: value.trim() };
    out[id] = n;
    return null;
  };
  for (const chunk of text.split(/[;\n]/)) {
    if (!chunk.trim()) continue;
    // name = value, name = value: between two «=» stand a value and the next name, parted by
    // the first comma before a word (a name may hold a comma: "Ash content, dry basis")
    const pieces = chunk.split('=');
    if (pieces.length < 2) return { problem: 'pair', word: chunk.trim() };
    let name = pieces[0];
    for (let i = 1; i < pieces.length; i++) {
      let value = pieces[i];
      let next = '';
      if (i < pieces.length - 1) {
        const comma = /,(?=\s*[^\d\s])/.exec(value);
        if (!comma) return { problem: 'pair', word: chunk.trim() };
        next = value.slice(comma.index + 1);
        value = value.slice(0, comma.index);
      }
      const bad = add(name, value);
      if (bad) return bad;
      name = next;
    }
  }
  return { values: out };
}

/** readQuality's values, or null when the text cannot be read. */
export function parseQuality(
  text: string,
  resolve?: (name: string) => string | undefined,
): Record<string, number> | null {
  const r = readQuality(text, resolve);
  return 'values' in r ? r.values : null;
}
