// The network engine against networkx 3.6.1: every fixture in data/fixtures/network (made by
// scripts/networkx-fixtures.py at tolerances far below networkx's defaults) matched to 1e-9;
// Louvain, a heuristic, to within 0.02 of networkx's Louvain modularity, and the modularity
// function itself to 1e-9 on networkx's own partition.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addSums,
  betweennessCentrality,
  buildGraph,
  ClosenessSweeper,
  closenessCentrality,
  closenessFromSums,
  density,
  emptySums,
  fromEdges,
  louvain,
  metricArrays,
  modularity,
  NetworkInputError,
  networkMetrics,
  pagerank,
  Sweeper,
} from './network.ts';

interface Fixture {
  name: string;
  input: { nodes: { id: string }[]; edges: { source: string; target: string; weight?: number }[] };
  expected: {
    nodes: {
      id: string;
      degree: number;
      betweenness: number;
      closeness: number;
      pagerank: number;
      eigenvector: number;
      networkxCommunity: number;
    }[];
    density: number;
    edges: number;
    networkxLouvainModularity: number | null;
  };
}

const dir = new URL('../../../data/fixtures/network/', import.meta.url);
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));

const metrics = ['degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector'] as const;

describe('network metrics equal networkx', () => {
  test('the fixtures cover the cases the review asks for', () => {
    const names = new Set(fixtures.map((f) => f.name));
    for (const name of ['disconnected', 'isolates', 'star', 'path', 'karate', 'duplicates-loops'])
      assert.ok(names.has(name), `fixture ${name}`);
    assert.ok(fixtures.some((f) => f.input.nodes.length >= 200));
  });

  for (const fx of fixtures)
    test(`${fx.name}: every node's values to 1e-9, density, Louvain`, () => {
      const g = buildGraph(fx.input);
      assert.equal(g.edgeCount, fx.expected.edges);
      const out = networkMetrics(fx.input);
      assert.deepEqual(
        out.nodes.map((n) => n.id),
        fx.expected.nodes.map((n) => n.id),
      );
      fx.expected.nodes.forEach((want, i) => {
        const got = out.nodes[i]!;
        for (const k of metrics)
          assert.ok(
            Math.abs(got[k] - want[k]) <= 1e-9,
            `${fx.name} ${want.id} ${k}: ${got[k]} vs networkx ${want[k]}`,
          );
      });
      assert.ok(Math.abs(out.density - fx.expected.density) <= 1e-12);
      // closeness alone runs the batched searches (the full set takes it from Brandes' sweep)
      closenessCentrality(g).forEach((got, i) => {
        const want = fx.expected.nodes[i]!.closeness;
        assert.ok(
          Math.abs(got - want) <= 1e-9,
          `${fx.name} node ${i} closeness alone: ${got} vs ${want}`,
        );
      });
      const nxq = fx.expected.networkxLouvainModularity;
      if (nxq === null) {
        assert.equal(out.modularity, 0);
        assert.deepEqual(
          out.nodes.map((n) => n.community),
          out.nodes.map((_, i) => i),
        );
      } else {
        assert.ok(
          out.modularity >= nxq - 0.02,
          `${fx.name}: Louvain modularity ${out.modularity} vs networkx ${nxq}`,
        );
        const theirs = Int32Array.from(fx.expected.nodes.map((n) => n.networkxCommunity));
        assert.ok(
          Math.abs(modularity(g, theirs) - nxq) <= 1e-9,
          'modularity() on networkx partition',
        );
        // the reported modularity is the modularity of the reported partition
        const ours = Int32Array.from(out.nodes.map((n) => n.community));
        assert.ok(Math.abs(modularity(g, ours) - out.modularity) <= 1e-12);
      }
    });
});

