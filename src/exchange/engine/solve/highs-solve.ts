// Everything that is not pure transport: LP or MILP through HiGHS (WebAssembly,
// so this runs in the browser too). Loaded lazily so the network-simplex path
// never pays for instantiating the Wasm module.
import type { Highs, Model } from 'highs';
import { buildModel, type CscModel } from './highs-model.ts';
import { explainInfeasible } from './infeasible.ts';
import { buildResult, infeasibleResult, type LinkFlow } from './result.ts';
import type { Problem, SolveResult } from './schema.ts';

let loader: Promise<Highs> | null = null;
export function loadHighs(): Promise<Highs> {
  loader ??= import('highs').then((m) => m.default());
  return loader;
}

/** A MILP counts as solved when its relative gap is at most this. */
export const MIP_GAP = 1e-6;

export const STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  timeLimit: 13,
  interrupted: 17,
} as const;

/** Extra settings for one HiGHS run (the engine's MILP path and the benchmark). */
export interface RunTuning {
  /** HiGHS options on top of the engine's. */
  options?: Record<string, string | number | boolean>;
  /** A feasible column vector handed to HiGHS as its first incumbent. */
  start?: Float64Array | null;
  /**
   * Stop after this much CPU time of this process (the benchmark: on a shared
   * machine a wall-clock limit would give each model whatever CPU was left).
   */
  cpuLimitSeconds?: number;
}

export function runModel(
  highs: Highs,
  cm: CscModel,
  timeLimitSeconds: number,
  tuning: RunTuning = {},
) {
  const model = highs.createModel({
    numCols: cm.numCols,
    numRows: cm.numRows,
    sense: highs.constants.objectiveSense.maximize,
    offset: cm.offset,
    colCost: cm.colCost,
    colLower: cm.colLower,
    colUpper: cm.colUpper,
    rowLower: cm.rowLower,
    rowUpper: cm.rowUpper,
    matrix: {
      format: 'csc',
      numRows: cm.numRows,
      numCols: cm.numCols,
      starts: cm.starts,
      indices: cm.indices,
      values: cm.values,
    },
    ...(cm.integrality ? { integrality: cm.integrality } : {}),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.001, timeLimitSeconds),
      mip_rel_gap: MIP_GAP,
      // Tighter than the 1e-7 defaults so objectives agree with the network
      // simplex to 1e-9 relative.
      primal_feasibility_tolerance: 1e-9,
      dual_feasibility_tolerance: 1e-9,
      ...tuning.options,
    });
    if (tuning.start) model.setSolution({ colValue: tuning.start });
    const cpuLimit = tuning.cpuLimitSeconds;
    let callbacks: Parameters<Model['run']>[0];
    if (cpuLimit !== undefined) {
      const cpu0 = process.cpuUsage();
      callbacks = {
        [highs.constants.callbackType.mipInterrupt]: (e) => {
          const used = process.cpuUsage(cpu0);
          if ((used.user + used.system) / 1e6 > cpuLimit) e.interrupt();
        },
      };
    }
    const { modelStatus } = model.run(callbacks);
    return read(model, modelStatus, cm);
  } finally {
    model.dispose();
  }
}

function read(model: Model, modelStatus: number, cm: CscModel) {
  const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
  const sol = hasPrimal ? model.getSolution() : null;
  let gap: number | null = null;
  if (cm.integrality && hasPrimal) gap = Number(model.info.get('mip_gap'));
  const nodes = cm.integrality ? Number(model.info.get('mip_node_count')) : 0;
  return { modelStatus, sol, gap, nodes };
}

/**
 * HiGHS options for the engine's MILPs. Strong branching took ~40% of the LP
 * iterations on the 30×30 fixed-charge instances; trusting pseudo-costs after
 * 2 observations instead of 8 closed the gap a little faster at equal CPU
 * (seed 42, 50 CPU-s: 0.20% vs 0.27% gap). A MIP start shortens the proof
 * only when it is the optimum itself (seeds 30 and 1: 15 → 9 s, 40 → 28 s;
 * seed 42 slower, 53 → 70 s), and a start 0.28% below it gave no gain, so
 * none is built.
 * Keeping unused cuts in the pool for 100 rounds instead of 30 lets the nodes
 * re-use the root's cuts: no more nodes on any fixed-charge seed measured,
 * fewer on most (30×30, nodes default → 100: seed 30 510 → 60, 1 2380 → 1348,
 * 42 3032 → 2649, 2 4821 → 3307, 3 1541 → 1338; 4 and 5 the same tree);
 * 1000 gave the same trees, and LP ages of 5, 20 or 30 instead of 10 more nodes.
 * Tried on seeds 30, 1 and 42 and not kept (no seed faster beyond the run-to-run noise,
 * some far slower): pseudo-cost reliability 1 or 4, heuristic effort 0.01 or 0.2,
 * feasibility jump off, zero-rounding and shifting on, symmetry detection off, presolve off,
 * root-only presolve, restarts off, no cuts at nodes (seed 1: 4.6× the nodes), objective or
 * bound scaling, simplex scaling 0 or 4, flows scaled to w = x ÷ M (unit VUB rows).
 * Also not kept (seed 42, random seed 0, 2026-12-01; ours 2649 nodes, 113 s): RINS and RENS
 * off (7733 nodes, 224 s: the optimum, which their sub-MIPs find at 12 s, came late, and
 * reduced-cost fixing with it), a cut pool of 100 000 instead of 10 000 (2688 nodes, 122 s),
 * HiGHS's default feasibility tolerances 1e-7 instead of our 1e-9 (the same tree).
 * `mip_lifting_for_probing: 1` returned a wrong "optimal" 0 on every seed: never set it.
 * Probing each binary on the root LP with HiGHS's root cuts (its cut pool, presolve off) and
 * the optimum as the bar fixed only 72 of seed 42's 442 open binaries (that LP's gap is 0.53%)
 * and the MIP after it took longer (56 s): the proof needs the tree's bounds, not the root's.
 * All figures above are single runs under HiGHS's random seed 0; the same model's time varies
 * up to 2.4× with that seed, so a choice between options is measured under several seeds
 * (bench/fixed-charge.ts --random-seeds).
 */
