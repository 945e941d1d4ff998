// The closeness sweep split across worker threads (batches of 32 sources taken from a shared
// counter, each worker running ClosenessSweeper's shipped source text) gives the distance
// sums of one plain search per source. The graph is big enough that the workers, which start
// while the calling thread already sweeps, get batches too: a random part, a long path,
// isolates, self-loops and repeated edges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph, emptySums, Sweeper } from './engine/network.ts';
import { sweepParallel } from './network-worker.ts';

function testGraph() {
  let a = 14;
  const rnd = (k: number) => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return Math.floor((a / 2 ** 32) * k);
  };
  const edges: { source: string; target: string }[] = [];
  const edge = (u: number, v: number) => edges.push({ source: `n${u}`, target: `n${v}` });
  // nodes 0..2999 random (some left isolated), 3000..3899 a path, 3900..3999 isolates
  for (let i = 0; i < 24_000; i++) edge(rnd(3000), rnd(3000));
  for (let u = 3000; u < 3899; u++) edge(u, u + 1);
  for (let i = 0; i < 50; i++) edge(3000 + rnd(900), 3000 + rnd(900));
  edge(3950, 3950);
  edge(3500, 3500);
  return buildGraph({ nodes: Array.from({ length: 4000 }, (_, i) => ({ id: `n${i}` })), edges });
}

test('closeness on two and three threads: the sums of one plain search per source', async () => {
  const g = testGraph();
  const want = emptySums(g.n);
  new Sweeper(g).sweep(0, g.n, want, false);
  for (const threads of [2, 3]) {
    const got = await sweepParallel(g, false, { threads });
    assert.deepEqual([...got.distanceSum], [...want.distanceSum], `${threads} threads`);
    assert.deepEqual([...got.reached], [...want.reached], `${threads} threads`);
  }
});
