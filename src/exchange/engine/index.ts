// The exchange's pure engines: candidates, the allocation engine, impact, plans, robustness.
export {
  avoidedDisposalPerUnit,
  counterfactualOf,
  creditedSubstitute,
  forgoneSalePerUnit,
  isEndUse,
  type OfferBaseline,
  type RequestBaseline,
  supplierCostPerUnit,
  tradePricePerUnit,
} from './baseline.ts';
export {
  buildCandidates,
  type CandidateLink,
  type CandidateListing,
  type CandidateMaterial,
  cheapestMode,
  costPerUnitOver,
  type ModeAssumption,
  type Route,
  routeOf,
  substituteFactorOf,
  type TransportAssumptions,
  transportFrom,
  type Valuation,
  type ValueBasis,
  valuationFrom,
  valueBasisOf,
  valueFactorOf,
} from './candidates.ts';
export { compatibilityFrom, fitOf, generalRules } from './compatibility.ts';
export {
  FactorEntry,
  FactorOverrides,
  FactorTable,
  factor,
  group,
  unknownFactorKeys,
  withOverrides,
} from './factors.ts';
export {
  computeImpact,
  type EmissionFactors,
  emissionFactorsFrom,
  flowEmissions,
  type ImpactFlow,
  netBenefitKopecks,
} from './impact.ts';
export { computePlan, factorsUsed, maskEnd, maskFlow, maskPlan, type PlanListing } from './plan.ts';
export {
  k1,
  n8RubPerWagon,
  nearestStation,
  RailNetwork,
  type RailTariff,
  railRoute,
  railRubPerT,
  railTariffFrom,
  stationKm,
} from './rail.ts';
export { perturb, robustness } from './robustness.ts';
export * from './solve/index.ts';
export { mulberry32 } from './solve/random.ts';
export {
  declineStillHolds,
  type ListingTerms,
  termFields,
  termsChanged,
  termsKey,
  termsOf,
} from './terms.ts';
export {
  referencePoint,
  regionalCentres,
  type ViewerListing,
  viewerFigures,
  viewerImpact,
} from './viewer.ts';
