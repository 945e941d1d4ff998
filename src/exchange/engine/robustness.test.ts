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

test('perturb shrinks an agreed flow with its ends, so every run still has a plan', async () => {
  // Two agreed flows that take all of s1 and all of d1: any shrinking end must shrink them.
  const agreed = {
    supplies: [{ id: 's1', quantity: 100 }],
    demands: [
      { id: 'd1', quantity: 60, value: 5 },
      { id: 'd2', quantity: 40, value: 5 },
    ],
    links: [
      { supply: 's1', demand: 'd1', minQuantity: 60, capacity: 60 },
      { supply: 's1', demand: 'd2', minQuantity: 40, capacity: 40 },
    ],
  };
  const rnd = mulberry32(7);
  for (let run = 0; run < 20; run++) {
    const p = perturb(agreed, 0.3, rnd);
    for (const l of p.links) {
      const s = p.supplies.find((x) => x.id === l.supply)!;
      const d = p.demands.find((x) => x.id === l.demand)!;
      assert.ok((l.minQuantity ?? 0) <= Math.min(d.quantity, l.capacity ?? Infinity) + 1e-9);
      assert.ok((l.minQuantity ?? 0) <= s.quantity + 1e-9);
    }
    const shipped = p.links.reduce((sum, l) => sum + (l.minQuantity ?? 0), 0);
    assert.ok(shipped <= p.supplies[0].quantity + 1e-9, `run ${run}: ${shipped} agreed`);
  }
  const { entries, runs } = await robustness(agreed, { runs: 10, variation: 0.3, seed: 5 });
  assert.equal(runs, 10);
  assert.deepEqual(
    entries.map((e) => [e.demand, e.share]),
    [
      ['d1', 1],
      ['d2', 1],
    ],
  );
});

test('robustness is deterministic for a seed and counts the share of runs', async () => {
  const { entries: a, runs } = await robustness(problem, { runs: 20, variation: 0.3, seed: 3 });
  const b = await robustness(problem, { runs: 20, variation: 0.3, seed: 3 });
  assert.equal(runs, 20);
  assert.deepEqual(a, b.entries);
  const s1 = a.find((r) => r.supply === 's1')!;
  assert.equal(s1.share, 1, 'the cheaper link always carries flow');
  const s2 = a.find((r) => r.supply === 's2');
  assert.ok(s2 && s2.share > 0 && s2.share <= 1);
  for (const r of a) assert.equal((r.share * 20) % 1, 0);
});

/** A clock that moves `stepMs` each time it is read: runs then "take" a known time. */
const steppingClock = (stepMs: number) => {
  let t = 0;
  return () => (t += stepMs);
};

test('robustness runs share one deadline: it stops when the next run could not finish', async () => {
  // Each run reads the clock three times (time left, start, end) at 10 ms a read: a run
  // "takes" 10 ms. Before the fourth run the clock reads 100 ms: 8 ms are left, less than
  // the slowest run took, so it does not start and three runs finish.
  const settings = { runs: 200, variation: 0.3, seed: 3 };
  const cut = await robustness(problem, settings, { deadline: 108, now: steppingClock(10) });
  assert.equal(cut.runs, 3);
  for (const r of cut.entries) assert.equal((r.share * cut.runs) % 1, 0, 'a share of the runs');
  // the runs it did are the first runs of the full series: same volumes, same seed
  const first3 = await robustness(problem, { ...settings, runs: 3 });
  assert.deepEqual(cut.entries, first3.entries);
});

test('robustness past its deadline runs nothing and claims nothing', async () => {
  const late = await robustness(
    problem,
    { runs: 50, variation: 0.3 },
    { deadline: 5, now: steppingClock(10) },
  );
  assert.deepEqual(late, { entries: [], runs: 0 });
});