describe('networkx Graph semantics of the input', () => {
  test('a repeated edge keeps the last stated weight; a repeat without weight keeps it', () => {
    const g = buildGraph({
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      edges: [
        { source: 'a', target: 'b', weight: 2 },
        { source: 'b', target: 'a', weight: 5 },
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
      ],
    });
    assert.equal(g.edgeCount, 2);
    assert.deepEqual([...g.targets.subarray(g.offsets[0]!, g.offsets[1]!)], [1]);
    assert.deepEqual([...g.weights.subarray(g.offsets[0]!, g.offsets[1]!)], [5]);
    assert.deepEqual([...g.weights.subarray(g.offsets[2]!, g.offsets[3]!)], [1]);
  });

  test('a self-loop counts 2 in degree, 1 among the edges, nothing in paths', () => {
    const input = {
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      edges: [
        { source: 'a', target: 'a' },
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
      ],
    };
    const out = networkMetrics(input);
    assert.deepEqual(
      out.nodes.map((n) => n.degree),
      [1.5, 1, 0.5],
    );
    assert.equal(out.density, 1); // 2·3 / (3·2)
    assert.deepEqual(
      out.nodes.map((n) => n.betweenness),
      [0, 1, 0],
    );
  });

  test('bad input is refused with the field named', () => {
    const bad: [unknown, RegExp][] = [
      [{ nodes: [] }, /^edges: /],
      [
        { nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'x' }] },
        /edges\.0\.target: node "x"/,
      ],
      [{ nodes: [{ id: 'a' }, { id: 'a' }], edges: [] }, /nodes\.1\.id: node "a" is listed twice/],
      [
        { nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'a', weight: -1 }] },
        /edges\.0\.weight: must be > 0/,
      ],
      [{ nodes: [{ id: '' }], edges: [] }, /nodes\.0\.id/],
    ];
    for (const [input, message] of bad)
      assert.throws(
        () => buildGraph(input),
        (e) => e instanceof NetworkInputError && message.test(e.message),
      );
  });

  test('an empty graph gives empty output', () => {
    assert.deepEqual(networkMetrics({ nodes: [], edges: [] }), {
      nodes: [],
      modularity: 0,
      density: 0,
    });
  });
});

