// The participants list's filters: kept in the page's address and sent to
// GET /api/v1/organisations. Members are shown unless the address says otherwise. Pure.
import type { Query } from '../shell/api.ts';
import {
  agglomerations,
  isOneOf,
  membershipRoles,
  organisationKinds,
  organisationStatuses,
} from '../shell/vocabulary.ts';

export const filterKeys = ['q', 'kind', 'region', 'agglomeration', 'role', 'status'] as const;
export type Filters = Record<(typeof filterKeys)[number], string>;

/** The default: current members, nothing else chosen. `status: 'all'` is «any status». */
export const memberFilters: Filters = {
  q: '',
  kind: '',
  region: '',
  agglomeration: '',
  role: '',
  status: 'member',
};

export function filtersFrom(query: URLSearchParams): Filters {
  const f = { ...memberFilters };
  for (const k of filterKeys) f[k] = query.get(k) ?? memberFilters[k];
  return f;
}

/** The address's query: the default status is left out, «any status» is written as `all`. */
export function addressQuery(f: Filters): Record<string, string> {
  return { ...f, status: f.status === 'member' ? '' : f.status || 'all' };
}

/** The API's query; values it does not know (a hand-edited address) are left out. */
export function organisationQuery(f: Filters): Query<'/api/v1/organisations', 'get'> {
  const q: Query<'/api/v1/organisations', 'get'> = {};
  if (f.q.trim()) q.q = f.q.trim();
  if (f.region) q.region = f.region;
  if (isOneOf(organisationKinds, f.kind)) q.kind = f.kind;
  if (isOneOf(agglomerations, f.agglomeration)) q.agglomeration = f.agglomeration;
  if (isOneOf(membershipRoles, f.role)) q.role = f.role;
  if (isOneOf(organisationStatuses, f.status)) q.status = f.status;
  return q;
}
