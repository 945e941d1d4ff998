// The exchange's service: one facade over listings, plans and matches (each in its own file),
// which the routes, the CLI and the seed call. Access checks, journal events and transactions
// live in those files; all SQL in repository.ts.
import { type Actor, type Lang, systemActor } from '../model/index.ts';
import type { Reader, Store, Tx } from '../store/index.ts';
import type { ExchangeContext } from './context.ts';
import { compatibilityFrom } from './engine/compatibility.ts';
import {
  createListing,
  getListing,
  listListings,
  moveListing,
  updateListingFields,
  withdrawListingsOfFormer,
} from './listings.ts';
import { decideMatch, getMatch, listMatches, matchInbox } from './matches.ts';
import { getPlan, liveListings, plan, savePlan } from './plans.ts';
import { factorTable } from './reference.ts';
import type { CompatibilityRow, ListingFilter } from './schema.ts';

export class ExchangeService {
  private readonly c: ExchangeContext;

  constructor(store: Store, clock: () => Date = () => new Date()) {
    this.c = { store, clock };
  }

  createListing(actor: Actor, input: unknown) {
    return createListing(this.c, actor, input);
  }

  updateListing(actor: Actor, id: string, patch: unknown) {
    return updateListingFields(this.c, actor, id, patch);
  }

  publishListing(actor: Actor, id: string) {
    return moveListing(this.c, actor, id, 'active');
  }

  withdrawListing(actor: Actor, id: string) {
    return moveListing(this.c, actor, id, 'withdrawn');
  }

  /** A former member's active listings withdrawn, inside the subscriber's transaction. */
  withdrawListingsOfFormer(tx: Tx, organisationId: string) {
    return withdrawListingsOfFormer(tx, this.c, systemActor, organisationId);
  }

  listListings(actor: Actor, filter: ListingFilter = {}) {
    return listListings(this.c, actor, filter);
  }

  getListing(actor: Actor, id: string) {
    return getListing(this.c, actor, id);
  }

  compatibility(): CompatibilityRow[] {
    return compatibilityFrom(factorTable());
  }

  /** The live listings (active, not expired, of current members) as the planner takes them. */
  liveListings(reader: Reader) {
    return liveListings(this.c, reader);
  }

  /** A plan over the live listings; its warnings worded in `lang` (the CLI's: English). */
  plan(actor: Actor, input: unknown, lang: Lang = 'en') {
    return plan(this.c, actor, input, lang);
  }

  savePlan(actor: Actor, input: unknown, lang: Lang = 'en') {
    return savePlan(this.c, actor, input, lang);
  }

  getPlan(actor: Actor, id: string, lang: Lang = 'en') {
    return getPlan(this.c, actor, id, lang);
  }

  listMatches(actor: Actor, filter: { planId?: string } = {}) {
    return listMatches(this.c, actor, filter);
  }

  /** How many proposals wait for the caller's organisation: the header's badge. */
  matchInbox(actor: Actor) {
    return matchInbox(this.c, actor);
  }

  getMatch(actor: Actor, id: string) {
    return getMatch(this.c, actor, id);
  }

  decideMatch(
    actor: Actor,
    id: string,
    accept: boolean,
    input: { side?: 'supply' | 'demand' } = {},
  ) {
    return decideMatch(this.c, actor, id, accept, input);
  }
}
