// Property tests: on random blending, yield, minimum and fixed-charge problems
// solved by HiGHS, every constraint holds on the plan it returns.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { SolveResult } from './schema.ts';
import { solve } from './solve.ts';
import { assertFeasible, relClose } from './test-checks.ts';
import { type GeneralShape, randomGeneral } from './test-instances.ts';
import { validateProblem } from './validate.ts';

const shapeArb = (over: Partial<Record<keyof GeneralShape, fc.Arbitrary<number>>>) =>
  fc.record({
    supplies: over.supplies ?? fc.integer({ min: 1, max: 8 }),
    demands: over.demands ?? fc.integer({ min: 1, max: 8 }),
    density: over.density ?? fc.double({ min: 0.2, max: 1, noNaN: true }),
    limits: over.limits ?? fc.constant(0),
    yields: over.yields ?? fc.constant(0),
    minimums: over.minimums ?? fc.constant(0),
    fixedCosts: over.fixedCosts ?? fc.constant(0),
  });

const share = fc.double({ min: 0, max: 1, noNaN: true });

/** Solves with HiGHS and checks the plan; returns the result for extra checks. */
async function solveAndCheck(seed: number, shape: GeneralShape): Promise<SolveResult> {
  const input = randomGeneral(seed, shape);
  const problem = validateProblem(input);
  const r = await solve(input, { engine: 'highs', timeLimitSeconds: 20 });
  assert.equal(r.engine, 'highs');
  if (r.status === 'infeasible') {
    // Only minimums can make a plan impossible, and the message must name one.
    const withMin = [...problem.supplies, ...problem.demands].filter((x) => x.minQuantity > 0);
    assert.ok(withMin.length > 0, 'infeasible without any minimum');
    assert.ok(
      withMin.some((x) => r.message?.includes(` ${x.id}:`)),
      `message names no item with a minimum: ${r.message}`,
    );
    assert.deepEqual(r.flows, []);
    return r;
  }
  assert.equal(r.status, 'optimal');
  assertFeasible(problem, r);
  return r;
}

const runs = { numRuns: 60 };

