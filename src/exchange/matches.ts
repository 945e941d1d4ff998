// Match proposals: each holder accepts or declines its side; once both accept, the match is
// agreed (journaled as match.agreed for deals) and anonymous holders are revealed to each other.
import { inTransaction } from '../journal/index.ts';
import {
  type Actor,
  actorRef,
  conflict,
  forbidden,
  isOperator,
  notFound,
  requireLogin,
  requireOrganisationRole,
} from '../model/index.ts';
import { agglomerationCentres, registryQueries as rq } from '../registry/index.ts';
import type { Reader, Tx } from '../store/index.ts';
import { agreedFrom } from './agreed.ts';
import { type ExchangeContext, record, today } from './context.ts';
import { maskFlow } from './engine/plan.ts';
import { type Holders, loadHolders } from './holders.ts';
import { messages as m } from './messages.ts';
import { findListings, findMatch, findMatches, updateMatch } from './repository.ts';
import type { ListingRecord, MatchProposal, MatchRecord, PlanFlow } from './schema.ts';
import { holderShown, revealedTo, statusOn } from './visibility.ts';

type Side = 'supply' | 'demand';

/** What a viewer needs to show matches: their listings, holders and the viewer's reveals. */
interface MatchContext {
  listings: Map<string, ListingRecord>;
  holders: Holders;
  revealed: ReadonlySet<string>;
}

async function matchContext(
  reader: Reader,
  actor: Actor,
  matches: readonly MatchRecord[],
): Promise<MatchContext> {
  const [listings, revealed] = await Promise.all([
    findListings(reader, { ids: matches.flatMap((x) => [x.supplyListingId, x.demandListingId]) }),
    revealedTo(reader, actor),
  ]);
  const byId = new Map(listings.map((l) => [l.id, l]));
  const shown = (listingId: string) => {
    const l = byId.get(listingId);
    return l ? holderShown(l, actor, revealed) : isOperator(actor);
  };
  const refs = matches.flatMap((x) =>
    (['supply', 'demand'] as const).map((s) => {
      const listingId = s === 'supply' ? x.supplyListingId : x.demandListingId;
      return {
        organisationId: shown(listingId)
          ? s === 'supply'
            ? x.supplyOrganisationId
            : x.demandOrganisationId
          : null,
        siteId: byId.get(listingId)?.siteId ?? null,
      };
    }),
  );
  return { listings: byId, holders: await loadHolders(reader, refs), revealed };
}

function matchView(x: MatchRecord, actor: Actor, ctx: MatchContext): MatchProposal {
  const shownSide = (listingId: string) => {
    const l = ctx.listings.get(listingId);
    return l ? holderShown(l, actor, ctx.revealed) : isOperator(actor);
  };
  const f = maskFlow(x.flow, shownSide(x.supplyListingId), shownSide(x.demandListingId));
  const side = (which: Side) => {
    const listingId = which === 'supply' ? x.supplyListingId : x.demandListingId;
    const orgId = which === 'supply' ? x.supplyOrganisationId : x.demandOrganisationId;
    const l = ctx.listings.get(listingId);
    const shown = shownSide(listingId);
    const site = l ? ctx.holders.site(l.siteId) : undefined;
    const agglomeration = site?.agglomeration ?? null;
    const centre = agglomeration ? agglomerationCentres[agglomeration] : null;
    return {
      listingId,
      material: l?.materialId ?? null,
      use: l?.useId ?? null,
      agglomeration,
      decision: which === 'supply' ? x.supplyDecision : x.demandDecision,
      decidedAt: which === 'supply' ? x.supplyDecidedAt : x.demandDecidedAt,
      organisationId: shown ? orgId : null,
      organisationName: shown ? ctx.holders.organisationName(orgId) : null,
      siteId: shown ? (l?.siteId ?? null) : null,
      lat: shown ? (site?.lat ?? null) : (centre?.lat ?? null),
      lon: shown ? (site?.lon ?? null) : (centre?.lon ?? null),
      approximate: !shown,
    };
  };
  const yourSides: Side[] = [];
  if (actor.organisationId === x.supplyOrganisationId) yourSides.push('supply');
  if (actor.organisationId === x.demandOrganisationId) yourSides.push('demand');
  return {
    id: x.id,
    planId: x.planId,
    status: x.status,
    supply: side('supply'),
    demand: side('demand'),
    yourSides,
    quantity: f.quantity,
    unit: f.unit,
    delivered: f.delivered,
    deliveredUnit: f.deliveredUnit,
    distanceKm: f.distanceKm,
    mode: f.mode,
    savingsKopecks: x.savingsKopecks,
    createdAt: x.createdAt,
  };
}

/** The caller's organisation's proposals (the operator: all). */
export async function listMatches(
  c: ExchangeContext,
  actor: Actor,
  filter: { planId?: string } = {},
): Promise<MatchProposal[]> {
  requireLogin(actor);
  if (!isOperator(actor) && !actor.organisationId) return [];
  const matches = await findMatches(c.store, {
    planId: filter.planId,
    organisationId: isOperator(actor) ? undefined : actor.organisationId!,
  });
  const ctx = await matchContext(c.store, actor, matches);
  return matches.map((x) => matchView(x, actor, ctx));
}

