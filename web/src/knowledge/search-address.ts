// The knowledge search kept in the page's address (#/knowledge?q=зола&type=asset): Back and a
// shared link bring the same search back. Pure, so the mapping is tested without a browser.
import { SEARCH_QUERY_MAX } from '../../../src/knowledge/limits.ts';
import { isOneOf } from '../shell/vocabulary.ts';
import type { SearchQuery } from './api.ts';
import { assetTypes } from './publish.ts';

export const recordTypes = ['asset', 'profile', 'project'] as const;

/**
 * The search an address names; a value the API does not know (a hand-edited address) is left
 * out rather than sent to be refused.
 */
export function searchFrom(address: URLSearchParams): SearchQuery {
  const q: SearchQuery = { q: (address.get('q') ?? '').slice(0, SEARCH_QUERY_MAX) };
  const type = address.get('type') ?? '';
  if (isOneOf(recordTypes, type)) q.type = type;
  const assetType = address.get('assetType') ?? '';
  if (isOneOf(assetTypes, assetType)) q.assetType = assetType;
  const trl = Number(address.get('trlMin'));
  if (Number.isInteger(trl) && trl >= 1 && trl <= 9) q.trlMin = trl;
  const organisation = address.get('organisation');
  if (organisation) q.organisationId = organisation;
  return q;
}

/** The address's query for a search: only what is set. */
export function addressOf(q: SearchQuery): Record<string, string> {
  return {
    q: q.q ?? '',
    type: q.type ?? '',
    assetType: q.assetType ?? '',
    trlMin: q.trlMin === undefined ? '' : String(q.trlMin),
    organisation: q.organisationId ?? '',
  };
}
