// A listing's terms: what a counterparty weighs when it accepts or declines a proposal. A
// declined pair stays declined while both listings keep the terms it was declined on. Pure.
import type { ListingRecord } from '../schema.ts';

/**
 * The fields that make a listing's terms. Why these: a decline is a judgement of the offer as
 * it stood — what is traded (material, use, unit), how much and when (quantity, minimum,
 * window), at what quality, at what money (price and the calorific value it refers to, disposal cost, own cost, sale price, what happens to it today, what it
 * replaces, whether the taker is an end user) and how it moves (site,
 * transport modes, reach). A change of any of them can change the answer, so the pair may be
 * proposed again. Not terms: visibility, legal paperwork (FKKO, standard, by-product of),
 * provenance and notes — they change how the listing is shown or filed, not the bargain.
 */
export const termFields = [
  'side',
  'materialId',
  'useId',
  'unit',
  'quantityPerYear',
  'mustShipMin',
  'mustTakeMin',
  'availableFrom',
  'availableTo',
  'quality',
  'priceKopecksPerUnit',
  'priceCalorificKcalPerKg',
  'disposalCostKopecksPerUnit',
  'counterfactual',
  'supplierCostKopecksPerUnit',
  'salePriceKopecksPerUnit',
  'substitute',
  'endUse',
  'siteId',
  'transportModes',
  'maxDistanceKm',
] as const satisfies ReadonlyArray<keyof ListingRecord>;

export type ListingTerms = Partial<Pick<ListingRecord, (typeof termFields)[number]>>;

/** A value with object keys sorted and absent fields dropped, so equal terms read the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** The listing's terms alone. Transport modes are a set: their order is not a term. */
export function termsOf(l: ListingTerms): ListingTerms {
  const out: Record<string, unknown> = {};
  for (const k of termFields) if (l[k] !== undefined && l[k] !== null) out[k] = l[k];
  if (Array.isArray(out.transportModes)) out.transportModes = [...out.transportModes].sort();
  return out as ListingTerms;
}

/**
 * A listing's terms as one canonical JSON text, stored with each proposal: equal terms give
 * the same text (readable in the journal, unlike a hash, and no crypto in a pure engine).
 */
export function termsKey(l: ListingTerms): string {
  return JSON.stringify(canonical(termsOf(l)));
}

/** Whether a change from `before` to `after` touches the listing's terms. */
export function termsChanged(before: ListingTerms, after: ListingTerms): boolean {
  return termsKey(before) !== termsKey(after);
}

/**
 * Whether a declined pair may be proposed again: only when one of its listings' terms differ
 * from those it was declined on. A decline stored before terms were recorded (key null)
 * stays remembered while the listing has not been changed since the decision.
 */
export function declineStillHolds(
  declined: { termsKey: string | null; decidedAt: string },
  listing: ListingTerms & { updatedAt: string },
): boolean {
  if (declined.termsKey === null) return listing.updatedAt <= declined.decidedAt;
  return declined.termsKey === termsKey(listing);
}
