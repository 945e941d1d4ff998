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
import { type Organisation, registryQueries as rq } from '../registry/index.ts';
import type { Reader, Tx } from '../store/index.ts';
import { agreedFrom } from './agreed.ts';
import { type ExchangeContext, record, today } from './context.ts';
import { maskFlow } from './engine/plan.ts';
import { type Holders, loadHolders } from './holders.ts';
import { messages as m } from './messages.ts';
import { viewerOptions } from './reference.ts';
import { findListings, findMatch, findMatches, updateMatch } from './repository.ts';
import type {
  ListingRecord,
  MatchClosedReason,
  MatchCounterparty,
  MatchInbox,
  MatchProposal,
  MatchRecord,
  PlanFlow,
} from './schema.ts';
import { holderShown, revealedTo, statusOn } from './visibility.ts';

type Side = 'supply' | 'demand';

/** What a viewer needs to show matches: their listings, holders and the viewer's reveals. */
interface MatchContext {
  listings: Map<string, ListingRecord>;
  holders: Holders;
  revealed: ReadonlySet<string>;
  /** per listing the viewer may read it of: what its agreed matches take a year */
  agreedTaken: ReadonlyMap<string, number>;
  /** the organisations of agreed matches, by id: each side's contact once both accepted */
  agreedParties: ReadonlyMap<string, Organisation>;
  /** their admins to write to, by organisation */
  agreedContacts: ReadonlyMap<string, { name: string; email: string } | null>;
}

/** What a match takes of its side's listing: shipped from an offer, received by a request. */
export const amountOn = (side: Side, f: PlanFlow) => (side === 'supply' ? f.quantity : f.delivered);
const listingOf = (x: MatchRecord, side: Side) =>
  side === 'supply' ? x.supplyListingId : x.demandListingId;
/** More than the listing's yearly quantity (with room for rounding). */
export const beyond = (amount: number, l: ListingRecord) => amount > l.quantityPerYear * (1 + 1e-9);

/** The viewer holds this side (the operator holds every side for reading). */
const holds = (x: MatchRecord, side: Side, actor: Actor) =>
  isOperator(actor) ||
  actor.organisationId === (side === 'supply' ? x.supplyOrganisationId : x.demandOrganisationId);

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
  // What each of the viewer's own listings has agreed: its remaining quantity. Another party's
  // agreements are its own business, so they are never summed here.
  const own = new Set(
    matches.flatMap((x) =>
      (['supply', 'demand'] as const)
        .filter((s) => holds(x, s, actor))
        .map((s) => (s === 'supply' ? x.supplyListingId : x.demandListingId)),
    ),
  );
  const agreed = own.size
    ? await findMatches(reader, {
        status: 'accepted',
        organisationId: isOperator(actor) ? undefined : actor.organisationId!,
      })
    : [];
  const agreedTaken = new Map<string, number>();
  for (const y of agreed)
    for (const s of ['supply', 'demand'] as const) {
      const listingId = s === 'supply' ? y.supplyListingId : y.demandListingId;
      if (own.has(listingId))
        agreedTaken.set(listingId, (agreedTaken.get(listingId) ?? 0) + amountOn(s, y.flow));
    }
  const partyIds = new Set(
    matches
      .filter((x) => x.status === 'accepted')
      .flatMap((x) => [x.supplyOrganisationId, x.demandOrganisationId]),
  );
  const parties = partyIds.size
    ? (await rq.findOrganisations(reader)).filter((o) => partyIds.has(o.id))
    : [];
  return {
    listings: byId,
    holders: await loadHolders(reader, refs),
    revealed,
    agreedTaken,
    agreedParties: new Map(parties.map((o) => [o.id, o])),
    agreedContacts: new Map(
      await Promise.all(
        parties.map(async (o) => [o.id, await rq.organisationContact(reader, o.id)] as const),
      ),
    ),
  };
}

/** The other side of an agreed match as the registry publishes it (the operator: the buyer). */
function counterpartyOf(x: MatchRecord, actor: Actor, ctx: MatchContext): MatchCounterparty | null {
  if (x.status !== 'accepted') return null;
  const otherId =
    actor.organisationId === x.supplyOrganisationId
      ? x.demandOrganisationId
      : x.supplyOrganisationId;
  const o = ctx.agreedParties.get(otherId);
  if (!o) return null;
  return {
    organisationId: o.id,
    name: o.name,
    nameEn: o.nameEn ?? null,
    inn: o.inn,
    website: o.website ?? null,
    region: o.region,
    contactName: ctx.agreedContacts.get(o.id)?.name ?? null,
    contactEmail: ctx.agreedContacts.get(o.id)?.email ?? null,
  };
}

