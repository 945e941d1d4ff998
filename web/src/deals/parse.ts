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

/** The boxes' text as terms, or the boxes that are not numbers. */
export function parseTerms(v: TermsText): { terms: Terms; bad: Set<keyof TermsText> } {
  const bad = new Set<keyof TermsText>();
  const num = (k: keyof TermsText, n: number | undefined) => {
    if (n === undefined || Number.isNaN(n)) bad.add(k);
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
  return { terms, bad };
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
