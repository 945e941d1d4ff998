// The registry data a read shows beside listings — holder names and sites — loaded for the
// rows at hand: by id when there is one, otherwise in one read each.
import type { Site } from '../registry/index.ts';
import { registryQueries as rq } from '../registry/index.ts';
import type { Reader } from '../store/index.ts';

export interface Holders {
  organisationName(id: string): string | null;
  site(id: string): Site | undefined;
}

/** `organisationId` null: the holder is not shown, so its name is not needed. */
export async function loadHolders(
  reader: Reader,
  refs: ReadonlyArray<{ organisationId: string | null; siteId: string | null }>,
): Promise<Holders> {
  const orgIds = [...new Set(refs.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))];
  const siteIds = [...new Set(refs.flatMap((r) => (r.siteId ? [r.siteId] : [])))];
  const [names, sites] = await Promise.all([
    orgIds.length === 0
      ? new Map<string, string>()
      : orgIds.length === 1
        ? rq.findOrganisation(reader, orgIds[0]).then((o) => new Map(o ? [[o.id, o.name]] : []))
        : rq.findOrganisations(reader).then((os) => new Map(os.map((o) => [o.id, o.name]))),
    siteIds.length === 0
      ? []
      : siteIds.length === 1
        ? rq.findSite(reader, siteIds[0]).then((s) => (s ? [s] : []))
        : rq.findSites(reader),
  ]);
  const byId = new Map(sites.map((s) => [s.id, s]));
  return {
    organisationName: (id) => names.get(id) ?? null,
    site: (id) => byId.get(id),
  };
}
