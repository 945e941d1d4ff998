// Roll-ups, pure: the aggregate of a bucket (count, sum, min, max, and the last value: the
// one at the latest time, ties going to the larger value) and how two of them merge, which
// the repository's upsert does in SQL the same way. Order-free, so late and out-of-order
// points give the same roll-ups as points in order.
import type { Aggregate, Bucket } from '../schema.ts';

export interface Rollup {
  n: number;
  sum: number;
  low: number;
  high: number;
  lastTs: number;
  lastValue: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const bucketMs: Record<Bucket, number> = { '1m': MINUTE_MS, '1h': HOUR_MS, '1d': DAY_MS };

/** The start of the bucket of `size` ms holding `ts` (UTC; epoch-aligned). */
export const bucketStart = (ts: number, size: number) => Math.floor(ts / size) * size;

export const single = (ts: number, value: number): Rollup => ({
  n: 1,
  sum: value,
  low: value,
  high: value,
  lastTs: ts,
  lastValue: value,
});

export function merge(a: Rollup, b: Rollup): Rollup {
  const bLater = b.lastTs > a.lastTs || (b.lastTs === a.lastTs && b.lastValue > a.lastValue);
  return {
    n: a.n + b.n,
    sum: a.sum + b.sum,
    low: Math.min(a.low, b.low),
    high: Math.max(a.high, b.high),
    lastTs: bLater ? b.lastTs : a.lastTs,
    lastValue: bLater ? b.lastValue : a.lastValue,
  };
}

/** Points (ts, value) folded into buckets of `size` ms: bucket start → roll-up. */
export function rollUp(
  points: Iterable<{ ts: number; value: number }>,
  size: number,
): Map<number, Rollup> {
  const out = new Map<number, Rollup>();
  for (const p of points) {
    const b = bucketStart(p.ts, size);
    const one = single(p.ts, p.value);
    const had = out.get(b);
    out.set(b, had ? merge(had, one) : one);
  }
  return out;
}

/** Finer roll-ups folded into coarser buckets (hours into days). */
export function coarsen(rows: Iterable<{ bucket: number } & Rollup>, size: number) {
  const out = new Map<number, Rollup>();
  for (const r of rows) {
    const b = bucketStart(r.bucket, size);
    const had = out.get(b);
    out.set(b, had ? merge(had, r) : r);
  }
  return out;
}

export function aggregateOf(r: Rollup, agg: Aggregate): number {
  switch (agg) {
    case 'avg':
      return r.sum / r.n;
    case 'min':
      return r.low;
    case 'max':
      return r.high;
    case 'last':
      return r.lastValue;
  }
}
