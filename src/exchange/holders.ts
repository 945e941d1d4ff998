// The registry data a read shows beside listings — holder names and sites — loaded for the
// rows at hand, by their ids.
import type { Site } from '../registry/index.ts';
import { registryQueries as rq } from '../registry/index.ts';
import type { Reader } from '../store/index.ts';

export interface Holders {
  organisationName(id: string): string | null;
  /** the English name, when the registry has one */
  organisationNameEn(id: string): string | null;
  site(id: string): Site | undefined;
}

/** `organisationId` null: the holder is not shown, so its name is not needed. */
export async function loadHolders(
  reader: Reader,
  refs: ReadonlyArray<{ organisationId: string | null; siteId: string | null }>,
): Promise<Holders> {
  const orgIds = [...new Set(refs.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))];
  const siteIds = [...new Set(refs.flatMap((r) => (r.siteId ? [r.siteId] : [])))];
  const wanted = new Set(orgIds);
  const [organisations, sites] = await Promise.all([
    orgIds.length ? rq.findOrganisations(reader) : Promise.resolve([]),
    rq.findSitesById(reader, siteIds),
  ]);
  const names = new Map(organisations.filter((o) => wanted.has(o.id)).map((o) => [o.id, o]));
  const byId = new Map(sites.map((s) => [s.id, s]));
  return {
    organisationName: (id) => names.get(id)?.name ?? null,
    organisationNameEn: (id) => names.get(id)?.nameEn ?? null,
    site: (id) => byId.get(id),
  };
}
