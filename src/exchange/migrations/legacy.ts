// Pure: the stored JSON of the release before (57d6349: money in roubles as floats) converted to
// today's (integer kopecks), and back for `down`. Written against the stored shapes as plain
// JSON, not today's schemas, so that the migration keeps meaning what it meant when it ran.
// A database made by the first step of the module contract (money already in kopecks inside
// the JSON) converts too: whatever is in kopecks already is kept.

type Json = Record<string, unknown>;
export interface Warning {
  code: string;
  params: Record<string, string | number>;
}

/** The code a warning of an earlier release is kept under, its English text its one parameter. */
export const LEGACY_WARNING = 'exchange.warning.legacy';

const warningOf = (w: unknown): Warning =>
  typeof w === 'string' ? { code: LEGACY_WARNING, params: { text: w } } : (w as Warning);

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Roubles to kopecks, rounded half away from zero. Rounded to 12 significant digits first,
 * so that a decimal amount the float misses by an ulp (12.345 × 100 = 1234.4999…) rounds as
 * written.
 */
export function rubToKopecks(rub: number): number {
  const kopecks = Number((rub * 100).toPrecision(12));
  const rounded = Math.sign(kopecks) * Math.round(Math.abs(kopecks));
  if (!Number.isSafeInteger(rounded)) throw new RangeError(`${rub} RUB is beyond exact kopecks`);
  return rounded === 0 ? 0 : rounded;
}

const kopecksToRub = (kopecks: number) => kopecks / 100;

/** Renames a key, keeping the others in place (a listing's provenance is keyed by field). */
function renamed(o: Json, from: string, to: string): Json {
  if (!(from in o)) return o;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k === from ? to : k, v]));
}

// --- listings: money leaves the JSON for bigint columns ---

const listingMoney = [
  ['disposalCostRubPerUnit', 'disposalCostKopecksPerUnit'],
  ['priceRubPerUnit', 'priceKopecksPerUnit'],
] as const;

export interface ListingMoney {
  disposalCostKopecksPerUnit: number | null;
  priceKopecksPerUnit: number | null;
}

/** A listing's stored fields → today's: the JSON without money, and the money for its columns. */
export function upgradeListingData(data: Json): { data: Json; money: ListingMoney } {
  const out: Json = { ...data };
  const money: ListingMoney = { disposalCostKopecksPerUnit: null, priceKopecksPerUnit: null };
  for (const [rub, kopecks] of listingMoney) {
    if (isNumber(out[kopecks])) money[kopecks] = out[kopecks];
    else if (isNumber(out[rub])) money[kopecks] = rubToKopecks(out[rub]);
    delete out[rub];
    delete out[kopecks];
    if (out.provenance && typeof out.provenance === 'object')
      out.provenance = renamed(out.provenance as Json, rub, kopecks);
  }
  return { data: out, money };
}

/** Today's listing JSON and money columns → the release before's JSON (roubles inside). */
export function downgradeListingData(data: Json, money: ListingMoney): Json {
  const out: Json = { ...data };
  for (const [rub, kopecks] of listingMoney) {
    const value = money[kopecks];
    if (value !== null) out[rub] = kopecksToRub(value);
    if (out.provenance && typeof out.provenance === 'object')
      out.provenance = renamed(out.provenance as Json, kopecks, rub);
  }
  return out;
}

// --- a planned flow (a saved plan's, and each match's) ---

/**
 * A flow's sums in roubles → its postings in kopecks, each rounded once; its savings are then
 * the postings' exact sum (value + avoided disposal − transport), as today's flows are.
 */
export function upgradeFlow(flow: Json): Json {
  if (isNumber(flow.valueKopecks)) return flow;
  const {
    value,
    avoidedDisposal,
    transport,
    savingsRub: _savings,
    transportRubPerUnit,
    ...rest
  } = flow;
  const valueKopecks = rubToKopecks(Number(value ?? 0));
  const avoidedDisposalKopecks = rubToKopecks(Number(avoidedDisposal ?? 0));
  const transportKopecks = rubToKopecks(Number(transport ?? 0));
  return {
    ...rest,
    valueKopecks,
    avoidedDisposalKopecks,
    transportKopecks,
    savingsKopecks: valueKopecks + avoidedDisposalKopecks - transportKopecks,
    transportKopecksPerUnit: rubToKopecks(Number(transportRubPerUnit ?? 0)),
  };
}

export function downgradeFlow(flow: Json): Json {
  if (!isNumber(flow.valueKopecks)) return flow;
  const {
    valueKopecks,
    avoidedDisposalKopecks,
    transportKopecks,
    savingsKopecks,
    transportKopecksPerUnit,
    ...rest
  } = flow as Json & Record<string, number>;
  return {
    ...rest,
    value: kopecksToRub(valueKopecks),
    avoidedDisposal: kopecksToRub(avoidedDisposalKopecks),
    transport: kopecksToRub(transportKopecks),
    savingsRub: kopecksToRub(savingsKopecks),
    transportRubPerUnit: kopecksToRub(transportKopecksPerUnit),
  };
}

