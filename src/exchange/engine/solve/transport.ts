// Pure transport instances as min-cost flow, solved by our network simplex.
//
// Nodes: supplies, demands and one sink T (the tree root). Every supply has a
// free "not shipped" arc to T and every demand an arc to T capped at its
// quantity, so shipping nothing is always feasible and the star of those arcs
// is the starting basis. Links become arcs with cost −margin; links with a
// margin ≤ 0 are left out, since without minimums no optimum needs them.
import { nearerOf, pairOf, TIE_WEIGHTS, tieWeight } from './nearest.ts';
import { type FlowNetwork, type FlowSolution, networkSimplex } from './network-simplex.ts';
import { buildResult, type LinkFlow } from './result.ts';
import { type KeptFlow, type Link, linkMargin, type Problem, type SolveResult } from './schema.ts';

/** True when the network simplex can solve the problem exactly. */
export function isPureTransport(p: Problem): boolean {
  return (
    p.supplies.every((s) => s.minQuantity === 0) &&
    p.demands.every((d) => d.minQuantity === 0 && Object.keys(d.limits).length === 0) &&
    p.links.every((l) => l.yield === 1 && l.minQuantity === 0 && l.fixedCost === undefined)
  );
}

const margin = (p: Problem, i: number, j: number, l: Link) =>
  linkMargin(l, p.supplies[i], p.demands[j]);

/**
 * The optimal plan; given flows to `keep` (none, too), of the optimal plans the one nearest to
 * them (Σ |x − kept|), its ties broken by the links' weights (see `nearestOnFace`).
 */
export function solveTransport(
  p: Problem,
  deadlineMs: number,
  keep?: readonly KeptFlow[],
): SolveResult {
  const S = p.supplies.length;
  const D = p.demands.length;
  const T = S + D;
  const sIndex = new Map(p.supplies.map((s, i) => [s.id, i]));
  const dIndex = new Map(p.demands.map((d, j) => [d.id, j]));

  const used: { link: number; i: number; j: number; margin: number }[] = [];
  p.links.forEach((l, k) => {
    const i = sIndex.get(l.supply)!;
    const j = dIndex.get(l.demand)!;
    const mg = margin(p, i, j, l);
    if (mg > 0 && (l.capacity ?? 1) > 0 && p.demands[j].quantity > 0) {
      used.push({ link: k, i, j, margin: mg });
    }
  });

  const L = used.length;
  const m = L + S + D;
  const net: FlowNetwork = {
    nodeCount: T + 1,
    root: T,
    source: new Int32Array(m),
    target: new Int32Array(m),
    cost: new Float64Array(m),
    capacity: new Float64Array(m),
    flow: new Float64Array(m),
    supply: new Float64Array(T + 1),
    treeArc: new Int32Array(T + 1).fill(-1),
  };
  used.forEach((u, e) => {
    net.source[e] = u.i;
    net.target[e] = S + u.j;
    net.cost[e] = -u.margin;
    net.capacity[e] = p.links[u.link].capacity ?? Infinity;
  });
  let total = 0;
  for (let i = 0; i < S; i++) {
    const e = L + i;
    const q = p.supplies[i].quantity;
    net.source[e] = i;
    net.target[e] = T;
    net.capacity[e] = Infinity;
    net.flow[e] = q;
    net.supply[i] = q;
    net.treeArc[i] = e;
    total += q;
  }
  for (let j = 0; j < D; j++) {
    const e = L + S + j;
    net.source[e] = S + j;
    net.target[e] = T;
    net.capacity[e] = p.demands[j].quantity;
    net.treeArc[S + j] = e;
  }
  net.supply[T] = -total;

  const sol = networkSimplex(net, deadlineMs);
  const first = planOf(p, used, sol, sol.flow);
  if (keep === undefined || sol.status !== 'optimal') return first;
  const arcOf = new Map(used.map((u, e) => [pairOf(p.links[u.link]), e]));
  const target = new Map<number, number>();
  for (const f of keep) {
    // a link left out of the network (margin ≤ 0) ships nothing in any plan made here
    const e = arcOf.get(pairOf(f));
    if (e !== undefined) target.set(e, (target.get(e) ?? 0) + f.quantity);
  }
  const weight = new Float64Array(m);
  used.forEach((u, e) => {
    weight[e] = tieWeight(pairOf(p.links[u.link]));
  });
  const near = nearestOnFace(net, sol, target, weight, deadlineMs);
  return near ? nearerOf(p, first, planOf(p, used, sol, near), keep) : first;
}

