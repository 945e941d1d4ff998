// A plan computed in a worker thread (src/work): the candidates, the solve and the robustness
// runs, from plain data — the live listings, the materials, the request and its deadline.
// The default export runs in the thread; `planOrder` and `planFrom` run in the caller's.
import type { CandidateMaterial } from './engine/candidates.ts';
import type { FactorTable } from './engine/factors.ts';
import { computePlan, type MatchFlow, type PlanListing } from './engine/plan.ts';
import type { RailNetwork } from './engine/rail.ts';
import { EngineInputError, type InputIssue } from './engine/solve/index.ts';
import type { PlanDocument as Plan, PlanRequest } from './schema.ts';

export interface PlanTask {
  listings: PlanListing[];
  materials: ReadonlyMap<string, CandidateMaterial>;
  request: PlanRequest;
  /** the agreed matches' flows, oldest first: the plan keeps them as agreed */
  agreed: MatchFlow[];
  /** the open proposals' flows: the plan stays nearest to them among equally good plans */
  proposed: MatchFlow[];
  /** the factors table with the request's overrides applied */
  factors: FactorTable;
  rail: RailNetwork;
  /** the plan's "now" (ISO), from the service's clock */
  now: string;
  /** the request's one wall-clock deadline, epoch ms */
  deadline: number;
}

/** A thread hands back data only (an error loses its class): an engine input error as data. */
export type PlanOutcome = { plan: Plan } | { engineInputError: InputIssue[] };

export default async function computePlanTask(task: PlanTask): Promise<PlanOutcome> {
  try {
    const { listings, materials, request, agreed, proposed, factors, rail, now, deadline } = task;
    const { factors: overrides, ...rest } = request;
    return {
      plan: await computePlan(listings, materials, {
        ...rest,
        agreed,
        proposed,
        factors,
        overridden: Object.keys(overrides ?? {}),
        rail,
        now: new Date(now),
        deadline,
      }),
    };
  } catch (e) {
    if (e instanceof EngineInputError) return { engineInputError: e.issues };
    throw e;
  }
}

/** What to hand the pool for one plan. */
export const planOrder = (task: PlanTask) => ({ worker: new URL(import.meta.url), task });

/** The plan from the thread's answer, or the engine's input error thrown again as one. */
export function planFrom(outcome: PlanOutcome): Plan {
  if ('engineInputError' in outcome) throw new EngineInputError(outcome.engineInputError);
  return outcome.plan;
}
