// Pure: what a plan does for the environment and the members' costs, each figure with its
// formula and the factors used, so every number shown can be traced.
import type { Figure, Impact, TransportMode } from '../schema.ts';
import { type FactorTable, factor } from './factors.ts';

export interface EmissionFactors {
  /** t CO2 avoided per delivered t when an offered material serves a use (or request material) */
  replacement: Array<{ materials: string[]; to: string; tCo2PerUnit: number; source: string }>;
  methane: {
    materials: string[];
    /** t CO2e avoided per t CH4 used rather than vented */
    tCo2ePerTCh4: number;
    /** t per m³ of CH4 */
    tPerM3: number;
    source: string;
  };
  /** kg CO2 per t·km of route */
  transportKgPerTkm: Record<TransportMode, number>;
  transportSource: string;
}

const ashes = ['fly-ash', 'ash-slag-hydraulic', 'ash-slag-mix', 'bottom-slag'];

const entry = (table: FactorTable, key: string) => {
  const e = table[key];
  if (!e) throw new RangeError(`no factor ${key}`);
  return `${e.value} ${e.unit} (${e.source}${e.status === 'estimate' ? ', E' : ''}, ${e.year})`;
};

/** The emission factors from the factors table (`emissions.*`, `substitutes.*`). */
export function emissionFactorsFrom(table: FactorTable): EmissionFactors {
  const f = (k: string) => factor(table, k);
  const cement = f('substitutes.cement.tCo2PerT');
  const gwp = f('emissions.methane.gwp100Fossil');
  const burnt = f('emissions.methane.combustionTCo2PerTCh4');
  const density = f('emissions.methane.densityKgPerM3');
  return {
    replacement: [
      {
        materials: ashes,
        to: 'cement-additive',
        tCo2PerUnit: cement,
        source: `fly ash replacing cement: ${entry(table, 'substitutes.cement.tCo2PerT')}`,
      },
      {
        materials: ashes,
        to: 'concrete-additive',
        tCo2PerUnit: cement,
        source: `ash replacing cement in concrete: as for cement, ${cement} t CO2/t (E)`,
      },
    ],
    methane: {
      materials: ['mine-methane', 'coal-bed-methane'],
      tCo2ePerTCh4: gwp - burnt,
      tPerM3: density / 1000,
      source: `GWP100 ${entry(table, 'emissions.methane.gwp100Fossil')} less ${burnt} t CO2 from burning = ${Math.round((gwp - burnt) * 100) / 100} t CO2e per t CH4 used; density ${entry(table, 'emissions.methane.densityKgPerM3')}`,
    },
    transportKgPerTkm: {
      road: f('emissions.transport.roadKgCo2PerTkm'),
      rail: f('emissions.transport.railKgCo2PerTkm'),
      pipeline: 0,
      wire: 0,
    },
    transportSource: `road ${entry(table, 'emissions.transport.roadKgCo2PerTkm')}; rail ${entry(table, 'emissions.transport.railKgCo2PerTkm')}; pipeline and wire 0 (not modelled)`,
  };
}

export interface ImpactFlow {
  quantity: number;
  delivered: number;
  valueKopecks: number;
  avoidedDisposalKopecks: number;
  transportKopecks: number;
  mode: TransportMode;
  distanceKm: number;
  offer: { materialId: string; unit: string; legalStatus?: string; ch4Percent?: number };
  request: { materialId?: string; useId?: string };
}

/** Every offer disposed of and every request bought new: each a posting in kopecks. */
export interface ImpactBaseline {
  offers: Array<{ disposalKopecks: number }>;
  requests: Array<{ purchaseKopecks: number }>;
}

const round = (x: number, digits = 3) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * One flow's CO2e: avoided by replacing a product or by using methane rather than venting
 * it, and emitted by its transport (mass units only). The factors it used are added to the
 * given records, so the totals can show them.
 */