function matchView(x: MatchRecord, actor: Actor, ctx: MatchContext): MatchProposal {
  const shownSide = (listingId: string) => {
    const l = ctx.listings.get(listingId);
    return l ? holderShown(l, actor, ctx.revealed) : isOperator(actor);
  };
  // A hidden holder's figures (distance, mode, savings) from its agglomeration centre.
  const f = maskFlow(
    x.flow,
    shownSide(x.supplyListingId),
    shownSide(x.demandListingId),
    { offer: ctx.listings.get(x.supplyListingId), request: ctx.listings.get(x.demandListingId) },
    viewerOptions(),
  );
  const side = (which: Side) => {
    const listingId = which === 'supply' ? x.supplyListingId : x.demandListingId;
    const orgId = which === 'supply' ? x.supplyOrganisationId : x.demandOrganisationId;
    const l = ctx.listings.get(listingId);
    const shown = shownSide(listingId);
    const site = l ? ctx.holders.site(l.siteId) : undefined;
    const agglomeration = site?.agglomeration ?? null;
    // where the figures put a hidden holder (the flow's end as masked)
    const centre = which === 'supply' ? f.from : f.to;
    return {
      listingId,
      material: l?.materialId ?? null,
      use: l?.useId ?? null,
      agglomeration,
      decision: which === 'supply' ? x.supplyDecision : x.demandDecision,
      decidedAt: which === 'supply' ? x.supplyDecidedAt : x.demandDecidedAt,
      organisationId: shown ? orgId : null,
      organisationName: shown ? ctx.holders.organisationName(orgId) : null,
      organisationNameEn: shown ? ctx.holders.organisationNameEn(orgId) : null,
      siteId: shown ? (l?.siteId ?? null) : null,
      lat: shown ? (site?.lat ?? null) : centre.lat,
      lon: shown ? (site?.lon ?? null) : centre.lon,
      approximate: !shown,
      quantityPerYear: l && holds(x, which, actor) ? l.quantityPerYear : null,
      remaining:
        l && holds(x, which, actor)
          ? Math.max(0, l.quantityPerYear - (ctx.agreedTaken.get(listingId) ?? 0))
          : null,
    };
  };
  const yourSides: Side[] = [];
  if (actor.organisationId === x.supplyOrganisationId) yourSides.push('supply');
  if (actor.organisationId === x.demandOrganisationId) yourSides.push('demand');
  return {
    id: x.id,
    planId: x.planId,
    status: x.status,
    closedReason: x.closedReason ?? null,
    closedAt: x.closedAt ?? null,
    closedSide: x.closedSide ?? null,
    supply: side('supply'),
    demand: side('demand'),
    yourSides,
    quantity: f.quantity,
    unit: f.unit,
    delivered: f.delivered,
    deliveredUnit: f.deliveredUnit,
    distanceKm: f.distanceKm,
    mode: f.mode,
    savingsKopecks: f.savingsKopecks,
    createdAt: x.createdAt,
    counterparty: counterpartyOf(x, actor, ctx),
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

/** A side the caller's organisation holds has not decided yet on this open proposal. */
const awaits = (x: MatchRecord, organisationId: string) =>
  x.status === 'proposed' &&
  ((x.supplyOrganisationId === organisationId && x.supplyDecision === 'pending') ||
    (x.demandOrganisationId === organisationId && x.demandDecision === 'pending'));

/** How many proposals wait for the caller's organisation (the operator holds no side: 0). */
export async function matchInbox(c: ExchangeContext, actor: Actor): Promise<MatchInbox> {
  requireLogin(actor);
  const org = actor.organisationId;
  if (!org) return { awaitingYou: 0 };
  const open = await findMatches(c.store, { organisationId: org, status: 'proposed' });
  return { awaitingYou: open.filter((x) => awaits(x, org)).length };
}

/**
 * Closes the open proposals of a listing that was withdrawn or whose terms changed, each with
 * its journal event (`match.closed`, the full new record): they were made on terms that no
 * longer hold. Agreed matches stay agreed: both sides have committed.
 */
export async function closeOpenMatches(
  tx: Tx,
  c: ExchangeContext,
  actor: Actor,
  listing: ListingRecord,
  reason: MatchClosedReason,
): Promise<void> {
  const now = c.clock().toISOString();
  for (const x of await findMatches(tx, { listingId: listing.id, status: 'proposed' })) {
    const next: MatchRecord = {
      ...x,
      status: 'closed',
      closedReason: reason,
      closedSide: x.supplyListingId === listing.id ? 'supply' : 'demand',
      closedAt: now,
    };
    await updateMatch(tx, next);
    await record(tx, c, actor, listing.organisationId, 'match.closed', next);
  }
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
    throw notFound(m.matchNotFound());
  return matchView(x, actor, await matchContext(c.store, actor, [x]));
}

/** What the agreed matches of a listing take a year, on the side it holds in them. */
export async function agreedOn(tx: Tx, side: Side, listingId: string, except?: string) {
  const agreed = await findMatches(tx, {
    status: 'accepted',
    ...(side === 'supply' ? { supplyListingId: listingId } : { demandListingId: listingId }),
  });
  return agreed.filter((y) => y.id !== except).reduce((sum, y) => sum + amountOn(side, y.flow), 0);
}

/**
 * Agreed matches of one listing, over all saved plans, stay within its yearly quantity:
 * an offer ships at most what it has, a request receives at most what it asked for.
 */
async function requireRoom(
  tx: Tx,
  actor: Actor,
  x: MatchRecord,
  listings: ReadonlyMap<string, ListingRecord>,
): Promise<void> {
  for (const side of ['supply', 'demand'] as const) {
    const l = listings.get(listingOf(x, side));
    if (!l) continue;
    const taken = await agreedOn(tx, side, l.id, x.id);
    const own = amountOn(side, x.flow);
    if (beyond(taken + own, l))
      // The figures only to the listing's holder (or the operator): another party's agreed
      // volumes are its own business (security review F5).
      throw conflict(
        !holds(x, side, actor)
          ? m.otherQuantityTaken()
          : isOperator(actor)
            ? m.listingQuantityTaken({ limit: l.quantityPerYear, taken, own, unit: l.unit })
            : m.yourQuantityTaken({ limit: l.quantityPerYear, taken, own, unit: l.unit }),
      );
  }
}

/**
 * After `agreed` is agreed: the open proposals of its two listings that no longer fit in what
 * is left of them are closed (`listing_full`, journaled as `match.closed`), rather than left
 * in the inboxes to fail when their last side accepts.
 */
async function closeProposalsWithoutRoom(
  tx: Tx,
  c: ExchangeContext,
  actor: Actor,
  agreed: MatchRecord,
  listings: ReadonlyMap<string, ListingRecord>,
): Promise<void> {
  const now = c.clock().toISOString();
  for (const side of ['supply', 'demand'] as const) {
    const l = listings.get(listingOf(agreed, side));
    if (!l) continue;
    const taken = await agreedOn(tx, side, l.id);
    const open = await findMatches(tx, {
      status: 'proposed',
      ...(side === 'supply' ? { supplyListingId: l.id } : { demandListingId: l.id }),
    });
    for (const y of open) {
      if (!beyond(taken + amountOn(side, y.flow), l)) continue;
      const next: MatchRecord = {
        ...y,
        status: 'closed',
        closedReason: 'listing_full',
        closedSide: side,
        closedAt: now,
      };
      await updateMatch(tx, next);
      await record(tx, c, actor, l.organisationId, 'match.closed', next);
    }
  }
}

/**
 * Accepts or declines a proposal for every side the caller's organisation holds (both, when it
 * holds the offer and the request).
 */
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
    if (!x) throw notFound(m.matchNotFound());
    const orgOf = (s: Side) => (s === 'supply' ? x.supplyOrganisationId : x.demandOrganisationId);
    const decisionOf = (s: Side) => (s === 'supply' ? x.supplyDecision : x.demandDecision);
    const party =
      actor.organisationId === x.supplyOrganisationId ||
      actor.organisationId === x.demandOrganisationId;
    if (!party && !isOperator(actor)) throw forbidden(m.holdersDecide());
    // A party decides for each side it holds; the operator for the side it names, or for every
    // side still pending.
    const sides: Side[] = input.side
      ? [input.side]
      : (['supply', 'demand'] as const).filter((s) =>
          party ? orgOf(s) === actor.organisationId : decisionOf(s) === 'pending',
        );
    for (const s of sides) requireOrganisationRole(actor, orgOf(s), 'member');
    if (x.status !== 'proposed')
      throw conflict(
        x.status === 'accepted'
          ? m.matchAlreadyAccepted()
          : x.status === 'declined'
            ? m.matchAlreadyDeclined()
            : m.matchAlreadyClosed(),
      );
    // Conflicts are worded from the caller's side and name no one (security review F3).
    const mine = (s: Side) => !isOperator(actor) && orgOf(s) === actor.organisationId;
    const listings = new Map(
      (await findListings(tx, { ids: [x.supplyListingId, x.demandListingId] })).map((l) => [
        l.id,
        l,
      ]),
    );
    if (accept) {
      for (const s of ['supply', 'demand'] as const) {
        if ((await rq.findOrganisation(tx, orgOf(s)))?.status !== 'member')
          throw conflict(mine(s) ? m.yourOrganisationLeft() : m.otherPartyLeft());
      }
      for (const s of ['supply', 'demand'] as const) {
        const l = listings.get(s === 'supply' ? x.supplyListingId : x.demandListingId);
        if ((l ? statusOn(l, today(c)) : 'withdrawn') !== 'active')
          throw conflict(mine(s) ? m.yourListingNotLive() : m.otherListingNotLive());
      }
    }
    for (const s of sides)
      if (decisionOf(s) !== 'pending')
        throw conflict(decisionOf(s) === 'accepted' ? m.sideAccepted() : m.sideDeclined());
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
    if (next.status === 'accepted') await requireRoom(tx, actor, x, listings);
    await updateMatch(tx, next);
    const organisationId = actor.organisationId ?? orgOf(sides[0]);
    await record(tx, c, actor, organisationId, accept ? 'match.accepted' : 'match.declined', next);
    // Both sides have accepted: deals start a deal from this event (one per agreed match).
    if (next.status === 'accepted') {
      await record(tx, c, actor, organisationId, 'match.agreed', agreedFrom(next));
      await closeProposalsWithoutRoom(tx, c, actor, next, listings);
    }
  });
  return getMatch(c, actor, id);
}
