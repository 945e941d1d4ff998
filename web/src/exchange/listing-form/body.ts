// The form's values as the API's body: numbers parsed, roubles turned into whole kopecks,
// and only the fields that the side and the legal status use. Pure.
import { parseNumber, rubToKopecks } from '../../shell/numbers.ts';
import type { ListingCreateBody, ListingPatchBody } from '../api.ts';
import type { Taxonomy } from '../taxonomy.ts';
import { needsReach, pricesCoalByTonne, propertiesOf, type Values } from './values.ts';

/** What the form writes: the create body without the choices made once (side, holder, status). */
export type ListingFieldsBody = Omit<
  ListingCreateBody,
  'side' | 'organisationId' | 'status' | 'id'
>;

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/**
 * The body for the values. A number left empty is left out; one that is not a number is NaN
 * (validation refuses it before anything is sent); a missing quantity is NaN too.
 */
export function toBody(v: Values, tx: Taxonomy): ListingFieldsBody {
  const offer = v.side === 'offer';
  const n = (s: string) => parseNumber(s);
  const quality: NonNullable<ListingFieldsBody['quality']> = {};
  for (const k of propertiesOf(v, tx)) {
    const row = v.quality[k];
    if (!row) continue;
    if (offer) {
      const x = n(row.value);
      if (x !== undefined) quality[k] = x;
    } else {
      const lo = n(row.min);
      const hi = n(row.max);
      if (lo !== undefined || hi !== undefined) quality[k] = { min: lo, max: hi };
    }
  }
  const waste = offer && v.legalStatus === 'waste';
  const byProduct = offer && v.legalStatus === 'by_product';
  return {
    siteId: v.siteId,
    materialId: v.materialId || undefined,
    useId: v.useId || undefined,
    quantityPerYear: n(v.quantityPerYear) ?? Number.NaN,
    unit: v.unit,
    availableFrom: v.availableFrom,
    availableTo: v.availableTo,
    quality,
    disposalCostKopecksPerUnit: offer ? rubToKopecks(v.disposalCostKopecksPerUnit) : undefined,
    mustShipMin: offer ? n(v.mustShipMin) : undefined,
    priceKopecksPerUnit: offer ? undefined : rubToKopecks(v.priceKopecksPerUnit),
    mustTakeMin: offer ? undefined : n(v.mustTakeMin),
    counterfactual: offer ? v.counterfactual || undefined : undefined,
    supplierCostKopecksPerUnit: offer ? rubToKopecks(v.supplierCostKopecksPerUnit) : undefined,
    salePriceKopecksPerUnit: offer ? rubToKopecks(v.salePriceKopecksPerUnit) : undefined,
    substitute: offer ? undefined : v.substitute || undefined,
    priceCalorificKcalPerKg: pricesCoalByTonne(v) ? n(v.priceCalorificKcalPerKg) : undefined,
    // only an intermediary says so: an end user is the default
    endUse: offer || v.endUse ? undefined : false,
    transportModes: v.transportModes,
    maxDistanceKm: needsReach(v) || v.maxDistanceKm ? n(v.maxDistanceKm) : undefined,
    legalStatus: offer ? v.legalStatus || undefined : undefined,
    fkko: waste ? v.fkko || undefined : undefined,
    byProductOf: byProduct ? opt(v.byProductOf) : undefined,
    standard: byProduct ? opt(v.standard) : undefined,
    visibility: v.visibility,
    note: opt(v.note),
  };
}

/** Optional fields a patch removes with null (ListingPatch in src/exchange/schema.ts). */
const clearable = [
  'materialId',
  'useId',
  'disposalCostKopecksPerUnit',
  'mustShipMin',
  'priceKopecksPerUnit',
  'mustTakeMin',
  'counterfactual',
  'supplierCostKopecksPerUnit',
  'salePriceKopecksPerUnit',
  'substitute',
  'priceCalorificKcalPerKg',
  'endUse',
  'maxDistanceKm',
  'legalStatus',
  'byProductOf',
  'standard',
  'fkko',
  'note',
] as const satisfies ReadonlyArray<keyof ListingPatchBody & keyof ListingFieldsBody>;

/** The body as a patch: a field emptied in the form is removed, which the API takes as null. */
export function toPatch(body: ListingFieldsBody): ListingPatchBody {
  const patch: ListingPatchBody = { ...body };
  for (const k of clearable) if (body[k] === undefined) patch[k] = null;
  return patch;
}
