// Primal network simplex for min-cost flow, in floating point.
//
// Basis: a spanning tree kept as parent pointers plus child lists (first child /
// sibling links), with node depths for the join search and node potentials for
// pricing. Pricing is block search (√arcs arcs per block, best of the first
// block that has an eligible arc), the rule LEMON and POT found most robust.
// The leaving arc follows the strongly-feasible-tree rule (ties broken towards
// the last blocking arc on the cycle), which rules out cycling.
//
// The caller supplies a feasible star-shaped starting basis (every node joined
// to the root by a real arc), so there are no artificial arcs and no big-M
// costs to pollute the potentials' precision.

export interface FlowNetwork {
  nodeCount: number;
  root: number;
  source: Int32Array;
  target: Int32Array;
  cost: Float64Array;
  /** Infinity for uncapacitated arcs. */
  capacity: Float64Array;
  /** Starting flow: feasible, with every non-tree arc at 0 or its capacity. */
  flow: Float64Array;
  /** Node balance b (out − in = b); needed to recompute tree flows exactly. */
  supply: Float64Array;
  /**
   * For each non-root node, an arc joining it to the root (−1 for the root).
   * The star must be strongly feasible: a zero-flow arc points towards the root
   * with spare capacity, or a saturated one points away from it.
   */
  treeArc: Int32Array;
}

export interface FlowSolution {
  status: 'optimal' | 'time_limit';
  flow: Float64Array;
  /** Node potentials: reduced cost of arc (u,v) is cost + pi[u] − pi[v]. */
  pi: Float64Array;
  pivots: number;
}

const UP = 1;
const DOWN = -1;
const LOWER = 1;
const UPPER = -1;
const TREE = 0;

/**
 * `costTolerance`: a reduced cost above −this counts as zero. By default a rounding's worth of
 * the largest cost; a network of integer costs (exact in floating point up to 2⁵³) passes ½.
 */
