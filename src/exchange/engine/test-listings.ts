// Listings for tests of plans: one holder and site each, in Kemerovo, by road, for 2026.
import type { PlanListing } from './plan.ts';

export const kem = { lat: 55.3911, lon: 86.0468 };
/** a few km from `kem` */
export const near = { lat: 55.4, lon: 86.1 };

export const listing = (
  over: Partial<PlanListing> & Pick<PlanListing, 'id' | 'side'>,
): PlanListing => ({
  unit: 't',
  quantityPerYear: 1000,
  availableFrom: '2026-01-01',
  availableTo: '2026-12-31',
  quality: {},
  transportModes: ['road'],
  ...kem,
  organisationId: `org-${over.id}`,
  organisationName: `Org ${over.id}`,
  siteId: `site-${over.id}`,
  agglomeration: 'kemerovo',
  ...over,
});
