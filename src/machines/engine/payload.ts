// The exact rules of a telemetry message, pure: a payload (parsed JSON, or the text itself)
// either becomes points ready to store, or is refused as a whole with the first reason
// found and the field it names (a value beyond its key's limits among them). Nothing of a
// refused message is stored.
import type { FieldProblem, Message } from '../../model/index.ts';
import { messages as m } from '../messages.ts';
import { type DeviceProfile, MAX_MESSAGE_ID, MAX_POINTS_PER_MESSAGE } from '../schema.ts';

/** One accepted message: its id, its time in ms since the epoch, and its values by key. */
export interface ParsedPoint {
  id: string;
  ts: number;
  values: Array<[string, number]>;
}

export type Parsed =
  | { ok: true; points: ParsedPoint[]; repeatedInMessage: number }
  | { ok: false; reason: Message; problem: FieldProblem };

/** A device's clock may run this far ahead of the server's. */
export const FUTURE_MINUTES = 10;

const rfc3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// as Date.UTC counts them: a two-digit year is 1900 + it
const daysInMonth = (year: number, month: number) => {
  const y = year < 100 ? 1900 + year : year;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return month === 2 && leap ? 29 : monthDays[month - 1];
};

/** Milliseconds since the epoch of an RFC 3339 time with a zone, or null. */
export function parseRfc3339(text: string): number | null {
  const x = rfc3339.exec(text);
  if (!x) return null;
  // a batch holds 1,000 of these: no arrays or dates made per call
  const y = +x[1];
  const mo = +x[2];
  const d = +x[3];
  const h = +x[4];
  const mi = +x[5];
  const s = +x[6];
  // before the Unix epoch an instrument's clock is unset (and Date.UTC reads 0002 as 1902)
  if (y < 1970) return null;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return null;
  if (d > daysInMonth(y, mo)) return null; // 30 February
  const ms = x[7] ? Math.floor(Number(x[7]) * 1000) : 0;
  let t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) + ms;
  if (x[9]) {
    const oh = Number(x[10]);
    const om = Number(x[11]);
    if (oh > 23 || om > 59) return null;
    t -= (x[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return Number.isFinite(t) ? t : null;
}

// printable: no C0/C1 controls, no DEL
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const unprintable = /[\u0000-\u001f\u007f-\u009f]/;

const refuse = (field: string, message: Message): Parsed => ({
  ok: false,
  reason: message,
  problem: { field, message },
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks one message against a profile at `now` (ms): a single point `{ id, ts, values }` or
 * `{ points: [...] }` (with `device` when it comes by HTTP). A repeated id inside the message
 * keeps its first point (counted in `repeatedInMessage`).
 */
export function parsePayload(payload: unknown, profile: DeviceProfile, now: number): Parsed {
  let body = payload;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    try {
      body = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
    } catch {
      return refuse('(body)', m.notJson());
    }
  }
  if (!isObject(body)) return refuse('(body)', m.notObject());
  let list: unknown[];
  let prefix: string;
  if ('points' in body) {
    if (!Array.isArray(body.points) || body.points.length === 0)
      return refuse('points', m.noPoints({ max: MAX_POINTS_PER_MESSAGE }));
    if (body.points.length > MAX_POINTS_PER_MESSAGE)
      return refuse(
        'points',
        m.tooManyPoints({ max: MAX_POINTS_PER_MESSAGE, count: body.points.length }),
      );
    list = body.points;
    prefix = 'points.';
  } else {
    list = [body];
    prefix = '';
  }
  const keys = new Map(profile.keys.map((k) => [k.key, k]));
  const oldest = now - profile.retentionDays * 86_400_000;
  const newest = now + FUTURE_MINUTES * 60_000;
  const points: ParsedPoint[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    const at = prefix ? `${prefix}${i}.` : '';
    if (!isObject(p)) return refuse(prefix ? `${prefix}${i}` : '(body)', m.notObject());
    const id = p.id;
    if (
      typeof id !== 'string' ||
      id.length === 0 ||
      id.length > MAX_MESSAGE_ID ||
      unprintable.test(id)
    )
      return refuse(`${at}id`, m.badId({ max: MAX_MESSAGE_ID }));
    const ts = typeof p.ts === 'string' ? parseRfc3339(p.ts) : null;
    if (ts === null) return refuse(`${at}ts`, m.badTs());
    if (ts < oldest) return refuse(`${at}ts`, m.tooOld({ days: profile.retentionDays }));
    if (ts > newest) return refuse(`${at}ts`, m.inFuture({ minutes: FUTURE_MINUTES }));
    if (!isObject(p.values)) return refuse(`${at}values`, m.noValues());
    const values: Array<[string, number]> = [];
    for (const [key, value] of Object.entries(p.values)) {
      const k = keys.get(key);
      if (!k) return refuse(`${at}values.${key}`, m.unknownKey({ profile: profile.id, key }));
      if (typeof value !== 'number' || !Number.isFinite(value))
        return refuse(`${at}values.${key}`, m.notFinite());
      // beyond what the instrument can read: a fault or a forgery, never a measurement
      if (value < k.limitMin || value > k.limitMax)
        return refuse(
          `${at}values.${key}`,
          m.beyondLimits({ min: k.limitMin, max: k.limitMax, unit: k.unit, profile: profile.id }),
        );
      values.push([key, value]);
    }
    if (values.length === 0) return refuse(`${at}values`, m.noValues());
    if (seen.has(id)) {
      repeated++;
      continue;
    }
    seen.add(id);
    points.push({ id, ts, values });
  }
  return { ok: true, points, repeatedInMessage: repeated };
}
