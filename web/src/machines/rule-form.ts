// The alarm-rules form's logic, pure: a rule as the form holds it, a readable default id for
// a new rule (from its key and kind, so nobody has to invent a Latin slug), and the checks the
// form makes before it sends the set (each problem named per field, as the server names them).
import { parseNumber } from '../shell/numbers.ts';
import type { AlarmRuleSetting } from './api.ts';

export type Kind = AlarmRuleSetting['kind'];
export type NumberField = 'min' | 'max' | 'hysteresis' | 'perMinute' | 'minutes';
/** A rule as the form holds it: numbers as typed; `autoId`: the id follows key and kind. */
export type Row = Omit<AlarmRuleSetting, NumberField> &
  Record<NumberField, string> & { autoId: boolean };

export const fieldsOf: Record<Kind, NumberField[]> = {
  threshold: ['min', 'max', 'hysteresis'],
  rate: ['perMinute'],
  'no-data': ['minutes'],
};

/** The API's shape of a rule id. */
export const RULE_ID = /^[a-z][a-z0-9-]{0,39}$/;

const kindWord: Record<Kind, string> = { threshold: 'limit', rate: 'rate', 'no-data': 'silence' };

/**
 * A rule id from its key and kind (`ash_pct`, threshold → `ash-pct-limit`), of the API's shape,
 * and not one of `taken` (then `-2`, `-3`…).
 */