/** The plan of the arc flows `x` (the links' arcs come first), priced by the solution's potentials. */
function planOf(
  p: Problem,
  used: readonly { link: number; i: number; j: number }[],
  sol: FlowSolution,
  x: Float64Array,
): SolveResult {
  const S = p.supplies.length;
  const D = p.demands.length;
  const T = S + D;
  const sIndex = new Map(p.supplies.map((s, i) => [s.id, i]));
  const dIndex = new Map(p.demands.map((d, j) => [d.id, j]));
  const flows: LinkFlow[] = [];
  used.forEach((u, e) => {
    // clipped to the link's capacity: the face's deviations add and subtract in floating point
    const q = Math.min(x[e], p.links[u.link].capacity ?? Infinity);
    if (q > 0) flows.push({ link: u.link, x: q });
  });

  // Shadow prices from potentials: an extra unit at supply i is worth pi[i]
  // relative to the sink, an extra unit of room at demand j is worth −pi[j].
  const supplies: Record<string, number> = {};
  const demands: Record<string, number> = {};
  const u = new Float64Array(S);
  for (let i = 0; i < S; i++) {
    u[i] = Math.max(0, sol.pi[i] - sol.pi[T]);
    supplies[p.supplies[i].id] = u[i];
  }
  const v = new Float64Array(D);
  for (let j = 0; j < D; j++) v[j] = Math.max(0, sol.pi[T] - sol.pi[S + j]);
  // A demand with no room is outside the network; give it the least price
  // that prices out every link into it (its room is 0, so the price is free).
  p.links.forEach((l) => {
    const i = sIndex.get(l.supply)!;
    const j = dIndex.get(l.demand)!;
    if (p.demands[j].quantity === 0) {
      v[j] = Math.max(v[j], margin(p, i, j, l) - u[i]);
    }
  });
  for (let j = 0; j < D; j++) demands[p.demands[j].id] = v[j];

  return buildResult(p, {
    status: sol.status,
    mipGap: sol.status === 'optimal' ? 0 : null,
    flows,
    open: [],
    shadowPrices: { supplies, demands },
    engine: 'network-simplex',
    message:
      sol.status === 'time_limit'
        ? `time limit reached after ${sol.pivots} pivots; plan is feasible, not proven optimal`
        : undefined,
  });
}

/**
 * Of the optimal flows of `net`, the one nearest to `target` (arc → units), Σ |x − target| least
 * over the targeted arcs, and of those the least in Σ weight · x (`weight`: an integer from 0 to
 * TIE_WEIGHTS per arc, see nearest.ts tieWeight); null when the deadline passes first. The
 * optimal flows are those that keep every arc whose reduced cost under the solution's potentials
 * is not zero where it is (complementary slackness), so the change δ = x − x* is a circulation on
 * the residual network of the zero-reduced-cost arcs: forward up to the spare capacity, backward
 * up to the flow. On a targeted arc the first units towards the target cost −W and any beyond it
 * +W, and a move on any arc adds ± its weight. W exceeds what the weights of n arcs add up to, so
 * no tie-break outweighs a unit of nearness: a simple cycle nearer by any amount is nearer by
 * whole units (its arcs move alike), and its weights sum to less than W. That circulation problem
 * is solved by the same network simplex, started from δ = 0 with every node joined to the root
 * by an arc costlier than any n − 1 other arcs can save, so none carries flow at the optimum. The
 * costs are integers, exact in floating point: the simplex prices to half a unit. The network
 * is small: few arcs besides the basis have a zero reduced cost.
 */
export function nearestOnFace(
  net: FlowNetwork,
  sol: FlowSolution,
  target: ReadonlyMap<number, number>,
  weight: Float64Array,
  deadlineMs: number,
): Float64Array | null {
  const n = net.nodeCount;
  const scale = net.cost.reduce((max, c) => Math.max(max, Math.abs(c)), 1);
  // the root's arcs cost about 2²⁰·n²: for n beyond 2¹⁵ the weights lose bits, so that every
  // cost and potential stays an integer below 2⁵⁰ (by 2²⁵ nodes the weights are 0 or 1)
  const tieUnit = 2 ** Math.max(0, Math.ceil(2 * Math.log2(n + 2)) - 30);
  const tieOf = (e: number) => Math.floor(weight[e] / tieUnit);
  const maxTie = TIE_WEIGHTS / tieUnit;
  const W = maxTie * (n + 1);
  const source: number[] = [];
  const head: number[] = [];
  const cost: number[] = [];
  const capacity: number[] = [];
  /** the arc of `net` each residual arc moves, and +1 forward or −1 backward */
  const moves: [arc: number, sign: number][] = [];
  const add = (u: number, v: number, c: number, room: number, move: [number, number]) => {
    if (!(room > 0)) return;
    source.push(u);
    head.push(v);
    cost.push(c);
    capacity.push(room);
    moves.push(move);
  };
  /** units the arc may move one way, of which the first `towards` bring it nearer its target */
  const residual = (
    e: number,
    sign: number,
    u: number,
    v: number,
    room: number,
    towards?: number,
  ) => {
    const tie = sign * tieOf(e);
    if (towards === undefined) return add(u, v, tie, room, [e, sign]);
    const nearer = Math.min(Math.max(towards, 0), room);
    add(u, v, tie - W, nearer, [e, sign]);
    add(u, v, tie + W, room - nearer, [e, sign]);
  };
  for (let e = 0; e < net.source.length; e++) {
    const u = net.source[e];
    const v = net.target[e];
    if (Math.abs(net.cost[e] + sol.pi[u] - sol.pi[v]) > 1e-9 * scale) continue;
    const x = sol.flow[e];
    const t = target.get(e);
    residual(e, 1, u, v, net.capacity[e] - x, t === undefined ? undefined : t - x);
    residual(e, -1, v, u, x, t === undefined ? undefined : x - t);
  }
  const treeArc = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (v === net.root) continue;
    treeArc[v] = source.length;
    add(v, net.root, (n + 1) * (W + maxTie), Infinity, [-1, 0]);
  }
  const m = source.length;
  const circulation = networkSimplex(
    {
      nodeCount: n,
      root: net.root,
      source: Int32Array.from(source),
      target: Int32Array.from(head),
      cost: Float64Array.from(cost),
      capacity: Float64Array.from(capacity),
      flow: new Float64Array(m),
      supply: new Float64Array(n),
      treeArc,
    },
    deadlineMs,
    0.5,
  );
  if (circulation.status !== 'optimal') return null;
  const x = Float64Array.from(sol.flow);
  moves.forEach(([e, sign], a) => {
    if (e !== -1) x[e] += sign * circulation.flow[a];
  });
  return x;
}
