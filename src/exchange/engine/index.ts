// The exchange's pure engines: candidates, the allocation engine, impact, plans, robustness.
export {
  buildCandidates,
  type CandidateLink,
  type CandidateListing,
  type CandidateMaterial,
  cheapestMode,
  defaultTransport,
  type Route,
  routeOf,
  type TransportAssumptions,
} from './candidates.ts';
export { compatibilityTable, fitOf } from './compatibility.ts';
export { computeImpact, defaultEmissionFactors, type EmissionFactors } from './impact.ts';
export { computePlan, maskEnd, maskFlow, maskPlan, type PlanListing } from './plan.ts';
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
