// Pure: how often each link carries flow when the volumes vary, over seeded Monte-Carlo runs.
import type { RobustnessEntry } from '../schema.ts';
import { type ProblemInput, type SolveOptions, solve } from './solve/index.ts';
import { mulberry32 } from './solve/random.ts';
import { FLOW_EPS } from './solve/result.ts';

/** One perturbed copy of the problem: every quantity × (1 ± variation), minimums kept within. */
export function perturb(problem: ProblemInput, variation: number, rnd: () => number): ProblemInput {
  const vary = (q: number) => q * (1 + variation * (2 * rnd() - 1));
  return {
    ...problem,
    supplies: problem.supplies.map((s) => {
      const quantity = vary(s.quantity);
      return { ...s, quantity, minQuantity: Math.min(s.minQuantity ?? 0, quantity) };
    }),
    demands: problem.demands.map((d) => {
      const quantity = vary(d.quantity);
      return { ...d, quantity, minQuantity: Math.min(d.minQuantity ?? 0, quantity) };
    }),
  };
}

/** For each link that carried flow in any run, the share of runs in which it did. */
export async function robustness(
  problem: ProblemInput,
  settings: { runs: number; variation: number; seed?: number },
  options: SolveOptions = {},
): Promise<RobustnessEntry[]> {
  const rnd = mulberry32(settings.seed ?? 1);
  const counts = new Map<string, { supply: string; demand: string; n: number }>();
  for (let run = 0; run < settings.runs; run++) {
    const result = await solve(perturb(problem, settings.variation, rnd), options);
    for (const f of result.flows) {
      if (!(f.quantity > FLOW_EPS)) continue;
      const key = `${f.supply}\u0000${f.demand}`;
      const c = counts.get(key) ?? { supply: f.supply, demand: f.demand, n: 0 };
      c.n++;
      counts.set(key, c);
    }
  }
  return [...counts.values()]
    .map((c) => ({ supply: c.supply, demand: c.demand, share: c.n / settings.runs }))
    .sort(
      (a, b) =>
        b.share - a.share || a.supply.localeCompare(b.supply) || a.demand.localeCompare(b.demand),
    );
}
