// Network metrics of the ecosystem graph, pure, over the CSR graph of network-graph.ts, with
// networkx 3.6's conventions (its values are matched to 1e-9 by network.test.ts against
// fixtures made by scripts/networkx-fixtures.py):
//   degree       G.degree / (n − 1) (a self-loop counts 2); n = 1: 1          degree_centrality
//   betweenness  Brandes, unweighted, normalised by 1/((n−1)(n−2)); n ≤ 2: 0  betweenness_centrality
//   closeness    unweighted, Wasserman–Faust: (r/Σd)·(r/(n−1)), r reachable   closeness_centrality
//   pagerank     α 0.85, weighted, dangling nodes spread uniformly             pagerank
//   eigenvector  weighted, power iteration of A + I from the uniform vector,   eigenvector_centrality
//                unit Euclidean norm (so in a disconnected graph the largest
//                eigenvalue's component carries it, as in networkx)
//   modularity   weighted, resolution 1, of a partition                        community.modularity
//   density      2E/(n(n−1)) with self-loops among the E edges; n ≤ 1: 0       density
// Both power iterations stop when the L1 change is below n·tol, networkx's test, with tol
// 1e-14 by default (networkx's default 1e-6 leaves values only about 1e-6 accurate).
import { buildGraph, type Graph } from './network-graph.ts';
import { louvain } from './network-louvain.ts';

export * from './network-graph.ts';
export { type LouvainOptions, louvain } from './network-louvain.ts';

/** A power iteration that did not settle within its iteration limit. */
export class NetworkConvergenceError extends Error {
  constructor(what: string, iterations: number) {
    super(`${what} did not converge in ${iterations} iterations`);
    this.name = 'NetworkConvergenceError';
  }
}

export interface PowerOptions {
  /** stop when Σ|x − x_prev| < n·tol (default 1e-14) */
  tol?: number;
  /** give up (NetworkConvergenceError) after this many iterations (default 10 000) */
  maxIter?: number;
}

/** networkx `degree_centrality`: the number of edge ends at the node over n − 1. */
export function degreeCentrality(g: Graph): Float64Array {
  const out = new Float64Array(g.n);
  if (g.n <= 1) return out.fill(1);
  const s = 1 / (g.n - 1);
  for (let u = 0; u < g.n; u++) out[u] = (g.offsets[u + 1]! - g.offsets[u]! + g.loop[u]!) * s;
  return out;
}

/** Σ of edge weights at each node, a self-loop twice (networkx `G.degree(weight=…)`). */
export function weightedDegree(g: Graph): Float64Array {
  const out = new Float64Array(g.n);
  for (let u = 0; u < g.n; u++) {
    let s = 0;
    for (let e = g.offsets[u]!; e < g.offsets[u + 1]!; e++) {
      s += g.weights[e]!;
      if (g.targets[e] === u) s += g.weights[e]!;
    }
    out[u] = s;
  }
  return out;
}

/** networkx `density`: 2E/(n(n−1)), self-loops counted among the E edges. */
export function density(g: Graph): number {
  return g.n <= 1 ? 0 : (2 * g.edgeCount) / (g.n * (g.n - 1));
}

/** What one sweep of breadth-first searches adds up (sums over the sources swept). */
export interface SweepSums {
  /** Brandes' dependencies summed over the sources (both directions of each pair) */
  betweenness: Float64Array;
  /** per source: Σ of distances to the nodes it reaches */
  distanceSum: Float64Array;
  /** per source: how many other nodes it reaches */
  reached: Int32Array;
}

export const emptySums = (n: number): SweepSums => ({
  betweenness: new Float64Array(n),
  distanceSum: new Float64Array(n),
  reached: new Int32Array(n),
});

/**
 * Breadth-first searches from sources [from, to): Brandes' accumulation (when `betweenness`)
 * and the distance sums closeness needs. The unit of work split across threads: sums of
 * disjoint source ranges add up to the whole. One search costs O(E): the search records the
 * shortest-path DAG's edges in discovery order — the edges out of a node together, as it is
 * expanded — and the accumulation walks the nodes backwards, each summing what its DAG
 * successors pass on (no predecessor lists, no allocation per source). Self-contained (typed
 * arrays and arithmetic only): network-worker.ts ships its source text to worker threads as
 * it is.
 */
