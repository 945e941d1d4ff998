// Agreed matches — both holders accepted — as other modules read them (deals starts a deal
// from each): plain records with both listings, both holders, the goods and the money.
import type { Reader } from '../store/index.ts';
import { substituteFactorOf } from './engine/index.ts';
import { findMatch, findMatches } from './repository.ts';
import type { AgreedMatch, MatchRecord } from './schema.ts';

/** An accepted match as an agreement; its figures are those of the flow both sides accepted. */
export function agreedFrom(x: MatchRecord): AgreedMatch {
  const f = x.flow;
  const decided = [x.supplyDecidedAt, x.demandDecidedAt].filter((t): t is string => t !== null);
  return {
    id: x.id,
    planId: x.planId,
    agreedAt: decided.sort().at(-1) ?? x.createdAt,
    supply: {
      listingId: x.supplyListingId,
      organisationId: x.supplyOrganisationId,
      siteId: f.from.siteId,
    },
    demand: {
      listingId: x.demandListingId,
      organisationId: x.demandOrganisationId,
      siteId: f.to.siteId,
    },
    material: f.material,
    demandMaterial: f.demandMaterial,
    demandUse: f.demandUse,
    quantity: f.quantity,
    unit: f.unit,
    delivered: f.delivered,
    deliveredUnit: f.deliveredUnit,
    valueFactor: f.valueFactor,
    ...(f.valueBasis ? { substituteFactor: substituteFactorOf(f.valueBasis) } : {}),
    distanceKm: f.distanceKm,
    mode: f.mode,
    approximate: f.approximate,
    valueKopecks: f.valueKopecks,
    avoidedDisposalKopecks: f.avoidedDisposalKopecks,
    transportKopecks: f.transportKopecks,
    transportKopecksPerUnit: f.transportKopecksPerUnit,
    savingsKopecks: x.savingsKopecks,
  };
}

/**
 * The agreed matches, in the order they were proposed: of one organisation (either side), and
 * agreed at or after `since` (an ISO instant) when given.
 */
export async function agreedMatches(
  reader: Reader,
  filter: { organisationId?: string; since?: string } = {},
): Promise<AgreedMatch[]> {
  const rows = await findMatches(reader, {
    status: 'accepted',
    organisationId: filter.organisationId,
    decidedSince: filter.since,
  });
  return rows
    .map(agreedFrom)
    .filter((a) => filter.since === undefined || a.agreedAt >= filter.since);
}

/** One agreed match, or undefined when there is none by that id or it is not agreed. */
export async function agreedMatch(reader: Reader, id: string): Promise<AgreedMatch | undefined> {
  const x = await findMatch(reader, id);
  return x?.status === 'accepted' ? agreedFrom(x) : undefined;
}
