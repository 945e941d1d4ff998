import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { aggregateOf, merge, single } from './rollup.ts';
import { isoFormatter, seriesJson, seriesPoints } from './series-json.ts';

// years 0001..9999 and a little past (toISOString's extended-year form)
const anyInstant = fc.integer({ min: -62_135_596_800_000, max: 300_000_000_000_000 });
// whole minutes (a downsampled series), the formatter's table path, also before 1970 and past 9999
const minute = fc.integer({ min: -1_035_593_280, max: 5_000_000_000 }).map((m) => m * 60_000);
const instant = fc.oneof(anyInstant, minute);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

test('property: each instant formatted as toISOString formats it, in any order', () => {
  fc.assert(
    fc.property(fc.array(instant, { maxLength: 50 }), (times) => {
      const iso = isoFormatter();
      for (const t of times) assert.equal(iso(t), new Date(t).toISOString());
    }),
    { numRuns: 300 },
  );
});

test('property: the hand-built series is JSON.stringify of its objects', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 12 }),
      fc.string({ maxLength: 6 }),
      // Infinity and NaN among them: JSON has neither, both are written as null
      fc.array(fc.tuple(instant, fc.oneof(finite, fc.double())), { maxLength: 40 }),
      (key, unit, pairs) => {
        const s = { key, unit, ts: pairs.map((p) => p[0]), value: pairs.map((p) => p[1]) };
        const points = pairs.map(([t, v]) => ({
          ts: new Date(t).toISOString(),
          value: Number.isFinite(v) ? v : null,
        }));
        assert.equal(seriesJson(s), JSON.stringify({ key, unit, points }));
        assert.deepEqual(
          JSON.parse(seriesJson(s)),
          JSON.parse(JSON.stringify({ key, unit, points })),
        );
        assert.deepEqual(seriesPoints(s), points);
      },
    ),
    { numRuns: 300 },
  );
});

test('minute buckets across a day and a year boundary', () => {
  const start = Date.UTC(2025, 11, 31, 23, 58);
  const ts = Array.from({ length: 5 }, (_, i) => start + i * 60_000);
  const json = seriesJson({ key: 'k', unit: 'u', ts, value: [1, 2.5, -0, 1e21, 3] });
  assert.equal(
    json,
    '{"key":"k","unit":"u","points":[{"ts":"2025-12-31T23:58:00.000Z","value":1},{"ts":"2025-12-31T23:59:00.000Z","value":2.5},{"ts":"2026-01-01T00:00:00.000Z","value":0},{"ts":"2026-01-01T00:01:00.000Z","value":1e+21},{"ts":"2026-01-01T00:02:00.000Z","value":3}]}',
  );
});

test('an average beyond the range of a double is null, never Infinity (invalid JSON)', () => {
  const day = Date.UTC(2026, 10, 29);
  const bucket = merge(single(day, 1.7e308), single(day + 60_000, 1.7e308));
  const avg = aggregateOf(bucket, 'avg');
  assert.equal(avg, Number.POSITIVE_INFINITY);
  const s = { key: 'throughput_tph', unit: 't/h', ts: [day, day + 86_400_000], value: [avg, 5] };
  const json = seriesJson(s);
  assert.equal(
    json,
    '{"key":"throughput_tph","unit":"t/h","points":[{"ts":"2026-11-29T00:00:00.000Z","value":null},{"ts":"2026-11-30T00:00:00.000Z","value":5}]}',
  );
  assert.deepEqual(JSON.parse(json).points, seriesPoints(s));
  assert.deepEqual(
    seriesPoints({ ...s, value: [Number.NaN, Number.NEGATIVE_INFINITY] }).map((p) => p.value),
    [null, null],
  );
});
