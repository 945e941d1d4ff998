// The min-cost-flow kernel on its own: a hand-solved network and the time limit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type FlowNetwork, networkSimplex } from './network-simplex.ts';

/** Two sources, two sinks, one hub T as root, all arcs listed explicitly. */
function smallNetwork(): FlowNetwork {
  // nodes: a=0, b=1 (supplies 5, 3), x=2, y=3 (sinks with room 4 each), T=4
  // arcs 0..3: a→x (−10), a→y (−4), b→x (−6), b→y (−5)
  // arcs 4,5: a→T, b→T (unshipped); arcs 6,7: x→T, y→T (cap 4)
  const source = Int32Array.from([0, 0, 1, 1, 0, 1, 2, 3]);
  const target = Int32Array.from([2, 3, 2, 3, 4, 4, 4, 4]);
  return {
    nodeCount: 5,
    root: 4,
    source,
    target,
    cost: Float64Array.from([-10, -4, -6, -5, 0, 0, 0, 0]),
    capacity: Float64Array.from([Infinity, Infinity, Infinity, Infinity, Infinity, Infinity, 4, 4]),
    flow: Float64Array.from([0, 0, 0, 0, 5, 3, 0, 0]),
    supply: Float64Array.from([5, 3, 0, 0, -8]),
    treeArc: Int32Array.from([4, 5, 6, 7, -1]),
  };
}

describe('network simplex kernel', () => {
  test('finds the hand-computed optimum and its potentials', () => {
    const net = smallNetwork();
    const sol = networkSimplex(net);
    assert.equal(sol.status, 'optimal');
    // Best: a→x 4, a→y 1, b→y 3; cost −40 −4 −15 = −59.
    let cost = 0;
    for (let e = 0; e < 8; e++) cost += sol.flow[e] * net.cost[e];
    assert.equal(cost, -59);
    assert.deepEqual([...sol.flow.subarray(0, 4)], [4, 1, 0, 3]);
    // Optimality: no arc has a negative reduced cost in its allowed direction.
    for (let e = 0; e < 8; e++) {
      const rc = net.cost[e] + sol.pi[net.source[e]] - sol.pi[net.target[e]];
      if (sol.flow[e] < net.capacity[e]) assert.ok(rc >= -1e-9, `arc ${e} rc ${rc}`);
      if (sol.flow[e] > 0) assert.ok(rc <= 1e-9, `arc ${e} rc ${rc}`);
    }
  });

  test('does not change its input', () => {
    const net = smallNetwork();
    networkSimplex(net);
    assert.deepEqual([...net.flow], [0, 0, 0, 0, 5, 3, 0, 0]);
  });

  test('an expired deadline still returns a feasible flow', () => {
    // A bigger random bipartite network so the limit bites after 1024 pivots.
    const S = 300;
    const D = 300;
    const T = S + D;
    const arcs: [number, number, number, number][] = [];
    let seed = 1;
    const r = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < S; i++)
      for (let j = 0; j < D; j++) arcs.push([i, S + j, -r() * 100, Infinity]);
    for (let i = 0; i < S; i++) arcs.push([i, T, 0, Infinity]);
    for (let j = 0; j < D; j++) arcs.push([S + j, T, 0, 10]);
    const supply = new Float64Array(T + 1);
    const flow = new Float64Array(arcs.length);
    const treeArc = new Int32Array(T + 1).fill(-1);
    for (let i = 0; i < S; i++) {
      supply[i] = 10;
      flow[S * D + i] = 10;
      treeArc[i] = S * D + i;
    }
    for (let j = 0; j < D; j++) treeArc[S + j] = S * D + S + j;
    supply[T] = -10 * S;
    const net: FlowNetwork = {
      nodeCount: T + 1,
      root: T,
      source: Int32Array.from(arcs.map((a) => a[0])),
      target: Int32Array.from(arcs.map((a) => a[1])),
      cost: Float64Array.from(arcs.map((a) => a[2])),
      capacity: Float64Array.from(arcs.map((a) => a[3])),
      flow,
      supply,
      treeArc,
    };
    const sol = networkSimplex(net, 0);
    assert.equal(sol.status, 'time_limit');
    assert.ok(sol.pivots >= 1024);
    const balance = new Float64Array(T + 1);
    sol.flow.forEach((f, e) => {
      assert.ok(f >= 0 && f <= net.capacity[e]);
      balance[net.source[e]] += f;
      balance[net.target[e]] -= f;
    });
    for (let v = 0; v <= T; v++) assert.ok(Math.abs(balance[v] - supply[v]) < 1e-9, `node ${v}`);
  });
});