export class Sweeper {
  order: Int32Array;
  dist: Int32Array;
  sigma: Float64Array;
  passOn: Float64Array;
  dagStart: Int32Array;
  dagTo: Int32Array;
  offsets: Int32Array;
  targets: Int32Array;

  constructor(g: { n: number; offsets: Int32Array; targets: Int32Array }) {
    this.offsets = g.offsets;
    this.targets = g.targets;
    this.order = new Int32Array(g.n);
    this.dist = new Int32Array(g.n).fill(-1);
    this.sigma = new Float64Array(g.n);
    this.passOn = new Float64Array(g.n);
    this.dagStart = new Int32Array(g.n + 1);
    this.dagTo = new Int32Array(g.targets.length);
  }

  sweep(
    from: number,
    to: number,
    sums: { betweenness: Float64Array; distanceSum: Float64Array; reached: Int32Array },
    betweenness: boolean,
  ): void {
    const { offsets, targets, order, dist, sigma, passOn, dagStart, dagTo } = this;
    const bc = sums.betweenness;
    for (let s = from; s < to; s++) {
      let head = 0;
      let tail = 1;
      let total = 0;
      order[0] = s;
      dist[s] = 0;
      if (betweenness) {
        let arcs = 0;
        sigma[s] = 1;
        while (head < tail) {
          dagStart[head] = arcs;
          const v = order[head++]!;
          const dv = dist[v]! + 1;
          const sv = sigma[v]!;
          const end = offsets[v + 1]!;
          for (let e = offsets[v]!; e < end; e++) {
            const w = targets[e]!;
            const dw = dist[w]!;
            if (dw < 0) {
              dist[w] = dv;
              sigma[w] = sv;
              order[tail++] = w;
              total += dv;
              dagTo[arcs++] = w;
            } else if (dw === dv) {
              sigma[w]! += sv;
              dagTo[arcs++] = w;
            }
          }
        }
        dagStart[tail] = arcs;
        // Brandes: δ(v) = Σ over DAG successors w of σ(v)/σ(w)·(1 + δ(w)) = σ(v)·Σ passOn(w),
        // passOn(w) = (1 + δ(w))/σ(w); a successor lies later in BFS order, so walking the
        // order backwards finds every passOn(w) final (one division per node, not per edge)
        for (let i = tail - 1; i > 0; i--) {
          let sum = 0;
          const end = dagStart[i + 1]!;
          for (let j = dagStart[i]!; j < end; j++) sum += passOn[dagTo[j]!]!;
          const v = order[i]!;
          const sv = sigma[v]!;
          const delta = sv * sum;
          bc[v]! += delta;
          passOn[v] = (1 + delta) / sv;
        }
      } else {
        while (head < tail) {
          const v = order[head++]!;
          const dv = dist[v]! + 1;
          const end = offsets[v + 1]!;
          for (let e = offsets[v]!; e < end; e++) {
            const w = targets[e]!;
            if (dist[w]! < 0) {
              dist[w] = dv;
              order[tail++] = w;
              total += dv;
            }
          }
        }
      }
      sums.distanceSum[s] = total;
      sums.reached[s] = tail - 1;
      for (let i = 0; i < tail; i++) dist[order[i]!] = -1;
    }
  }
}

/**
 * The distance sums closeness needs, from sources [from, to), 32 at a time: a multi-source
 * breadth-first search (MS-BFS, Then et al., VLDB 2014) where each node carries one bit per
 * source of the batch in an Int32 word — `seen` (reached), `frontier` (reached at the last
 * level), `next` — so one visit of an arc serves every source of the batch whose frontier
 * holds its tail. Levels switch direction as in Beamer's direction-optimising BFS: while the
 * frontier's arcs are few it pushes them (top-down, over lists of the frontier's nodes: a node
 * is in the frontier at most once per source, so a long path costs no more than 32 single
 * searches); once they are a quarter of all arcs, every node not yet seen by all sources pulls
 * from its neighbours and stops as soon as they cover what it lacks (bottom-up; such levels
 * are at most 4·32 a batch, each one pass over the graph). The nodes a level reaches are counted per source by a bit-sliced counter (the
 * level's new-bit words added as 32 binary counters in parallel), so Σ distances is the Σ of
 * level × count: the same integers a search per source sums. Self-contained, like Sweeper
 * (network-worker.ts ships its source text to worker threads).
 */
