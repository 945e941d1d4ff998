// The exchange's public surface: what the shell and other modules may call.
export {
  buildCandidates,
  type CandidateLink,
  type CandidateListing,
  cheapestMode,
  defaultTransport,
  type TransportAssumptions,
} from './candidates.ts';
export { compatibilityTable, fitOf } from './compatibility.ts';
export { computeImpact, defaultEmissionFactors, type EmissionFactors } from './impact.ts';
export { computePlan, maskPlan, type PlanListing } from './plan.ts';
export { perturb, robustness } from './robustness.ts';
export { ExchangeService } from './service.ts';
export { mulberry32 } from './solve/random.ts';
