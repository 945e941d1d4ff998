// Pure: what a flow changes against today — the baseline rules every money and CO2 credit of
// a plan comes from. An offer says what happens to its material today (its counterfactual), a
// request what the delivered material replaces (its substitute) and whether it is the end
// user. Credits follow from those alone:
// - avoided disposal only for a material landfilled, dumped or stored today at a cost;
// - a material sold (or used internally) today forgoes its price: the exchange moves a sale,
//   it saves nothing by itself, and the material already displaces its substitute elsewhere,
//   so it earns no CO2 credit;
// - avoided methane only for a gas vented today (sold or flared gas was never vented);
// - a substitute's CO2 credit once, at the end user: an intermediary earns none.
import type { Counterfactual, Substitute } from '../schema.ts';

export interface OfferBaseline {
  counterfactual?: Counterfactual;
  disposalCostKopecksPerUnit?: number;
  supplierCostKopecksPerUnit?: number;
  salePriceKopecksPerUnit?: number;
}

export interface RequestBaseline {
  substitute?: Substitute;
  endUse?: boolean;
}

/** What happens to an offer today; not stated: landfilled if it has a disposal cost. */
export function counterfactualOf(o: OfferBaseline): Counterfactual {
  if (o.counterfactual) return o.counterfactual;
  return (o.disposalCostKopecksPerUnit ?? 0) > 0 ? 'landfilled' : 'not_stated';
}

const disposed = new Set<Counterfactual>(['landfilled', 'dumped', 'stored']);
const alreadyUsed = new Set<Counterfactual>(['sold', 'used_internally']);

/** Kopecks per shipped unit the holder no longer pays to dispose of it. */
export function avoidedDisposalPerUnit(o: OfferBaseline): number {
  return disposed.has(counterfactualOf(o)) ? (o.disposalCostKopecksPerUnit ?? 0) : 0;
}

/** Kopecks per shipped unit the holder gives up: the sale (or own use) it has today. */
export function forgoneSalePerUnit(o: OfferBaseline): number {
  return alreadyUsed.has(counterfactualOf(o)) ? (o.salePriceKopecksPerUnit ?? 0) : 0;
}

/** Kopecks per shipped unit the holder spends to supply it through the exchange. */
export const supplierCostPerUnit = (o: OfferBaseline): number => o.supplierCostKopecksPerUnit ?? 0;

/**
 * The supply side of the net benefit per shipped unit, in kopecks: avoided disposal − own
 * cost − forgone sale (may be negative; the engine takes it as the supply's disposal cost).
 */
export function supplyMarginPerUnit(o: OfferBaseline): number {
  return avoidedDisposalPerUnit(o) - supplierCostPerUnit(o) - forgoneSalePerUnit(o);
}

/** Kopecks per shipped unit that change hands: a marketable product's listed price. */
export const tradePricePerUnit = (o: OfferBaseline): number => o.salePriceKopecksPerUnit ?? 0;

/** Whether a methane credit applies: only a gas vented today. */
export const ventingAvoided = (o: OfferBaseline): boolean => counterfactualOf(o) === 'vented';

/**
 * The substitute whose avoided emissions the flow earns, or null: none at an intermediary
 * (endUse false, or substitute `resale`), none when nothing is replaced or it is not stated,
 * and none for a material already sold or used today (it displaces its substitute anyway).
 */
export function creditedSubstitute(o: OfferBaseline, r: RequestBaseline): Substitute | null {
  if (r.endUse === false) return null;
  if (!r.substitute || r.substitute === 'none' || r.substitute === 'resale') return null;
  if (alreadyUsed.has(counterfactualOf(o))) return null;
  return r.substitute;
}

/** Whether a request is an end user (not an intermediary that resells). */
export const isEndUse = (r: RequestBaseline): boolean =>
  r.endUse !== false && r.substitute !== 'resale';
