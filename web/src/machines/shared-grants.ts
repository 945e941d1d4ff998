// Pure: where a grant received from another organisation stands, and which day of it the
// grantee's page reads.
import type { ListedGrant } from './api.ts';

type Window = Pick<ListedGrant, 'from' | 'to' | 'revokedAt'>;

const DAY_MS = 86_400_000;

type GrantState = 'active' | 'revoked' | 'ended' | 'upcoming';

/** Where a grant stands at `now`: revoked, over, not begun, or in force. */
export function grantState(g: Window, now: number): GrantState {
  if (g.revokedAt) return 'revoked';
  if (Date.parse(g.to) <= now) return 'ended';
  if (Date.parse(g.from) > now) return 'upcoming';
  return 'active';
}

/** The periods a grantee may read back, in days, and the bucket each is read in. */
export const sharedPeriods = [
  { days: 1, bucket: '1m' },
  { days: 7, bucket: '1h' },
  { days: 30, bucket: '1h' },
] as const;
export type SharedPeriod = (typeof sharedPeriods)[number];

/**
 * The span a grantee reads of a grant: the `days` before now, or before the grant's end, never
 * before the grant began (the server would refuse what the grant does not cover).
 */
export function lastDaysOf(g: Window, now: number, days: number): { from: string; to: string } {
  const to = Math.min(now, Date.parse(g.to));
  const from = Math.max(Date.parse(g.from), to - days * DAY_MS);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** One reading's series as read: bucket starts (ISO) and their values. */
interface Series {
  key: string;
  unit: string;
  points: readonly { ts: string; value: number | null }[];
}

/**
 * The series as a table for a file: a row per bucket start (the cluster's wall clock, as
 * `time` writes it) and a column per reading with its unit; an empty cell where a reading has
 * no value in that bucket.
 */
export function sharedCsvRows(
  series: readonly Series[],
  words: { time: string; reading: (key: string) => string; at: (ms: number) => string },
): Array<Array<string | number | null>> {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => Date.parse(p.ts))))].sort(
    (a, b) => a - b,
  );
  const byKey = series.map(
    (s) => new Map(s.points.map((p) => [Date.parse(p.ts), p.value] as const)),
  );
  return [
    [words.time, ...series.map((s) => `${words.reading(s.key)}, ${s.unit}`)],
    ...times.map((t) => [words.at(t), ...byKey.map((m) => m.get(t) ?? null)]),
  ];
}
