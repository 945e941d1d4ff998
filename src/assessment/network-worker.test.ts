// The closeness sweep split across worker threads (batches of 32 sources taken from a shared
// counter, the worker running ClosenessSweeper's shipped source text) gives the distance sums
// of one plain search per source, on graphs big enough to be split, with components,
// isolates, self-loops and repeated edges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildGraph, emptySums, Sweeper } from './engine/network.ts';
import { sweepParallel } from './network-worker.ts';

const bigGraphArb = fc
  .record({ n: fc.integer({ min: 300, max: 800 }), parts: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, parts }) =>
    fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { minLength: n >> 1, maxLength: 4 * n })
      .map((pairs) => ({
        nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}` })),
        // each pair moved into its first node's part: at least `parts` components
        edges: pairs.map(([u, v]) => {
          const w = v - (v % parts) + (u % parts);
          return { source: `n${u}`, target: `n${w < n ? w : u}` };
        }),
      })),
  );

test('closeness on two threads: the sums of one plain search per source', async () => {
  await fc.assert(
    fc.asyncProperty(bigGraphArb, async (input) => {
      const g = buildGraph(input);
      const want = emptySums(g.n);
      new Sweeper(g).sweep(0, g.n, want, false);
      const got = await sweepParallel(g, false, { threads: 2 });
      assert.deepEqual([...got.distanceSum], [...want.distanceSum]);
      assert.deepEqual([...got.reached], [...want.reached]);
    }),
    { numRuns: 6 },
  );
});
