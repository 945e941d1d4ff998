// Pure: which live listings the planner can take. A listing stored under older or looser
// limits (a database upgraded from a release that allowed 10^9 units at 10^6 RUB, or a row
// edited by hand) can carry figures beyond the engine's exact range; it is left out of the
// plan with a warning, so that one member's listing never breaks the plan for everyone.
import { greatCircleKm } from '../../registry/engine/index.ts';
import { listingLimits } from '../limits.ts';
import { warnings as w, warningData } from '../messages.ts';
import type { PlanWarning } from '../schema.ts';
import { type CandidateListing, costPerUnitOver, type TransportAssumptions } from './candidates.ts';

/** The dearest transport of one unit anywhere on Earth, in kopecks: half the globe by the dearest mode. */
export function maxTransportKopecksPerUnit(transport: TransportAssumptions) {
  const farthestKm = greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 });
  // A table's rail distance is far shorter than half the globe × circuity; the tariff grows with km.
  const perUnit = Object.values(transport).map((a) => costPerUnitOver(a, farthestKm * a.circuity));
  return Math.ceil(Math.max(...perUnit) * 100);
}

/**
 * Most a plan's listings may weigh together (see `weightKopecks`): every sum of money a plan
 * reports (objective, baseline, plan cost, transport) is at most twice their weight, and must
 * stay an exact integer of kopecks.
 */
export const PLAN_WEIGHT_KOPECKS = Math.floor(Number.MAX_SAFE_INTEGER / 2);

/** A listing's yearly money at most: its own (disposal cost or price × quantity), plus for an offer the dearest transport of its quantity. */
function weightKopecks(l: CandidateListing, transportPerUnit: number): number {
  const money =
    (l.disposalCostKopecksPerUnit ?? 0) +
    (l.priceKopecksPerUnit ?? 0) +
    (l.supplierCostKopecksPerUnit ?? 0) +
    (l.salePriceKopecksPerUnit ?? 0);
  return l.quantityPerYear * (money + (l.side === 'offer' ? transportPerUnit : 0));
}

/**
 * Keeps the listings the planner computes exactly.
 *
 * 1. Each within the limits a listing is entered with today (ListingInput): at most 10^8
 *    units a year, at most 10^7 kopecks per unit. Within them every candidate link stays well
 *    inside the engine's exact range (validate.ts MAX_MAGNITUDE, 10^15 RUB): a link's
 *    margin × flow is at most the request's yearly value (10^13 RUB) + the offer's disposal
 *    cost (10^13 RUB) + its transport (half the globe by road for 10^8 units, 1.7·10^13 RUB).
 * 2. Together within PLAN_WEIGHT_KOPECKS, so the plan's sums stay exact: past it, the heaviest
 *    listings are left out (a handful of listings at the maxima; no real cluster comes near).
 */
export function screenListings<L extends CandidateListing>(
  listings: readonly L[],
  transport: TransportAssumptions,
): { kept: L[]; warnings: PlanWarning[] } {
  const inRange: L[] = [];
  const warnings: PlanWarning[] = [];
  for (const l of listings) {
    const beyond = (field: string, value: number, limit: number) =>
      warnings.push(warningData(w.listingBeyondRange({ id: l.id, field, value, limit })));
    const before = warnings.length;
    const quantities = {
      quantityPerYear: l.quantityPerYear,
      mustShipMin: l.mustShipMin ?? 0,
      mustTakeMin: l.mustTakeMin ?? 0,
    };
    for (const [field, value] of Object.entries(quantities))
      if (!(Number.isFinite(value) && value <= listingLimits.quantityPerYear))
        beyond(field, value, listingLimits.quantityPerYear);
    const money = {
      disposalCostKopecksPerUnit: l.disposalCostKopecksPerUnit ?? 0,
      priceKopecksPerUnit: l.priceKopecksPerUnit ?? 0,
      supplierCostKopecksPerUnit: l.supplierCostKopecksPerUnit ?? 0,
      salePriceKopecksPerUnit: l.salePriceKopecksPerUnit ?? 0,
    };
    for (const [field, value] of Object.entries(money))
      if (!(Number.isSafeInteger(value) && Math.abs(value) <= listingLimits.kopecksPerUnit))
        beyond(field, value, listingLimits.kopecksPerUnit);
    if (warnings.length === before) inRange.push(l);
  }
  const perUnit = maxTransportKopecksPerUnit(transport);
  const lightestFirst = inRange
    .map((l) => ({ l, weight: weightKopecks(l, perUnit) }))
    .sort((a, b) => a.weight - b.weight || (a.l.id < b.l.id ? -1 : 1));
  const keep = new Set<string>();
  let total = 0;
  for (const { l, weight } of lightestFirst) {
    if (total + weight <= PLAN_WEIGHT_KOPECKS) {
      total += weight;
      keep.add(l.id);
    } else warnings.push(warningData(w.listingBeyondPlanTotal({ id: l.id })));
  }
  return { kept: inRange.filter((l) => keep.has(l.id)), warnings };
}
