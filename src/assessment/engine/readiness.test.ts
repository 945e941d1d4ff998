import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  clusterReadiness,
  type ReadinessBands,
  type ReadinessResponse,
  readinessDimensions,
} from './readiness.ts';

const flat = (band: number): ReadinessBands =>
  Object.fromEntries(readinessDimensions.map((d) => [d, band])) as ReadinessBands;

describe('cluster readiness', () => {
  it("weights by employees and uses each organisation's latest version (known answer)", () => {
    const responses: ReadinessResponse[] = [
      { organisationId: 'a', version: 1, bands: flat(0), employees: 3000 },
      { organisationId: 'a', version: 2, bands: { ...flat(1), strategy: 4 }, employees: 3000 },
      { organisationId: 'b', version: 1, bands: { ...flat(4), strategy: 2 }, employees: 1000 },
      { organisationId: 'c', version: 1, bands: flat(5), employees: null },
    ];
    const r = clusterReadiness(responses);
    assert.equal(r.organisations, 3);
    assert.equal(r.employees, 4000);
    assert.deepEqual(r.unweighted, ['c']);
    const connectivity = r.dimensions.find((d) => d.dimension === 'connectivity');
    // plain: (1 + 4 + 5) / 3; weighted: 1×0.75 + 4×0.25 = 1.75; spread: √(0.75×0.75² + 0.25×2.25²)
    assert.equal(connectivity?.mean, Number((10 / 3).toFixed(4)));
    assert.equal(connectivity?.weightedMean, 1.75);
    assert.equal(connectivity?.spread, Number(Math.sqrt(0.75 * 0.5625 + 0.25 * 5.0625).toFixed(4)));
    assert.deepEqual([connectivity?.min, connectivity?.max], [1, 5]);
    const strategy = r.dimensions.find((d) => d.dimension === 'strategy');
    assert.equal(strategy?.weightedMean, 3.5); // 4×0.75 + 2×0.25
    assert.equal(r.weakest.length, 3);
    assert.ok(!r.weakest.includes('strategy'));
  });

  it('no answers: no figures', () => {
    const r = clusterReadiness([]);
    assert.deepEqual(r.overall, { mean: null, weightedMean: null });
    assert.deepEqual(r.dimensions, []);
    assert.deepEqual(r.weakest, []);
  });

  it('weighted means lie within the range, spreads are ≥ 0, the weakest are the lowest', () => {
    const band = fc.integer({ min: 0, max: 5 });
    const bands = fc.record(
      Object.fromEntries(readinessDimensions.map((d) => [d, band])) as Record<
        keyof ReadinessBands,
        typeof band
      >,
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ bands, employees: fc.option(fc.integer({ min: 1, max: 50_000 })) }), {
          minLength: 1,
          maxLength: 12,
        }),
        (rows) => {
          const r = clusterReadiness(
            rows.map((x, i) => ({ organisationId: `o${i}`, version: 1, ...x })),
          );
          for (const d of r.dimensions) {
            if (d.weightedMean !== null) {
              assert.ok(d.weightedMean >= d.min - 1e-9 && d.weightedMean <= d.max + 1e-9);
              assert.ok((d.spread ?? 0) >= 0);
            }
          }
          const key = (id: string) => {
            const d = r.dimensions.find((x) => x.dimension === id);
            return d?.weightedMean ?? d?.mean ?? 0;
          };
          const cut = Math.max(...r.weakest.map(key));
          for (const d of r.dimensions)
            if (!r.weakest.includes(d.dimension)) assert.ok(key(d.dimension) >= cut);
        },
      ),
      { numRuns: 200 },
    );
  });
});
