// Pure: what the plant's charts say about time. The axis runs over the whole window up to now,
// so a device gone quiet shows as an empty stretch at the end instead of the axis ending with
// the last minute that had data; and the badge says «онлайн» only while minutes keep coming.
import type { ChartSeries } from './PlantCharts.tsx';

/** Minutes without any value after which the charts no longer call themselves live. */
export const QUIET_MS = 5 * 60_000;

/** The series with empty points at the window's start and at `now`, where the data stop short. */
export function withWindowEnds(data: ChartSeries, fromMs: number, nowMs: number): ChartSeries {
  const from = fromMs / 1000;
  const now = nowMs / 1000;
  const first = data.ts[0];
  const last = data.ts[data.ts.length - 1];
  const head = first === undefined || first > from ? [from] : [];
  const tail = last === undefined || last < now ? [now] : [];
  if (!head.length && !tail.length) return data;
  const pad = (xs: Array<number | null>) => [
    ...head.map(() => null),
    ...xs,
    ...tail.map(() => null),
  ];
  return {
    ts: [...head, ...data.ts, ...tail],
    feed: pad(data.feed),
    product: pad(data.product),
    ash: pad(data.ash),
    yieldPct: pad(data.yieldPct),
  };
}

/** The last minute (ms) with any value, or null when the window has none. */
export function lastMinuteWithData(data: ChartSeries): number | null {
  for (let i = data.ts.length - 1; i >= 0; i--)
    if ([data.feed[i], data.product[i], data.ash[i]].some((v) => v !== null))
      return data.ts[i] * 1000;
  return null;
}

/** Live while the last value is at most QUIET_MS old; else quiet since that minute. */
export function liveness(
  data: ChartSeries,
  nowMs: number,
): { live: true } | { live: false; since: number | null } {
  const last = lastMinuteWithData(data);
  // a minute is stamped with its start: its values may be up to a minute younger
  return last !== null && nowMs - (last + 60_000) <= QUIET_MS
    ? { live: true }
    : { live: false, since: last };
}
