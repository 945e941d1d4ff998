// The deals' forms' text as the API's values: terms (kopecks, numbers) and measured quality.
// Pure: tested beside it.
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
>;

/** Why a box cannot be sent: not a number (or empty), or a quantity that is not above zero. */
export type TermsProblem = 'number' | 'positive';
export type TermsBad = Map<keyof TermsText, TermsProblem>;

/** The boxes' text as terms, or the boxes that cannot be sent and why. */
export function parseTerms(v: TermsText): { terms: Terms; bad: TermsBad } {
  const bad: TermsBad = new Map();
  const num = (k: keyof TermsText, n: number | undefined) => {
    if (n === undefined || Number.isNaN(n)) bad.set(k, 'number');
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
  };
  if (!bad.has('quantity') && !((terms.quantity ?? 0) > 0)) bad.set('quantity', 'positive');
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

/** «ash=12.5, moisture=8» → { ash: 12.5, moisture: 8 }; null when a pair is not one. */
export function parseQuality(text: string): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const part of text.split(/[;\n]|,(?=\s*[^\d\s])/)) {
    if (!part.trim()) continue;
    const m = /^\s*([^=\s]+)\s*=\s*(.+?)\s*$/.exec(part);
    const n = m ? parseNumber(m[2] ?? '') : undefined;
    if (!m?.[1] || n === undefined || Number.isNaN(n)) return null;
    out[m[1]] = n;
  }
  return out;
}