export function defaultRuleId(key: string, kind: Kind, taken: Iterable<string>): string {
  const used = new Set(taken);
  let stem = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  stem = `${stem || 'rule'}-${kindWord[kind]}`.slice(0, 36).replace(/-+$/, '');
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** The row's boxes that hold numbers. */
export const ruleNumberBoxes: readonly NumberField[] = [
  'min',
  'max',
  'hysteresis',
  'perMinute',
  'minutes',
];

/** A rule as the form holds it: its numbers as text with the page's decimal mark («1,5»). */
export const toRow = (r: AlarmRuleSetting, autoId = false, decimalMark: ',' | '.' = '.'): Row => {
  const text = (n: number | undefined) =>
    n === undefined ? '' : String(n).replace('.', decimalMark);
  return {
    ...r,
    min: text(r.min),
    max: text(r.max),
    hysteresis: text(r.hysteresis),
    perMinute: text(r.perMinute),
    minutes: text(r.minutes),
    autoId,
  };
};

/**
 * Whether a row may be set relative to the plant's target: a threshold of a key a plant sets
 * a target for (`targetKeys`: limits.ts targetKeysOf of the profile), as the server checks.
 */
export const mayBeRelative = (r: Pick<Row, 'kind' | 'key'>, targetKeys: readonly string[]) =>
  r.kind === 'threshold' && targetKeys.includes(r.key);

/** A new rule of the set: the profile's first key, a threshold, its id made up. */
export function newRow(rows: readonly Row[], key: string): Row {
  const id = defaultRuleId(
    key,
    'threshold',
    rows.map((r) => r.id),
  );
  return toRow({ id, key, kind: 'threshold', severity: 'warning', enabled: true }, true);
}

/** A row changed: while its id was made up, the id follows its key and kind. */
export function patchRow(rows: readonly Row[], i: number, patch: Partial<Row>): Row[] {
  return rows.map((r, j) => {
    if (j !== i) return r;
    const next = { ...r, ...patch };
    if ('id' in patch) next.autoId = false;
    else if (next.autoId && ('key' in patch || 'kind' in patch))
      next.id = defaultRuleId(
        next.key,
        next.kind,
        rows.filter((_, k) => k !== i).map((x) => x.id),
      );
    return next;
  });
}

/**
 * A row as the API takes it: a threshold relative to the plant's target keeps saying so, while
 * its key has a target (`targetKeys`); moved to another key, it is absolute again.
 */
export const fromRow = (r: Row, targetKeys: readonly string[]) => ({
  id: r.id.trim(),
  key: r.key,
  kind: r.kind,
  severity: r.severity,
  enabled: r.enabled,
  ...Object.fromEntries(fieldsOf[r.kind].map((f) => [f, parseNumber(r[f])])),
  ...(mayBeRelative(r, targetKeys) && r.relativeTo === 'target'
    ? { relativeTo: 'target' as const }
    : {}),
});

/** A problem's words: a key of the machines dictionary. */
export type RuleProblem =
  | 'rule:idNeeded'
  | 'rule:idShape'
  | 'rule:idTaken'
  | 'rule:keyNeeded'
  | 'rule:notNumber'
  | 'rule:limitNeeded'
  | 'rule:maxAboveMin'
  | 'rule:perMinuteNeeded'
  | 'rule:minutesNeeded';

/**
 * What is wrong in the rows, by the server's field names (`rules.0.id`); empty: send them.
 * The server checks the rest (ranges, the hysteresis).
 */
export function checkRules(rows: readonly Row[]): Record<string, RuleProblem> {
  const out: Record<string, RuleProblem> = {};
  // a code twice is flagged on both rules: the one just edited may be either
  const uses = new Map<string, number>();
  for (const r of rows) uses.set(r.id.trim(), (uses.get(r.id.trim()) ?? 0) + 1);
  rows.forEach((r, i) => {
    const at = (f: string, p: RuleProblem) => {
      out[`rules.${i}.${f}`] ??= p;
    };
    const id = r.id.trim();
    if (!id) at('id', 'rule:idNeeded');
    else if (!RULE_ID.test(id)) at('id', 'rule:idShape');
    else if ((uses.get(id) ?? 0) > 1) at('id', 'rule:idTaken');
    if (!r.key) at('key', 'rule:keyNeeded');
    for (const f of fieldsOf[r.kind]) {
      const v = parseNumber(r[f]);
      if (v !== undefined && !Number.isFinite(v)) at(f, 'rule:notNumber');
    }
    const min = parseNumber(r.min);
    const max = parseNumber(r.max);
    if (r.kind === 'threshold') {
      if (min === undefined && max === undefined) at('max', 'rule:limitNeeded');
      else if (min !== undefined && max !== undefined && max <= min) at('max', 'rule:maxAboveMin');
    }
    if (r.kind === 'rate' && parseNumber(r.perMinute) === undefined)
      at('perMinute', 'rule:perMinuteNeeded');
    if (r.kind === 'no-data' && parseNumber(r.minutes) === undefined)
      at('minutes', 'rule:minutesNeeded');
  });
  return out;
}

// the profiles' units as Russian writes them (the profiles give the international ones)
const ruUnits: Record<string, string> = {
  't/h': 'т/ч',
  t: 'т',
  'kg/m³': 'кг/м³',
  mm: 'мм',
  'm³/h': 'м³/ч',
  kW: 'кВт',
};

/** A telemetry key as people read it: «Зольность Ad, %» / "Ash Ad, %". */
export function keyWords(
  k: { label: string; labelEn: string; unit: string },
  locale: 'ru' | 'en',
): string {
  const unit = locale === 'ru' ? (ruUnits[k.unit] ?? k.unit) : k.unit;
  return `${locale === 'ru' ? k.label : k.labelEn}, ${unit}`;
}

/**
 * A profile's unit to print after a number: in the page's language, a word joiner after its
 * slash («кг/⁠м³» does not break at the slash, as the rest of the app writes units).
 */
export function unitWords(unit: string, locale: 'ru' | 'en'): string {
  return (locale === 'ru' ? (ruUnits[unit] ?? unit) : unit).replace(/\//g, '/\u2060');
}

/** A number with its unit, never broken between them: «1,4 %», «1 429,1 кг/⁠м³». */
export const withUnit = (value: string, unit: string) => (unit ? `${value}\u00a0${unit}` : value);

/** An alarm rule's limits as the alarm list says them, with the reading's unit. */
export interface RuleLimits {
  kind: Kind;
  min?: number;
  max?: number;
  perMinute?: number;
  minutes?: number;
}

/**
 * A rule's condition in words with its unit: «Метан выше 1 %», «Плотность суспензии вне
 * 1 430…1 470 кг/⁠м³». `words` are the shell's alarm phrases, `num` the page's number format.
 */
export function conditionWords(
  r: RuleLimits,
  key: string,
  unit: string,
  num: (x: number) => string,
  words: (
    phrase: 'above' | 'below' | 'outside' | 'rate' | 'silence',
    v: Record<string, string>,
  ) => string,
): string {
  const n = (x: number | undefined) => (x === undefined ? '—' : num(x));
  if (r.kind === 'rate') return words('rate', { key, rate: withUnit(n(r.perMinute), unit) });
  if (r.kind === 'no-data') return words('silence', { key, n: n(r.minutes) });
  if (r.min !== undefined && r.max !== undefined)
    return words('outside', { key, min: n(r.min), max: withUnit(n(r.max), unit) });
  if (r.max !== undefined) return words('above', { key, max: withUnit(n(r.max), unit) });
  return words('below', { key, min: withUnit(n(r.min), unit) });
}
