// The exchange's calls: listings, the plan and the match proposals. Paths and bodies are
// typed by api-types.ts, generated from the server's schemas.
import { answer, client, compact, type Query, type RequestBody } from '../shell/api.ts';

const path = (id: string) => ({ params: { path: { id } } });

export type ListingQuery = Query<'/api/v1/listings', 'get'>;
export type ListingCreateBody = RequestBody<'/api/v1/listings', 'post'>;
export type ListingPatchBody = RequestBody<'/api/v1/listings/{id}', 'patch'>;
export type PlanRequestBody = RequestBody<'/api/v1/exchange/plan', 'post'>;

export const exchangeApi = {
  listings: (query: ListingQuery = {}) =>
    answer(client.GET('/api/v1/listings', { params: { query: compact(query) } })),
  listing: (id: string) => answer(client.GET('/api/v1/listings/{id}', path(id))),
  createListing: (body: ListingCreateBody) => answer(client.POST('/api/v1/listings', { body })),
  patchListing: (id: string, body: ListingPatchBody) =>
    answer(client.PATCH('/api/v1/listings/{id}', { ...path(id), body })),
  publish: (id: string) => answer(client.POST('/api/v1/listings/{id}/publish', path(id))),
  withdraw: (id: string) => answer(client.POST('/api/v1/listings/{id}/withdraw', path(id))),

  /** the plan over the live listings, not saved */
  plan: (body: PlanRequestBody) => answer(client.POST('/api/v1/exchange/plan', { body })),
  /** plan and save: each flow becomes a match proposal */
  savePlan: (body: PlanRequestBody) => answer(client.POST('/api/v1/exchange/plans', { body })),

  matches: () => answer(client.GET('/api/v1/matches')),
  accept: (id: string) =>
    answer(client.POST('/api/v1/matches/{id}/accept', { ...path(id), body: {} })),
  decline: (id: string) =>
    answer(client.POST('/api/v1/matches/{id}/decline', { ...path(id), body: {} })),
  /** the caller's deals opened from matches: an agreed match leads to the deal it opened */
  dealsFromMatches: () =>
    answer(client.GET('/api/v1/deals', { params: { query: { fromMatch: 'true' } } })),
};