describe('HiGHS plans satisfy every constraint', () => {
  test('blending: limits hold as delivered-weighted averages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), shapeArb({ limits: fc.constant(1) }), async (seed, shape) => {
        const r = await solveAndCheck(seed, shape);
        assert.equal(r.status, 'optimal');
        assert.ok(r.objective >= 0, 'shipping nothing is always allowed');
      }),
      runs,
    );
  });

  test('yields: demands receive yield · shipped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        shapeArb({ yields: share, limits: share }),
        async (seed, shape) => {
          const r = await solveAndCheck(seed, shape);
          for (const f of r.flows) assert.ok(f.delivered > 0 && f.quantity > 0);
        },
      ),
      runs,
    );
  });

  test('minimums are met or the problem is reported infeasible', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        shapeArb({ minimums: share, yields: share, limits: share }),
        async (seed, shape) => {
          await solveAndCheck(seed, shape);
        },
      ),
      runs,
    );
  });

  test('fixed charges: a link ships only when open, and open links pay', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        shapeArb({
          supplies: fc.integer({ min: 1, max: 6 }),
          demands: fc.integer({ min: 1, max: 6 }),
          fixedCosts: fc.double({ min: 0.3, max: 1, noNaN: true }),
          limits: share,
          minimums: fc.constant(0),
        }),
        async (seed, shape) => {
          const r = await solveAndCheck(seed, shape);
          assert.equal(r.status, 'optimal');
          assert.ok(r.mipGap !== null && r.mipGap <= 1e-6);
          const problem = validateProblem(randomGeneral(seed, shape));
          const shipping = new Set(r.flows.map((f) => `${f.supply}→${f.demand}`));
          for (const o of r.openLinks) {
            const l = problem.links.find((x) => x.supply === o.supply && x.demand === o.demand)!;
            // An open link with no flow only pays for nothing if that is within the gap.
            if (!shipping.has(`${o.supply}→${o.demand}`)) {
              assert.ok((l.fixedCost ?? 0) <= 1e-6 * Math.max(1, Math.abs(r.objective)) + 1e-6);
            }
          }
          assert.ok(r.objective >= -1e-6, 'closing every link is always allowed');
        },
      ),
      { numRuns: 40 },
    );
  });

  test('link minimums: fixing flows an optimal plan ships keeps its objective', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        shapeArb({ yields: share, limits: share }),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        async (seed, shape, keep) => {
          const input = randomGeneral(seed, shape);
          const free = await solveAndCheck(seed, shape);
          // An agreed flow, as the exchange hands it: minimum and capacity both its quantity.
          const fixed = new Map(
            free.flows
              .filter((_, k) => keep[k % keep.length])
              .map((f) => [`${f.supply}→${f.demand}`, f.quantity]),
          );
          const withAgreed = {
            ...input,
            links: input.links.map((l) => {
              const q = fixed.get(`${l.supply}→${l.demand}`);
              return q === undefined ? l : { ...l, minQuantity: q, capacity: q };
            }),
          };
          const r = await solve(withAgreed, { engine: 'highs', timeLimitSeconds: 20 });
          assert.equal(r.status, 'optimal');
          assertFeasible(validateProblem(withAgreed), r);
          assert.ok(
            relClose(r.objective, free.objective, 1e-7),
            `${r.objective} ≠ ${free.objective} with ${fixed.size} flows fixed`,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('hand-checked plans', () => {
  test('the example of the engine format', async () => {
    const r = await solve({
      supplies: [
        { id: 's1', quantity: 1000, disposalCost: 300, properties: { ash: 12.5, moisture: 9 } },
      ],
      demands: [
        {
          id: 'd1',
          quantity: 500,
          value: 800,
          limits: { ash: { max: 15 }, moisture: { min: 2, max: 10 } },
        },
      ],
      links: [{ supply: 's1', demand: 'd1', cost: 120, capacity: 400, fixedCost: 5000 }],
    });
    assert.equal(r.status, 'optimal');
    assert.equal(r.engine, 'highs');
    assert.deepEqual(r.openLinks, [{ supply: 's1', demand: 'd1' }]);
    assert.equal(r.flows.length, 1);
    assert.ok(relClose(r.flows[0].quantity, 400, 1e-12));
    assert.ok(relClose(r.objective, 400 * (800 + 300 - 120) - 5000, 1e-12));
  });

  test('blend: a dirty supply is diluted by a clean one up to the limit', async () => {
    // ash 20 and 10, max 14: at most 40% of the delivery may be dirty.
    const r = await solve({
      supplies: [
        { id: 'dirty', quantity: 1000, disposalCost: 100, properties: { ash: 20 } },
        { id: 'clean', quantity: 60, properties: { ash: 10 } },
      ],
      demands: [{ id: 'plant', quantity: 1000, value: 50, limits: { ash: { max: 14 } } }],
      links: [
        { supply: 'dirty', demand: 'plant', cost: 10 },
        { supply: 'clean', demand: 'plant', cost: 10 },
      ],
    });
    const dirty = r.flows.find((f) => f.supply === 'dirty')!;
    const clean = r.flows.find((f) => f.supply === 'clean')!;
    assert.ok(relClose(clean.quantity, 60, 1e-9));
    assert.ok(relClose(dirty.quantity, 40, 1e-9));
    assert.ok(relClose(r.objective, 40 * 140 + 60 * 40, 1e-9));
  });

  test('yield: delivered = yield · shipped, demand capped in delivered units', async () => {
    const r = await solve({
      supplies: [{ id: 's', quantity: 1000 }],
      demands: [{ id: 'd', quantity: 100, value: 10 }],
      links: [{ supply: 's', demand: 'd', yield: 0.5 }],
    });
    assert.equal(r.engine, 'highs');
    assert.ok(relClose(r.flows[0].quantity, 200, 1e-9));
    assert.ok(relClose(r.flows[0].delivered, 100, 1e-9));
    assert.ok(relClose(r.shadowPrices.demands.d, 10, 1e-9));
  });

  test('a link minimum keeps an agreed flow where another demand pays more', async () => {
    const problem = {
      supplies: [{ id: 's', quantity: 100 }],
      demands: [
        { id: 'agreed', quantity: 100, value: 10 },
        { id: 'richer', quantity: 100, value: 30 },
      ],
      links: [
        { supply: 's', demand: 'agreed', minQuantity: 60, capacity: 60 },
        { supply: 's', demand: 'richer' },
      ],
    };
    const r = await solve(problem);
    assert.equal(r.engine, 'highs', 'a link minimum is beyond the network simplex');
    assert.deepEqual(
      r.flows.map((f) => [f.demand, f.quantity]),
      [
        ['agreed', 60],
        ['richer', 40],
      ],
    );
    assert.ok(relClose(r.objective, 60 * 10 + 40 * 30, 1e-9));
  });

  test('a minimum forces a loss-making flow', async () => {
    const r = await solve({
      supplies: [{ id: 's', quantity: 100, minQuantity: 30 }],
      demands: [{ id: 'd', quantity: 100, value: 1 }],
      links: [{ supply: 's', demand: 'd', cost: 3 }],
    });
    assert.equal(r.status, 'optimal');
    assert.ok(relClose(r.flows[0].quantity, 30, 1e-9));
    assert.ok(relClose(r.objective, -60, 1e-9));
  });
});
