// Alarm rules, pure: when a rule's condition starts holding an alarm is raised, when it stops
// holding the alarm is cleared. Three kinds:
//   threshold  a value below `min` or above `max` (either may be absent); with `hysteresis`
//              an open alarm clears only at `max − hysteresis` or below (`min +` above), so a
//              value hovering at the limit does not raise it again and again
//   rate       the change between consecutive points of the key faster than `perMinute`
//              (absolute value, units per minute); points at the same time are not compared
//   no-data    no point of the key for `minutes` (raised by a timer; cleared by a point)
// The walk over a message's points, in time order, gives the transitions one by one, so
// a spike and its return inside one batch raise and clear an alarm.

export type AlarmCondition =
  | { kind: 'threshold'; min?: number; max?: number; hysteresis?: number }
  | { kind: 'rate'; perMinute: number }
  | { kind: 'no-data'; minutes: number };

export type AlarmRule = AlarmCondition & {
  /** unique within its profile */
  id: string;
  key: string;
  severity: 'warning' | 'critical';
};

export interface TimedValue {
  ts: number;
  value: number;
}

export interface Transition {
  to: 'active' | 'cleared';
  ts: number;
  /** the value that raised or cleared it (null: no data) */
  value: number | null;
}

/** Whether a threshold is broken by `value`. */
export const outOfBounds = (rule: { min?: number; max?: number }, value: number) =>
  (rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max);

/**
 * The transitions of a threshold or rate rule over new points of its key, given whether an
 * alarm of the rule is open and the key's point before these (for the rate).
 */
export function walkPoints(
  rule: AlarmRule,
  open: boolean,
  previous: TimedValue | null,
  points: readonly TimedValue[],
): Transition[] {
  const sorted = [...points].sort((a, b) => a.ts - b.ts || a.value - b.value);
  const out: Transition[] = [];
  let prev = previous;
  let isOpen = open;
  for (const p of sorted) {
    let holds: boolean | null = null;
    if (rule.kind === 'threshold') {
      const h = isOpen ? (rule.hysteresis ?? 0) : 0;
      holds = outOfBounds(
        {
          min: rule.min === undefined ? undefined : rule.min + h,
          max: rule.max === undefined ? undefined : rule.max - h,
        },
        p.value,
      );
    } else if (rule.kind === 'rate') {
      if (prev && p.ts > prev.ts)
        holds = Math.abs(p.value - prev.value) / ((p.ts - prev.ts) / 60_000) > rule.perMinute;
    } else holds = false; // a point of the key ends a no-data alarm
    prev = p;
    if (holds === null || holds === isOpen) continue;
    isOpen = holds;
    out.push({ to: holds ? 'active' : 'cleared', ts: p.ts, value: p.value });
  }
  return out;
}

/** Whether a no-data rule's silence has lasted long enough, given the key's latest point. */
export function silent(
  rule: { minutes: number },
  lastTs: number | null,
  since: number,
  now: number,
): boolean {
  return now - (lastTs ?? since) >= rule.minutes * 60_000;
}
