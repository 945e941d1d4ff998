// Listings, plans and matches: access checks, validation against the registry, journal events.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { inTransaction, recordEvent } from '../journal/index.ts';
import {
  type Actor,
  actorRef,
  conflict,
  type FieldProblem,
  forbidden,
  invalid,
  isOperator,
  notFound,
  parseInput,
  requireLogin,
  requireOrganisationRole,
} from '../model/index.ts';
import type { Agglomeration, Material, Site } from '../registry/index.ts';
import { agglomerationCentres, fkkoCatalogue, registryQueries as rq } from '../registry/index.ts';
import type { Reader, Store, Tx } from '../store/index.ts';
import { heavyWork } from '../work/index.ts';
import { compatibilityTable } from './engine/compatibility.ts';
import { maskFlow, maskPlan, type PlanListing } from './engine/plan.ts';
import { type PlanOutcome, planFrom, planOrder } from './plan-worker.ts';
import {
  type ExchangeListingTable,
  type ExchangeMatchTable,
  listingRow,
  listingRows,
  matchRows,
  planRow,
} from './repository.ts';
import {
  type CompatibilityRow,
  type Listing,
  type ListingFields,
  type ListingFilter,
  ListingInput,
  ListingPatch,
  type ListingStatus,
  type MatchProposal,
  type Plan,
  type PlanFlow,
  PlanRequest,
} from './schema.ts';

type Fields = z.infer<typeof ListingFields>;

interface Context {
  organisations: Map<string, string>;
  sites: Map<string, Site>;
  materials: Map<string, Material>;
  /** listing ids whose anonymous holder is revealed to the viewer by an accepted match */
  revealed: Set<string>;
}

