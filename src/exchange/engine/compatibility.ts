// Which offered material fits which request, and how many delivered units one shipped
// unit yields. Pure data: each row carries its source or says it is an estimate.
import type { CompatibilityRow } from '../schema.ts';

/** The general rules, then the conversions between materials (per unit of the offer). */
export const compatibilityTable: readonly CompatibilityRow[] = [
  {
    from: '*',
    to: '*',
    fromUnit: 'unit of the material',
    toUnit: 'same',
    yield: 1,
    kind: 'rule',
    source: 'the same material: delivered as shipped',
  },
  {
    from: '*',
    to: 'use:*',
    fromUnit: 'unit of the material',
    toUnit: 'same',
    yield: 1,
    kind: 'rule',
    source:
      "a request for a use: any material whose taxonomy entry lists that use, in the request's unit",
  },
  ...(['mine-methane', 'coal-bed-methane'] as const).flatMap((gas): CompatibilityRow[] => [
    {
      from: gas,
      to: 'electricity',
      fromUnit: 'thousand_m3',
      toUnit: 'MWh',
      yield: 1.3,
      kind: 'sourced',
      source:
        '[IFX] Kirov mine: 74 Mm³ of methane for 95 GWh ≈ 1.3 kWh/m³ = 1.3 MWh per thousand m³',
    },
    {
      from: gas,
      to: 'heat',
      fromUnit: 'thousand_m3',
      toUnit: 'Gcal',
      yield: 7.7,
      kind: 'estimate',
      source:
        'estimate: CH4 lower heating value 35.8 MJ/m³ × 0.9 boiler efficiency ÷ 4.1868 GJ/Gcal ≈ 7.7 Gcal per thousand m³ of methane',
    },
  ]),
  {
    from: 'coke-oven-gas',
    to: 'heat',
    fromUnit: 'thousand_m3',
    toUnit: 'Gcal',
    yield: 3.8,
    kind: 'estimate',
    source:
      'estimate: coke-oven gas LHV ≈ 17.5 MJ/m³ × 0.9 boiler efficiency ÷ 4.1868 GJ/Gcal ≈ 3.8 Gcal per thousand m³',
  },
  {
    from: 'coke-oven-gas',
    to: 'electricity',
    fromUnit: 'thousand_m3',
    toUnit: 'MWh',
    yield: 1.7,
    kind: 'estimate',
    source:
      'estimate: coke-oven gas LHV ≈ 17.5 MJ/m³ × 0.35 gas-engine efficiency ÷ 3.6 GJ/MWh ≈ 1.7 MWh per thousand m³',
  },
];

export interface Fit {
  yield: number;
  rule: CompatibilityRow;
}

interface MaterialLike {
  id: string;
  unit: string;
  uses: readonly string[];
}

/**
 * How an offered material serves a request: the same material; a conversion row to the
 * requested material; or, for a request that names only a use, a material listing that use
 * in the request's unit. Undefined when it does not fit.
 */
export function fitOf(
  offer: MaterialLike,
  request: { materialId?: string; useId?: string; unit: string },
  table: readonly CompatibilityRow[] = compatibilityTable,
): Fit | undefined {
  if (request.materialId) {
    if (request.materialId === offer.id && request.unit === offer.unit)
      return { yield: 1, rule: table[0] };
    const row = table.find((r) => r.from === offer.id && r.to === request.materialId);
    return row ? { yield: row.yield, rule: row } : undefined;
  }
  if (request.useId && offer.uses.includes(request.useId) && offer.unit === request.unit)
    return { yield: 1, rule: table[1] };
  return undefined;
}