export function networkSimplex(
  net: FlowNetwork,
  deadlineMs = Infinity,
  costTolerance?: number,
): FlowSolution {
  const n = net.nodeCount;
  const m = net.source.length;
  const { root, source: src, target: tgt, cost, capacity: cap, supply } = net;
  const flow = Float64Array.from(net.flow);
  const state = new Int8Array(m).fill(LOWER);
  const parent = new Int32Array(n).fill(-1);
  const pred = new Int32Array(n).fill(-1);
  const predDir = new Int8Array(n);
  const depth = new Int32Array(n);
  const pi = new Float64Array(n);
  const firstChild = new Int32Array(n).fill(-1);
  const nextSib = new Int32Array(n).fill(-1);
  const prevSib = new Int32Array(n).fill(-1);

  let maxCost = 0;
  for (let e = 0; e < m; e++) {
    maxCost = Math.max(maxCost, Math.abs(cost[e]));
    if (flow[e] > 0) state[e] = UPPER;
  }
  // Reduced costs above −eps count as zero: potentials are sums along tree
  // paths, so their rounding error scales with the cost magnitude.
  const eps = costTolerance ?? 1e-11 * Math.max(1, maxCost);

  const addChild = (p: number, v: number) => {
    parent[v] = p;
    prevSib[v] = -1;
    const f = firstChild[p];
    nextSib[v] = f;
    if (f !== -1) prevSib[f] = v;
    firstChild[p] = v;
  };
  const removeChild = (v: number) => {
    const p = parent[v];
    const prev = prevSib[v];
    const next = nextSib[v];
    if (prev !== -1) nextSib[prev] = next;
    else firstChild[p] = next;
    if (next !== -1) prevSib[next] = prev;
  };

  for (let v = 0; v < n; v++) {
    if (v === root) continue;
    const a = net.treeArc[v];
    state[a] = TREE;
    pred[v] = a;
    predDir[v] = src[a] === v ? UP : DOWN;
    depth[v] = 1;
    pi[v] = predDir[v] === UP ? pi[root] - cost[a] : pi[root] + cost[a];
    addChild(root, v);
  }

  // Block search pricing state.
  const blockSize = Math.max(10, Math.floor(Math.sqrt(m)));
  let nextArc = 0;
  const findEntering = (): number => {
    let best = -1;
    let min = -eps;
    let cnt = blockSize;
    for (let k = 0; k < m; k++) {
      let e = nextArc + k;
      if (e >= m) e -= m;
      const c = state[e] * (cost[e] + pi[src[e]] - pi[tgt[e]]);
      if (c < min) {
        min = c;
        best = e;
      }
      if (--cnt === 0) {
        if (best !== -1) {
          nextArc = e + 1 === m ? 0 : e + 1;
          return best;
        }
        cnt = blockSize;
      }
    }
    return best;
  };

  // Subtree walk (preorder) used after a pivot to shift potentials and depths.
  const shiftSubtree = (top: number, sigma: number) => {
    let v = top;
    for (;;) {
      pi[v] += sigma;
      depth[v] = depth[parent[v]] + 1;
      if (firstChild[v] !== -1) {
        v = firstChild[v];
        continue;
      }
      while (v !== top && nextSib[v] === -1) v = parent[v];
      if (v === top) return;
      v = nextSib[v];
    }
  };

  const pivot = (inArc: number) => {
    const u0 = src[inArc];
    const v0 = tgt[inArc];
    let a = u0;
    let b = v0;
    while (a !== b) {
      if (depth[a] > depth[b]) a = parent[a];
      else if (depth[b] > depth[a]) b = parent[b];
      else {
        a = parent[a];
        b = parent[b];
      }
    }
    const join = a;

    // Ratio test along the cycle, oriented in the direction flow will move.
    const first = state[inArc] === LOWER ? u0 : v0;
    const second = state[inArc] === LOWER ? v0 : u0;
    let delta = cap[inArc];
    let uOut = -1;
    let side = 0;
    for (let u = first; u !== join; u = parent[u]) {
      const e = pred[u];
      let d = predDir[u] === DOWN ? cap[e] - flow[e] : flow[e];
      if (d < 0) d = 0;
      if (d < delta) {
        delta = d;
        uOut = u;
        side = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]) {
      const e = pred[u];
      let d = predDir[u] === UP ? cap[e] - flow[e] : flow[e];
      if (d < 0) d = 0;
      if (d <= delta) {
        delta = d;
        uOut = u;
        side = 2;
      }
    }
    if (delta === Infinity) throw new Error('network simplex: unbounded cycle');

    if (delta > 0) {
      const val = state[inArc] * delta;
      flow[inArc] += val;
      for (let u = u0; u !== join; u = parent[u]) flow[pred[u]] -= predDir[u] * val;
      for (let u = v0; u !== join; u = parent[u]) flow[pred[u]] += predDir[u] * val;
    }

    if (side === 0) {
      // The entering arc itself blocks: it just moves to its other bound.
      state[inArc] = -state[inArc] as -1 | 1;
      flow[inArc] = state[inArc] === LOWER ? 0 : cap[inArc];
      return;
    }

    const outArc = pred[uOut];
    const f = flow[outArc];
    if (Number.isFinite(cap[outArc]) && cap[outArc] > 0 && cap[outArc] - f < f) {
      state[outArc] = UPPER;
      flow[outArc] = cap[outArc];
    } else {
      state[outArc] = LOWER;
      flow[outArc] = 0;
    }
    state[inArc] = TREE;

    const uIn = side === 1 ? first : second;
    const vIn = side === 1 ? second : first;

    // Re-hang the subtree: reverse parent pointers along the stem uIn … uOut.
    let node = uIn;
    let newPar = vIn;
    let newPred = inArc;
    let newDir = src[inArc] === uIn ? UP : DOWN;
    for (;;) {
      const oldPar = parent[node];
      const oldPred = pred[node];
      const oldDir = predDir[node];
      removeChild(node);
      addChild(newPar, node);
      pred[node] = newPred;
      predDir[node] = newDir;
      if (node === uOut) break;
      newPar = node;
      newPred = oldPred;
      newDir = -oldDir;
      node = oldPar;
    }
    const sigma = pi[vIn] - pi[uIn] - predDir[uIn] * cost[inArc];
    shiftSubtree(uIn, sigma);
  };

  // Potentials and tree flows recomputed from scratch, to shed the rounding
  // accumulated by thousands of incremental updates.
  const refresh = () => {
    const order = new Int32Array(n);
    let len = 0;
    order[len++] = root;
    for (let k = 0; k < len; k++) {
      const u = order[k];
      for (let c = firstChild[u]; c !== -1; c = nextSib[c]) {
        const a = pred[c];
        pi[c] = predDir[c] === UP ? pi[u] - cost[a] : pi[u] + cost[a];
        depth[c] = depth[u] + 1;
        order[len++] = c;
      }
    }
    const excess = Float64Array.from(supply);
    for (let e = 0; e < m; e++) {
      if (state[e] === TREE) continue;
      excess[src[e]] -= flow[e];
      excess[tgt[e]] += flow[e];
    }
    for (let k = len - 1; k > 0; k--) {
      const v = order[k];
      const a = pred[v];
      let f = predDir[v] === UP ? excess[v] : -excess[v];
      if (f < 0) f = 0;
      if (f > cap[a]) f = cap[a];
      flow[a] = f;
      excess[parent[v]] += excess[v];
    }
  };

  let pivots = 0;
  let status: FlowSolution['status'] = 'optimal';
  for (;;) {
    let e = findEntering();
    while (e !== -1) {
      pivot(e);
      pivots++;
      if ((pivots & 1023) === 0 && Date.now() > deadlineMs) {
        status = 'time_limit';
        break;
      }
      e = findEntering();
    }
    refresh();
    if (status === 'time_limit' || findEntering() === -1) break;
  }
  return { status, flow, pi, pivots };
}
