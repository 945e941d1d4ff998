// The engine's fixed-charge MILP path (runMilp: tightened model, start, options)
// against brute force: on small instances every set of open links is priced by
// its LP, and the best of them must be the engine's objective.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { buildModel, type CscModel } from './highs-model.ts';
import { loadHighs, MIP_GAP, runModel, STATUS } from './highs-solve.ts';
import type { Problem } from './schema.ts';
import { solve } from './solve.ts';
import { randomGeneral } from './test-instances.ts';
import { validateProblem } from './validate.ts';

const objective = (cm: CscModel, x: Float64Array) =>
  x.reduce((sum, v, c) => sum + v * cm.colCost[c], cm.offset);

/** Best objective over every set of open fixed-cost links, or null if none is feasible. */
async function bruteForce(p: Problem): Promise<number | null> {
  const highs = await loadHighs();
  const fixed = p.links.flatMap((l, k) => (l.fixedCost === undefined ? [] : [k]));
  let best: number | null = null;
  for (let mask = 0; mask < 1 << fixed.length; mask++) {
    const open = new Uint8Array(p.links.length);
    fixed.forEach((k, b) => {
      open[k] = (mask >> b) & 1;
    });
    const cm = buildModel(p, open);
    const r = runModel(highs, cm, 10);
    if (r.modelStatus !== STATUS.optimal || !r.sol) continue;
    const v = objective(cm, r.sol.colValue);
    if (best === null || v > best) best = v;
  }
  return best;
}

const shape = fc.record({
  supplies: fc.integer({ min: 1, max: 3 }),
  demands: fc.integer({ min: 1, max: 3 }),
  density: fc.double({ min: 0.5, max: 1, noNaN: true }),
  limits: fc.constantFrom(0, 0, 0.5),
  yields: fc.constantFrom(0, 0.5),
  minimums: fc.constantFrom(0, 0, 0.3),
  fixedCosts: fc.double({ min: 0.6, max: 1, noNaN: true }),
});

describe('fixed-charge MILP against brute force', () => {
  test('the engine finds the best set of open links', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), shape, async (seed, s) => {
        const input = randomGeneral(seed, s);
        const p = validateProblem(input);
        if (!p.links.length) return; // HiGHS has no model to price; the engine's own branch
        const best = await bruteForce(p);
        const r = await solve(input, { engine: 'highs', timeLimitSeconds: 20 });
        if (best === null) {
          assert.equal(r.status, 'infeasible');
          return;
        }
        assert.equal(r.status, 'optimal');
        const tol = 2 * MIP_GAP * Math.max(1, Math.abs(best)) + 1e-6;
        assert.ok(Math.abs(r.objective - best) <= tol, `engine ${r.objective} vs brute ${best}`);
      }),
      { numRuns: 25 },
    );
  });
});
