// One place turns a solver's raw link flows into the output object, so both
// engines report money the same way and the objective is always the sum of
// what the flows list shows.
import type { Flow, Problem, SolveResult } from './schema.ts';

/** Flows smaller than this are solver noise and are not reported. */
export const FLOW_EPS = 1e-9;

export interface LinkFlow {
  /** Index into problem.links. */
  link: number;
  /** Shipped units. */
  x: number;
}

export interface RawResult {
  status: SolveResult['status'];
  mipGap: number | null;
  flows: LinkFlow[];
  /** Indices of fixed-cost links opened. */
  open: number[];
  shadowPrices: SolveResult['shadowPrices'];
  engine: SolveResult['engine'];
  message?: string;
}

export function buildResult(p: Problem, raw: RawResult): SolveResult {
  const supplies = new Map(p.supplies.map((s) => [s.id, s]));
  const demands = new Map(p.demands.map((d) => [d.id, d]));
  const flows: Flow[] = [];
  let objective = 0;
  for (const { link, x } of raw.flows) {
    if (!(x >= FLOW_EPS)) continue;
    const l = p.links[link];
    const delivered = l.yield * x;
    const f: Flow = {
      supply: l.supply,
      demand: l.demand,
      quantity: x,
      delivered,
      value: delivered * l.valueFactor * demands.get(l.demand)!.value,
      avoidedDisposal: x * supplies.get(l.supply)!.disposalCost,
      transport: x * l.cost,
    };
    objective += f.value + f.avoidedDisposal - f.transport;
    flows.push(f);
  }
  const openLinks = raw.open.map((k) => {
    objective -= p.links[k].fixedCost ?? 0;
    return { supply: p.links[k].supply, demand: p.links[k].demand };
  });
  const result: SolveResult = {
    status: raw.status,
    objective,
    mipGap: raw.mipGap,
    flows,
    openLinks,
    shadowPrices: raw.shadowPrices,
    engine: raw.engine,
  };
  if (raw.message) result.message = raw.message;
  return result;
}

/** The answer for an infeasible problem: no plan, only the explanation. */
export function infeasibleResult(engine: SolveResult['engine'], message: string): SolveResult {
  return {
    status: 'infeasible',
    objective: 0,
    mipGap: null,
    flows: [],
    openLinks: [],
    shadowPrices: { supplies: {}, demands: {} },
    engine,
    message,
  };
}
