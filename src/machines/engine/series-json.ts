// A telemetry series written as JSON by hand, pure. A 30-day minute read is 43,200 points:
// building 43,200 objects, formatting each time with Date#toISOString and serialising them
// through the response schema cost more than reading the rows. The series stays in two
// columns (times, values) until it is one string, equal to JSON.stringify of
// { key, unit, points: [{ ts, value }] } with ts as RFC 3339 UTC (toISOString's form).

const DAY_MS = 86_400_000;
const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const pad3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** A series as columns: ts[i] (ms since the epoch) has value[i]. */
export interface SeriesColumns {
  key: string;
  unit: string;
  ts: number[];
  value: number[];
}

/**
 * Formats instants as toISOString does, the day's prefix reused while the day lasts (a
 * series is in time order, so it changes once a day).
 */
export function isoFormatter(): (ms: number) => string {
  let day = Number.NaN;
  let prefix = '';
  return (ms) => {
    const d = Math.floor(ms / DAY_MS) * DAY_MS;
    if (d !== day) {
      const full = new Date(d).toISOString();
      prefix = full.slice(0, full.indexOf('T') + 1);
      day = d;
    }
    let r = ms - d;
    const h = Math.floor(r / 3_600_000);
    r -= h * 3_600_000;
    const m = Math.floor(r / 60_000);
    r -= m * 60_000;
    const s = Math.floor(r / 1000);
    return `${prefix}${pad2[h]}:${pad2[m]}:${pad2[s]}.${pad3[r - s * 1000]}Z`;
  };
}

/** The series as the telemetry read answers it, one string. Values must be finite. */
export function seriesJson(s: SeriesColumns): string {
  const iso = isoFormatter();
  const parts: string[] = new Array(s.ts.length);
  // String(x) of a finite number is JSON's form of it (-0 included: "0")
  for (let i = 0; i < s.ts.length; i++)
    parts[i] = `{"ts":"${iso(s.ts[i])}","value":${String(s.value[i])}}`;
  return `{"key":${JSON.stringify(s.key)},"unit":${JSON.stringify(s.unit)},"points":[${parts.join(',')}]}`;
}

/** The same series as objects (callers inside the process). */
export function seriesPoints(s: SeriesColumns): Array<{ ts: string; value: number }> {
  const iso = isoFormatter();
  return s.ts.map((t, i) => ({ ts: iso(t), value: s.value[i] }));
}
