// Ties broken towards an earlier plan. An exchange's LP often has many optimal plans (two
// offers equally good for one request); which one a solver returns follows the order of the
// listings, so a plan made a day later could move volume between equal pairs for nothing and
// replace proposals nobody has answered yet. Among the optimal plans this picks the one that
// moves the least volume away from the flows to keep. The optimal plans are the optimal face
// of the LP: with one optimal dual, a plan is optimal exactly when every link whose reduced
// cost is not zero stays where the first plan put it and every row with a price stays as full
// (complementary slackness). A second LP over that face minimises Σ |x − kept| (one deviation
// column per kept link, two rows bounding it). No objective is traded for nearness: a bound
// on the objective instead would let the second LP give up a rounding's worth of it for
// specks of flow on worse links. Pure transport does the same in the network simplex
// (transport.ts nearestOnFace); this is the route of every other LP.
import { buildModel } from './highs-model.ts';
import { loadHighs, runModel, STATUS } from './highs-solve.ts';
import { buildResult, type LinkFlow } from './result.ts';
import type { KeptFlow, Problem, SolveResult } from './schema.ts';

/** A reduced cost or price below this (× the largest margin) counts as zero. */
const ZERO_PRICE = 1e-9;
/** Of the kept volume, what two plans' distances may differ by and count as equally near. */
const NEAR_TOLERANCE = 1e-7;
/** A unit of flow's largest tie-break cost in the LP route, against 1 per unit of nearness. */
const TIE_COST = 1e-4;

/** A link's offer → request pair as one key. */
export const pairOf = (x: { supply: string; demand: string }) => `${x.supply}\u0000${x.demand}`;

/**
 * Ties of nearness, too, go one fixed way: of the plans equally near the kept flows, the one
 * least in Σ weight · x, each link weighted by a hash of its pair (1 … 2²⁰), so by the listings
 * and not by their order. Saving a plan again, with its flows now proposals (the answered ones
 * at their older volumes), then brings back the very same flows: the plan saved is as near to
 * those as any plan is (it loses to none what it gained on the flows it proposed anew), so with
 * every tie broken the same way it is again the one picked. Without it (all weights equal) the
 * property test in nearest.test.ts finds plans that move volume between equal pairs.
 */
export function tieWeight(pair: string): number {
  // FNV-1a over the pair, then MurmurHash3's finaliser: FNV's low bits alone move in step (pairs
  // of pairs one character apart summed to the same weight)
  let h = 0x811c9dc5;
  for (let i = 0; i < pair.length; i++) {
    h ^= pair.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 12) + 1;
}
export const TIE_WEIGHTS = 2 ** 20;

/**
 * Σ |x − kept| over the kept links present in the problem, the kept flows of one pair summed
 * (as the second LP and the network simplex take them).
 */
export function distanceFrom(r: SolveResult, keep: readonly KeptFlow[]): number {
  const shipped = new Map(r.flows.map((f) => [pairOf(f), f.quantity]));
  const kept = new Map<string, number>();
  for (const k of keep) kept.set(pairOf(k), (kept.get(pairOf(k)) ?? 0) + k.quantity);
  let sum = 0;
  for (const [pair, quantity] of kept) sum += Math.abs((shipped.get(pair) ?? 0) - quantity);
  return sum;
}

/**
 * The optimal plan nearest to `keep`, its ties broken by the tie weights, given the optimum
 * `first` of the same problem (an LP: no fixed costs). Also when `first` ships every kept flow
 * already or no kept link is in the problem: another optimum may be as near and lighter.
 * `first` itself when the second LP does not finish by the deadline.
 */