export async function getMatch(
  c: ExchangeContext,
  actor: Actor,
  id: string,
): Promise<MatchProposal> {
  requireLogin(actor);
  const x = await findMatch(c.store, id);
  if (
    !x ||
    (!isOperator(actor) &&
      actor.organisationId !== x.supplyOrganisationId &&
      actor.organisationId !== x.demandOrganisationId)
  )
    throw notFound(m.matchNotFound({ id }));
  return matchView(x, actor, await matchContext(c.store, actor, [x]));
}

/**
 * Agreed matches of one listing, over all saved plans, stay within its yearly quantity:
 * an offer ships at most what it has, a request receives at most what it asked for.
 */
async function requireRoom(
  tx: Tx,
  x: MatchRecord,
  listings: ReadonlyMap<string, ListingRecord>,
): Promise<void> {
  const checks = [
    { listing: x.supplyListingId, amount: (f: PlanFlow) => f.quantity, side: 'supply' as const },
    { listing: x.demandListingId, amount: (f: PlanFlow) => f.delivered, side: 'demand' as const },
  ];
  for (const check of checks) {
    const l = listings.get(check.listing);
    if (!l) continue;
    const agreed = await findMatches(tx, {
      status: 'accepted',
      ...(check.side === 'supply'
        ? { supplyListingId: check.listing }
        : { demandListingId: check.listing }),
    });
    const taken = agreed
      .filter((y) => y.id !== x.id)
      .reduce((sum, y) => sum + check.amount(y.flow), 0);
    const own = check.amount(x.flow);
    if (taken + own > l.quantityPerYear * (1 + 1e-9))
      throw conflict(
        m.quantityTaken({ listing: check.listing, limit: l.quantityPerYear, taken, own }),
      );
  }
}

/** Accepts or declines a proposal for the side(s) the caller's organisation holds. */
export async function decideMatch(
  c: ExchangeContext,
  actor: Actor,
  id: string,
  accept: boolean,
  input: { side?: Side } = {},
): Promise<MatchProposal> {
  requireLogin(actor);
  await inTransaction(c.store, async (tx) => {
    const x = await findMatch(tx, id);
    if (!x) throw notFound(m.matchNotFound({ id }));
    const orgOf = (s: Side) => (s === 'supply' ? x.supplyOrganisationId : x.demandOrganisationId);
    const decisionOf = (s: Side) => (s === 'supply' ? x.supplyDecision : x.demandDecision);
    const party =
      actor.organisationId === x.supplyOrganisationId ||
      actor.organisationId === x.demandOrganisationId;
    if (!party && !isOperator(actor)) throw forbidden(m.holdersDecide());
    // A party decides for the side(s) it holds; the operator for the side it names, or all pending.
    const sides: Side[] = input.side
      ? [input.side]
      : (['supply', 'demand'] as const).filter((s) =>
          party ? orgOf(s) === actor.organisationId : decisionOf(s) === 'pending',
        );
    for (const s of sides) requireOrganisationRole(actor, orgOf(s), 'member');
    if (x.status !== 'proposed') throw conflict(m.matchDecided({ id, status: x.status }));
    const listings = new Map(
      (await findListings(tx, { ids: [x.supplyListingId, x.demandListingId] })).map((l) => [
        l.id,
        l,
      ]),
    );
    if (accept) {
      for (const org of [x.supplyOrganisationId, x.demandOrganisationId]) {
        if ((await rq.findOrganisation(tx, org))?.status !== 'member')
          throw conflict(m.organisationLeft({ id: org }));
      }
      for (const listingId of [x.supplyListingId, x.demandListingId]) {
        const l = listings.get(listingId);
        const status = l ? statusOn(l, today(c)) : 'withdrawn';
        if (status !== 'active')
          throw conflict(m.listingNotLive({ listing: listingId, id, status }));
      }
    }
    for (const s of sides)
      if (decisionOf(s) !== 'pending')
        throw conflict(m.sideDecided({ side: s, id, decision: decisionOf(s) }));
    const now = c.clock().toISOString();
    const decision = accept ? 'accepted' : 'declined';
    const next: MatchRecord = { ...x };
    for (const s of sides) {
      if (s === 'supply')
        Object.assign(next, {
          supplyDecision: decision,
          supplyDecidedAt: now,
          supplyDecidedBy: actorRef(actor),
        });
      else
        Object.assign(next, {
          demandDecision: decision,
          demandDecidedAt: now,
          demandDecidedBy: actorRef(actor),
        });
    }
    next.status = !accept
      ? 'declined'
      : next.supplyDecision === 'accepted' && next.demandDecision === 'accepted'
        ? 'accepted'
        : 'proposed';
    if (next.status === 'accepted') await requireRoom(tx, x, listings);
    await updateMatch(tx, next);
    const organisationId = actor.organisationId ?? orgOf(sides[0]);
    await record(tx, c, actor, organisationId, accept ? 'match.accepted' : 'match.declined', next);
    // Both sides have accepted: deals start a deal from this event (one per agreed match).
    if (next.status === 'accepted')
      await record(tx, c, actor, organisationId, 'match.agreed', agreedFrom(next));
  });
  return getMatch(c, actor, id);
}