export class ClosenessSweeper {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  seen: Int32Array;
  frontier: Int32Array;
  next: Int32Array;
  list: Int32Array;
  nextList: Int32Array;
  slices: Int32Array;
  /** levels push while the frontier holds under 1/pullAt of the arcs (0: always push; ∞: always pull) */
  pullAt: number;

  constructor(g: { n: number; offsets: Int32Array; targets: Int32Array }, pullAt = 4) {
    this.pullAt = pullAt;
    this.n = g.n;
    this.offsets = g.offsets;
    this.targets = g.targets;
    this.seen = new Int32Array(g.n);
    this.frontier = new Int32Array(g.n);
    this.next = new Int32Array(g.n);
    this.list = new Int32Array(g.n);
    this.nextList = new Int32Array(g.n);
    this.slices = new Int32Array(32);
  }

  sweep(from: number, to: number, sums: { distanceSum: Float64Array; reached: Int32Array }): void {
    for (let s = from; s < to; s += 32) this.batch(s, Math.min(to, s + 32), sums);
  }

  batch(from: number, to: number, sums: { distanceSum: Float64Array; reached: Int32Array }): void {
    const { n, offsets, targets, seen, next, slices } = this;
    const frontier = this.frontier;
    let list = this.list;
    let nextList = this.nextList;
    const arcs = targets.length;
    const width = to - from;
    // the bits of the batch's sources: a node is done when it has all of them
    const all = width === 32 ? -1 : (1 << width) - 1;
    seen.fill(0);
    frontier.fill(0);
    next.fill(0);
    let size = 0;
    let frontierArcs = 0;
    for (let i = 0; i < width; i++) {
      const s = from + i;
      sums.distanceSum[s] = 0;
      sums.reached[s] = 0;
      list[size++] = s;
      frontierArcs += offsets[s + 1]! - offsets[s]!;
      seen[s] = 1 << i;
      frontier[s] = 1 << i;
    }
    for (let level = 1; size > 0; level++) {
      let top = 0; // slices in use by this level's counter
      let nextSize = 0;
      let nextArcs = 0;
      if (frontierArcs * this.pullAt < arcs) {
        // top-down: push each frontier node's bits along its arcs
        for (let i = 0; i < size; i++) {
          const v = list[i]!;
          const f = frontier[v]!;
          frontier[v] = 0;
          const end = offsets[v + 1]!;
          for (let e = offsets[v]!; e < end; e++) {
            const w = targets[e]!;
            const had = next[w]!;
            if (had === 0) nextList[nextSize++] = w;
            next[w] = had | f;
          }
        }
        let kept = 0;
        for (let i = 0; i < nextSize; i++) {
          const w = nextList[i]!;
          const fresh = next[w]! & ~seen[w]!;
          next[w] = 0;
          if (fresh === 0) continue;
          seen[w] |= fresh;
          frontier[w] = fresh;
          nextList[kept++] = w;
          nextArcs += offsets[w + 1]! - offsets[w]!;
          top = Math.max(top, this.countInto(slices, fresh));
        }
        nextSize = kept;
      } else {
        // bottom-up: each node not yet reached by every source pulls from the frontier
        for (let w = 0; w < n; w++) {
          const lack = all & ~seen[w]!;
          if (lack === 0) continue;
          let got = 0;
          const end = offsets[w + 1]!;
          for (let e = offsets[w]!; e < end; e++) {
            got |= frontier[targets[e]!]!;
            if ((got & lack) === lack) break;
          }
          next[w] = got & lack;
        }
        for (let i = 0; i < size; i++) frontier[list[i]!] = 0;
        for (let w = 0; w < n; w++) {
          const fresh = next[w]!;
          if (fresh === 0) continue;
          next[w] = 0;
          seen[w] |= fresh;
          frontier[w] = fresh;
          nextList[nextSize++] = w;
          nextArcs += offsets[w + 1]! - offsets[w]!;
          top = Math.max(top, this.countInto(slices, fresh));
        }
      }
      // each source's count of nodes first reached at this level, read off the slices
      for (let i = 0; i < width; i++) {
        let count = 0;
        for (let b = 0; b < top; b++) count += ((slices[b]! >>> i) & 1) * 2 ** b;
        if (count > 0) {
          const s = from + i;
          sums.distanceSum[s]! += level * count;
          sums.reached[s]! += count;
        }
      }
      slices.fill(0, 0, top);
      [list, nextList] = [nextList, list];
      size = nextSize;
      frontierArcs = nextArcs;
    }
    this.list = list;
    this.nextList = nextList;
  }

