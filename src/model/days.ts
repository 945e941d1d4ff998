// Calendar days as the cluster's users live them. Pure, plain (the web app imports it too).
import { CLUSTER_TIME_ZONE } from './wording.ts';

const DAY_MS = 86_400_000;

/**
 * The latest day (YYYY-MM-DD) a fact may be dated at `now` — a delivered lot, a licence's
 * issue or removal: no date after today. "Today" is taken a day ahead of UTC's, so that a user
 * east of Greenwich (Kuzbass is UTC+7) can record this morning's fact.
 */
export function latestDay(now: Date): string {
  return new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
}

const wallParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: CLUSTER_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The cluster's wall clock at `ms`: its fields as numbers. */
export function wall(ms: number) {
  const p = Object.fromEntries(wallParts.formatToParts(ms).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day in the cluster at `ms` (YYYY-MM-DD): "today" as the cluster counts it. */
export function clusterDay(ms: number): string {
  const w = wall(ms);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * The cluster's day of a recorded moment: a timestamp's day in the cluster (an agreement at
 * 18:30 UTC is the next day there), a plain day (YYYY-MM-DD) as it is.
 */
export function clusterDayOf(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at.slice(0, 10) : clusterDay(ms);
}

/**
 * The last day of a year's term beginning on `from` (YYYY-MM-DD): the day before the same date
 * a year on, so a term from 1 March 2027 ends on 29 February 2028 (adding 364 days would not).
 */
export function yearTermEnd(from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The year in the cluster at `ms`: on 31 December from 17:00 UTC, already the next one. */
export function clusterYear(ms: number): number {
  return wall(ms).year;
}

/** A `datetime-local` value: the cluster's wall clock at `ms` (YYYY-MM-DDTHH:mm). */
export function clusterWallTime(ms: number): string {
  const w = wall(ms);
  return `${clusterDay(ms)}T${pad(w.hour)}:${pad(w.minute)}`;
}
