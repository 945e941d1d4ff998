// Which offered material fits which request, and how many delivered units one shipped
// unit yields. Pure: the yields come from the factors table; each row carries its source or
// says it is an estimate.
import type { CompatibilityRow } from '../schema.ts';
import { type FactorTable, factor } from './factors.ts';

/** The two general rules: the same material, and a request for a use. */
export const generalRules: readonly CompatibilityRow[] = [
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
];

const fmt = (x: number, digits = 3) => String(Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * The general rules, then the conversions between materials (per unit of the offer), their
 * yields from the factors table (`energy.*`, `emissions.methane.densityKgPerM3`). Methane's
 * yields are per thousand m³ of pure CH4 at 20 °C and scale with the offer's CH4 %
 * (`scaledBy`); coke-oven gas's are per thousand m³ of the gas as it is.
 */
export function compatibilityFrom(table: FactorTable): CompatibilityRow[] {
  const f = (k: string) => factor(table, k);
  const gjPerGcal = f('energy.gjPerGcal');
  const gjPerMWh = f('energy.gjPerMWh');
  const boiler = f('energy.boiler.gasEfficiency');
  // GJ in a thousand m³: m³ × kg/m³ × MJ/kg ÷ 1000 MJ/GJ
  const ch4Gj = f('emissions.methane.densityKgPerM3') * f('energy.methane.lhvMjPerKg');
  const cogGj = f('energy.cokeOvenGas.lhvMjPerM3');
  const engine = f('energy.gasEngine.electricEfficiency');
  const steam = f('energy.steamCycle.electricEfficiency');
  const methane = (['mine-methane', 'coal-bed-methane'] as const).flatMap(
    (gas): CompatibilityRow[] => [
      {
        from: gas,
        to: 'electricity',
        fromUnit: 'thousand_m3',
        toUnit: 'MWh',
        yield: (ch4Gj * engine) / gjPerMWh,
        kind: 'estimate',
        scaledBy: 'ch4',
        source: `estimate: a thousand m³ of CH4 at 20 °C holds ${fmt(ch4Gj)} GJ (density × LHV, factors table) × ${engine} gas-engine efficiency ÷ ${gjPerMWh} GJ/MWh = ${fmt((ch4Gj * engine) / gjPerMWh)} MWh, × the offer's CH4 % ÷ 100 (Kirov mine [IFX]: 74 Mm³ → 95 GWh ≈ gas of 35 % CH4)`,
      },
      {
        from: gas,
        to: 'heat',
        fromUnit: 'thousand_m3',
        toUnit: 'Gcal',
        yield: (ch4Gj * boiler) / gjPerGcal,
        kind: 'estimate',
        scaledBy: 'ch4',
        source: `estimate: ${fmt(ch4Gj)} GJ per thousand m³ of CH4 at 20 °C × ${boiler} boiler efficiency ÷ ${gjPerGcal} GJ/Gcal = ${fmt((ch4Gj * boiler) / gjPerGcal)} Gcal, × the offer's CH4 % ÷ 100`,
      },
    ],
  );
  return [
    ...generalRules,
    ...methane,
    {
      from: 'coke-oven-gas',
      to: 'heat',
      fromUnit: 'thousand_m3',
      toUnit: 'Gcal',
      yield: (cogGj * boiler) / gjPerGcal,
      kind: 'estimate',
      source: `estimate: coke-oven gas LHV ≈ ${cogGj} MJ/m³ × ${boiler} boiler efficiency ÷ ${gjPerGcal} GJ/Gcal = ${fmt((cogGj * boiler) / gjPerGcal)} Gcal per thousand m³`,
    },
    {
      from: 'coke-oven-gas',
      to: 'electricity',
      fromUnit: 'thousand_m3',
      toUnit: 'MWh',
      yield: (cogGj * steam) / gjPerMWh,
      kind: 'estimate',
      source: `estimate: coke-oven gas LHV ≈ ${cogGj} MJ/m³ × ${steam} steam-cycle efficiency ÷ ${gjPerMWh} GJ/MWh = ${fmt((cogGj * steam) / gjPerMWh)} MWh per thousand m³`,
    },
  ];
}

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
  table: readonly CompatibilityRow[] = generalRules,
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
