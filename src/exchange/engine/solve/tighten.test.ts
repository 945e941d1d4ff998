// The tightened fixed-charge MILP (highs-model.ts) against the plain big-M one:
// same optimum on random instances, and proven optimal where the loose model
// needs long searches.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { buildModel, type CscModel } from './highs-model.ts';
import { loadHighs, MIP_GAP, runModel } from './highs-solve.ts';
import { solve } from './solve.ts';
import { randomGeneral } from './test-instances.ts';
import { validateProblem } from './validate.ts';

const objective = (cm: CscModel, x: Float64Array) =>
  x.reduce((sum, v, c) => sum + v * cm.colCost[c], cm.offset);

describe('tightened fixed-charge model', () => {
  test('same optimum as the plain big-M model on random instances', async () => {
    const highs = await loadHighs();
    let shutSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.record({
          supplies: fc.integer({ min: 1, max: 6 }),
          demands: fc.integer({ min: 1, max: 6 }),
          density: fc.double({ min: 0.3, max: 1, noNaN: true }),
          // Limits, yields and minimums decide which links may be tightened.
          limits: fc.double({ min: 0, max: 1, noNaN: true }),
          yields: fc.double({ min: 0, max: 1, noNaN: true }),
          minimums: fc.constantFrom(0, 0, 0.3),
          fixedCosts: fc.double({ min: 0.5, max: 1, noNaN: true }),
        }),
        async (seed, shape) => {
          const p = validateProblem(randomGeneral(seed, shape));
          const loose = buildModel(p, undefined, { tighten: false });
          const tight = buildModel(p);
          shutSeen += tight.shut;
          const a = runModel(highs, loose, 10);
          const b = runModel(highs, tight, 10);
          assert.equal(b.modelStatus, a.modelStatus);
          if (!a.sol || !b.sol) return;
          const oa = objective(loose, a.sol.colValue);
          const ob = objective(tight, b.sol.colValue);
          // Both are optimal to the relative gap MIP_GAP, so they may differ by twice that.
          const tol = 2 * MIP_GAP * Math.max(1, Math.abs(oa)) + 1e-6;
          assert.ok(Math.abs(oa - ob) <= tol, `loose ${oa} vs tightened ${ob}`);
        },
      ),
      { numRuns: 50 },
    );
    assert.ok(shutSeen > 0, 'some links were shut, so the closure rule was exercised');
  });

  test('a link that cannot pay its fixed cost is shut; one that can stays open to choose', () => {
    const p = validateProblem({
      supplies: [{ id: 's', quantity: 100 }],
      demands: [
        { id: 'd1', quantity: 100, value: 50 },
        { id: 'd2', quantity: 100, value: 50 },
      ],
      links: [
        // Margin 50 × at most 100 = 5000 < 6000: never worth opening.
        { supply: 's', demand: 'd1', fixedCost: 6000 },
        // Margin 50 × 100 = 5000 > 2000: may pay, so the MILP decides.
        { supply: 's', demand: 'd2', fixedCost: 2000 },
      ],
    });
    const cm = buildModel(p);
    assert.equal(cm.shut, 1);
    assert.equal(cm.colUpper[0], 0);
    assert.equal(cm.colUpper[cm.binaryOf[0]], 0);
    assert.equal(cm.colUpper[1], Infinity);
    assert.equal(cm.colUpper[cm.binaryOf[1]], 1);
    // Only closures: no rows beyond the loose model's (least-flow rows cost more CPU than they saved).
    assert.equal(cm.numRows, buildModel(p, undefined, { tighten: false }).numRows);
    // With a minimum at the supply, dropping flow could break it: no tightening.
    const withMin = validateProblem({
      ...p,
      supplies: [{ id: 's', quantity: 100, minQuantity: 10 }],
    });
    const cmMin = buildModel(withMin);
    assert.equal(cmMin.shut, 0);
    assert.equal(cmMin.numRows, buildModel(withMin, undefined, { tighten: false }).numRows);
  });

  test('a blend limit the link helps to meet keeps it untightened', () => {
    const p = validateProblem({
      supplies: [
        { id: 'clean', quantity: 100, properties: { ash: 5 } },
        { id: 'dirty', quantity: 100, properties: { ash: 30 } },
      ],
      demands: [{ id: 'd', quantity: 200, value: 50, limits: { ash: { max: 20 } } }],
      links: [
        // Cannot pay alone, but dilutes the dirty coal: dropping it may break the limit.
        { supply: 'clean', demand: 'd', fixedCost: 6000 },
        { supply: 'dirty', demand: 'd', fixedCost: 6000 },
      ],
    });
    const cm = buildModel(p);
    assert.equal(cm.colUpper[0] > 0, true, 'the diluting link stays available');
    assert.equal(cm.colUpper[1], 0, 'the dirty link cannot pay and is shut');
  });

  test('a 10×10 all-fixed-charge instance is proven optimal within the engine gap', async () => {
    const input = randomGeneral(7, {
      supplies: 10,
      demands: 10,
      density: 1,
      limits: 0,
      yields: 0,
      minimums: 0,
      fixedCosts: 1,
    });
    const r = await solve(input, { engine: 'highs', timeLimitSeconds: 60 });
    assert.equal(r.status, 'optimal');
    assert.ok(r.mipGap !== null && r.mipGap <= MIP_GAP, `gap ${r.mipGap}`);
    assert.ok(r.openLinks.length > 0);
  });
});
