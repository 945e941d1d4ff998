// Pure: what a plan does for the environment and the members' costs, each figure with its
// formula and the factors used, so every number shown can be traced.
import type { Counterfactual, Figure, Impact, Substitute, TransportMode } from '../schema.ts';
import { type FactorTable, factor, group } from './factors.ts';

export interface SubstituteFactor {
  /** t CO2e avoided per delivered unit of the request when this substitute is replaced */
  tCo2PerUnit: number;
  /** "t CO2e per <unit>": the credit applies only to a request in that unit */
  unit: string;
  source: string;
}

export interface EmissionFactors {
  /** by substitute (schema.ts Substitute), from the factors table's `substitutes.<name>.tCo2PerUnit` */
  substitutes: Record<string, SubstituteFactor>;
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

const entry = (table: FactorTable, key: string) => {
  const e = table[key];
  if (!e) throw new RangeError(`no factor ${key}`);
  return `${e.value} ${e.unit} (${e.source}${e.status === 'estimate' ? ', E' : ''}, ${e.year})`;
};

/** The emission factors from the factors table (`emissions.*`, `substitutes.*`). */
export function emissionFactorsFrom(table: FactorTable): EmissionFactors {
  const f = (k: string) => factor(table, k);
  const gwp = f('emissions.methane.gwp100Fossil');
  const burnt = f('emissions.methane.combustionTCo2PerTCh4');
  const density = f('emissions.methane.densityKgPerM3');
  // no substitute earns a credit without its `substitutes.<name>.tCo2PerUnit` entry
  const substitutes: Record<string, SubstituteFactor> = {};
  for (const [key, e] of Object.entries(group(table, 'substitutes'))) {
    const [name, what] = key.split('.');
    if (what !== 'tCo2PerUnit') continue;
    substitutes[name] = {
      tCo2PerUnit: e.value,
      unit: e.unit,
      source: `${e.source} (${e.year}, ${e.status}${e.basis ? `: ${e.basis}` : ''})`,
    };
  }
  return {
    substitutes,
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
  /** what a delivered unit is worth in units of the request's price (a fuel by its heat); default 1 */
  valueFactor?: number;
  /**
   * units of the substitute one delivered unit replaces, for its CO2 (a fuel: its heat in
   * tonnes of the factors' coal, which differs from valueFactor when the request's price
   * refers to another coal); default valueFactor
   */
  substituteFactor?: number;
  /** delivered × value factor × the request's price: what the taker no longer pays for its substitute */
  valueKopecks: number;
  /** only for a material landfilled, dumped or stored today (engine/baseline.ts) */
  avoidedDisposalKopecks: number;
  /** the supplier's own cost to supply it */
  supplierCostKopecks?: number;
  /** the sale (or own use) the supplier gives up: a material sold today */
  forgoneSaleKopecks?: number;
  /** quantity × the offer's listed sale price: a transfer between members, not a saving */
  tradeValueKopecks?: number;
  transportKopecks: number;
  mode: TransportMode;
  distanceKm: number;
  offer: {
    materialId: string;
    unit: string;
    legalStatus?: string;
    ch4Percent?: number;
    counterfactual?: Counterfactual;
  };
  request: {
    materialId?: string;
    useId?: string;
    unit?: string;
    /** the substitute credited (engine/baseline.ts creditedSubstitute), null: none */
    substitute?: Substitute | null;
  };
}

/** A flow's net benefit in kopecks: value + avoided disposal − own cost − forgone sale − transport. */
export const netBenefitKopecks = (f: ImpactFlow): number =>
  f.valueKopecks +
  f.avoidedDisposalKopecks -
  (f.supplierCostKopecks ?? 0) -
  (f.forgoneSaleKopecks ?? 0) -
  f.transportKopecks;

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
 * One flow's CO2e: avoided by replacing a substitute at the end user (its factor × the
 * quantity replaced, delivered × substitute factor) and by using methane that would have been
 * vented (only a `vented` counterfactual), and emitted by its transport (mass units only).
 * The factors it used are added to the given records, so the totals can show them.
 */
export function flowEmissions(
  f: ImpactFlow,
  factors: EmissionFactors,
  used: Record<string, number | string> = {},
  modeFactors: Record<string, number | string> = {},
): { avoidedT: number; transportT: number; substituteT: number; methaneT: number } {
  let substituteT = 0;
  const name = f.request.substitute;
  const sub = name ? factors.substitutes[name] : undefined;
  if (name && sub?.unit.endsWith(` per ${f.request.unit ?? f.offer.unit}`)) {
    substituteT = f.delivered * (f.substituteFactor ?? f.valueFactor ?? 1) * sub.tCo2PerUnit;
    used[`substitutes.${name}.tCo2PerUnit`] = sub.tCo2PerUnit;
    used[`substitutes.${name} source`] = sub.source;
  }
  let methaneT = 0;
  if (
    f.offer.counterfactual === 'vented' &&
    factors.methane.materials.includes(f.offer.materialId) &&
    f.offer.unit === 'thousand_m3'
  ) {
    const share = (f.offer.ch4Percent ?? 100) / 100;
    methaneT = f.quantity * 1000 * share * factors.methane.tPerM3 * factors.methane.tCo2ePerTCh4;
    used['CH4 t per m³'] = factors.methane.tPerM3;
    used['t CO2e per t CH4'] = factors.methane.tCo2ePerTCh4;
    used['methane source'] = factors.methane.source;
  }
  const avoidedT = substituteT + methaneT;
  let transportT = 0;
  const k = factors.transportKgPerTkm[f.mode];
  if (k && f.offer.unit === 't') {
    transportT = (f.quantity * f.distanceKm * k) / 1000;
    modeFactors[`${f.mode} kg CO2 per t·km`] = k;
  }
  return { avoidedT, transportT, substituteT, methaneT };
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
  let methane = 0;
  const used: Record<string, number | string> = {};
  const parts: string[] = [];
  const bySubstitute: Record<string, number> = {};
  const byCounterfactual: Record<string, number> = {};
  for (const f of flows) {
    const e = flowEmissions(f, factors, used);
    avoided += e.avoidedT;
    methane += e.methaneT;
    const sub = f.request.substitute ?? 'none';
    bySubstitute[sub] = (bySubstitute[sub] ?? 0) + e.substituteT;
    const cf = f.offer.counterfactual ?? 'not_stated';
    byCounterfactual[cf] = (byCounterfactual[cf] ?? 0) + e.avoidedT;
  }
  if (Object.keys(used).some((k) => k.startsWith('substitutes.')))
    parts.push(
      'Σ substitute replaced (delivered; a fuel replacing coal by its heat) × t CO2e per unit of it (end users only)',
    );
  if ('CH4 t per m³' in used)
    parts.push(
      'Σ thousand m³ of vented gas × 1000 × CH4 % ÷ 100 × t CH4 per m³ × t CO2e per t CH4',
    );
  const co2eAvoidedT: Figure = {
    value: round(avoided),
    unit: 't CO2e/yr',
    formula: parts.length ? parts.join(' + ') : 'no flow with a known emission factor',
    factors: used,
    note: 'credits only from the baseline: methane only for gas vented today; a substitute only at the end user, and not for a material sold or used today; flows without a factor count zero',
  };
  const co2eBreakdown = {
    methaneT: round(methane),
    bySubstitute: Object.fromEntries(Object.entries(bySubstitute).map(([k, v]) => [k, round(v)])),
    byCounterfactual: Object.fromEntries(
      Object.entries(byCounterfactual).map(([k, v]) => [k, round(v)]),
    ),
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
  const sum = (k: (f: ImpactFlow) => number) => flows.reduce((s, f) => s + k(f), 0);
  const value = sum((f) => f.valueKopecks);
  const avoidedDisposal = sum((f) => f.avoidedDisposalKopecks);
  const supplierCost = sum((f) => f.supplierCostKopecks ?? 0);
  const forgoneSale = sum((f) => f.forgoneSaleKopecks ?? 0);
  const transport = sum((f) => f.transportKopecks);
  const trade = sum((f) => f.tradeValueKopecks ?? 0);
  const savings = sum(netBenefitKopecks);
  return {
    divertedT,
    co2eAvoidedT,
    co2eBreakdown,
    transportCo2eT,
    netCo2eT,
    baselineCost: {
      valueKopecks: base,
      formula:
        'without the exchange: Σ offers quantity × disposal cost (landfilled, dumped or stored today) + Σ requests quantity × price of the substitute',
      factorsKopecks: { disposal: disposalAll, purchases: buyingAll },
      note: 'over the listings that have at least one candidate link',
    },
    planCost: {
      valueKopecks: base - savings,
      formula: 'baseline − net benefit',
      factorsKopecks: { baseline: base, netBenefit: savings },
    },
    savings: {
      valueKopecks: savings,
      formula:
        "net benefit: Σ value (substitutes the takers no longer buy) + Σ avoided disposal − Σ suppliers' own cost − Σ sales forgone − Σ transport = Σ flows",
      factorsKopecks: { value, avoidedDisposal, supplierCost, forgoneSale, transport },
      note: 'what the cluster as a whole gains; the price members agree is a transfer between them and not part of it',
    },
    tradeValue: {
      valueKopecks: trade,
      formula: 'Σ shipped × listed sale price of the offer (marketable products) = Σ flows',
      factorsKopecks: { trade },
      note: 'money that changes hands between members: a transfer, not a saving; offers without a listed price count zero',
    },
  };
}
