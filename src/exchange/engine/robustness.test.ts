import assert from 'node:assert/strict';
import { test } from 'node:test';
import { perturb, robustness } from './robustness.ts';
import type { ProblemInput } from './solve/index.ts';
import { mulberry32 } from './solve/random.ts';

const problem: ProblemInput = {
  supplies: [
    { id: 's1', quantity: 100, disposalCost: 10 },
    { id: 's2', quantity: 100, disposalCost: 10 },
  ],
  demands: [{ id: 'd1', quantity: 120, value: 50 }],
  links: [
    { supply: 's1', demand: 'd1', cost: 5 },
    { supply: 's2', demand: 'd1', cost: 6 },
  ],
};

test('mulberry32 is seeded and uniform in [0, 1)', () => {
  const a = mulberry32(7);
  const b = mulberry32(7);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(
    xs.slice(0, 5),
    Array.from({ length: 5 }, () => b()),
  );
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05);
  assert.notDeepEqual(xs.slice(0, 5), Array.from({ length: 5 }, mulberry32(8)));
});

test('perturb keeps volumes within ± variation and minimums within the volume', () => {
  const p = perturb(
    { ...problem, supplies: [{ id: 's1', quantity: 100, minQuantity: 100 }] },
    0.2,
    mulberry32(1),
  );
  assert.ok(p.supplies[0].quantity >= 80 && p.supplies[0].quantity <= 120);
  assert.ok((p.supplies[0].minQuantity ?? 0) <= p.supplies[0].quantity);
});

test('robustness is deterministic for a seed and counts the share of runs', async () => {
  const a = await robustness(problem, { runs: 20, variation: 0.3, seed: 3 });
  const b = await robustness(problem, { runs: 20, variation: 0.3, seed: 3 });
  assert.deepEqual(a, b);
  const s1 = a.find((r) => r.supply === 's1')!;
  assert.equal(s1.share, 1, 'the cheaper link always carries flow');
  const s2 = a.find((r) => r.supply === 's2');
  assert.ok(s2 && s2.share > 0 && s2.share <= 1);
  for (const r of a) assert.equal((r.share * 20) % 1, 0);
});
