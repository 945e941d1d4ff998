// Infeasible problems are a result, not an error, and the message names the
// items whose minimums cannot be met.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { capacityConflicts } from './infeasible.ts';
import { solve } from './solve.ts';
import { assertFeasible } from './test-checks.ts';
import { randomGeneral } from './test-instances.ts';
import { validateProblem } from './validate.ts';

describe('infeasible problems', () => {
  test('a supply minimum above what its links can carry names the supply', async () => {
    const r = await solve({
      supplies: [
        { id: 'ash-dump', quantity: 1000, minQuantity: 500 },
        { id: 'other', quantity: 10 },
      ],
      demands: [{ id: 'cement', quantity: 1000, value: 5 }],
      links: [
        { supply: 'ash-dump', demand: 'cement', capacity: 300 },
        { supply: 'other', demand: 'cement' },
      ],
    });
    assert.equal(r.status, 'infeasible');
    assert.equal(r.engine, 'highs');
    assert.deepEqual(r.flows, []);
    assert.match(
      r.message ?? '',
      /supply ash-dump: must ship at least 500 but its links can take at most 300/,
    );
    assert.doesNotMatch(r.message ?? '', /other/);
  });

  test('links whose minimums together exceed their supply name the supply', async () => {
    const r = await solve({
      supplies: [{ id: 'ash-dump', quantity: 100 }],
      demands: [
        { id: 'cement', quantity: 100, value: 5 },
        { id: 'roads', quantity: 100, value: 5 },
      ],
      links: [
        { supply: 'ash-dump', demand: 'cement', minQuantity: 70 },
        { supply: 'ash-dump', demand: 'roads', minQuantity: 40 },
      ],
    });
    assert.equal(r.status, 'infeasible');
    assert.match(
      r.message ?? '',
      /supply ash-dump: its links must ship at least 110, more than its quantity 100/,
    );
  });

  test('a demand whose every linked supply breaks a limit names the demand and property', async () => {
    const r = await solve({
      supplies: [
        { id: 'a', quantity: 1000, properties: { ash: 30 } },
        { id: 'b', quantity: 1000, properties: { ash: 25 } },
      ],
      demands: [
        { id: 'boiler', quantity: 500, minQuantity: 100, value: 5, limits: { ash: { max: 20 } } },
      ],
      links: [
        { supply: 'a', demand: 'boiler' },
        { supply: 'b', demand: 'boiler' },
      ],
    });
    assert.equal(r.status, 'infeasible');
    assert.match(r.message ?? '', /demand boiler: every linked supply has ash above its max 20/);
  });

  test('minimums that only conflict jointly are named by the least-shortfall plan', async () => {
    // Each demand alone could get its 300 from the supply, both cannot.
    const input = {
      supplies: [{ id: 'mine', quantity: 500 }],
      demands: [
        { id: 'd1', quantity: 400, minQuantity: 300, value: 1 },
        { id: 'd2', quantity: 400, minQuantity: 300, value: 1 },
      ],
      links: [
        { supply: 'mine', demand: 'd1' },
        { supply: 'mine', demand: 'd2' },
      ],
    };
    // No single item is over-committed, so capacity reasoning alone finds nothing.
    assert.equal(capacityConflicts(validateProblem(input)).size, 0);
    const r = await solve(input);
    assert.equal(r.status, 'infeasible');
    assert.match(
      r.message ?? '',
      /demand d[12]: minimum 300 cannot be met together with the others/,
    );
  });

  test('a minimum with no links at all', async () => {
    const r = await solve({
      supplies: [{ id: 'lonely', quantity: 10, minQuantity: 1 }],
      demands: [],
      links: [],
    });
    assert.equal(r.status, 'infeasible');
    assert.match(
      r.message ?? '',
      /supply lonely: must ship at least 1 but its links can take at most 0/,
    );
  });

  test('with large minimums: either every constraint holds or an item with a minimum is named', async () => {
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 6 }), async (seed, n) => {
        const input = randomGeneral(seed, {
          supplies: n,
          demands: 7 - n,
          density: 0.6,
          limits: 0.5,
          yields: 0.5,
          minimums: 0.7,
          fixedCosts: 0,
          minShare: 1,
        });
        const p = validateProblem(input);
        const r = await solve(input);
        if (r.status === 'optimal') {
          assertFeasible(p, r);
          return;
        }
        infeasible++;
        assert.equal(r.status, 'infeasible');
        const named = [...p.supplies, ...p.demands].filter(
          (x) => x.minQuantity > 0 && r.message?.includes(` ${x.id}:`),
        );
        assert.ok(named.length > 0, r.message);
      }),
      { numRuns: 60 },
    );
    assert.ok(infeasible > 0, 'the generator should produce some infeasible cases');
  });
});
