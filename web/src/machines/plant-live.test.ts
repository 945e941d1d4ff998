import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChartSeries } from './PlantCharts.tsx';
import { liveness, withWindowEnds } from './plant-live.ts';

const T0 = Date.parse('2026-12-03T10:00:00Z');
const minute = (i: number) => (T0 + i * 60_000) / 1000;
const series = (n: number): ChartSeries => ({
  ts: Array.from({ length: n }, (_, i) => minute(i)),
  feed: Array.from({ length: n }, () => 500),
  product: Array.from({ length: n }, () => 300),
  ash: Array.from({ length: n }, () => 10),
  yieldPct: Array.from({ length: n }, () => 60),
});

test('the axis runs from the window start to now: empty points where the data stop short', () => {
  const data = series(10); // 10:00 … 10:09
  const shown = withWindowEnds(data, T0 - 3_600_000, T0 + 30 * 60_000);
  assert.equal(shown.ts[0], (T0 - 3_600_000) / 1000);
  assert.equal(shown.ts.at(-1), (T0 + 30 * 60_000) / 1000);
  assert.equal(shown.ts.length, 12);
  for (const s of [shown.feed, shown.product, shown.ash, shown.yieldPct]) {
    assert.equal(s.length, 12);
    assert.equal(s[0], null);
    assert.equal(s.at(-1), null);
  }
  // data that already span the window are left as they are
  assert.equal(withWindowEnds(data, T0, T0 + 9 * 60_000), data);
});

test('live while minutes keep coming; quiet since the last one after five minutes without', () => {
  const data = series(10); // last minute 10:09, its values up to 10:10
  assert.deepEqual(liveness(data, T0 + 15 * 60_000), { live: true });
  assert.deepEqual(liveness(data, T0 + 15 * 60_000 + 1), { live: false, since: T0 + 9 * 60_000 });
  // a minute of nulls only (a device gone) is not data
  const gone = {
    ...data,
    ts: [...data.ts, minute(20)],
    feed: [...data.feed, null],
    product: [...data.product, null],
    ash: [...data.ash, null],
    yieldPct: [...data.yieldPct, null],
  };
  assert.deepEqual(liveness(gone, T0 + 21 * 60_000), { live: false, since: T0 + 9 * 60_000 });
  assert.deepEqual(liveness(series(0), T0), { live: false, since: null });
});