  /**
   * Adds one to the count of each source whose bit is set in `bits`: the counts are kept
   * bit-sliced (slice b holds bit b of every source's count), so one word operation per
   * slice counts 32 sources at once. Returns the number of slices the carry reached. A
   * method, not a module function: the worker is sent this class's source alone.
   */
  countInto(slices: Int32Array, bits: number): number {
    let b = 0;
    for (let carry = bits; carry !== 0; b++) {
      const t = slices[b]! & carry;
      slices[b] ^= carry;
      carry = t;
    }
    return b;
  }
}

/** Adds `b` into `a` (partial sums of disjoint source ranges). */
export function addSums(a: SweepSums, b: SweepSums): void {
  for (let i = 0; i < a.betweenness.length; i++) {
    a.betweenness[i]! += b.betweenness[i]!;
    a.distanceSum[i]! += b.distanceSum[i]!;
    a.reached[i]! += b.reached[i]!;
  }
}

/** networkx `betweenness_centrality(normalized=True)` from the summed dependencies. */
export function betweennessFromSums(n: number, sums: SweepSums): Float64Array {
  const out = Float64Array.from(sums.betweenness);
  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let i = 0; i < n; i++) out[i]! *= scale;
  }
  return out;
}

/** networkx `closeness_centrality(wf_improved=True)` from the distance sums. */
export function closenessFromSums(n: number, sums: SweepSums): Float64Array {
  const out = new Float64Array(n);
  if (n <= 1) return out;
  for (let i = 0; i < n; i++) {
    const r = sums.reached[i]!;
    const total = sums.distanceSum[i]!;
    if (total > 0) out[i] = (r / total) * (r / (n - 1));
  }
  return out;
}

export function betweennessCentrality(g: Graph): Float64Array {
  const sums = emptySums(g.n);
  new Sweeper(g).sweep(0, g.n, sums, true);
  return betweennessFromSums(g.n, sums);
}

export function closenessCentrality(g: Graph): Float64Array {
  const sums = emptySums(g.n);
  new ClosenessSweeper(g).sweep(0, g.n, sums);
  return closenessFromSums(g.n, sums);
}

/** networkx `pagerank(alpha, weight='weight')`: uniform start, teleport and dangling weights. */
export function pagerank(g: Graph, alpha = 0.85, options: PowerOptions = {}): Float64Array {
  const { n, offsets, targets, weights } = g;
  const tol = options.tol ?? 1e-14;
  const maxIter = options.maxIter ?? 10_000;
  if (n === 0) return new Float64Array(0);
  // row sums of the adjacency matrix (a self-loop once, on the diagonal)
  const inv = new Float64Array(n);
  const dangling: number[] = [];
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) s += weights[e]!;
    if (s === 0) dangling.push(u);
    else inv[u] = 1 / s;
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const y = new Float64Array(n);
  const teleport = (1 - alpha) / n;
  for (let it = 0; it < maxIter; it++) {
    let lost = 0;
    for (const u of dangling) lost += x[u]!;
    for (let u = 0; u < n; u++) y[u] = x[u]! * inv[u]!;
    const base = (alpha * lost) / n + teleport;
    let err = 0;
    for (let v = 0; v < n; v++) {
      let s = 0;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) s += y[targets[e]!]! * weights[e]!;
      const value = alpha * s + base;
      next[v] = value;
      err += Math.abs(value - x[v]!);
    }
    [x, next] = [next, x];
    if (err < n * tol) return x;
  }
  throw new NetworkConvergenceError('pagerank', maxIter);
}

