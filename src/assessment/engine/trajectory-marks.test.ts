import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeMarks, scoredRuns, yearTicks } from './trajectory-marks.ts';

/** The months from `from` (YYYY-MM) on, `n` of them. */
const months = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const k = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1 + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });

describe('trajectory marks', () => {
  it('marks the first month, each change and the last month; a repeated score is unmarked', () => {
    assert.deepEqual(changeMarks([0.25, 0.25, 0.25, 0.3, 0.3, 0.5, 0.5, 0.5]), [0, 3, 5, 7]);
    assert.deepEqual(changeMarks([1]), [0]);
    assert.deepEqual(changeMarks([]), []);
  });

  it('a month without a score is no mark, and the score after it is marked', () => {
    assert.deepEqual(changeMarks([null, null, 0.2, 0.2, null, 0.2, 0.2, null]), [2, 5, 6]);
    assert.deepEqual(changeMarks([null, null]), []);
  });

  it('the line breaks where a month has no score', () => {
    assert.deepEqual(scoredRuns([null, 0.2, 0.2, null, 0.3, null, 1, 1]), [[1, 2], [4], [6, 7]]);
    assert.deepEqual(scoredRuns([null]), []);
  });

  it('a tick at each January; every year written when a year is wide enough', () => {
    const m = months('2012-01', 179); // 2012-01 … 2026-11, as the example's trajectory
    const ticks = yearTicks(m, 6, 42); // a year is 72 units wide
    assert.equal(ticks.length, 15);
    assert.deepEqual(ticks[0], { index: 0, year: 2012, label: true });
    assert.deepEqual(ticks.at(-1), { index: 168, year: 2026, label: true });
    assert.ok(ticks.every((t) => t.label && m[t.index]?.endsWith('-01')));
  });

  it('narrower: the years written every 2, 5 or 10, as multiples of the step', () => {
    const m = months('2012-01', 179);
    const written = (perMonth: number) =>
      yearTicks(m, perMonth, 42)
        .filter((t) => t.label)
        .map((t) => t.year);
    assert.deepEqual(written(2), [2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026]); // 24 × 2 ≥ 42
    assert.deepEqual(written(1), [2015, 2020, 2025]);
    assert.deepEqual(written(0.5), [2020]);
    assert.equal(yearTicks(m, 0.5, 42).length, 15); // every January still ticked
  });

  it('fewer than two Januaries: no ticks (the chart writes its first and last months)', () => {
    assert.deepEqual(yearTicks(months('2025-12', 12), 50, 42), []);
    assert.deepEqual(yearTicks(months('2025-02', 11), 50, 42), []);
    assert.equal(yearTicks(months('2025-01', 13), 50, 42).length, 2);
  });
});