/** A random simple graph from fast-check's numbers. */
const graphArb = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: n - 1 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
      ),
      { maxLength: 120 },
    )
    .map((edges) => ({
      nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}` })),
      edges: edges.map(([s, t, weight]) => ({ source: `n${s}`, target: `n${t}`, weight })),
    })),
);

/**
 * A random graph made to have components: node u belongs to part u mod `parts`, and each drawn
 * pair is moved into its first node's part (a pair that falls off the end becomes a
 * self-loop). Duplicates are kept as drawn (in either direction); few pairs leave isolates.
 */
const partedGraphArb = fc
  .record({ n: fc.integer({ min: 1, max: 100 }), parts: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, parts }) =>
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), {
        maxLength: 600,
      })
      .map((pairs) => ({
        n,
        pairs: pairs.map(([u, v]): [number, number] => {
          const w = v - (v % parts) + (u % parts);
          return [u, w < n ? w : u];
        }),
      })),
  );

/** Closeness the textbook way: one search per source over adjacency lists of the raw pairs. */
function plainCloseness(n: number, pairs: [number, number][]): number[] {
  const adjacent: number[][] = Array.from({ length: n }, () => []);
  for (const [u, v] of pairs) {
    adjacent[u]!.push(v);
    adjacent[v]!.push(u);
  }
  return adjacent.map((_, s) => {
    const dist = new Map([[s, 0]]);
    const queue = [s];
    let total = 0;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (const w of adjacent[v]!)
        if (!dist.has(w)) {
          dist.set(w, dist.get(v)! + 1);
          total += dist.get(w)!;
          queue.push(w);
        }
    }
    const r = queue.length - 1;
    return n > 1 && total > 0 ? (r / total) * (r / (n - 1)) : 0;
  });
}

describe('properties', () => {
  test('closeness of the batched searches equals one plain search per source', () => {
    fc.assert(
      fc.property(partedGraphArb, fc.integer({ min: 0, max: 100 }), ({ n, pairs }, cut) => {
        const g = buildGraph({
          nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}` })),
          edges: pairs.map(([u, v]) => ({ source: `n${u}`, target: `n${v}` })),
        });
        const want = plainCloseness(n, pairs);
        assert.deepEqual([...closenessCentrality(g)], want);
        // pushing only, pulling only, and ranges cut anywhere (not at a batch of 32)
        for (const pullAt of [0, Number.POSITIVE_INFINITY]) {
          const at = Math.min(cut, n);
          const a = emptySums(n);
          const b = emptySums(n);
          const sweeper = new ClosenessSweeper(g, pullAt);
          sweeper.sweep(0, at, a);
          sweeper.sweep(at, n, b);
          addSums(a, b);
          assert.deepEqual([...closenessFromSums(n, a)], want, `pullAt ${pullAt}, cut ${at}`);
        }
      }),
      { numRuns: 80 },
    );
  });

  test('sweeps of disjoint source ranges add up to the whole', () => {
    fc.assert(
      fc.property(graphArb, fc.integer({ min: 0, max: 40 }), (input, cut) => {
        const g = buildGraph(input);
        const at = Math.min(cut, g.n);
        const whole = emptySums(g.n);
        new Sweeper(g).sweep(0, g.n, whole, true);
        const a = emptySums(g.n);
        const b = emptySums(g.n);
        const sweeper = new Sweeper(g);
        sweeper.sweep(0, at, a, true);
        sweeper.sweep(at, g.n, b, true);
        addSums(a, b);
        for (let i = 0; i < g.n; i++) {
          assert.ok(Math.abs(a.betweenness[i]! - whole.betweenness[i]!) < 1e-9);
          assert.equal(a.distanceSum[i], whole.distanceSum[i]);
          assert.equal(a.reached[i], whole.reached[i]);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('ranges: betweenness, closeness in [0, 1], PageRank sums to 1, eigenvector has norm 1', () => {
    fc.assert(
      fc.property(graphArb, (input) => {
        const g = buildGraph(input);
        const a = metricArrays(g);
        for (let i = 0; i < g.n; i++) {
          assert.ok(a.betweenness[i]! >= 0 && a.betweenness[i]! <= 1 + 1e-12);
          assert.ok(a.closeness[i]! >= 0 && a.closeness[i]! <= 1 + 1e-12);
        }
        const pr = a.pagerank.reduce((s, x) => s + x, 0);
        assert.ok(Math.abs(pr - 1) < 1e-9, `pagerank sums to ${pr}`);
        const norm = Math.hypot(...a.eigenvector);
        assert.ok(Math.abs(norm - 1) < 1e-9, `eigenvector norm ${norm}`);
        // self-loops are edges, so density may pass 1 (as in networkx)
        assert.equal(a.density, g.n <= 1 ? 0 : (2 * g.edgeCount) / (g.n * (g.n - 1)));
        assert.ok(a.modularity >= -0.5 - 1e-12 && a.modularity < 1);
      }),
      { numRuns: 60 },
    );
  });

  test('hand-computed: a path a–b–c–d', () => {
    const g = fromEdges(
      ['a', 'b', 'c', 'd'],
      Int32Array.from([0, 1, 2]),
      Int32Array.from([1, 2, 3]),
      new Float64Array(3).fill(Number.NaN),
    );
    // b lies on a–c, a–d: 2 of the C(3,2) = 3 pairs without b
    assert.deepEqual([...betweennessCentrality(g)], [0, 2 / 3, 2 / 3, 0]);
    // a: distances 1+2+3 = 6, reaches 3 of 3: 3/6
    assert.deepEqual([...closenessCentrality(g)], [0.5, 0.75, 0.75, 0.5]);
    assert.equal(density(g), 0.5);
    const pr = pagerank(g);
    assert.ok(Math.abs(pr[0]! - pr[3]!) < 1e-15 && pr[1]! > pr[0]!);
    // two pairs, each its own community: Q = 2·(1/3 − (3/6)²)
    const two = louvain(g);
    assert.deepEqual([...two], [0, 0, 1, 1]);
    assert.ok(Math.abs(modularity(g, two) - 2 * (1 / 3 - 0.25)) < 1e-15);
  });
});
