// A telemetry series written as JSON, pure. A 30-day minute read is 43,200 points: the
// series stays in two columns (times, values) until it is written, equal to JSON.stringify of
// { key, unit, points: [{ ts, value }] } with ts as RFC 3339 UTC (toISOString's form), and the
// HTTP read sends the string past the response serialiser.

import { DAY_MS, MINUTE_MS } from './rollup.ts';

/** A series as columns: ts[i] (ms since the epoch) has value[i]. */
export interface SeriesColumns {
  key: string;
  unit: string;
  ts: number[];
  value: number[];
}

/** Instants whose date toISOString writes as YYYY-MM-DD (years 1970–9999). */
const LAST_PLAIN_YEAR_MS = Date.UTC(10000, 0, 1);

/** "HH:MM:00.000Z" of each minute of a day, built once. */
let minuteOfDay: string[] | null = null;
const minutes = () => {
  minuteOfDay ??= Array.from({ length: DAY_MS / MINUTE_MS }, (_, m) =>
    new Date(m * MINUTE_MS).toISOString().slice(10),
  );
  return minuteOfDay;
};

/**
 * Formats instants as toISOString does. A downsampled series is whole minutes of a few
 * days: the date is formatted once per day and the time of day taken from a table, which is
 * what makes a 43,200-point answer cheap (toISOString itself costs about 0.5 µs a point).
 */
export function isoFormatter(): (ms: number) => string {
  const table = minutes();
  let day = Number.NaN;
  let date = '';
  return (ms) => {
    if (ms % MINUTE_MS !== 0 || ms < 0 || ms >= LAST_PLAIN_YEAR_MS)
      return new Date(ms).toISOString();
    const d = Math.floor(ms / DAY_MS);
    if (d !== day) {
      day = d;
      date = new Date(d * DAY_MS).toISOString().slice(0, 10);
    }
    return date + table[(ms - d * DAY_MS) / MINUTE_MS];
  };
}

/** JSON has no Infinity or NaN: an aggregate that is not a finite number is written as null. */
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The series as the telemetry read answers it, one string (a non-finite value as null). */
export function seriesJson(s: SeriesColumns): string {
  // appended piece by piece: V8 keeps the pieces as a rope and flattens it once when the
  // string is sent, measured faster than JSON.stringify of objects or an array join; a
  // finite number's template form is its JSON form
  const iso = isoFormatter();
  let json = `{"key":${JSON.stringify(s.key)},"unit":${JSON.stringify(s.unit)},"points":[`;
  for (let i = 0; i < s.ts.length; i++)
    json += `${i ? ',' : ''}{"ts":"${iso(s.ts[i])}","value":${finite(s.value[i])}}`;
  return `${json}]}`;
}

/** The same series as objects (callers inside the process). */
export function seriesPoints(s: SeriesColumns): Array<{ ts: string; value: number | null }> {
  const iso = isoFormatter();
  return s.ts.map((t, i) => ({ ts: iso(t), value: finite(s.value[i]) }));
}