/**
 * Connected components: `component[u]` numbered 0.. in order of their first node, and the
 * nodes of each, component by component, in `members` from `start[c]`.
 */
export function components(g: Graph): {
  count: number;
  component: Int32Array;
  start: Int32Array;
  members: Int32Array;
} {
  const { n, offsets, targets } = g;
  const component = new Int32Array(n).fill(-1);
  const members = new Int32Array(n);
  const start: number[] = [0];
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if (component[s] !== -1) continue;
    const c = start.length - 1;
    let head = tail;
    component[s] = c;
    members[tail++] = s;
    while (head < tail) {
      const v = members[head++]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!;
        if (component[w] === -1) {
          component[w] = c;
          members[tail++] = w;
        }
      }
    }
    start.push(tail);
  }
  return { count: start.length - 1, component, start: Int32Array.from(start), members };
}

/**
 * networkx `eigenvector_centrality(weight='weight')`: the limit of its power iteration of
 * A + I from the uniform vector, scaled to unit Euclidean norm. In a disconnected graph that
 * limit is the Perron vector of the component(s) with the largest eigenvalue, each weighted
 * by the uniform start's projection on it, and 0 elsewhere; it is computed here component by
 * component, so that components of nearly equal eigenvalue do not make the iteration crawl
 * (networkx then stops early or not at all). Components whose eigenvalues agree to 1e-10
 * (relative) share the vector as in networkx. Within a component the same iteration runs:
 * L1 change below n·tol; NetworkConvergenceError after `maxIter` iterations (default: as
 * many as 2·10⁷ edge visits allow, at least 10 000).
 */
export function eigenvectorCentrality(g: Graph, options: PowerOptions = {}): Float64Array {
  const { n, offsets, targets, weights } = g;
  const tol = options.tol ?? 1e-14;
  const maxIter = options.maxIter ?? Math.max(10_000, Math.floor(2e7 / (targets.length + n + 1)));
  const out = new Float64Array(n);
  if (n === 0) return out;
  const { count, start, members } = components(g);
  const lambda = new Float64Array(count);
  const share = new Float64Array(count);
  let x = new Float64Array(n);
  let next = new Float64Array(n);
  for (let c = 0; c < count; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    const size = to - from;
    for (let i = from; i < to; i++) x[members[i]!] = 1 / n;
    let converged = false;
    for (let it = 0; it < maxIter && !converged; it++) {
      let norm = 0;
      for (let i = from; i < to; i++) {
        const v = members[i]!;
        let s = x[v]!;
        for (let e = offsets[v]!; e < offsets[v + 1]!; e++) s += x[targets[e]!]! * weights[e]!;
        next[v] = s;
        norm += s * s;
      }
      norm = Math.sqrt(norm) || 1;
      let err = 0;
      for (let i = from; i < to; i++) {
        const v = members[i]!;
        const value = next[v]! / norm;
        next[v] = value;
        err += Math.abs(value - x[v]!);
      }
      [x, next] = [next, x];
      converged = err < size * tol;
    }
    if (!converged) throw new NetworkConvergenceError('eigenvector centrality', maxIter);
    // eigenvalue of A (Rayleigh quotient, the vector having unit norm) and the start's projection
    let rq = 0;
    let proj = 0;
    for (let i = from; i < to; i++) {
      const v = members[i]!;
      let s = 0;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) s += x[targets[e]!]! * weights[e]!;
      rq += x[v]! * s;
      proj += x[v]! / n;
    }
    lambda[c] = rq;
    share[c] = proj;
  }
  let top = 0;
  for (let c = 0; c < count; c++) top = Math.max(top, lambda[c]!);
  let norm = 0;
  for (let c = 0; c < count; c++) {
    if (lambda[c]! < top - 1e-10 * Math.max(1, top)) continue;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const v = members[i]!;
      out[v] = share[c]! * x[v]!;
      norm += out[v]! * out[v]!;
    }
  }
  norm = Math.sqrt(norm);
  for (let v = 0; v < n; v++) out[v]! /= norm;
  return out;
}

