// The marketplace's filters: kept in the page's address (#/marketplace?side=offer) and sent
// to GET /api/v1/listings. Pure, so the mapping is tested without a browser.
import { agglomerations, isOneOf, listingSides, listingStatuses } from '../shell/vocabulary.ts';
import type { ListingQuery } from './api.ts';

export const filterKeys = [
  'material',
  'use',
  'fkko',
  'agglomeration',
  'side',
  'status',
  'mine',
  'organisation',
] as const;
export type Filters = Record<(typeof filterKeys)[number], string>;

export const noFilters: Filters = {
  material: '',
  use: '',
  fkko: '',
  agglomeration: '',
  side: '',
  status: '',
  mine: '',
  organisation: '',
};

/** The filters an address's query names; anything else is left at «any». */
export function filtersFrom(query: URLSearchParams): Filters {
  const f = { ...noFilters };
  for (const k of filterKeys) f[k] = query.get(k) ?? '';
  return f;
}

/**
 * The API's query for the filters: a value the API does not know (a hand-edited address)
 * is left out rather than sent to be refused; «mine» stands for the user's organisation.
 */
export function listingQuery(f: Filters, myOrganisation: string | undefined): ListingQuery {
  const q: ListingQuery = {};
  if (f.material) q.material = f.material;
  if (f.use) q.use = f.use;
  if (f.fkko.trim()) q.fkko = f.fkko.trim();
  if (isOneOf(agglomerations, f.agglomeration)) q.agglomeration = f.agglomeration;
  if (isOneOf(listingSides, f.side)) q.side = f.side;
  if (isOneOf(listingStatuses, f.status)) q.status = f.status;
  const organisation = f.mine && myOrganisation ? myOrganisation : f.organisation;
  if (organisation) q.organisation = organisation;
  return q;
}
