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

/**
 * The kinds of organisation that run coal concentration plants: their Plant page opens with the
 * plant's form. Others (a cement works, a power station) are offered it behind a button, so
 * their devices and shared data are not below a coal plant's form they have no use for.
 */
const coalPlantKinds: readonly string[] = ['open_pit', 'underground_mine', 'preparation_plant'];

export const runsCoalPlants = (organisationKind: string | undefined) =>
  organisationKind !== undefined && coalPlantKinds.includes(organisationKind);