// --- a saved plan's document ---

interface RubFigure {
  value: number;
  unit?: string;
  formula: string;
  factors?: Record<string, unknown>;
  note?: string;
}

/** A money figure of the release before ({ value, unit, formula, factors } in roubles). */
function moneyFigure(f: RubFigure, valueKopecks: number, factorsKopecks: Record<string, number>) {
  return { valueKopecks, formula: f.formula, factorsKopecks, ...(f.note ? { note: f.note } : {}) };
}

const numericFactors = (f: RubFigure): Record<string, number> =>
  Object.fromEntries(
    Object.entries(f.factors ?? {})
      .filter((e): e is [string, number] => isNumber(e[1]))
      .map(([k, v]) => [k, rubToKopecks(v)]),
  );

/**
 * A plan document → today's: its flows' postings in kopecks; its objective and money figures
 * re-added from those postings, so that objective = Σ savings and baseline − plan cost = savings
 * hold exactly (they may differ from the old float sums by a few kopecks); the baseline from its
 * own two postings (disposal, purchases); its warnings (English text) as messages.
 */
export function upgradePlanDocument(doc: Json): Json {
  const plan = doc.plan as Json & { flows: Json[] };
  const flows = plan.flows.map(upgradeFlow);
  const sum = (k: string) => flows.reduce((s, f) => s + (f[k] as number), 0);
  const value = sum('valueKopecks');
  const avoidedDisposal = sum('avoidedDisposalKopecks');
  const transport = sum('transportKopecks');
  const savings = value + avoidedDisposal - transport;
  const { objective: _objective, ...planRest } = plan;
  const impact = doc.impact as Json;
  let upgradedImpact = impact;
  if ('baselineCostRub' in impact) {
    const { baselineCostRub, planCostRub, savingsRub, ...figures } = impact as Json &
      Record<'baselineCostRub' | 'planCostRub' | 'savingsRub', RubFigure>;
    const baselineFactors = numericFactors(baselineCostRub);
    const baseline =
      'disposal' in baselineFactors && 'purchases' in baselineFactors
        ? baselineFactors.disposal + baselineFactors.purchases
        : rubToKopecks(baselineCostRub.value);
    upgradedImpact = {
      ...figures,
      baselineCost: moneyFigure(baselineCostRub, baseline, baselineFactors),
      planCost: moneyFigure(planCostRub, baseline - savings, {
        baseline,
        value,
        avoidedDisposal,
        transport,
      }),
      savings: moneyFigure(savingsRub, savings, { value, avoidedDisposal, transport }),
    };
  }
  return {
    ...doc,
    plan: {
      ...planRest,
      objectiveKopecks: isNumber(plan.objectiveKopecks) ? plan.objectiveKopecks : savings,
      flows,
    },
    impact: upgradedImpact,
    warnings: ((doc.warnings as unknown[]) ?? []).map(warningOf),
  };
}

/** Today's plan document → the release before's; its warnings worded by `word` (in English). */
export function downgradePlanDocument(doc: Json, word: (w: Warning) => string): Json {
  const plan = doc.plan as Json & { flows: Json[]; objectiveKopecks: number };
  const { objectiveKopecks, ...planRest } = plan;
  const impact = doc.impact as Json;
  const rubFigure = (
    f: { valueKopecks: number; formula: string; factorsKopecks: Record<string, number> },
    note?: string,
  ) => ({
    value: kopecksToRub(f.valueKopecks),
    unit: 'RUB/yr',
    formula: f.formula,
    factors: Object.fromEntries(
      Object.entries(f.factorsKopecks).map(([k, v]) => [k, kopecksToRub(v)]),
    ),
    ...(note ? { note } : {}),
  });
  let downgradedImpact = impact;
  if ('baselineCost' in impact) {
    const { baselineCost, planCost, savings, ...figures } = impact as Json &
      Record<
        'baselineCost' | 'planCost' | 'savings',
        {
          valueKopecks: number;
          formula: string;
          factorsKopecks: Record<string, number>;
          note?: string;
        }
      >;
    downgradedImpact = {
      ...figures,
      baselineCostRub: rubFigure(baselineCost, baselineCost.note),
      planCostRub: rubFigure(planCost, planCost.note),
      savingsRub: rubFigure(savings, savings.note),
    };
  }
  return {
    ...doc,
    plan: {
      ...planRest,
      objective: kopecksToRub(objectiveKopecks),
      flows: plan.flows.map(downgradeFlow),
    },
    impact: downgradedImpact,
    warnings: ((doc.warnings as unknown[]) ?? []).map((w) =>
      typeof w === 'string' ? w : word(w as Warning),
    ),
  };
}