export async function nearestOptimum(
  p: Problem,
  first: SolveResult,
  keep: readonly KeptFlow[],
  deadlineMs: number,
): Promise<SolveResult> {
  const linkOf = new Map(p.links.map((l, k) => [pairOf(l), k]));
  // a kept flow whose pair is no longer a link counts alike in every plan: left out
  const present = keep.filter((f) => linkOf.has(pairOf(f)));
  const target = new Map<number, number>();
  for (const f of present) {
    const k = linkOf.get(pairOf(f))!;
    target.set(k, (target.get(k) ?? 0) + f.quantity);
  }
  const seconds = (deadlineMs - Date.now()) / 1000;
  if (!(seconds > 0)) return first;

  // the LP again, for the links' reduced costs: a SolveResult carries the rows' prices only
  const highs = await loadHighs();
  const cm = buildModel(p);
  const face = runModel(highs, cm, seconds);
  if (face.modelStatus !== STATUS.optimal || !face.sol) return first;
  const { colValue, colDual, rowValue, rowDual } = face.sol;
  const L = p.links.length;
  const R = cm.numRows;
  const scale = cm.colCost.reduce((m, c) => Math.max(m, Math.abs(c)), 1);
  const priced = (dual: number) => Math.abs(dual) > ZERO_PRICE * scale;
  const kept = [...target];
  const numRows = R + 2 * kept.length;
  const numCols = L + kept.length;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let r = 0; r < R; r++) {
    // a row with a price stays as full as it is; the others keep their bounds
    const fixed = priced(rowDual[r]);
    rowLower[r] = fixed ? rowValue[r] : cm.rowLower[r];
    rowUpper[r] = fixed ? rowValue[r] : cm.rowUpper[r];
  }
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  for (let k = 0; k < L; k++) {
    // a link whose reduced cost is not zero stays where it is
    const fixed = priced(colDual[k]);
    colLower[k] = fixed ? colValue[k] : cm.colLower[k];
    colUpper[k] = fixed ? colValue[k] : cm.colUpper[k];
  }
  const rowOfKept = new Map<number, number>();
  kept.forEach(([k, t], i) => {
    const r = R + 2 * i;
    rowOfKept.set(k, r);
    // x − d ≤ t and x + d ≥ t: d ≥ |x − t|
    rowLower[r] = -Infinity;
    rowUpper[r] = t;
    rowLower[r + 1] = t;
    rowUpper[r + 1] = Infinity;
  });
  // maximised: −Σ d, and the tie-break (tieWeight) at a weight no cycle of fewer than 10⁴ links
  // adds up to one unit of nearness with
  const colCost = new Float64Array(numCols).fill(-1, L);
  for (let k = 0; k < L; k++)
    colCost[k] = (-TIE_COST * tieWeight(pairOf(p.links[k]))) / TIE_WEIGHTS;
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < L; k++) {
    starts[k] = indices.length;
    for (let e = cm.starts[k]; e < cm.starts[k + 1]; e++) {
      indices.push(cm.indices[e]);
      values.push(cm.values[e]);
    }
    const r = rowOfKept.get(k);
    if (r !== undefined) {
      indices.push(r, r + 1);
      values.push(1, 1);
    }
  }
  kept.forEach(([k], i) => {
    const r = rowOfKept.get(k)!;
    starts[L + i] = indices.length;
    indices.push(r, r + 1);
    values.push(-1, 1);
  });
  starts[numCols] = indices.length;
  const near = runModel(
    highs,
    {
      ...cm,
      numCols,
      numRows,
      colCost,
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
      integrality: null,
      offset: 0,
    },
    Math.max(0.001, (deadlineMs - Date.now()) / 1000),
  );
  if (near.modelStatus !== STATUS.optimal || !near.sol) return first;
  const x = near.sol.colValue;
  const flows: LinkFlow[] = [];
  for (let k = 0; k < L; k++) {
    const l = p.links[k];
    // clip the solver's tolerance so bounds hold exactly
    const v = Math.min(Math.max(x[k], l.minQuantity), l.capacity ?? Infinity);
    if (v > 0) flows.push({ link: k, x: v });
  }
  const nearest = buildResult(p, {
    status: 'optimal',
    mipGap: first.mipGap,
    flows,
    open: [],
    // every optimal plan of an LP meets every optimal dual: the first plan's prices hold
    shadowPrices: first.shadowPrices,
    engine: 'highs',
    message: first.message,
  });
  return nearerOf(p, first, nearest, present);
}

/**
 * The second plan (the nearest, its ties broken by weight) if it is as good as the first (within
 * the engines' 1e-9) and as near to the kept flows (within NEAR_TOLERANCE of their volume), else
 * the first: a guard against the solvers' tolerances. A second plan merely as near is taken too,
 * so that the tie weights and not the first solve's order pick among equally near plans.
 */
export function nearerOf(
  p: Problem,
  first: SolveResult,
  second: SolveResult,
  keep: readonly KeptFlow[],
): SolveResult {
  const links = new Set(p.links.map(pairOf));
  const present = keep.filter((f) => links.has(pairOf(f)));
  const z = first.objective;
  const asGood = second.objective >= z - 1e-9 * Math.max(1, Math.abs(z));
  const volume = present.reduce((sum, f) => sum + f.quantity, 0);
  const asNear =
    distanceFrom(second, present) <=
    distanceFrom(first, present) + NEAR_TOLERANCE * Math.max(1, volume);
  return asGood && asNear ? second : first;
}