/**
 * networkx `community.modularity(G, partition, weight='weight')` with `community[u]` the
 * community of node u: Σ_c L_c/m − (D_c/2m)², L_c the weight inside c (each edge once),
 * D_c the weighted degree of c (a self-loop twice), m the total weight. A graph without
 * edges has modularity 0 here (networkx divides by zero).
 */
export function modularity(g: Graph, community: ArrayLike<number>): number {
  const { n, offsets, targets, weights } = g;
  let k = 0;
  for (let u = 0; u < n; u++) k = Math.max(k, community[u]! + 1);
  const inside = new Float64Array(k);
  const degree = new Float64Array(k);
  let total = 0;
  for (let u = 0; u < n; u++) {
    const c = community[u]!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = targets[e]!;
      const w = weights[e]!;
      if (v === u) {
        degree[c]! += 2 * w;
        inside[c]! += w;
        total += 2 * w;
      } else {
        degree[c]! += w;
        total += w;
        if (community[v] === c) inside[c]! += w / 2;
      }
    }
  }
  if (total === 0) return 0;
  const m = total / 2;
  let q = 0;
  for (let c = 0; c < k; c++) q += inside[c]! / m - (degree[c]! / total) ** 2;
  return q;
}

export interface NodeMetrics {
  id: string;
  degree: number;
  betweenness: number;
  closeness: number;
  pagerank: number;
  eigenvector: number;
  community: number;
}

/** The output of `digicluster network FILE --json`. */
export interface NetworkMetrics {
  nodes: NodeMetrics[];
  modularity: number;
  density: number;
}

/** The metric set as arrays indexed by node (for further engines: keystones, signals). */
export interface MetricArrays {
  degree: Float64Array;
  betweenness: Float64Array;
  closeness: Float64Array;
  pagerank: Float64Array;
  eigenvector: Float64Array;
  community: Int32Array;
  modularity: number;
  density: number;
}

export interface MetricOptions {
  /** Louvain's seed (default 14) */
  seed?: number;
  power?: PowerOptions;
}

/** Everything but the breadth-first sweep, which the caller supplies (one thread or many). */
export function metricsFromSums(
  g: Graph,
  sums: SweepSums,
  options: MetricOptions = {},
): MetricArrays {
  const community = louvain(g, { seed: options.seed ?? 14 });
  return {
    degree: degreeCentrality(g),
    betweenness: betweennessFromSums(g.n, sums),
    closeness: closenessFromSums(g.n, sums),
    pagerank: pagerank(g, 0.85, options.power),
    eigenvector: eigenvectorCentrality(g, options.power),
    community,
    modularity: modularity(g, community),
    density: density(g),
  };
}

/** The full metric set in this thread (network-worker.ts spreads the sweep over threads). */
export function metricArrays(g: Graph, options: MetricOptions = {}): MetricArrays {
  const sums = emptySums(g.n);
  new Sweeper(g).sweep(0, g.n, sums, true);
  return metricsFromSums(g, sums, options);
}

/** The arrays in the CLI's output format, nodes in input order. */
export function toNetworkMetrics(g: Graph, a: MetricArrays): NetworkMetrics {
  return {
    nodes: g.ids.map((id, i) => ({
      id,
      degree: a.degree[i]!,
      betweenness: a.betweenness[i]!,
      closeness: a.closeness[i]!,
      pagerank: a.pagerank[i]!,
      eigenvector: a.eigenvector[i]!,
      community: a.community[i]!,
    })),
    modularity: a.modularity,
    density: a.density,
  };
}

/** `digicluster network FILE --json` in one thread: parse, measure, format. */
export function networkMetrics(input: unknown, options: MetricOptions = {}): NetworkMetrics {
  const g = buildGraph(input);
  return toNetworkMetrics(g, metricArrays(g, options));
}
