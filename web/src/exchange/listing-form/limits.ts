// The listing form's bounds, from the limits the server's schema is built from
// (src/exchange/limits.ts, plain data: no zod in the bundle). A unit test compares them with
// the schema's own, so the two cannot drift apart again.
import { listingLimits } from '../../../../src/exchange/limits.ts';

export const formLimits = {
  quantityPerYear: listingLimits.quantityPerYear,
  mustShipMin: listingLimits.quantityPerYear,
  mustTakeMin: listingLimits.quantityPerYear,
  /** the form takes roubles; the API kopecks */
  disposalRubPerUnit: listingLimits.kopecksPerUnit / 100,
  priceRubPerUnit: listingLimits.kopecksPerUnit / 100,
  maxDistanceKm: listingLimits.maxDistanceKm,
  priceCalorificKcalPerKg: listingLimits.calorificKcalPerKg.max,
  byProductOf: listingLimits.textLength,
  standard: listingLimits.textLength,
  note: listingLimits.noteLength,
} as const;
