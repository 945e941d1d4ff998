// Pure: how often each link carries flow when the volumes vary, over seeded Monte-Carlo runs.
import type { RobustnessEntry } from '../schema.ts';
import { type ProblemInput, type SolveOptions, solve } from './solve/index.ts';
import { mulberry32 } from './solve/random.ts';
import { FLOW_EPS } from './solve/result.ts';

/**
 * One perturbed copy of the problem: every quantity × (1 ± variation), minimums kept within; a
 * link's minimum (an agreed flow) shrinks with the smaller of its two ends, so it still fits.
 */
export function perturb(problem: ProblemInput, variation: number, rnd: () => number): ProblemInput {
  const factor = () => 1 + variation * (2 * rnd() - 1);
  const supplyFactor = new Map<string, number>();
  const demandFactor = new Map<string, number>();
  return {
    ...problem,
    supplies: problem.supplies.map((s) => {
      const f = factor();
      supplyFactor.set(s.id, Math.min(f, 1));
      const quantity = s.quantity * f;
      return { ...s, quantity, minQuantity: Math.min(s.minQuantity ?? 0, quantity) };
    }),
    demands: problem.demands.map((d) => {
      const f = factor();
      demandFactor.set(d.id, Math.min(f, 1));
      const quantity = d.quantity * f;
      return { ...d, quantity, minQuantity: Math.min(d.minQuantity ?? 0, quantity) };
    }),
    links: problem.links.map((l) =>
      l.minQuantity
        ? {
            ...l,
            minQuantity:
              l.minQuantity *
              Math.min(supplyFactor.get(l.supply) ?? 1, demandFactor.get(l.demand) ?? 1),
          }
        : l,
    ),
  };
}

export interface RobustnessOptions extends SolveOptions {
  /**
   * One wall-clock deadline (epoch ms) shared by all runs: each run gets what is left of it,
   * and no run starts that the slowest run so far says cannot finish in time.
   */
  deadline?: number;
  /** the clock the deadline is read with (epoch ms; tests inject one) */
  now?: () => number;
}

export interface RobustnessResult {
  entries: RobustnessEntry[];
  /** runs that finished (optimal or infeasible); the shares are over these */
  runs: number;
}

/** For each link that carried flow in any finished run, the share of those runs in which it did. */
export async function robustness(
  problem: ProblemInput,
  settings: { runs: number; variation: number; seed?: number },
  options: RobustnessOptions = {},
): Promise<RobustnessResult> {
  const { deadline, now = Date.now, ...solveOptions } = options;
  const rnd = mulberry32(settings.seed ?? 1);
  const counts = new Map<string, { supply: string; demand: string; n: number }>();
  let runs = 0;
  let slowestMs = 0;
  for (let run = 0; run < settings.runs; run++) {
    // drawn before the deadline check, so that run k always sees the same volumes
    const perturbed = perturb(problem, settings.variation, rnd);
    let runOptions = solveOptions;
    if (deadline !== undefined) {
      const leftMs = deadline - now();
      if (leftMs <= 0 || leftMs <= slowestMs) break;
      runOptions = { ...solveOptions, timeLimitSeconds: leftMs / 1000 };
    }
    const started = now();
    const result = await solve(perturbed, runOptions);
    slowestMs = Math.max(slowestMs, now() - started);
    // A run cut off by its time limit holds a feasible plan, not the optimum: it would skew
    // the shares, so it is not counted (and under a deadline, time is up).
    if (result.status === 'time_limit') {
      if (deadline !== undefined) break;
      continue;
    }
    runs++;
    for (const f of result.flows) {
      if (!(f.quantity > FLOW_EPS)) continue;
      const key = `${f.supply}\u0000${f.demand}`;
      const c = counts.get(key) ?? { supply: f.supply, demand: f.demand, n: 0 };
      c.n++;
      counts.set(key, c);
    }
  }
  const entries = [...counts.values()]
    .map((c) => ({ supply: c.supply, demand: c.demand, share: c.n / runs }))
    .sort(
      (a, b) =>
        b.share - a.share || a.supply.localeCompare(b.supply) || a.demand.localeCompare(b.demand),
    );
  return { entries, runs };
}
