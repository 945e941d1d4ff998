// Sustainability as the paper puts it: a balance of the environmental, economic and social.
// Each part is the mean of its indicators, each indicator its value as a share of a target
// (capped at 1); the balance index multiplies the parts' mean by (1 − their range), so growth
// in one part alone does not raise it. Indicators without a value or a target are no data.

export const sustainabilityParts = ['environmental', 'economic', 'social'] as const;
export type SustainabilityPart = (typeof sustainabilityParts)[number];

export interface SustainabilityIndicator {
  part: SustainabilityPart;
  /** e.g. waste_utilisation_rate, tonnes_diverted, co2e_avoided_t, methane_used_m3, savings_rub */
  name: string;
  value: number | null;
  /** what counts as full marks, in the value's unit; null: no target set */
  target: number | null;
  unit: string;
}

export interface SustainabilityBalance {
  parts: Record<SustainabilityPart, number | null>;
  /** mean of the parts × (1 − (largest − smallest)); null unless all three parts have data */
  balanceIndex: number | null;
  indicators: (SustainabilityIndicator & { share: number | null })[];
  formula: string;
  /** the same formula in Russian */
  formulaRu: string;
}

const round = (x: number) => Number(x.toFixed(4));

/** One delivered lot of a methane deal: its quantity in m³ of gas mixture, and the gas's CH4 %. */
export interface GasLot {
  m3: number;
  /** CH4 % of the gas its offer states; undefined: not stated */
  ch4Percent: number | undefined;
}

/**
 * Methane (CH4) used: Σ m³ of gas mixture × its CH4 % ÷ 100, as the exchange's methane factors
 * take it (exchange/engine/impact.ts). A lot whose offer states no CH4 % is left out and
 * counted, so the source can say so; no lot with a CH4 %: null (no data), never the mixture's
 * volume under methane's name.
 */
export function methaneCh4M3(lots: readonly GasLot[]): { m3: number | null; withoutCh4: number } {
  const known = lots.filter((l) => l.ch4Percent !== undefined && Number.isFinite(l.m3));
  const m3 = known.length
    ? known.reduce((sum, l) => sum + (l.m3 * (l.ch4Percent ?? 0)) / 100, 0)
    : null;
  return { m3, withoutCh4: lots.length - known.length };
}

/** The balance index of three parts, each 0..1 (null unless all three are known). */
export function balanceIndex(parts: readonly (number | null | undefined)[]): number | null {
  if (parts.length === 0 || parts.some((p) => p === null || p === undefined)) return null;
  const xs = parts as number[];
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return round(mean * (1 - (Math.max(...xs) - Math.min(...xs))));
}

export function sustainabilityBalance(
  indicators: readonly SustainabilityIndicator[],
): SustainabilityBalance {
  const scored = indicators.map((i) => ({
    ...i,
    share:
      i.value !== null && i.target !== null && i.target > 0
        ? round(Math.min(1, Math.max(0, i.value / i.target)))
        : null,
  }));
  const parts = Object.fromEntries(
    sustainabilityParts.map((part) => {
      const shares = scored
        .filter((i) => i.part === part && i.share !== null)
        .map((i) => i.share as number);
      return [
        part,
        shares.length ? round(shares.reduce((a, b) => a + b, 0) / shares.length) : null,
      ];
    }),
  ) as Record<SustainabilityPart, number | null>;
  return {
    parts,
    balanceIndex: balanceIndex(sustainabilityParts.map((p) => parts[p])),
    indicators: scored,
    formula:
      'part = mean of min(1, value ÷ target) over its indicators; balance = mean(parts) × (1 − (max(parts) − min(parts)))',
    formulaRu:
      'часть = среднее min(1, значение ÷ цель) по её показателям; баланс = среднее(частей) × (1 − (max(частей) − min(частей)))',
  };
}