export function flowEmissions(
  f: ImpactFlow,
  factors: EmissionFactors,
  used: Record<string, number | string> = {},
  modeFactors: Record<string, number | string> = {},
): { avoidedT: number; transportT: number } {
  let avoidedT = 0;
  const rep = factors.replacement.find(
    (r) =>
      r.materials.includes(f.offer.materialId) &&
      (r.to === f.request.useId || r.to === f.request.materialId),
  );
  if (rep) {
    avoidedT = f.delivered * rep.tCo2PerUnit;
    used[`${f.offer.materialId}→${rep.to} t CO2/t`] = rep.tCo2PerUnit;
    used[`${f.offer.materialId}→${rep.to} source`] = rep.source;
  } else if (
    factors.methane.materials.includes(f.offer.materialId) &&
    f.offer.unit === 'thousand_m3'
  ) {
    const share = (f.offer.ch4Percent ?? 100) / 100;
    avoidedT = f.quantity * 1000 * share * factors.methane.tPerM3 * factors.methane.tCo2ePerTCh4;
    used['CH4 t per m³'] = factors.methane.tPerM3;
    used['t CO2e per t CH4'] = factors.methane.tCo2ePerTCh4;
    used['methane source'] = factors.methane.source;
  }
  let transportT = 0;
  const k = factors.transportKgPerTkm[f.mode];
  if (k && f.offer.unit === 't') {
    transportT = (f.quantity * f.distanceKm * k) / 1000;
    modeFactors[`${f.mode} kg CO2 per t·km`] = k;
  }
  return { avoidedT, transportT };
}

export function computeImpact(
  flows: readonly ImpactFlow[],
  baseline: ImpactBaseline,
  factors: EmissionFactors,
): Impact {
  const wasteFlows = flows.filter((f) => f.offer.legalStatus === 'waste' && f.offer.unit === 't');
  const divertedT: Figure = {
    value: round(wasteFlows.reduce((s, f) => s + f.quantity, 0)),
    unit: 't/yr',
    formula: 'Σ shipped t over flows from offers with legal status waste (mass units only)',
    factors: { flows: wasteFlows.length },
  };

  let avoided = 0;
  const used: Record<string, number | string> = {};
  const parts: string[] = [];
  for (const f of flows) avoided += flowEmissions(f, factors, used).avoidedT;
  if (Object.keys(used).some((k) => k.includes('→')))
    parts.push('Σ delivered t × t CO2 per t of the replaced product');
  if ('CH4 t per m³' in used)
    parts.push('Σ thousand m³ × 1000 × CH4 % ÷ 100 × t CH4 per m³ × t CO2e per t CH4');
  const co2eAvoidedT: Figure = {
    value: round(avoided),
    unit: 't CO2e/yr',
    formula: parts.length ? parts.join(' + ') : 'no flow with a known emission factor',
    factors: used,
    note: 'flows without a factor count zero',
  };

  let transportT = 0;
  const modeFactors: Record<string, number | string> = {};
  for (const f of flows) transportT += flowEmissions(f, factors, {}, modeFactors).transportT;
  modeFactors.source = factors.transportSource;
  const transportCo2eT: Figure = {
    value: round(transportT),
    unit: 't CO2/yr',
    formula: 'Σ shipped t × route km × kg CO2 per t·km of the mode ÷ 1000',
    factors: modeFactors,
  };
  const netCo2eT: Figure = {
    value: round(avoided - transportT),
    unit: 't CO2e/yr',
    formula: 'CO2e avoided − transport emissions',
    factors: { avoided: round(avoided), transport: round(transportT) },
  };

  // sums of postings: integers, exact
  const disposalAll = baseline.offers.reduce((s, o) => s + o.disposalKopecks, 0);
  const buyingAll = baseline.requests.reduce((s, r) => s + r.purchaseKopecks, 0);
  const base = disposalAll + buyingAll;
  const value = flows.reduce((s, f) => s + f.valueKopecks, 0);
  const avoidedDisposal = flows.reduce((s, f) => s + f.avoidedDisposalKopecks, 0);
  const transport = flows.reduce((s, f) => s + f.transportKopecks, 0);
  const savings = value + avoidedDisposal - transport;
  return {
    divertedT,
    co2eAvoidedT,
    transportCo2eT,
    netCo2eT,
    baselineCost: {
      valueKopecks: base,
      formula:
        'everything disposed, everything bought new: Σ offers quantity × disposal cost + Σ requests quantity × price',
      factorsKopecks: { disposal: disposalAll, purchases: buyingAll },
      note: 'over the listings that have at least one candidate link',
    },
    planCost: {
      valueKopecks: base - savings,
      formula: 'baseline − (Σ value + Σ avoided disposal − Σ transport)',
      factorsKopecks: { baseline: base, value, avoidedDisposal, transport },
    },
    savings: {
      valueKopecks: savings,
      formula: 'Σ value + Σ avoided disposal − Σ transport = baseline − plan cost',
      factorsKopecks: { value, avoidedDisposal, transport },
      note: 'prices agreed between members are transfers and are not part of it',
    },
  };
}