const newListingId = () => `l-${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** The exchange: every change with its journal event, every read masked for its viewer. */
/** Plans show the members' streams: only a current member (or the operator) reads them. */
function requireCurrentMember(actor: Actor): void {
  requireLogin(actor);
  if (actor.member === false && !isOperator(actor))
    throw forbidden('Plans are for current members of the cluster');
}

/**
 * Where the planner puts a listing. An anonymous holder publishes only its agglomeration,
 * so it is planned at the agglomeration's centre (outside the region: on a 0.5° grid):
 * every figure of a plan — which links exist, distances, costs, the flows chosen — then
 * depends on nothing finer than what the holder chose to publish, whoever looks at it.
 */
export function plannedPlace(
  visibility: string,
  site: { lat: number; lon: number; agglomeration: Agglomeration | null },
): { lat: number; lon: number } {
  if (visibility !== 'anonymous') return site;
  if (site.agglomeration) return agglomerationCentres[site.agglomeration];
  const grid = (x: number) => Math.round(x * 2) / 2;
  return { lat: grid(site.lat), lon: grid(site.lon) };
}

export class ExchangeService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private today() {
    return this.clock().toISOString().slice(0, 10);
  }

  private statusOf(row: ExchangeListingTable): ListingStatus {
    if (row.status === 'active' && row.available_to < this.today()) return 'expired';
    return row.status as ListingStatus;
  }

  private async context(reader: Reader, actor: Actor): Promise<Context> {
    const [orgs, sites, materials] = await Promise.all([
      rq.findOrganisations(reader),
      rq.findSites(reader),
      rq.findMaterials(reader),
    ]);
    const revealed = new Set<string>();
    if (actor.organisationId && actor.member !== false) {
      for (const m of await matchRows(reader, { organisationId: actor.organisationId })) {
        if (m.status !== 'accepted') continue;
        if (m.supply_organisation_id === actor.organisationId) revealed.add(m.demand_listing_id);
        if (m.demand_organisation_id === actor.organisationId) revealed.add(m.supply_listing_id);
      }
    }
    return {
      organisations: new Map(orgs.map((o) => [o.id, o.name])),
      sites: new Map(sites.map((s) => [s.id, s])),
      materials: new Map(materials.map((m) => [m.id, m])),
      revealed,
    };
  }

  private canSee(row: ExchangeListingTable, actor: Actor): boolean {
    const own = isOperator(actor) || actor.organisationId === row.organisation_id;
    if (row.status === 'draft' || row.status === 'withdrawn') return own;
    if (row.visibility === 'members')
      return own || (actor.kind !== 'anonymous' && !!actor.role && actor.member !== false);
    return true;
  }

  private holderVisible(
    row: { id: string; organisation_id: string; visibility: string },
    actor: Actor,
    ctx: Context,
  ): boolean {
    return (
      row.visibility !== 'anonymous' ||
      isOperator(actor) ||
      actor.organisationId === row.organisation_id ||
      ctx.revealed.has(row.id)
    );
  }

  private view(row: ExchangeListingTable, actor: Actor, ctx: Context): Listing {
    const data = JSON.parse(row.data) as Fields;
    const site = ctx.sites.get(row.site_id);
    const shown = this.holderVisible(row, actor, ctx);
    const entry = row.fkko ? fkkoCatalogue().get(row.fkko) : undefined;
    return {
      ...data,
      id: row.id,
      organisationId: shown ? row.organisation_id : null,
      organisationName: shown ? (ctx.organisations.get(row.organisation_id) ?? null) : null,
      siteId: shown ? row.site_id : null,
      siteName: shown ? (site?.name ?? null) : null,
      lat: shown ? (site?.lat ?? null) : null,
      lon: shown ? (site?.lon ?? null) : null,
      agglomeration: site?.agglomeration ?? null,
      holderHidden: !shown,
      status: this.statusOf(row),
      fkkoEntry: entry
        ? {
            code: entry.code,
            name: entry.name,
            block: entry.block,
            blockName: entry.blockName,
            hazardClass: entry.hazardClass,
            physicalState: entry.physicalState,
          }
        : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** Checks a listing against the registry: its site, material, use, properties and FKKO code. */
  private async check(tx: Tx, organisationId: string, l: Fields): Promise<void> {
    const fields: FieldProblem[] = [];
    const site = await rq.findSite(tx, l.siteId);
    if (!site || site.organisationId !== organisationId)
      fields.push({ field: 'siteId', message: `not a site of organisation ${organisationId}` });
    else if (site.closedOn) fields.push({ field: 'siteId', message: `closed on ${site.closedOn}` });
    const [materials, properties, uses] = await Promise.all([
      rq.findMaterials(tx),
      rq.findProperties(tx),
      rq.findUses(tx),
    ]);
    const material = l.materialId ? materials.find((m) => m.id === l.materialId) : undefined;
    if (l.materialId && !material)
      fields.push({ field: 'materialId', message: `unknown material ${l.materialId}` });
    if (l.useId && !uses.some((u) => u.id === l.useId))
      fields.push({ field: 'useId', message: `unknown use ${l.useId}` });
    else if (l.useId && material && !material.uses.includes(l.useId))
      fields.push({ field: 'useId', message: `${material.id} cannot serve ${l.useId}` });
    if (material && l.unit !== material.unit)
      fields.push({ field: 'unit', message: `${material.id} is measured in ${material.unit}` });
    const known = new Set(properties.map((p) => p.id));
    for (const key of Object.keys(l.quality ?? {})) {
      if (!known.has(key)) fields.push({ field: `quality.${key}`, message: `unknown property` });
      else if (material && !material.properties.includes(key))
        fields.push({ field: `quality.${key}`, message: `${material.id} does not carry ${key}` });
    }
    if (l.fkko) {
      if (!fkkoCatalogue().get(l.fkko))
        fields.push({
          field: 'fkko',
          message: `${l.fkko} is not in the FKKO catalogue of 2026-03-25`,
        });
      else if (material?.fkko.length && !material.fkko.includes(l.fkko))
        fields.push({ field: 'fkko', message: `${l.fkko} is not a code of ${material.id}` });
    }
    if (fields.length) throw invalid('Invalid listing', fields);
  }

  private async event(
    tx: Tx,
    actor: Actor,
    organisationId: string | null,
    type: string,
    payload: unknown,
  ) {
    await recordEvent(tx, { actor: actorRef(actor), organisationId, type, payload }, this.clock());
  }

  async createListing(actor: Actor, input: unknown): Promise<Listing> {
    const l = parseInput(ListingInput, input);
    const organisationId = l.organisationId ?? actor.organisationId;
    requireLogin(actor);
    if (!organisationId)
      throw invalid('Invalid listing', [
        { field: 'organisationId', message: 'required for the operator' },
      ]);
    requireOrganisationRole(actor, organisationId, 'member');
    const { id: givenId, organisationId: _o, status, ...fields } = l;
    return inTransaction(this.store, async (tx) => {
      if (!(await rq.findOrganisation(tx, organisationId)))
        throw invalid('Invalid listing', [
          { field: 'organisationId', message: `unknown organisation ${organisationId}` },
        ]);
      await this.check(tx, organisationId, fields);
      const id = givenId ?? newListingId();
      if (await listingRow(tx, id))
        throw conflict(`Listing ${id} exists`, [{ field: 'id', message: 'already taken' }]);
      const now = this.clock().toISOString();
      const row: ExchangeListingTable = {
        id,
        organisation_id: organisationId,
        site_id: fields.siteId,
        side: fields.side,
        material_id: fields.materialId ?? null,
        use_id: fields.useId ?? null,
        fkko: fields.fkko ?? null,
        visibility: fields.visibility,
        status,
        available_from: fields.availableFrom,
        available_to: fields.availableTo,
        data: JSON.stringify(fields),
        created_at: now,
        updated_at: now,
      };
      await tx.db.insertInto('exchange_listing').values(row).execute();
      const ctx = await this.context(tx, actor);
      const listing = this.view(row, actor, ctx);
      await this.event(tx, actor, organisationId, 'listing.created', {
        ...listing,
        organisationId,
        siteId: row.site_id,
      });
      return listing;
    });
  }

  private async owned(tx: Tx, actor: Actor, id: string): Promise<ExchangeListingTable> {
    requireLogin(actor);
    const row = await listingRow(tx, id);
    if (!row) throw notFound(`Listing ${id} does not exist`);
    requireOrganisationRole(actor, row.organisation_id, 'member');
    return row;
  }

  async updateListing(actor: Actor, id: string, patch: unknown): Promise<Listing> {
    const p = parseInput(ListingPatch, patch);
    return inTransaction(this.store, async (tx) => {
      const row = await this.owned(tx, actor, id);
      if (row.status === 'withdrawn') throw conflict(`Listing ${id} is withdrawn`);
      const current = JSON.parse(row.data) as Fields;
      const patched: Record<string, unknown> = { ...current, ...p };
      for (const [k, v] of Object.entries(p)) if (v === null) delete patched[k];
      const merged = parseInput(ListingInput, patched);
      const { id: _i, organisationId: _o, status: _s, ...fields } = merged;
      await this.check(tx, row.organisation_id, fields);
      const next: ExchangeListingTable = {
        ...row,
        site_id: fields.siteId,
        material_id: fields.materialId ?? null,
        use_id: fields.useId ?? null,
        fkko: fields.fkko ?? null,
        visibility: fields.visibility,
        available_from: fields.availableFrom,
        available_to: fields.availableTo,
        data: JSON.stringify(fields),
        updated_at: this.clock().toISOString(),
      };
      await tx.db.updateTable('exchange_listing').set(next).where('id', '=', id).execute();
      await this.event(tx, actor, row.organisation_id, 'listing.updated', { id, changes: p });
      return this.view(next, actor, await this.context(tx, actor));
    });
  }

  private async transition(
    actor: Actor,
    id: string,
    from: ListingStatus,
    to: ListingStatus,
    type: string,
  ) {
    return inTransaction(this.store, async (tx) => {
      const row = await this.owned(tx, actor, id);
      if (row.status !== from)
        throw conflict(
          `Listing ${id} is ${this.statusOf(row)}; only a ${from} listing can become ${to}`,
        );
      const next = { ...row, status: to, updated_at: this.clock().toISOString() };
      await tx.db
        .updateTable('exchange_listing')
        .set({ status: to, updated_at: next.updated_at })
        .where('id', '=', id)
        .execute();
      await this.event(tx, actor, row.organisation_id, type, { id, status: to });
      return this.view(next, actor, await this.context(tx, actor));
    });
  }

  publishListing(actor: Actor, id: string): Promise<Listing> {
    return this.transition(actor, id, 'draft', 'active', 'listing.published');
  }

  withdrawListing(actor: Actor, id: string): Promise<Listing> {
    return this.transition(actor, id, 'active', 'withdrawn', 'listing.withdrawn');
  }

  async listListings(actor: Actor, filter: ListingFilter = {}): Promise<Listing[]> {
    const ctx = await this.context(this.store, actor);
    return (await listingRows(this.store))
      .filter((r) => this.canSee(r, actor))
      .map((r) => this.view(r, actor, ctx))
      .filter(
        (l) =>
          (!filter.material || l.materialId === filter.material) &&
          (!filter.use || l.useId === filter.use) &&
          (!filter.fkko || l.fkko === filter.fkko) &&
          (!filter.agglomeration || l.agglomeration === filter.agglomeration) &&
          (!filter.side || l.side === filter.side) &&
          (!filter.status || l.status === filter.status) &&
          (!filter.organisation || l.organisationId === filter.organisation),
      );
  }

  async getListing(actor: Actor, id: string): Promise<Listing> {
    const row = await listingRow(this.store, id);
    if (!row || !this.canSee(row, actor)) throw notFound(`Listing ${id} does not exist`);
    return this.view(row, actor, await this.context(this.store, actor));
  }

  compatibility(): CompatibilityRow[] {
    return [...compatibilityTable];
  }

  /** The live listings (active, not expired) as the pure planner takes them. */
  async liveListings(
    reader: Reader,
  ): Promise<{ listings: PlanListing[]; materials: Map<string, Material> }> {
    const ctx = await this.context(reader, {
      kind: 'system',
      id: 'system',
      organisationId: null,
      role: 'operator_admin',
    });
    const listings: PlanListing[] = [];
    // Live: active, and held by a current member (an organisation that left trades no more).
    const members = new Set(
      (await rq.findOrganisations(reader, { status: 'member' })).map((o) => o.id),
    );
    for (const row of await listingRows(reader)) {
      if (this.statusOf(row) !== 'active' || !members.has(row.organisation_id)) continue;
      const site = ctx.sites.get(row.site_id);
      if (!site) continue;
      const d = JSON.parse(row.data) as Fields;
      const place = plannedPlace(row.visibility, site);
      listings.push({
        ...d,
        id: row.id,
        quality: d.quality ?? {},
        lat: place.lat,
        lon: place.lon,
        ...(place === site ? {} : { site: { lat: site.lat, lon: site.lon } }),
        organisationId: row.organisation_id,
        organisationName: ctx.organisations.get(row.organisation_id) ?? row.organisation_id,
        siteId: row.site_id,
        agglomeration: site.agglomeration,
      });
    }
    return { listings, materials: ctx.materials };
  }

  private async visibleFn(reader: Reader, actor: Actor) {
    const ctx = await this.context(reader, actor);
    const rows = new Map((await listingRows(reader)).map((r) => [r.id, r]));
    return (listingId: string) => {
      const r = rows.get(listingId);
      return !!r && this.holderVisible(r, actor, ctx);
    };
  }

  /** Plans in a worker thread, by one deadline, within the actor's limit on heavy requests. */
  private async computeFor(actor: Actor, request: PlanRequest): Promise<Plan> {
    const outcome = await heavyWork().run<PlanOutcome>(
      actor,
      request.timeLimitSeconds,
      async (deadline) => {
        const { listings, materials } = await this.liveListings(this.store);
        return planOrder({
          listings,
          materials,
          request,
          now: this.clock().toISOString(),
          deadline,
        });
      },
    );
    return planFrom(outcome);
  }

  /** A plan over the live listings, as the caller may see it. */
  async plan(actor: Actor, input: unknown): Promise<Plan> {
    requireCurrentMember(actor);
    const request = parseInput(PlanRequest, input ?? {});
    const plan = await this.computeFor(actor, request);
    return maskPlan(plan, await this.visibleFn(this.store, actor));
  }

  /** Saves a plan; each flow becomes a match proposal in both holders' inboxes. */
  async savePlan(actor: Actor, input: unknown): Promise<Plan> {
    requireCurrentMember(actor);
    if (!isOperator(actor) && !['member', 'org_admin'].includes(actor.role ?? ''))
      throw forbidden('Saving a plan needs the role member or higher');
    const request = parseInput(PlanRequest, input ?? {});
    const computed = await this.computeFor(actor, request);
    const id = randomUUID();
    const plan: Plan = { ...computed, id };
    const now = this.clock().toISOString();
    await inTransaction(this.store, async (tx) => {
      await tx.db
        .insertInto('exchange_plan')
        .values({
          id,
          created_at: now,
          created_by: actorRef(actor),
          organisation_id: actor.organisationId,
          data: JSON.stringify(plan),
        })
        .execute();
      const matches: string[] = [];
      const alreadyOpen: string[] = [];
      // A pair already proposed or agreed is not proposed again: saving plans repeatedly
      // must not pile up proposals for the same flow.
      const open = new Set(
        (await matchRows(tx))
          .filter((m) => m.status === 'proposed' || m.status === 'accepted')
          .map((m) => `${m.supply_listing_id}\u0000${m.demand_listing_id}`),
      );
      for (const f of plan.plan.flows) {
        if (open.has(`${f.supply}\u0000${f.demand}`)) {
          alreadyOpen.push(`${f.supply}→${f.demand}`);
          continue;
        }
        const matchId = randomUUID();
        matches.push(matchId);
        await tx.db
          .insertInto('exchange_match')
          .values({
            id: matchId,
            plan_id: id,
            supply_listing_id: f.supply,
            demand_listing_id: f.demand,
            supply_organisation_id: f.from.organisationId!,
            demand_organisation_id: f.to.organisationId!,
            status: 'proposed',
            supply_decision: 'pending',
            supply_decided_at: null,
            supply_decided_by: null,
            demand_decision: 'pending',
            demand_decided_at: null,
            demand_decided_by: null,
            flow: JSON.stringify(f),
            created_at: now,
          })
          .execute();
      }
      await this.event(tx, actor, actor.organisationId, 'plan.saved', {
        id,
        status: plan.plan.status,
        objectiveKopecks: plan.plan.objectiveKopecks,
        flows: plan.plan.flows.length,
        matches,
        alreadyOpen,
      });
    });
    return maskPlan(plan, await this.visibleFn(this.store, actor));
  }

  async getPlan(actor: Actor, id: string): Promise<Plan> {
    requireCurrentMember(actor);
    const row = await planRow(this.store, id);
    if (!row) throw notFound(`Plan ${id} does not exist`);
    return maskPlan(JSON.parse(row.data) as Plan, await this.visibleFn(this.store, actor));
  }

  private matchView(
    m: ExchangeMatchTable,
    actor: Actor,
    ctx: Context,
    rows: Map<string, ExchangeListingTable>,
  ): MatchProposal {
    const stored = JSON.parse(m.flow) as PlanFlow;
    const shownSide = (listingId: string) => {
      const row = rows.get(listingId);
      return row ? this.holderVisible(row, actor, ctx) : isOperator(actor);
    };
    const f = maskFlow(stored, shownSide(m.supply_listing_id), shownSide(m.demand_listing_id));
    const side = (which: 'supply' | 'demand') => {
      const listingId = which === 'supply' ? m.supply_listing_id : m.demand_listing_id;
      const orgId = which === 'supply' ? m.supply_organisation_id : m.demand_organisation_id;
      const row = rows.get(listingId);
      const shown = row ? this.holderVisible(row, actor, ctx) : isOperator(actor);
      const site = row ? ctx.sites.get(row.site_id) : undefined;
      const agglomeration = site?.agglomeration ?? null;
      const centre = agglomeration ? agglomerationCentres[agglomeration] : null;
      return {
        listingId,
        material: row?.material_id ?? null,
        use: row?.use_id ?? null,
        agglomeration,
        decision: (which === 'supply'
          ? m.supply_decision
          : m.demand_decision) as MatchProposal['supply']['decision'],
        decidedAt: which === 'supply' ? m.supply_decided_at : m.demand_decided_at,
        organisationId: shown ? orgId : null,
        organisationName: shown ? (ctx.organisations.get(orgId) ?? null) : null,
        siteId: shown ? (row?.site_id ?? null) : null,
        lat: shown ? (site?.lat ?? null) : (centre?.lat ?? null),
        lon: shown ? (site?.lon ?? null) : (centre?.lon ?? null),
        approximate: !shown,
      };
    };
    const yourSides: Array<'supply' | 'demand'> = [];
    if (actor.organisationId === m.supply_organisation_id) yourSides.push('supply');
    if (actor.organisationId === m.demand_organisation_id) yourSides.push('demand');
    return {
      id: m.id,
      planId: m.plan_id,
      status: m.status as MatchProposal['status'],
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
      createdAt: m.created_at,
    };
  }

  /** The caller's organisation's proposals (the operator: all). */
  async listMatches(actor: Actor, filter: { planId?: string } = {}): Promise<MatchProposal[]> {
    requireLogin(actor);
    if (!isOperator(actor) && !actor.organisationId) return [];
    const ms = await matchRows(this.store, {
      planId: filter.planId,
      organisationId: isOperator(actor) ? undefined : actor.organisationId!,
    });
    const ctx = await this.context(this.store, actor);
    const rows = new Map((await listingRows(this.store)).map((r) => [r.id, r]));
    return ms.map((m) => this.matchView(m, actor, ctx, rows));
  }

  async getMatch(actor: Actor, id: string): Promise<MatchProposal> {
    requireLogin(actor);
    const [m] = await matchRows(this.store, { id });
    if (
      !m ||
      (!isOperator(actor) &&
        actor.organisationId !== m.supply_organisation_id &&
        actor.organisationId !== m.demand_organisation_id)
    )
      throw notFound(`Match ${id} does not exist`);
    const ctx = await this.context(this.store, actor);
    const rows = new Map((await listingRows(this.store)).map((r) => [r.id, r]));
    return this.matchView(m, actor, ctx, rows);
  }

  /**
   * Agreed matches of one listing, over all saved plans, stay within its yearly quantity:
   * an offer ships at most what it has, a request receives at most what it asked for.
   */
  private async requireRoom(tx: Tx, m: ExchangeMatchTable): Promise<void> {
    const flow = JSON.parse(m.flow) as PlanFlow;
    const agreed = (await matchRows(tx)).filter((x) => x.status === 'accepted' && x.id !== m.id);
    const rows = await listingRows(tx);
    const checks = [
      {
        listing: m.supply_listing_id,
        amount: (f: PlanFlow) => f.quantity,
        own: flow.quantity,
        side: 'supply' as const,
      },
      {
        listing: m.demand_listing_id,
        amount: (f: PlanFlow) => f.delivered,
        own: flow.delivered,
        side: 'demand' as const,
      },
    ];
    for (const c of checks) {
      const row = rows.find((r) => r.id === c.listing);
      if (!row) continue;
      const limit = (JSON.parse(row.data) as Fields).quantityPerYear;
      const taken = agreed
        .filter(
          (x) => (c.side === 'supply' ? x.supply_listing_id : x.demand_listing_id) === c.listing,
        )
        .reduce((sum, x) => sum + c.amount(JSON.parse(x.flow) as PlanFlow), 0);
      if (taken + c.own > limit * (1 + 1e-9))
        throw conflict(
          `Listing ${c.listing} has ${limit} a year; agreed matches take ${taken} and this one ${c.own}`,
        );
    }
  }

  /** Accepts or declines a proposal for the side(s) the caller's organisation holds. */
  async decideMatch(
    actor: Actor,
    id: string,
    accept: boolean,
    input: { side?: 'supply' | 'demand' } = {},
  ): Promise<MatchProposal> {
    requireLogin(actor);
    await inTransaction(this.store, async (tx) => {
      const [m] = await matchRows(tx, { id });
      if (!m) throw notFound(`Match ${id} does not exist`);
      const party =
        actor.organisationId === m.supply_organisation_id ||
        actor.organisationId === m.demand_organisation_id;
      if (!party && !isOperator(actor))
        throw forbidden('Only the holders of a match (or the operator) decide on it');
      // A party decides for the side(s) it holds; the operator for the side it names, or all pending.
      const sides: Array<'supply' | 'demand'> = input.side
        ? [input.side]
        : (['supply', 'demand'] as const).filter((s) =>
            party
              ? m[`${s}_organisation_id`] === actor.organisationId
              : m[`${s}_decision`] === 'pending',
          );
      for (const s of sides) requireOrganisationRole(actor, m[`${s}_organisation_id`], 'member');
      if (m.status !== 'proposed') throw conflict(`Match ${id} is ${m.status} already`);
      if (accept) {
        for (const org of [m.supply_organisation_id, m.demand_organisation_id]) {
          if ((await rq.findOrganisation(tx, org))?.status !== 'member')
            throw conflict(`${org} is no longer a member; the match cannot be accepted`);
        }
        const listings = await listingRows(tx);
        for (const lid of [m.supply_listing_id, m.demand_listing_id]) {
          const row = listings.find((r) => r.id === lid);
          const status = row ? this.statusOf(row) : 'withdrawn';
          if (status !== 'active')
            throw conflict(
              `Listing ${lid} of match ${id} is ${status}; the match cannot be accepted`,
            );
        }
      }
      for (const s of sides)
        if (m[`${s}_decision`] !== 'pending')
          throw conflict(
            `The ${s} side of match ${id} has decided already (${m[`${s}_decision`]})`,
          );
      const now = this.clock().toISOString();
      const next = { ...m };
      for (const s of sides) {
        next[`${s}_decision`] = accept ? 'accepted' : 'declined';
        next[`${s}_decided_at`] = now;
        next[`${s}_decided_by`] = actorRef(actor);
      }
      next.status = !accept
        ? 'declined'
        : next.supply_decision === 'accepted' && next.demand_decision === 'accepted'
          ? 'accepted'
          : 'proposed';
      if (next.status === 'accepted') await this.requireRoom(tx, m);
      await tx.db.updateTable('exchange_match').set(next).where('id', '=', id).execute();
      await this.event(
        tx,
        actor,
        actor.organisationId ?? m[`${sides[0]}_organisation_id`],
        accept ? 'match.accepted' : 'match.declined',
        { id, planId: m.plan_id, sides, status: next.status },
      );
    });
    return this.getMatch(actor, id);
  }
}
