// One conformance suite run against both engines (the Hono router pattern):
// seeded pure-transport instances — unbalanced, fractional, capacitated, with
// ties, up to 300×300 sparse — must get feasible plans, objectives that are the
// sum of their flows, duals that certify optimality, and the same optimum.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EngineName, SolveResult } from './schema.ts';
import { solve } from './solve.ts';
import { assertDualCertificate, assertFeasible, relClose } from './test-checks.ts';
import { randomTransport, rng, type TransportShape } from './test-instances.ts';
import { isPureTransport } from './transport.ts';
import { validateProblem } from './validate.ts';

const ENGINES: EngineName[] = ['network-simplex', 'highs'];

interface Case {
  seed: number;
  shape: TransportShape;
}

function cases(): Case[] {
  const out: Case[] = [];
  const r = rng(20240601);
  for (let seed = 1; seed <= 300; seed++) {
    const big = seed % 25 === 0;
    const medium = seed % 5 === 0;
    const size = () => (big ? 300 : medium ? 20 + Math.floor(r() * 130) : 1 + Math.floor(r() * 25));
    const supplies = size();
    const demands = size();
    out.push({
      seed,
      shape: {
        supplies,
        demands,
        density: big ? 0.02 + r() * 0.2 : 0.15 + r() * 0.85,
        fractional: r() < 0.6,
        capacitated: r() < 0.4 ? r() : 0,
        ties: r() < 0.3,
      },
    });
  }
  // Degenerate corners: one side empty, no links, a single cell.
  out.push({
    seed: 1001,
    shape: { supplies: 0, demands: 3, density: 1, fractional: false, capacitated: 0, ties: false },
  });
  out.push({
    seed: 1002,
    shape: { supplies: 3, demands: 3, density: 0, fractional: false, capacitated: 0, ties: false },
  });
  out.push({
    seed: 1003,
    shape: { supplies: 1, demands: 1, density: 1, fractional: true, capacitated: 1, ties: false },
  });
  return out;
}

describe('conformance: network simplex ≡ HiGHS on pure transport', () => {
  const all = cases();
  let compared = 0;
  for (const { seed, shape } of all) {
    const label = `seed ${seed}: ${shape.supplies}×${shape.demands}, density ${shape.density.toFixed(2)}${shape.fractional ? ', fractional' : ''}${shape.capacitated ? ', capacitated' : ''}${shape.ties ? ', ties' : ''}`;
    test(label, async () => {
      const input = randomTransport(seed, shape);
      const problem = validateProblem(input);
      assert.ok(isPureTransport(problem));
      const results = {} as Record<EngineName, SolveResult>;
      for (const engine of ENGINES) {
        const r = await solve(input, { engine });
        assert.equal(r.engine, engine);
        assert.equal(r.status, 'optimal');
        assert.equal(r.mipGap, 0);
        assert.deepEqual(r.openLinks, []);
        assertFeasible(problem, r);
        assertDualCertificate(problem, r);
        results[engine] = r;
      }
      const a = results['network-simplex'].objective;
      const b = results.highs.objective;
      assert.ok(relClose(a, b, 1e-9), `network simplex ${a} vs HiGHS ${b}`);
      compared++;
    });
  }
  test('every case was compared', () => {
    assert.equal(compared, all.length);
    assert.ok(compared >= 300);
  });
});

describe('value factors (a fuel valued by its calorific value)', () => {
  // Every tenth case again, each link's delivered unit worth 0.6–1.4 of the demand's value.
  for (const { seed, shape } of cases().filter((c) => c.seed % 10 === 0)) {
    test(`seed ${seed}: ${shape.supplies}×${shape.demands}`, async () => {
      const input = randomTransport(seed, shape);
      const r = rng(seed + 7);
      const links = input.links.map((l) => ({ ...l, valueFactor: 0.6 + 0.8 * r() }));
      const problem = validateProblem({ ...input, links });
      assert.ok(isPureTransport(problem));
      const objectives: number[] = [];
      for (const engine of ENGINES) {
        const res = await solve(problem, { engine });
        assert.equal(res.status, 'optimal');
        assertFeasible(problem, res);
        assertDualCertificate(problem, res);
        objectives.push(res.objective);
      }
      assert.ok(relClose(objectives[0], objectives[1], 1e-9), objectives.join(' vs '));
    });
  }
});

describe('engine selection', () => {
  test('auto picks the network simplex for pure transport', async () => {
    const r = await solve(
      randomTransport(7, {
        supplies: 5,
        demands: 5,
        density: 1,
        fractional: true,
        capacitated: 0.5,
        ties: false,
      }),
    );
    assert.equal(r.engine, 'network-simplex');
    assert.ok(r.flows.length > 0);
  });

  test('forcing the network simplex on a blending problem is refused', async () => {
    const input = {
      supplies: [{ id: 's', quantity: 1, properties: { ash: 1 } }],
      demands: [{ id: 'd', quantity: 1, value: 1, limits: { ash: { max: 2 } } }],
      links: [{ supply: 's', demand: 'd' }],
    };
    await assert.rejects(solve(input, { engine: 'network-simplex' }), /pure transport/);
    const r = await solve(input);
    assert.equal(r.engine, 'highs');
    assert.equal(r.objective, 1);
  });
});
