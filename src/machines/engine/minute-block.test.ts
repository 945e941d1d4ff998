import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { appendBlockColumns, BLOCK_MS, blockMinutes, mergeIntoBlock } from './minute-block.ts';
import { aggregateOf, bucketStart, MINUTE_MS, type Rollup, rollUp } from './rollup.ts';

const HOUR0 = Date.UTC(2026, 10, 29, 10);
// points over three hours, some on the same instant, values of any sign and size
const point = fc.record({
  ts: fc.integer({ min: HOUR0 - BLOCK_MS, max: HOUR0 + 2 * BLOCK_MS - 1 }),
  value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
});

/** Points stored in batches, as ingestion does: each batch's minute roll-ups merged into blocks. */
function stored(batches: Array<Array<{ ts: number; value: number }>>) {
  const blocks = new Map<number, Uint8Array>();
  for (const batch of batches) {
    const byHour = new Map<number, Array<{ bucket: number } & Rollup>>();
    for (const [bucket, r] of rollUp(batch, MINUTE_MS)) {
      const hour = bucketStart(bucket, BLOCK_MS);
      byHour.set(hour, [...(byHour.get(hour) ?? []), { bucket, ...r }]);
    }
    for (const [hour, minutes] of byHour)
      blocks.set(hour, mergeIntoBlock(hour, blocks.get(hour) ?? null, minutes));
  }
  return blocks;
}

test('property: blocks merged batch by batch hold the minute roll-ups of all the points', () => {
  fc.assert(
    fc.property(fc.array(fc.array(point, { maxLength: 30 }), { maxLength: 6 }), (batches) => {
      const blocks = stored(batches);
      const expected = rollUp(batches.flat(), MINUTE_MS);
      const got = new Map([...blocks].flatMap(([hour, body]) => [...blockMinutes(hour, body)]));
      assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort());
      for (const [bucket, e] of expected) {
        const { sum, ...rest } = got.get(bucket) ?? e;
        const { sum: eSum, ...eRest } = e;
        assert.deepEqual(rest, eRest);
        // batches add their sums in another order than one pass over all points
        assert.ok(Math.abs(sum - eSum) <= 1e-9 * Math.max(1, Math.abs(eSum)), `${sum} ≠ ${eSum}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('property: the columns of a range are the minute aggregates in it, oldest first, up to the limit', () => {
  fc.assert(
    fc.property(
      fc.array(point, { maxLength: 80 }),
      fc.integer({ min: HOUR0 - BLOCK_MS, max: HOUR0 + 2 * BLOCK_MS }),
      fc.integer({ min: 1, max: 3 * BLOCK_MS }),
      fc.constantFrom('avg', 'min', 'max', 'last') as fc.Arbitrary<'avg' | 'min' | 'max' | 'last'>,
      fc.integer({ min: 1, max: 100 }),
      (points, from, span, agg, limit) => {
        const to = from + span;
        const blocks = [...stored([points])].sort((a, b) => a[0] - b[0]);
        const out = { ts: [] as number[], value: [] as number[] };
        for (const [hour, body] of blocks)
          appendBlockColumns(hour, body, agg, from, to, limit, out);
        const expected = [...rollUp(points, MINUTE_MS)]
          .filter(([b]) => b >= from && b < to)
          .sort((a, b) => a[0] - b[0])
          .slice(0, limit);
        assert.deepEqual(
          out.ts,
          expected.map(([b]) => b),
        );
        assert.deepEqual(
          out.value,
          expected.map(([, r]) => aggregateOf(r, agg)),
        );
      },
    ),
    { numRuns: 200 },
  );
});

test('an empty body is an empty hour; a minute of another hour or a body of another size is refused', () => {
  assert.equal(blockMinutes(HOUR0, new Uint8Array(0)).size, 0);
  const one = { n: 1, sum: 2, low: 2, high: 2, lastTs: HOUR0, lastValue: 2 };
  assert.equal(
    blockMinutes(HOUR0, mergeIntoBlock(HOUR0, new Uint8Array(0), [{ bucket: HOUR0, ...one }])).size,
    1,
  );
  assert.throws(
    () => mergeIntoBlock(HOUR0, null, [{ bucket: HOUR0 + BLOCK_MS, ...one }]),
    /not in the hour/,
  );
  assert.throws(
    () => mergeIntoBlock(HOUR0, null, [{ bucket: HOUR0 + 1, ...one }]),
    /not in the hour/,
  );
  assert.throws(() => mergeIntoBlock(HOUR0, new Uint8Array(8), []), /8 bytes/);
});
