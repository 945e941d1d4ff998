// Alarm rules, pure: when a rule's condition starts holding an alarm is raised, when it stops
// holding the alarm is cleared. Three kinds:
//   threshold  a value below `min` or above `max` (either may be absent); with `hysteresis`
//              an open alarm clears only at `max − hysteresis` or below (`min +` above), so a
//              value hovering at the limit does not raise it again and again. With
//              `relativeTo: 'target'` min and max are offsets from a target the device's
//              plant sets for the key (ash 10 % + 1.5 → 11.5 %): resolveRule turns it into an
//              absolute rule, which keeps the target it was resolved from; without a target
//              the rule raises nothing
//   rate       the change between consecutive points of the key faster than `perMinute`
//              (absolute value, units per minute); points at the same time are not compared
//   no-data    no point of the key for `minutes` (raised by a timer; cleared by a point)
// The walk over a message's points, in time order, gives the transitions one by one, so
// a spike and its return inside one batch raise and clear an alarm.

export type AlarmCondition =
  | {
      kind: 'threshold';
      min?: number;
      max?: number;
      hysteresis?: number;
      /** 'target': min and max are offsets from the plant's target of the key */
      relativeTo?: 'target';
      /** of a resolved rule: the target its (absolute) min and max were offset from */
      target?: number;
    }
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

// a target plus an offset without binary noise (10.3 + 1.5 is 11.8, not 11.799999999999999)
const plus = (a: number, b: number) => Math.round((a + b) * 1e9) / 1e9;

/**
 * The rule as evaluated: a threshold relative to the target made absolute against `target`
 * (null: no target, the rule is not evaluated); any other rule as it is.
 */
export function resolveRule(rule: AlarmRule, target: number | null): AlarmRule | null {
  if (rule.kind !== 'threshold' || rule.relativeTo !== 'target') return rule;
  if (target === null || !Number.isFinite(target)) return null;
  const { relativeTo: _, min, max, hysteresis, ...rest } = rule;
  return {
    ...rest,
    ...(min === undefined ? {} : { min: plus(target, min) }),
    ...(max === undefined ? {} : { max: plus(target, max) }),
    ...(hysteresis === undefined ? {} : { hysteresis }),
    target,
  };
}

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
  // a rule relative to a target is evaluated only once resolved (resolveRule)
  if (rule.kind === 'threshold' && rule.relativeTo) return [];
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

/** A rule as an organisation sets it: on or off. */
export type RuleSetting = AlarmRule & { enabled: boolean };

/** The longest silence a no-data rule may wait for: a week. */
export const MAX_SILENCE_MINUTES = 10_080;

export type RuleProblemCode =
  | 'duplicateId'
  | 'unknownKey'
  | 'noLimit'
  | 'minNotBelowMax'
  | 'badHysteresis'
  | 'perMinuteNotPositive'
  | 'minutesOutOfRange'
  | 'noTarget';

/** What is wrong with a set of rules: each problem names the rule's index and its field. */
export interface RuleProblem {
  index: number;
  field: string;
  code: RuleProblemCode;
}

/** A rule with only the fields of its kind (a form may send the others empty or stale). */
export function normaliseRule(r: {
  id: string;
  key: string;
  severity: 'warning' | 'critical';
  kind: 'threshold' | 'rate' | 'no-data';
  enabled?: boolean;
  min?: number;
  max?: number;
  hysteresis?: number;
  relativeTo?: 'target';
  perMinute?: number;
  minutes?: number;
}): RuleSetting {
  const base = { id: r.id, key: r.key, severity: r.severity, enabled: r.enabled ?? true };
  if (r.kind === 'rate') return { ...base, kind: 'rate', perMinute: r.perMinute ?? Number.NaN };
  if (r.kind === 'no-data') return { ...base, kind: 'no-data', minutes: r.minutes ?? Number.NaN };
  return {
    ...base,
    kind: 'threshold',
    ...(r.min === undefined ? {} : { min: r.min }),
    ...(r.max === undefined ? {} : { max: r.max }),
    ...(r.hysteresis === undefined ? {} : { hysteresis: r.hysteresis }),
    ...(r.relativeTo === 'target' ? { relativeTo: 'target' as const } : {}),
  };
}

/**
 * The problems of a rule set for a profile with `keys`: ids unique, keys of the profile, a
 * threshold with a limit (min below max), a hysteresis from 0 to less than the band, a rate
 * above 0 per minute, a silence of 1 to MAX_SILENCE_MINUTES whole minutes; a threshold relative
 * to the target only of a key in `targetKeys` (those a plant sets a target for).
 */
export function checkRules(
  rules: readonly RuleSetting[],
  keys: readonly string[],
  targetKeys: readonly string[] = [],
) {
  const out: RuleProblem[] = [];
  const seen = new Set<string>();
  rules.forEach((r, index) => {
    const problem = (field: string, code: RuleProblemCode) => out.push({ index, field, code });
    if (seen.has(r.id)) problem('id', 'duplicateId');
    seen.add(r.id);
    if (!keys.includes(r.key)) problem('key', 'unknownKey');
    if (r.kind === 'threshold') {
      if (r.min === undefined && r.max === undefined) problem('max', 'noLimit');
      if (r.min !== undefined && r.max !== undefined && !(r.min < r.max))
        problem('max', 'minNotBelowMax');
      const band = r.min !== undefined && r.max !== undefined ? r.max - r.min : Infinity;
      if (r.hysteresis !== undefined && !(r.hysteresis >= 0 && r.hysteresis < band))
        problem('hysteresis', 'badHysteresis');
      if (r.relativeTo === 'target' && !targetKeys.includes(r.key))
        problem('relativeTo', 'noTarget');
    } else if (r.kind === 'rate') {
      if (!(r.perMinute > 0)) problem('perMinute', 'perMinuteNotPositive');
    } else if (!(Number.isInteger(r.minutes) && r.minutes >= 1 && r.minutes <= MAX_SILENCE_MINUTES))
      problem('minutes', 'minutesOutOfRange');
  });
  return out;
}

/** The rules that are on, as the evaluation reads them. */
export const rulesInForce = (set: readonly RuleSetting[]): AlarmRule[] =>
  set.filter((r) => r.enabled).map(({ enabled: _, ...rule }) => rule);
