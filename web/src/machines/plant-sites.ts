// Which of an organisation's sites the Plant page offers: those whose kind can host a
// concentration plant (a plant's own site, a mine's or an open pit's industrial site), and
// any site whose plant is described — never a dump, a slime pond, an office or a campus
// without one. The kinds are the server's rule (src/machines/limits.ts), so the page offers
// no site the server would refuse.
import { plantSiteKinds } from '../../../src/machines/limits.ts';

/** The sites to offer on the Plant page, in the organisation's order. */
export function plantSites<S extends { id: string; kind: string }>(
  sites: readonly S[],
  plants: readonly { siteId: string }[],
): S[] {
  const described = new Set(plants.map((p) => p.siteId));
  return sites.filter((s) => plantSiteKinds.includes(s.kind) || described.has(s.id));
}
