// Louvain community detection (Blondel et al. 2008) over the CSR graph, weighted, resolution
// 1, with networkx `louvain_communities`' structure: each level moves nodes one at a time, in
// a seeded random order, to the neighbouring community of the largest modularity gain until a
// pass moves none; then communities become the nodes of the next level; it stops when a level
// gains no more than `threshold` (1e-7). A heuristic: its partition is not networkx's, its
// modularity comes within 0.02 of it (network.test.ts). Deterministic for a seed.
import type { Graph } from './network-graph.ts';

export interface LouvainOptions {
  seed?: number;
  /** stop when a level raises modularity by no more than this (networkx: 1e-7) */
  threshold?: number;
}

/** mulberry32: a small seeded generator, the same sequence on every platform */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Level {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** weight of the self-loop at each node (an aggregated community's inner weight) */
  loops: Float64Array;
}

/** The graph as level 0: self-loops moved out of the adjacency into `loops`. */
function levelOf(g: Graph): Level {
  const loops = new Float64Array(g.n);
  const offsets = new Int32Array(g.n + 1);
  const targets = new Int32Array(g.targets.length);
  const weights = new Float64Array(g.targets.length);
  let at = 0;
  for (let u = 0; u < g.n; u++) {
    for (let e = g.offsets[u]!; e < g.offsets[u + 1]!; e++) {
      const v = g.targets[e]!;
      if (v === u) loops[u]! += g.weights[e]!;
      else {
        targets[at] = v;
        weights[at++] = g.weights[e]!;
      }
    }
    offsets[u + 1] = at;
  }
  return {
    n: g.n,
    offsets,
    targets: targets.subarray(0, at),
    weights: weights.subarray(0, at),
    loops,
  };
}

function degrees(l: Level): Float64Array {
  const k = new Float64Array(l.n);
  for (let u = 0; u < l.n; u++) {
    let s = 2 * l.loops[u]!;
    for (let e = l.offsets[u]!; e < l.offsets[u + 1]!; e++) s += l.weights[e]!;
    k[u] = s;
  }
  return k;
}

/** Modularity of a level's partition (communities 0..k−1). */
function levelModularity(l: Level, k: Float64Array, comm: Int32Array, m2: number): number {
  const inside = new Float64Array(l.n);
  const tot = new Float64Array(l.n);
  for (let u = 0; u < l.n; u++) {
    const c = comm[u]!;
    tot[c]! += k[u]!;
    inside[c]! += 2 * l.loops[u]!;
    for (let e = l.offsets[u]!; e < l.offsets[u + 1]!; e++)
      if (comm[l.targets[e]!] === c) inside[c]! += l.weights[e]!;
  }
  let q = 0;
  for (let c = 0; c < l.n; c++) q += inside[c]! / m2 - (tot[c]! / m2) ** 2;
  return q;
}

/** One level of moves; returns the number of nodes that changed community. */
function moveNodes(l: Level, k: Float64Array, comm: Int32Array, m2: number, rnd: () => number) {
  const n = l.n;
  const tot = Float64Array.from(k);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const link = new Float64Array(n); // weight from the node being moved to each community
  const touched = new Int32Array(n);
  let movedTotal = 0;
  for (;;) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const u = order[i]!;
      const cu = comm[u]!;
      const ku = k[u]!;
      let count = 0;
      link[cu] = 0;
      touched[count++] = cu;
      for (let e = l.offsets[u]!; e < l.offsets[u + 1]!; e++) {
        const c = comm[l.targets[e]!]!;
        if (link[c] === 0 && c !== cu) touched[count++] = c;
        link[c]! += l.weights[e]!;
      }
      tot[cu]! -= ku;
      // gain of joining c, up to terms common to every c: link(u, c) − tot(c)·k(u)/2m
      let best = cu;
      let bestGain = link[cu]! - (tot[cu]! * ku) / m2;
      for (let j = 1; j < count; j++) {
        const c = touched[j]!;
        const gain = link[c]! - (tot[c]! * ku) / m2;
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
        }
      }
      for (let j = 0; j < count; j++) link[touched[j]!] = 0;
      tot[best]! += ku;
      if (best !== cu) {
        comm[u] = best;
        moved++;
      }
    }
    movedTotal += moved;
    if (moved === 0) return movedTotal;
  }
}

/** Renumbers communities 0..k−1 in order of first node; returns k. */
function renumber(comm: Int32Array): number {
  const map = new Int32Array(comm.length).fill(-1);
  let k = 0;
  for (let u = 0; u < comm.length; u++) {
    const c = comm[u]!;
    if (map[c] === -1) map[c] = k++;
    comm[u] = map[c]!;
  }
  return k;
}

/** The next level: one node per community, weights between communities summed. */
function aggregate(l: Level, comm: Int32Array, k: number): Level {
  // members of each community, by counting sort
  const start = new Int32Array(k + 1);
  for (let u = 0; u < l.n; u++) start[comm[u]! + 1]! += 1;
  for (let c = 0; c < k; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, k);
  const members = new Int32Array(l.n);
  for (let u = 0; u < l.n; u++) members[fill[comm[u]!]!++] = u;

  const loops = new Float64Array(k);
  const offsets = new Int32Array(k + 1);
  const acc = new Float64Array(k);
  const touched = new Int32Array(k);
  const outT: number[] = [];
  const outW: number[] = [];
  for (let c = 0; c < k; c++) {
    let count = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const u = members[i]!;
      loops[c]! += l.loops[u]!;
      for (let e = l.offsets[u]!; e < l.offsets[u + 1]!; e++) {
        const d = comm[l.targets[e]!]!;
        const w = l.weights[e]!;
        if (d === c) loops[c]! += w / 2;
        else {
          if (acc[d] === 0) touched[count++] = d;
          acc[d]! += w;
        }
      }
    }
    for (let j = 0; j < count; j++) {
      const d = touched[j]!;
      outT.push(d);
      outW.push(acc[d]!);
      acc[d] = 0;
    }
    offsets[c + 1] = outT.length;
  }
  return { n: k, offsets, targets: Int32Array.from(outT), weights: Float64Array.from(outW), loops };
}

/**
 * Communities of the graph's nodes, numbered 0.. in order of their first node. Every node of
 * a graph without edges is its own community.
 */
export function louvain(g: Graph, options: LouvainOptions = {}): Int32Array {
  const rnd = random(options.seed ?? 14);
  const threshold = options.threshold ?? 1e-7;
  const result = new Int32Array(g.n);
  for (let u = 0; u < g.n; u++) result[u] = u;
  let level = levelOf(g);
  let k = degrees(level);
  let m2 = 0;
  for (let u = 0; u < level.n; u++) m2 += k[u]!;
  if (m2 === 0) return result;
  let comm = new Int32Array(level.n);
  for (let u = 0; u < level.n; u++) comm[u] = u;
  let q = levelModularity(level, k, comm, m2);
  for (;;) {
    const moved = moveNodes(level, k, comm, m2, rnd);
    if (moved === 0) break;
    const count = renumber(comm);
    const nextQ = levelModularity(level, k, comm, m2);
    for (let u = 0; u < g.n; u++) result[u] = comm[result[u]!]!;
    if (nextQ - q <= threshold) break;
    q = nextQ;
    level = aggregate(level, comm, count);
    k = degrees(level);
    comm = new Int32Array(level.n);
    for (let u = 0; u < level.n; u++) comm[u] = u;
  }
  renumber(result);
  return result;
}
