// Pure transport instances as min-cost flow, solved by our network simplex.
//
// Nodes: supplies, demands and one sink T (the tree root). Every supply has a
// free "not shipped" arc to T and every demand an arc to T capped at its
// quantity, so shipping nothing is always feasible and the star of those arcs
// is the starting basis. Links become arcs with cost −margin; links with a
// margin ≤ 0 are left out, since without minimums no optimum needs them.
import { type FlowNetwork, networkSimplex } from './network-simplex.ts';
import { buildResult, type LinkFlow } from './result.ts';
import { type Link, linkMargin, type Problem, type SolveResult } from './schema.ts';

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

export function solveTransport(p: Problem, deadlineMs: number): SolveResult {
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

  const flows: LinkFlow[] = [];
  used.forEach((u, e) => {
    if (sol.flow[e] > 0) flows.push({ link: u.link, x: sol.flow[e] });
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
