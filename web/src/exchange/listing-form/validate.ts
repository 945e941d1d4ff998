// The listing form's checks before sending. The rules of a listing are the server's own: its
// zod schema (ListingInput), loaded lazily, words them by code in the user's language, as the
// server would. The form adds only what the schema cannot know: text that is not a number,
// required boxes left empty, and the taxonomy (a use the material serves, its FKKO codes). Pure.

import {
  inQualityRange,
  type QualityRange,
  qualityRangeOf,
} from '../../../../src/exchange/limits.ts';
import {
  problemIssues as byField,
  type Issue as GenericIssue,
  type Issues as GenericIssues,
  type SchemaCheck,
  withSchemaProblems,
} from '../../shell/issues.ts';
import { parseNumber } from '../../shell/numbers.ts';
import type { exchangeDict } from '../dict.ts';
import type { Taxonomy } from '../taxonomy.ts';
import { toBody } from './body.ts';
import { blankQuality, propertiesOf, type Values } from './values.ts';

type ExchangeKey = keyof (typeof exchangeDict)['ru'];

/** A field's problem: a key of the form's dictionary, or a message the schema or server worded. */
export type Issue = GenericIssue<ExchangeKey>;
export type Issues = GenericIssues<ExchangeKey>;

/** The form field that shows a path's problem: a limit's (`quality.ash.max`) shows on its row. */
export function formField(path: string): string {
  const [first, second] = path.split('.');
  return first === 'quality' && second ? `quality.${second}` : first;
}

/** The words of a quality value out of its property's range (the server's, limits.ts). */
const qualityRangeKey: Record<QualityRange, ExchangeKey> = {
  share: 'errQualityShare',
  temperature: 'errQualityTemperature',
  heatKcal: 'errQualityHeatKcal',
  heatMj: 'errQualityHeatMj',
  measure: 'errQualityMeasure',
};

const isBad = (s: string) => Number.isNaN(parseNumber(s));

/** The form's own checks: what a person typed, before any rule of a listing. */
function formIssues(
  v: Values,
  tx: Taxonomy,
  body: ReturnType<typeof toBody>,
  today?: string,
): Issues {
  const e: Issues = {};
  const offer = v.side === 'offer';
  const material = tx.material(v.materialId);
  const required = (k: keyof Values) => {
    if (typeof v[k] === 'string' && !(v[k] as string).trim()) e[k] = { key: 'errRequired' };
  };
  required('organisationId');
  required('siteId');
  required('quantityPerYear');
  required('availableFrom');
  required('availableTo');
  // ISO days compare as text; the server checks again against the cluster's day
  if (today && v.availableTo && v.availableTo < today)
    e.availableTo = { key: 'errEndsBeforeToday' };
  const numbers: Array<keyof Values> = offer
    ? [
        'quantityPerYear',
        'disposalCostKopecksPerUnit',
        'supplierCostKopecksPerUnit',
        'salePriceKopecksPerUnit',
        'mustShipMin',
        'maxDistanceKm',
      ]
    : ['quantityPerYear', 'priceKopecksPerUnit', 'mustTakeMin', 'maxDistanceKm'];
  for (const k of numbers) {
    const n = body[k as keyof typeof body];
    if (typeof n === 'number' && Number.isNaN(n) && !e[k]) e[k] = { key: 'errNumber' };
  }
  for (const k of propertiesOf(v, tx)) {
    const row = v.quality[k] ?? blankQuality;
    const parts = offer ? [row.value] : [row.min, row.max];
    const unit = tx.property(k)?.unit;
    if (parts.some(isBad)) e[`quality.${k}`] = { key: 'errNumber' };
    else if (parts.some((s) => s.trim() !== '' && !inQualityRange(unit, parseNumber(s) ?? 0)))
      e[`quality.${k}`] = { key: qualityRangeKey[qualityRangeOf(unit)] };
  }
  if (v.transportModes.length === 0) e.transportModes = { key: 'errModes' };
  if (material && v.useId && !material.uses.includes(v.useId))
    e.useId = { key: 'errUseOfMaterial' };
  if (body.fkko && material?.fkko.length && !material.fkko.includes(body.fkko))
    e.fkko = { key: 'errFkkoMaterial', params: { codes: material.fkko.join(', ') } };
  return e;
}

/**
 * Every problem of the values, by form field. `check` is the server's schema (absent while it
 * loads, or if it failed to: the server then says the same after submitting). `today` (the
 * cluster's, YYYY-MM-DD) when the window's end is being set: a new listing, or a changed end.
 */
export function validate(v: Values, tx: Taxonomy, check?: SchemaCheck, today?: string): Issues {
  const body = toBody(v, tx);
  const issues = formIssues(v, tx, body, today);
  if (!check) return issues;
  const full = {
    ...body,
    side: v.side,
    organisationId: v.organisationId || undefined,
    status: 'draft',
  };
  // the form's own word on a field (empty, not a number) explains it best
  return withSchemaProblems(issues, check(full), formField);
}

/** A server's refusal by form field: its fields' messages come worded in the user's language. */
export const problemIssues = (
  errors: ReadonlyArray<{ field?: string; code?: string; message: string }>,
): Issues => byField<ExchangeKey>(errors, formField);
