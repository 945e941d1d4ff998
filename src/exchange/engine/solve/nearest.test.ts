// Ties broken towards an earlier plan: the optimum is the same, the volume moved is least.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { distanceFrom, pairOf } from './nearest.ts';
import type { KeptFlow, ProblemInput } from './schema.ts';
import { solve } from './solve.ts';
import { assertFeasible, relClose } from './test-checks.ts';
import { validateProblem } from './validate.ts';

/** Two ash dumps equally good for one cement plant that takes only half of what they have. */
const tie: ProblemInput = {
  supplies: [
    { id: 'dump-a', quantity: 100 },
    { id: 'dump-b', quantity: 100 },
  ],
  demands: [{ id: 'cement', quantity: 100, value: 50 }],
  links: [
    { supply: 'dump-a', demand: 'cement', cost: 10 },
    { supply: 'dump-b', demand: 'cement', cost: 10 },
  ],
};
const shipped = (r: { flows: { supply: string; quantity: number }[] }) =>
  Object.fromEntries(r.flows.map((f) => [f.supply, f.quantity]));

describe('the optimal plan nearest to earlier flows', () => {
  test('of two equal offers, the one an earlier plan shipped keeps its flow', async () => {
    for (const kept of ['dump-a', 'dump-b']) {
      const r = await solve(tie, { keep: [{ supply: kept, demand: 'cement', quantity: 100 }] });
      assert.equal(r.status, 'optimal');
      assert.deepEqual(shipped(r), { [kept]: 100 }, `keeping ${kept}`);
      assert.equal(r.objective, 100 * 40);
    }
  });

  test('an earlier split is kept as it was', async () => {
    const keep = [
      { supply: 'dump-a', demand: 'cement', quantity: 30 },
      { supply: 'dump-b', demand: 'cement', quantity: 70 },
    ];
    const r = await solve(tie, { keep });
    assert.deepEqual(shipped(r), { 'dump-a': 30, 'dump-b': 70 });
  });

  test('never at the cost of the optimum: a better offer wins over a kept flow', async () => {
    const better = {
      ...tie,
      links: [tie.links[0], { ...tie.links[1], cost: 9 }],
    };
    const r = await solve(better, {
      keep: [{ supply: 'dump-a', demand: 'cement', quantity: 100 }],
    });
    assert.deepEqual(shipped(r), { 'dump-b': 100 });
  });

  // Coarse prices and costs make many optimal plans; the kept flows are drawn at random.
  const tiedProblem = fc.record({
    supplies: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 }),
    demands: fc.array(
      fc.record({ quantity: fc.integer({ min: 1, max: 20 }), value: fc.constantFrom(3, 4) }),
      { minLength: 1, maxLength: 6 },
    ),
    costs: fc.array(fc.constantFrom(0, 1, 5), { minLength: 36, maxLength: 36 }),
    limits: fc.boolean(),
    keep: fc.array(
      fc.record({
        i: fc.nat({ max: 5 }),
        j: fc.nat({ max: 5 }),
        quantity: fc.integer({ min: 1, max: 20 }),
      }),
      { maxLength: 8 },
    ),
  });

  type Tied = typeof tiedProblem extends fc.Arbitrary<infer T> ? T : never;
  /** Every offer linked to every request, at the drawn cost, with what `extra` adds. */
  const linksOf = (t: Tied, extra: (i: number, j: number) => object = () => ({})) =>
    t.supplies.flatMap((_, i) =>
      t.demands.map((_, j) => ({
        supply: `s${i}`,
        demand: `d${j}`,
        cost: t.costs[i * 6 + j],
        ...extra(i, j),
      })),
    );
  /** The drawn flows to keep, of the offers and requests the problem has. */
  const keptOf = (t: Tied): KeptFlow[] =>
    t.keep
      .filter((k) => k.i < t.supplies.length && k.j < t.demands.length)
      .map((k) => ({ supply: `s${k.i}`, demand: `d${k.j}`, quantity: k.quantity }));

  /** Offers of 10, 15 and 20 % ash; with `limits`, the first request takes at most 14 %. */
  const withAsh = (t: Tied, limits: boolean): ProblemInput => ({
    supplies: t.supplies.map((q, i) => ({
      id: `s${i}`,
      quantity: q,
      properties: { ash: 10 + 5 * (i % 3) },
    })),
    demands: t.demands.map((d, j) => ({
      id: `d${j}`,
      ...d,
      ...(limits && j === 0 ? { limits: { ash: { max: 14 } } } : {}),
    })),
    links: linksOf(t),
  });

  test('the same optimum, and no farther from the kept flows than the plain plan', async () => {
    await fc.assert(
      fc.asyncProperty(tiedProblem, async (t) => {
        const input = withAsh(t, t.limits);
        const keep = keptOf(t);
        const plain = await solve(input);
        const near = await solve(input, { keep });
        assert.equal(near.status, 'optimal');
        assertFeasible(validateProblem(input), near);
        assert.ok(
          relClose(near.objective, plain.objective, 1e-8),
          `${near.objective} ≠ ${plain.objective}`,
        );
        assert.ok(distanceFrom(near, keep) <= distanceFrom(plain, keep) + 1e-6);
      }),
      { numRuns: 80 },
    );
  });

  // Saving a plan turns its flows into proposals; saving again keeps the answered ones' older
  // volumes and takes the plan's own for the others. The plan saved is then the nearest to
  // those, and with every tie broken one way (nearest.ts tieWeight), the only one: nothing moves.
  const flagged = fc.array(fc.boolean(), { minLength: 36, maxLength: 36 });
  for (const engine of ['network-simplex', 'highs'] as const) {
    test(`${engine}: the same problem and the plan's own flows to keep bring back the same plan`, async () => {
      await fc.assert(
        fc.asyncProperty(tiedProblem, flagged, async (t, replaced) => {
          const input: ProblemInput = {
            supplies: t.supplies.map((q, i) => ({ id: `s${i}`, quantity: q })),
            demands: t.demands.map((d, j) => ({ id: `d${j}`, ...d })),
            links: linksOf(t),
          };
          const keep = keptOf(t);
          const first = await solve(input, { keep, engine });
          // the pairs the first plan ships whose proposals it replaces (or makes anew)
          const own = first.flows.filter(
            (f) => replaced[Number(f.supply.slice(1)) * 6 + Number(f.demand.slice(1))],
          );
          const ownPairs = new Set(own.map(pairOf));
          const again = await solve(input, {
            engine,
            keep: [
              ...keep.filter((k) => !ownPairs.has(pairOf(k))),
              ...own.map((f) => ({ supply: f.supply, demand: f.demand, quantity: f.quantity })),
            ],
          });
          const volumes = (r: typeof first) =>
            Object.fromEntries(r.flows.map((f) => [pairOf(f), Math.round(f.quantity * 1e6) / 1e6]));
          assert.deepEqual(volumes(again), volumes(first));
        }),
        { numRuns: 80 },
      );
    });
  }

  // Which optimum a solver meets first follows the order of the listings; the plan must not.
  // Before the equally near second plan was taken (nearerOf), and with no kept flows at all,
  // the first solve's order decided: a reversed order gave another plan on both routes.
  const reordered = <T>(a: readonly T[], shift: number) => {
    const k = shift % a.length;
    return [...a.slice(k), ...a.slice(0, k)].reverse();
  };
  for (const engine of ['network-simplex', 'highs'] as const) {
    test(`${engine}: the listings in another order give the same plan`, async () => {
      await fc.assert(
        fc.asyncProperty(tiedProblem, fc.nat(), async (t, shift) => {
          // quality limits only through HiGHS: the network simplex takes pure transport
          const limits = engine === 'highs' && t.limits;
          const input = withAsh(t, limits);
          const other: ProblemInput = {
            supplies: reordered(input.supplies, shift),
            demands: reordered(input.demands, shift),
            links: reordered(input.links, shift),
          };
          const keep = keptOf(t);
          const [a, b] = [
            await solve(input, { keep, engine }),
            await solve(other, { keep, engine }),
          ];
          assert.equal(a.status, 'optimal');
          const volumes = (r: typeof a) =>
            Object.fromEntries(r.flows.map((f) => [pairOf(f), Math.round(f.quantity * 1e6) / 1e6]));
          assert.deepEqual(volumes(b), volumes(a));
        }),
        { numRuns: 150 },
      );
    });
  }

  test('pure transport: the network simplex finds as near a plan as the LP through HiGHS', async () => {
    await fc.assert(
      fc.asyncProperty(tiedProblem, async (t) => {
        const input: ProblemInput = {
          supplies: t.supplies.map((q, i) => ({ id: `s${i}`, quantity: q })),
          demands: t.demands.map((d, j) => ({ id: `d${j}`, ...d })),
          // some links capped, so that faces have arcs at their capacity
          links: linksOf(t, (i, j) =>
            (i + j) % 3 === 0 ? { capacity: 1 + ((i * 7 + j) % 9) } : {},
          ),
        };
        const keep = keptOf(t);
        const network = await solve(input, { keep, engine: 'network-simplex' });
        const highs = await solve(input, { keep, engine: 'highs' });
        assert.equal(network.engine, 'network-simplex');
        assertFeasible(validateProblem(input), network);
        assert.ok(relClose(network.objective, highs.objective, 1e-9));
        // both are the least distance over the same optimal face
        const [a, b] = [distanceFrom(network, keep), distanceFrom(highs, keep)];
        assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, b), `network ${a}, HiGHS ${b}`);
      }),
      { numRuns: 80 },
    );
  });
});
