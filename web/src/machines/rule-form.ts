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

export const toRow = (r: AlarmRuleSetting, autoId = false): Row => ({
  ...r,
  min: r.min?.toString() ?? '',
  max: r.max?.toString() ?? '',
  hysteresis: r.hysteresis?.toString() ?? '',
  perMinute: r.perMinute?.toString() ?? '',
  minutes: r.minutes?.toString() ?? '',
  autoId,
});

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

/** A row as the API takes it: a threshold relative to the plant's target keeps saying so. */
export const fromRow = (r: Row) => ({
  id: r.id.trim(),
  key: r.key,
  kind: r.kind,
  severity: r.severity,
  enabled: r.enabled,
  ...Object.fromEntries(fieldsOf[r.kind].map((f) => [f, parseNumber(r[f])])),
  ...(r.kind === 'threshold' && r.relativeTo === 'target' ? { relativeTo: 'target' as const } : {}),
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
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const at = (f: string, p: RuleProblem) => {
      out[`rules.${i}.${f}`] ??= p;
    };
    const id = r.id.trim();
    if (!id) at('id', 'rule:idNeeded');
    else if (!RULE_ID.test(id)) at('id', 'rule:idShape');
    else if (seen.has(id)) at('id', 'rule:idTaken');
    seen.add(id);
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