export const MILP_OPTIONS: Record<string, string | number | boolean> = {
  mip_pscost_minreliable: 2,
  mip_pool_age_limit: 100,
};

/**
 * The engine's MILP run (the tightened model with MILP_OPTIONS); the benchmark
 * times exactly this, under several of HiGHS's random seeds (`randomSeed`: the
 * same model's search time varies up to 2.4× between them).
 */
export function runMilp(
  highs: Highs,
  cm: CscModel,
  deadlineMs: number,
  cpuLimitSeconds?: number,
  randomSeed?: number,
) {
  const seeded: Record<string, number> =
    randomSeed === undefined ? {} : { random_seed: randomSeed };
  return runModel(highs, cm, (deadlineMs - Date.now()) / 1000, {
    options: cm.integrality ? { ...MILP_OPTIONS, ...seeded } : seeded,
    cpuLimitSeconds,
  });
}

export async function solveWithHighs(p: Problem, deadlineMs: number): Promise<SolveResult> {
  const highs = await loadHighs();
  const secondsLeft = () => (deadlineMs - Date.now()) / 1000;
  const cm = buildModel(p);
  const L = p.links.length;
  if (L === 0) {
    // No links: nothing can ship, so only the minimums decide (HiGHS reports
    // an empty model without a solution).
    const stuck = cm.rowLower.some((lo) => lo > 0);
    if (stuck) return infeasibleResult('highs', explainInfeasible(p, null));
    return buildResult(p, {
      status: 'optimal',
      mipGap: 0,
      flows: [],
      open: [],
      shadowPrices: {
        supplies: Object.fromEntries(p.supplies.map((s) => [s.id, 0])),
        demands: Object.fromEntries(p.demands.map((d) => [d.id, 0])),
      },
      engine: 'highs',
    });
  }
  const first = runMilp(highs, cm, deadlineMs);

  if (
    first.modelStatus === STATUS.infeasible ||
    first.modelStatus === STATUS.unboundedOrInfeasible
  ) {
    return infeasibleResult('highs', explainInfeasible(p, highs));
  }
  if (!first.sol) {
    return {
      ...infeasibleResult('highs', 'time limit reached before any feasible plan was found'),
      status: 'time_limit',
    };
  }
  const timedOut = first.modelStatus === STATUS.timeLimit;
  if (first.modelStatus !== STATUS.optimal && !timedOut) {
    throw new Error(`HiGHS stopped with model status ${first.modelStatus}`);
  }

  let x = first.sol.colValue.subarray(0, L);
  let rowDual = first.sol.rowDual;
  const open: number[] = [];
  if (cm.integrality) {
    // Decide the links, then re-solve the LP with them fixed: its duals price
    // the plan, and its vertex flows respect x = 0 on closed links exactly
    // (the MILP's x ≤ M·y holds only to HiGHS's integrality tolerance).
    const openFlags = new Uint8Array(L);
    cm.binaryOf.forEach((c, k) => {
      if (c !== -1 && first.sol!.colValue[c] > 0.5) {
        openFlags[k] = 1;
        open.push(k);
      }
    });
    const fixed = runModel(highs, buildModel(p, openFlags), Math.max(1, secondsLeft()));
    if (fixed.modelStatus === STATUS.optimal && fixed.sol) {
      x = fixed.sol.colValue;
      rowDual = fixed.sol.rowDual;
    } else {
      x = x.map((v, k) => (p.links[k].fixedCost !== undefined && !openFlags[k] ? 0 : v));
      rowDual = new Float64Array(cm.numRows);
    }
  }

  const flows: LinkFlow[] = [];
  for (let k = 0; k < L; k++) {
    const ub = p.links[k].capacity ?? Infinity;
    // Clip HiGHS's feasibility-tolerance overshoot so bounds hold exactly.
    if (x[k] > 0) flows.push({ link: k, x: Math.min(x[k], ub) });
  }
  // Maximisation: HiGHS reports a binding ≤ row with a positive dual.
  const supplies: Record<string, number> = {};
  const demands: Record<string, number> = {};
  const S = p.supplies.length;
  p.supplies.forEach((s, i) => {
    supplies[s.id] = Math.max(0, rowDual[i] ?? 0);
  });
  p.demands.forEach((d, j) => {
    demands[d.id] = Math.max(0, rowDual[S + j] ?? 0);
  });

  return buildResult(p, {
    status: timedOut && !(first.gap !== null && first.gap <= MIP_GAP) ? 'time_limit' : 'optimal',
    mipGap: first.gap ?? (timedOut ? null : 0),
    flows,
    open,
    shadowPrices: { supplies, demands },
    engine: 'highs',
    message: timedOut ? 'time limit reached; best plan found so far' : undefined,
  });
}
