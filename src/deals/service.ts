// Deals' service: negotiation, message threads, deliveries and settlement. Access checks,
// journal events and transactions here; SQL in repository.ts; the rules in engine/.
//
// Events (each carries the deal's full state under `deal`, so `journal verify --state`
// compares it with the row):
//   deal.created         { deal, transition, message? }   a deal opened (by a party or from a match)
//   deal.transitioned    { deal, transition, message? }   a move of the negotiation
//   deal.message-posted  { deal, message }                a message in the deal's thread
//   delivery.recorded    { deal, delivery, lines }        a delivery and the ledger lines it posted
//   delivery.vat-posted  { delivery, lines }              VAT added to a delivery recorded before
//                                                         VAT was posted (migration 2026-12-01-28)
//   deal.device-linked   { link }                         a weighbridge linked to a deal
//   deal.device-unlinked { link }                         that link revoked
//   weighing.refused     { deal, link, weighing, message, reason }  a linked weighbridge's
//                        weighing the delivery rules refused, told in the deal's thread
// It reacts to the machines module's `weighing.recorded`: a weighing of a linked weighbridge
// becomes a delivery (method weighbridge, source device), once per device and message; and to
// the registry's `organisation.vat-regime-changed`: a message in each open deal of it.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AgreedMatch } from '../exchange/index.ts';
import {
  inQualityRange,
  listingRecord,
  qualityRangeOf,
  qualityRangeRule,
} from '../exchange/index.ts';
import { inTransaction, recordEvent } from '../journal/index.ts';
import { deviceRecord, WEIGHBRIDGE_PROFILE, type Weighing } from '../machines/index.ts';
import { clusterDay, clusterDayOf, yearTermEnd } from '../model/days.ts';
import {
  type Actor,
  actorRef,
  conflict,
  DomainError,
  type FieldProblem,
  fieldProblems,
  forbidden,
  invalid,
  isOperator,
  type Lang,
  notFound,
  parseInput,
  requireLogin,
  requireOrganisationRole,
  systemActor,
} from '../model/index.ts';
import { contractQuantity } from '../model/quantities.ts';
import { fkkoCatalogue, registryQueries, type VatRegimeChanged } from '../registry/index.ts';
import type { Reader, Store, Tx } from '../store/index.ts';
import {
  allowedActions,
  type BalanceDeal,
  type BalanceDelivery,
  type DealActionName,
  type DealTransactionCost,
  type DealTransactionFacts,
  dealLicenceChecks,
  dealTransactionCost,
  type Form2tpImport,
  form2tpColumns,
  form2tpHeadings,
  form2tpRows,
  type LedgerLine,
  massBalance,
  opening,
  openStates,
  postingLines,
  type Side,
  settlement,
  transition as step,
  transactionCosts,
  trialBalance,
  valueChain,
  vatRateOn,
} from './engine/index.ts';
import { form2tpXlsx } from './form-2tp.ts';
import { impactReport } from './impact.ts';
import { type DeliveryFileFormat, decodeDeliveries } from './import.ts';
import {
  dealableBy,
  earliestLotDay,
  isFutureLot,
  periodOnListing,
  quantityOverPeriod,
  readsBooks,
} from './limits.ts';
import { messages } from './messages.ts';
import { transactionCostConfig, vatRates } from './reference.ts';
import * as repo from './repository.ts';
import {
  type Deal,
  type DealCost,
  type DealCostReport,
  type DealDevice,
  DealDeviceInput,
  type DealFilter,
  DealInput,
  type DealLedger,
  type DealLicences,
  type DealMessage,
  type DealState,
  type DealSummary,
  DealTerms,
  type DealTermsPatch,
  type DealTransition,
  type Delivery,
  DeliveryInput,
  type FlowsQuery,
  type Form2tpFigures,
  Form2tpFiguresInput,
  ImpactQuery,
  type ImpactReport,
  type MassBalanceReport,
  MessageInput,
  TransitionInput,
  type TrialBalance,
  type ValueChainReport,
} from './schema.ts';

type DeliveryFields = z.output<typeof DeliveryInput>;

const newId = (prefix: string) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** The negotiated terms of a deal. */
export const termsOf = (d: Deal): DealTerms => ({
  quantity: d.quantity,
  unit: d.unit,
  schedule: d.schedule,
  quality: d.quality,
  priceKopecksPerUnit: d.priceKopecksPerUnit,
  transport: d.transport,
  transportKopecksPerUnit: d.transportKopecksPerUnit,
  tolerancePct: d.tolerancePct,
});

/** A deal as the list shows it: exactly the fields of `DealSummary`. */
export function summaryOf(d: Deal): DealSummary {
  return {
    id: d.id,
    state: d.state,
    turn: d.turn,
    providerId: d.providerId,
    consumerId: d.consumerId,
    material: d.material,
    quantity: d.quantity,
    unit: d.unit,
    priceKopecksPerUnit: d.priceKopecksPerUnit,
    transport: { mode: d.transport.mode, paidBy: d.transport.paidBy },
    ...(d.matchId ? { matchId: d.matchId } : {}),
    createdAt: d.createdAt,
    ...(d.agreedAt ? { agreedAt: d.agreedAt } : {}),
  };
}

/** The side an organisation is on in a deal, or null. */
export const sideOf = (
  d: Pick<Deal, 'providerId' | 'consumerId'>,
  organisationId: string | null,
): Side | null =>
  organisationId === d.providerId
    ? 'provider'
    : organisationId === d.consumerId
      ? 'consumer'
      : null;

/** Quality parameters of a measured lot outside the deal's specification. */
export function outOfSpec(spec: Deal['quality'], measured: Record<string, number>): string[] {
  return Object.entries(spec)
    .filter(([k, b]) => {
      const v = measured[k];
      if (v === undefined) return false;
      return (b.min !== undefined && v < b.min) || (b.max !== undefined && v > b.max);
    })
    .map(([k]) => k)
    .sort();
}

/** Per deal: contracted, delivered (declarations, not confirmations), flags. */
export function progressOf(d: Deal, deliveries: readonly Delivery[]) {
  const own = deliveries.filter((x) => x.dealId === d.id);
  const declared = own.filter((x) => x.confirms === null);
  const delivered = declared.reduce((s, x) => s + x.quantity, 0);
  return {
    contracted: d.quantity,
    delivered,
    remaining: Math.max(0, d.quantity - delivered),
    unit: d.unit,
    beyondContract: delivered > d.quantity * (1 + d.tolerancePct / 100) + 1e-9,
    outOfSpecLots: own.filter((x) => x.outOfSpec.length > 0).length,
    mismatchLots: own.filter((x) => x.mismatch).length,
  };
}

const DEFAULT_TOLERANCE_PCT = 5;

export class DealsService {
  /**
   * `clock` dates the records (createdAt, agreedAt, recordedAt, messages); `eventClock` the
   * journal's events, the clock by default. The example's history (seed.ts) dates its deals in
   * the past but journals them when it is seeded, so the journal's times stay in order.
   */
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
    private readonly eventClock: () => Date = clock,
  ) {}

  private now = () => this.clock().toISOString();
  /** Today as the cluster counts it (Kemerovo time), for a day's figures and checks. */
  private today = () => clusterDay(this.clock().getTime());

  private event(
    tx: Tx,
    actor: Actor,
    organisationId: string | null,
    type: string,
    payload: unknown,
  ) {
    return recordEvent(
      tx,
      { actor: actorRef(actor), organisationId, type, payload },
      this.eventClock(),
    );
  }

  /** The caller's side in the deal, for a write: a party's member or admin (not an observer). */
  private writerSide(actor: Actor, d: Deal): Side {
    requireLogin(actor);
    const side = sideOf(d, actor.organisationId);
    if (!side) throw forbidden(messages.notAParty());
    if (actor.role === 'observer') throw forbidden(messages.observersRead());
    if (actor.member === false) throw forbidden(messages.notAParty());
    return side;
  }

  private async readable(reader: Reader, actor: Actor, id: string): Promise<Deal> {
    requireLogin(actor);
    const d = await repo.findDeal(reader, id);
    if (!d) throw notFound(messages.dealNotFound());
    if (!isOperator(actor) && !sideOf(d, actor.organisationId))
      throw notFound(messages.dealNotFound());
    return d;
  }

  // --- reads ---

  /** `GET /api/v1/deals`: the caller's deals (the operator: all), newest first. */
  async listDeals(actor: Actor, filter: DealFilter = {}): Promise<{ items: DealSummary[] }> {
    requireLogin(actor);
    if (!isOperator(actor) && !actor.organisationId) return { items: [] };
    const deals = await repo.findDeals(this.store, {
      state: filter.state,
      fromMatch: filter.fromMatch === undefined ? undefined : filter.fromMatch === 'true',
      organisationId: isOperator(actor) ? undefined : (actor.organisationId ?? undefined),
    });
    return { items: deals.map(summaryOf) };
  }

  async getDeal(actor: Actor, id: string, lang: Lang = 'en') {
    const deal = await this.readable(this.store, actor, id);
    const side = sideOf(deal, actor.organisationId);
    const deliveries = await repo.findDeliveries(this.store, [id]);
    const [provider, consumer] = await this.vatRegimesOf(this.store, deal);
    return {
      licences: await this.licencesOf(this.store, deal, lang),
      deal,
      vatRegimes: { provider, consumer },
      yourSide: side,
      allowed: side && actor.role !== 'observer' ? allowedActions(deal, side) : [],
      transitions: await repo.findTransitions(this.store, id),
      progress: progressOf(deal, deliveries),
    };
  }

  /** The provider's and the consumer's VAT regimes as the registry holds them now. */
  private vatRegimesOf(reader: Reader, deal: Deal) {
    return Promise.all(
      [deal.providerId, deal.consumerId].map(
        async (id) => (await registryQueries.findOrganisation(reader, id))?.vatRegime ?? 'general',
      ),
    );
  }

  /**
   * Whether the parties hold the waste licences the deal's waste needs (classes I–IV), on the
   * registry's record as of today, worded in `lang`. A warning: nothing is refused for it.
   */
  async licencesOf(reader: Reader, deal: Deal, lang: Lang): Promise<DealLicences> {
    const parties = [deal.providerId, deal.consumerId];
    const on = this.today();
    const r = dealLicenceChecks(
      deal,
      await registryQueries.findLicences(reader, { organisationIds: parties }),
      on,
      deal.wastePurpose,
    );
    // the holders by name in the answer's language (an English name where the record has one)
    const names = new Map<string, string>();
    for (const id of parties) {
      const o = await registryQueries.findOrganisation(reader, id);
      if (o) names.set(id, lang === 'en' ? (o.nameEn ?? o.name) : o.name);
    }
    const roman = ['', 'I', 'II', 'III', 'IV', 'V'];
    const checks = r.checks.map((c) => {
      const holder = names.get(c.holderId) ?? c.holderId;
      const p = {
        holder,
        role: c.role,
        activity: c.activity,
        hazardClass: roman[c.hazardClass],
        number: c.licence?.number ?? '',
        validUntil: c.licence?.validUntil ?? '—',
        on,
      };
      const m =
        c.status === 'missing'
          ? messages.licenceMissing(p)
          : c.status === 'expired'
            ? messages.licenceExpired(p)
            : c.licence?.validUntil
              ? messages.licenceFoundUntil(p)
              : messages.licenceFound(p);
      return { ...c, holderName: names.get(c.holderId) ?? null, message: m.text(lang) };
    });
    const notes = [];
    if (r.hazardClass === null) notes.push(messages.licenceNoCode());
    else if (!r.required) notes.push(messages.licenceNotRequired({ fkko: r.fkko ?? '' }));
    else {
      if (r.carriage === 'rail') notes.push(messages.licenceRail());
      notes.push(messages.licenceRegisterOnly());
    }
    return {
      ...r,
      checks,
      warnings: checks.filter((c) => c.status !== 'found').length,
      notes: notes.map((n) => n.text(lang)),
    };
  }

  // --- opening a deal ---

  /** From scratch or from a listing; the caller's organisation is one side. */
  async createDeal(actor: Actor, input: unknown): Promise<Deal> {
    const fields = parseInput(DealInput, input);
    requireLogin(actor);
    if (actor.role === 'observer') throw forbidden(messages.observersRead());
    if (actor.member === false || !actor.organisationId) throw forbidden(messages.notAParty());
    const me = actor.organisationId;
    return inTransaction(this.store, async (tx) => {
      const base: Partial<DealInput> = {};
      if (fields.listingId) {
        const l = await listingRecord(tx, fields.listingId);
        if (!l || !dealableBy(l, me))
          throw invalid(messages.invalidDeal(), [
            { field: 'listingId', message: messages.unknownListing() },
          ]);
        const period = periodOnListing(l, this.today());
        const limits = Object.fromEntries(
          Object.entries(l.quality).filter(([, v]) => typeof v === 'object'),
        ) as Deal['quality'];
        Object.assign(base, {
          providerId: l.side === 'offer' ? l.organisationId : me,
          consumerId: l.side === 'offer' ? me : l.organisationId,
          material: l.materialId,
          fkko: l.fkko,
          quantity: quantityOverPeriod(l.quantityPerYear, period.from, period.to),
          unit: l.unit,
          schedule: period,
          quality: limits,
          priceKopecksPerUnit: l.priceKopecksPerUnit,
        });
      }
      const merged = { ...base, ...stripUndefined(fields) };
      const problems: FieldProblem[] = [];
      // the listing's holder and material are the deal's: a body naming others is not on that
      // listing (a listing of any material leaves the material to the body)
      if (fields.listingId)
        for (const f of ['providerId', 'consumerId', 'material'] as const)
          if (fields[f] !== undefined && base[f] && fields[f] !== base[f])
            problems.push({ field: f, message: messages.notTheListings() });
      for (const f of ['providerId', 'consumerId', 'material'] as const)
        if (!merged[f]) problems.push({ field: f, message: messages.required() });
      if (problems.length) throw invalid(messages.invalidDeal(), problems);
      const providerId = merged.providerId!;
      const consumerId = merged.consumerId!;
      if (providerId === consumerId)
        throw invalid(messages.invalidDeal(), [
          { field: 'consumerId', message: messages.sameParties() },
        ]);
      const mySide = sideOf({ providerId, consumerId }, me);
      if (!mySide)
        throw invalid(messages.invalidDeal(), [
          { field: 'providerId', message: messages.ownSide() },
        ]);
      for (const f of ['providerId', 'consumerId'] as const) {
        const o = await registryQueries.findOrganisation(tx, merged[f]!);
        if (o?.status !== 'member')
          throw invalid(messages.invalidDeal(), [
            { field: f, message: messages.unknownOrganisation() },
          ]);
      }
      const material = (await registryQueries.findMaterials(tx)).find(
        (m) => m.id === merged.material,
      );
      if (!material)
        throw invalid(messages.invalidDeal(), [
          { field: 'material', message: messages.unknownMaterial() },
        ]);
      // tonnes of ash, never MWh of it: the unit follows the material, as a listing's does
      if (merged.unit !== undefined && merged.unit !== material.unit)
        throw invalid(messages.invalidDeal(), [
          { field: 'unit', message: messages.materialUnit({ unit: material.unit }) },
        ]);
      const terms = parseTerms({
        quality: {},
        transport: { mode: 'road', paidBy: 'consumer' },
        transportKopecksPerUnit: 0,
        tolerancePct: DEFAULT_TOLERANCE_PCT,
        ...pickTerms(merged),
      });
      this.refusePastSchedule(terms.schedule);
      const { state, turn } = opening(mySide);
      return this.open(tx, actor, {
        providerId,
        consumerId,
        material: merged.material!,
        fkko: merged.fkko ?? null,
        listingId: fields.listingId ?? null,
        matchId: null,
        terms,
        state,
        turn,
        side: mySide,
        message: fields.message,
      });
    });
  }

  /** A schedule wholly before today is history, not a plan: 400 naming its end. */
  private refusePastSchedule(schedule: DealTerms['schedule']): void {
    const today = this.today();
    if (schedule.to < today)
      throw invalid(messages.invalidDeal(), [
        { field: 'schedule.to', message: messages.schedulePast({ to: schedule.to, today }) },
      ]);
  }

  private async open(
    tx: Tx,
    actor: Actor,
    o: {
      providerId: string;
      consumerId: string;
      material: string;
      fkko: string | null;
      listingId: string | null;
      matchId: string | null;
      terms: DealTerms;
      state: DealState;
      turn: Side;
      side: Side | null;
      message?: string;
    },
  ): Promise<Deal> {
    const at = this.now();
    const deal: Deal = {
      id: newId('deal'),
      state: o.state,
      turn: o.turn,
      version: 1,
      providerId: o.providerId,
      consumerId: o.consumerId,
      material: o.material,
      fkko: o.fkko,
      listingId: o.listingId,
      matchId: o.matchId,
      ...o.terms,
      createdAt: at,
      updatedAt: at,
      agreedAt: null,
    };
    await repo.insertDeal(tx, deal);
    const transition: DealTransition = {
      dealId: deal.id,
      version: 1,
      action: o.state === 'offered' ? 'offer' : 'counter',
      side: o.side,
      by: actorRef(actor),
      from: null,
      to: deal.state,
      terms: o.terms,
      at,
    };
    await repo.insertTransition(tx, transition);
    const message = o.message
      ? await this.addMessage(tx, actor, deal, o.side, { text: o.message, attachments: [] })
      : undefined;
    await this.event(tx, actor, actor.organisationId, 'deal.created', {
      deal,
      transition,
      ...(message ? { message } : {}),
    });
    return deal;
  }

  /**
   * The reaction to `match.agreed`: the exchange agreed the pair, the material and the yearly
   * quantity, never a price; the deal opens at `requested` at the plan's valuation of the flow
   * (startingPrice) with the provider's turn to offer (price, schedule and quality then
   * negotiated). Idempotent: one deal per match.
   */
  async openFromMatch(tx: Tx, agreed: AgreedMatch, actor: Actor): Promise<Deal | undefined> {
    if (await repo.findDealByMatch(tx, agreed.id)) return undefined;
    const providerId = agreed.supply.organisationId;
    const consumerId = agreed.demand.organisationId;
    if (!providerId || !consumerId || providerId === consumerId) return undefined;
    const demand = await listingRecord(tx, agreed.demand.listingId);
    const supply = await listingRecord(tx, agreed.supply.listingId);
    const quality = Object.fromEntries(
      Object.entries(demand?.quality ?? {}).filter(([, v]) => typeof v === 'object'),
    ) as Deal['quality'];
    // the cluster's day of the agreement (UTC+7): UTC's is the day before from 17:00 on
    const from = clusterDayOf(agreed.agreedAt);
    const to = yearTermEnd(from);
    // a match whose figures no deal can carry (beyond the limits) opens none, rather than
    // failing the subscriber for ever
    const parsed = DealTerms.safeParse({
      quantity: contractQuantity(agreed.quantity),
      unit: agreed.unit,
      schedule: { from, to },
      quality,
      priceKopecksPerUnit: startingPrice(agreed, demand?.priceKopecksPerUnit ?? 0),
      transport: { mode: agreed.mode, paidBy: 'consumer' },
      transportKopecksPerUnit: Math.max(0, agreed.transportKopecksPerUnit),
      tolerancePct: DEFAULT_TOLERANCE_PCT,
    });
    if (!parsed.success) return undefined;
    const terms = parsed.data;
    return this.open(tx, actor, {
      providerId,
      consumerId,
      material: agreed.material,
      fkko: supply?.fkko ?? null,
      listingId: agreed.supply.listingId,
      matchId: agreed.id,
      terms,
      state: 'requested',
      turn: 'provider',
      side: null,
    });
  }

  // --- negotiation ---

  /** `POST /deals/{id}/transitions`: one move by the caller's side; 409 when not its turn. */
  async transition(actor: Actor, id: string, input: unknown, lang: Lang = 'en') {
    const body = parseInput(TransitionInput, input);
    await inTransaction(this.store, async (tx) => {
      const d = await this.readable(tx, actor, id);
      const side = this.writerSide(actor, d);
      if (body.expectedVersion !== undefined && body.expectedVersion !== d.version)
        throw conflict(messages.staleVersion({ id, version: d.version }));
      const s = step(
        { state: d.state, turn: d.turn, terms: termsOf(d) },
        side,
        body.action,
        body.terms as Partial<DealTerms> | undefined,
        (a, b) => mergeTerms(a, b),
      );
      if (!s.ok) throw refusal(s.reason, d, body.action);
      // a counter that moves the schedule plans deliveries to come; one that leaves it keeps it
      const moved = s.next.terms.schedule;
      if (moved.from !== d.schedule.from || moved.to !== d.schedule.to)
        this.refusePastSchedule(moved);
      // the unit came with the material when the deal opened; a counter cannot change it
      if (s.next.terms.unit !== d.unit)
        throw invalid(messages.invalidDeal(), [
          { field: 'unit', message: messages.materialUnit({ unit: d.unit }) },
        ]);
      const at = this.now();
      const next: Deal = {
        ...d,
        ...s.next.terms,
        state: s.next.state,
        turn: s.next.turn,
        version: d.version + 1,
        updatedAt: at,
        agreedAt: s.next.state === 'agreed' ? at : d.agreedAt,
      };
      if (!(await repo.updateDeal(tx, next, d.version)))
        throw conflict(messages.staleVersion({ id, version: d.version + 1 }));
      const transition: DealTransition = {
        dealId: id,
        version: next.version,
        action: body.action,
        side,
        by: actorRef(actor),
        from: d.state,
        to: next.state,
        terms: (body.terms as DealTermsPatch | undefined) ?? null,
        at,
      };
      await repo.insertTransition(tx, transition);
      const message = body.message
        ? await this.addMessage(tx, actor, next, side, { text: body.message, attachments: [] })
        : undefined;
      await this.event(tx, actor, actor.organisationId, 'deal.transitioned', {
        deal: next,
        transition,
        ...(message ? { message } : {}),
      });
    });
    return this.getDeal(actor, id, lang);
  }

  // --- messages ---

  async listMessages(actor: Actor, id: string): Promise<DealMessage[]> {
    await this.readable(this.store, actor, id);
    return repo.findMessages(this.store, id);
  }

  async postMessage(actor: Actor, id: string, input: unknown): Promise<DealMessage> {
    const body = parseInput(MessageInput, input);
    return inTransaction(this.store, async (tx) => {
      const d = await this.readable(tx, actor, id);
      const side = isOperator(actor) ? sideOf(d, actor.organisationId) : this.writerSide(actor, d);
      const message = await this.addMessage(tx, actor, d, side, body);
      await this.event(tx, actor, actor.organisationId, 'deal.message-posted', {
        deal: d,
        message,
      });
      return message;
    });
  }

  private async addMessage(
    tx: Tx,
    actor: Actor,
    d: Deal,
    side: Side | null,
    body: { text: string; attachments: DealMessage['attachments'] },
  ): Promise<DealMessage> {
    const m: DealMessage = {
      id: newId('msg'),
      dealId: d.id,
      side,
      organisationId: actor.organisationId,
      author: actorRef(actor),
      text: body.text,
      attachments: body.attachments,
      postedAt: this.now(),
    };
    await repo.insertMessage(tx, m);
    return m;
  }

  // --- deliveries and settlement ---

  /**
   * Records a delivery against an active deal and posts its ledger lines, in one transaction.
   * For a device event (a weighbridge of the machines module) call it with the system actor,
   * `declaredBy` the side whose scale it is, `source: 'device'` and the `deviceId`.
   */
  async recordDelivery(actor: Actor, dealId: string, input: unknown): Promise<Delivery> {
    const body = parseInput(DeliveryInput, input);
    return inTransaction(this.store, (tx) => this.recordDeliveryIn(tx, actor, dealId, body));
  }

  /** A lot is a fact: no date after the latest day (limits.ts, the web form's `max` too). */
  private futureLot(deliveredOn: string): FieldProblem | null {
    return isFutureLot(deliveredOn, this.clock())
      ? { field: 'deliveredOn', message: messages.futureDelivery() }
      : null;
  }

  /** `recordDelivery` inside a given transaction (a subscriber's). */
  async recordDeliveryIn(tx: Tx, actor: Actor, dealId: string, input: unknown): Promise<Delivery> {
    const body = parseInput(DeliveryInput, input);
    // a device's lot is trusted as the scale's: only a linked weighbridge's weighing (postWeighing,
    // as the system) may say so, never a party or the operator typing it
    if (actor.kind !== 'system' && (body.source === 'device' || body.deviceId !== undefined))
      throw invalid(messages.invalidDelivery(), [
        {
          field: body.source === 'device' ? 'source' : 'deviceId',
          message: messages.deviceLotsOnlyFromLink(),
        },
      ]);
    const d = await this.readable(tx, actor, dealId);
    let side: Side;
    if (isOperator(actor)) {
      if (!body.declaredBy)
        throw invalid(messages.invalidDelivery(), [
          { field: 'declaredBy', message: messages.sideNeeded() },
        ]);
      side = body.declaredBy;
    } else {
      side = this.writerSide(actor, d);
      if (body.declaredBy && body.declaredBy !== side) throw forbidden(messages.notAParty());
    }
    if (d.state !== 'active') throw conflict(messages.notActive({ id: d.id, state: d.state }));
    const future = this.futureLot(body.deliveredOn);
    if (future) throw invalid(messages.invalidDelivery(), [future]);
    // a lot from before the deal existed and before its schedule began is not its lot: it would
    // post to the books and the impact ledger in months the deal did not exist (an early lot
    // after the agreement, and a late one after the schedule, stay: facts the parties settle)
    const earliest = earliestLotDay(d);
    if (body.deliveredOn < earliest)
      throw invalid(messages.invalidDelivery(), [
        { field: 'deliveredOn', message: messages.beforeDeal({ from: earliest }) },
      ]);
    const vatRate = vatRateOn(body.deliveredOn, vatRates());
    if (!vatRate)
      throw invalid(messages.invalidDelivery(), [
        { field: 'deliveredOn', message: messages.noVatRate({ from: vatRates()[0].from }) },
      ]);
    // a measured value within its property's range (ash 0–100 %), as a listing's is
    const units = new Map((await registryQueries.findProperties(tx)).map((p) => [p.id, p.unit]));
    const outOfRange = Object.entries(body.quality)
      .filter(([key, value]) => !inQualityRange(units.get(key), value))
      .map(([key]) => ({
        field: `quality.${key}`,
        message: qualityRangeRule[qualityRangeOf(units.get(key))](),
      }));
    if (outOfRange.length) throw invalid(messages.invalidDelivery(), outOfRange);
    const earlier = await repo.findDeliveries(tx, [dealId]);
    let mismatch = false;
    let confirmed: Delivery | undefined;
    if (body.confirms) {
      confirmed = earlier.find((x) => x.id === body.confirms);
      if (!confirmed || confirmed.declaredBy === side || confirmed.confirms !== null)
        throw invalid(messages.invalidDelivery(), [
          { field: 'confirms', message: messages.badConfirmation() },
        ]);
      const tol = (d.tolerancePct / 100) * Math.max(confirmed.quantity, body.quantity);
      mismatch = Math.abs(confirmed.quantity - body.quantity) > tol + 1e-9;
    }
    const declared = earlier.filter((x) => x.confirms === null).reduce((s, x) => s + x.quantity, 0);
    const total = body.confirms ? declared : declared + body.quantity;
    const beyondContract = !body.confirms && total > d.quantity * (1 + d.tolerancePct / 100) + 1e-9;
    // a typed lot past the contract is more often a slip of the keyboard (999 999 for 99,9) than
    // a real over-delivery: recorded only when the side says it means it; a weighbridge's weighing
    // and a file's row are flagged (beyondContract), not refused
    if (beyondContract && body.source === 'manual' && !body.acceptBeyondContract)
      throw invalid(messages.invalidDelivery(), [
        {
          field: 'quantity',
          message: messages.beyondContractUnconfirmed({
            delivered: total,
            contracted: d.quantity,
            unit: d.unit,
            tolerancePct: d.tolerancePct,
          }),
        },
      ]);
    const [providerVat, consumerVat] = await this.vatRegimesOf(tx, d);
    const posting = {
      providerId: d.providerId,
      consumerId: d.consumerId,
      priceKopecksPerUnit: d.priceKopecksPerUnit,
      transportKopecksPerUnit: d.transportKopecksPerUnit,
      transportPaidBy: d.transport.paidBy,
      quantity: body.quantity,
      vatRatePct: vatRate.ratePct,
      // each side's regime as the registry holds it on the day the lot is recorded
      providerVat,
      consumerVat,
    };
    const lines: LedgerLine[] = body.confirms ? [] : postingLines(posting);
    const sums = body.confirms
      ? {
          netKopecks: 0,
          vatKopecks: 0,
          withVatKopecks: 0,
          vatRatePct: vatRate.ratePct,
          vatExempt: false,
          seller: null,
        }
      : settlement(posting);
    const delivery: Delivery = {
      id: newId('dlv'),
      dealId,
      deliveredOn: body.deliveredOn,
      quantity: body.quantity,
      unit: d.unit,
      quality: body.quality,
      method: body.method,
      declaredBy: side,
      confirms: body.confirms ?? null,
      source: body.source,
      deviceId: body.deviceId ?? null,
      recordedBy: actorRef(actor),
      recordedAt: this.now(),
      outOfSpec: outOfSpec(d.quality, body.quality),
      beyondContract,
      mismatch,
      amountKopecks: sums.netKopecks,
      vatRatePct: sums.vatRatePct,
      ...(sums.seller ? { sellerVatRegime: sums.seller.vat } : {}),
      ...(sums.vatExempt ? { vatExempt: true } : {}),
      vatKopecks: sums.vatKopecks,
      amountWithVatKopecks: sums.withVatKopecks,
    };
    await repo.insertDelivery(tx, delivery);
    await repo.insertLedgerLines(
      tx,
      { id: delivery.id, dealId, postedOn: delivery.deliveredOn },
      lines,
    );
    await this.event(tx, actor, actor.organisationId, 'delivery.recorded', {
      deal: d,
      delivery,
      lines,
    });
    if (confirmed && mismatch && !confirmed.mismatch) {
      const flagged = { ...confirmed, mismatch: true };
      await repo.updateDelivery(tx, flagged);
      await this.event(tx, actor, actor.organisationId, 'delivery.flagged', { delivery: flagged });
    }
    return delivery;
  }

  // --- weighbridges linked to deals ---

  /**
   * `POST /deals/{id}/devices`: a weighbridge of one side's organisation linked to an open
   * deal by that organisation's admin (the operator names the side). A device is linked to one
   * deal at a time, and a deal has one weighbridge at a time: a lot is never counted twice.
   */
  async linkDevice(actor: Actor, dealId: string, input: unknown): Promise<DealDevice> {
    const body = parseInput(DealDeviceInput, input);
    return inTransaction(this.store, async (tx) => {
      const d = await this.readable(tx, actor, dealId);
      let side: Side;
      if (isOperator(actor)) {
        if (!body.side)
          throw invalid(messages.invalidLink(), [
            { field: 'side', message: messages.sideNeeded() },
          ]);
        side = body.side;
      } else {
        side = this.writerSide(actor, d);
        if (body.side && body.side !== side) throw forbidden(messages.notAParty());
      }
      const organisationId = side === 'provider' ? d.providerId : d.consumerId;
      requireOrganisationRole(actor, organisationId, 'org_admin');
      if (d.state === 'completed' || d.state === 'terminated')
        throw conflict(messages.closed({ id: d.id, state: d.state }));
      const device = await deviceRecord(tx, body.deviceId);
      // another organisation's device is "no such device": its existence is not the caller's
      if (device?.organisationId !== organisationId)
        throw invalid(messages.invalidLink(), [
          { field: 'deviceId', message: messages.notOwnDevice() },
        ]);
      const problems: FieldProblem[] = [];
      if (device.profileId !== WEIGHBRIDGE_PROFILE)
        problems.push({
          field: 'deviceId',
          message: messages.notWeighbridge({ profile: device.profileId }),
        });
      if (d.unit !== 't')
        problems.push({ field: 'deviceId', message: messages.notTonnes({ unit: d.unit }) });
      if (problems.length) throw invalid(messages.invalidLink(), problems);
      const [elsewhere] = await repo.findDealDevices(tx, { deviceId: device.id, inForce: true });
      if (elsewhere)
        throw conflict(
          messages.deviceLinkedElsewhere({ deviceId: device.id, dealId: elsewhere.dealId }),
        );
      const [present] = await repo.findDealDevices(tx, { dealId: d.id, inForce: true });
      if (present)
        throw conflict(messages.dealHasWeighbridge({ id: d.id, deviceId: present.deviceId }));
      const link: DealDevice = {
        id: newId('dd'),
        dealId: d.id,
        deviceId: device.id,
        side,
        organisationId,
        linkedBy: actorRef(actor),
        linkedAt: this.now(),
        revokedBy: null,
        revokedAt: null,
      };
      const e = await this.event(tx, actor, organisationId, 'deal.device-linked', { link });
      await repo.insertDealDevice(tx, link, e.seq);
      return link;
    });
  }

  /** `DELETE /deals/{id}/devices/{linkId}`: the link revoked (its later weighings post nothing). */
  async unlinkDevice(actor: Actor, dealId: string, linkId: string): Promise<DealDevice> {
    return inTransaction(this.store, async (tx) => {
      const d = await this.readable(tx, actor, dealId);
      const link = await repo.findDealDevice(tx, linkId);
      if (!link || link.dealId !== d.id) throw notFound(messages.linkNotFound());
      if (!isOperator(actor)) this.writerSide(actor, d);
      requireOrganisationRole(actor, link.organisationId, 'org_admin');
      if (link.revokedAt)
        throw conflict(
          messages.linkRevoked({ deviceId: link.deviceId, revokedAt: link.revokedAt }),
        );
      const revoked: DealDevice = { ...link, revokedBy: actorRef(actor), revokedAt: this.now() };
      const e = await this.event(tx, actor, link.organisationId, 'deal.device-unlinked', {
        link: revoked,
      });
      await repo.revokeDealDevice(tx, revoked, e.seq);
      return revoked;
    });
  }

  /** `GET /deals/{id}/devices`: the deal's weighbridge links, revoked ones included. */
  async listDevices(actor: Actor, dealId: string): Promise<DealDevice[]> {
    await this.readable(this.store, actor, dealId);
    return repo.findDealDevices(this.store, { dealId });
  }

  /**
   * The reaction to `weighing.recorded` (journal position `seq`), inside the subscriber's
   * transaction: the links of the device in force at that position, each on an active deal,
   * get the weighing as a delivery declared by the link's side. Once per device and message,
   * however often the event comes; a weighing of no linked device, of zero net, or for a deal
   * not active posts nothing. A weighing the delivery rules refuse (a net beyond the bounds, a
   * lot dated ahead) is not a reason to stop the subscriber, which would leave every later
   * weighing of every deal unposted: it is refused alone, in the deal's thread (where both
   * parties, the weighbridge's organisation among them, read what happened to their lots) and
   * as a `weighing.refused` event; only an infrastructure error stops the subscriber.
   */
  async postWeighing(tx: Tx, w: Weighing, seq: number): Promise<Delivery[]> {
    if (!(w.netTonnes > 0)) return [];
    if (await repo.weighingPosted(tx, w.deviceId, w.messageId)) return [];
    const posted: Delivery[] = [];
    for (const link of await repo.linksAt(tx, w.deviceId, seq)) {
      const d = await repo.findDeal(tx, link.dealId);
      if (d?.state !== 'active' || d.unit !== 't') continue;
      let delivery: Delivery;
      try {
        // its rules all hold before it writes anything: a refusal leaves nothing half-written
        delivery = await this.recordDeliveryIn(tx, systemActor, d.id, {
          // the cluster's day of the weighing, as the deal's own days are
          deliveredOn: clusterDayOf(w.ts),
          quantity: w.netTonnes,
          method: 'weighbridge',
          declaredBy: link.side,
          source: 'device',
          deviceId: w.deviceId,
        });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        await this.refuseWeighing(tx, d, link, w, seq, e);
        break;
      }
      await repo.insertWeighing(tx, {
        device_id: w.deviceId,
        message_id: w.messageId,
        deal_id: d.id,
        delivery_id: delivery.id,
      });
      posted.push(delivery);
      break; // one link in force per device: never two deliveries of one lot
    }
    return posted;
  }

  /**
   * An organisation's VAT regime changed: each of its open deals says so in its thread, in both
   * languages, for the counterpart's books of the lots to come change with it (its id from the
   * event's seq and the deal, so a replay posts it once). Closed deals are left alone.
   */
  async tellVatRegimeChange(tx: Tx, c: VatRegimeChanged, seq: number): Promise<void> {
    const worded = (lang: Lang) =>
      messages
        .vatRegimeChanged({
          organisation: lang === 'en' ? (c.nameEn ?? c.name) : c.name,
          from: c.from,
          to: c.to,
        })
        .text(lang);
    const open = await repo.findDeals(tx, { organisationId: c.organisationId, state: openStates });
    for (const d of open) {
      const id = `msg-vat-${seq}-${d.id}`;
      if (await repo.messageExists(tx, id)) continue;
      const message = await this.platformMessage(tx, id, d.id, worded);
      await this.event(tx, systemActor, c.organisationId, 'deal.message-posted', {
        deal: d,
        message,
      });
    }
  }

  /** Writes the platform's own message in a deal's thread: Russian, a blank line, English. */
  private async platformMessage(
    tx: Tx,
    id: string,
    dealId: string,
    worded: (lang: Lang) => string,
  ): Promise<DealMessage> {
    const message: DealMessage = {
      id,
      dealId,
      side: null,
      organisationId: null,
      author: actorRef(systemActor),
      text: `${worded('ru')}\n\n${worded('en')}`,
      attachments: [],
      postedAt: this.now(),
    };
    await repo.insertMessage(tx, message);
    return message;
  }

  /**
   * A weighing the delivery rules refused: a message in the deal's thread, in both languages
   * (its id from the event's seq, so a replay posts it once), and `weighing.refused` with the
   * reason by code for the weighbridge's organisation.
   */
  private async refuseWeighing(
    tx: Tx,
    d: Deal,
    link: DealDevice,
    w: Weighing,
    seq: number,
    e: DomainError,
  ): Promise<void> {
    const id = `msg-weighing-${seq}`;
    if (await repo.messageExists(tx, id)) return;
    const problems = e.fields.length ? e.fields : [{ field: '', message: e.detail }];
    const worded = (lang: Lang) =>
      messages
        .weighingRefused({
          messageId: w.messageId,
          deviceId: w.deviceId,
          net: w.netTonnes,
          ts: w.ts,
          reason: problems
            .map((f) => (f.field ? `${f.field}: ${f.message.text(lang)}` : f.message.text(lang)))
            .join('; '),
        })
        .text(lang);
    const message = await this.platformMessage(tx, id, d.id, worded);
    await this.event(tx, systemActor, link.organisationId, 'weighing.refused', {
      deal: d,
      link,
      weighing: w,
      message,
      reason: {
        code: e.detail.code,
        params: e.detail.params,
        fields: e.fields.map((f) => ({
          field: f.field,
          code: f.message.code,
          params: f.message.params,
        })),
      },
    });
  }

  /**
   * Deliveries from a CSV or XLSX file (see import.ts): every row checked first, each bad one
   * named by its line; then all recorded in one transaction, or none.
   */
  async importDeliveries(
    actor: Actor,
    dealId: string,
    bytes: Buffer,
    format: DeliveryFileFormat,
  ): Promise<{ imported: Delivery[] }> {
    await this.readable(this.store, actor, dealId);
    const { rows, problems } = await decodeDeliveries(bytes, format);
    const all: FieldProblem[] = [...problems];
    const inputs: DeliveryFields[] = [];
    for (const r of rows) {
      const parsed = DeliveryInput.safeParse({ ...r.fields, source: 'import' });
      const future = parsed.success ? this.futureLot(parsed.data.deliveredOn) : null;
      if (future) all.push({ ...future, line: r.line });
      else if (parsed.success) inputs.push(parsed.data);
      else all.push(...fieldProblems(parsed.error.issues).map((f) => ({ ...f, line: r.line })));
    }
    if (all.length || !inputs.length) throw invalid(messages.invalidImport(), all);
    return inTransaction(this.store, async (tx) => {
      const imported: Delivery[] = [];
      for (const input of inputs)
        imported.push(await this.recordDeliveryIn(tx, actor, dealId, input));
      return { imported };
    });
  }

  /** Deliveries of the caller's deals (the operator: all), of one deal when given. */
  async listDeliveries(actor: Actor, filter: { dealId?: string } = {}): Promise<Delivery[]> {
    requireLogin(actor);
    if (filter.dealId) {
      await this.readable(this.store, actor, filter.dealId);
      return repo.findDeliveries(this.store, [filter.dealId]);
    }
    if (isOperator(actor)) return repo.findDeliveries(this.store);
    if (!actor.organisationId) return [];
    const deals = await repo.findDeals(this.store, { organisationId: actor.organisationId });
    return repo.findDeliveries(
      this.store,
      deals.map((d) => d.id),
    );
  }

  /**
   * `GET /api/v1/ledger/trial-balance`: the operator sees every organisation's books, a
   * member's users only their own (which balance on their own); observers get 403.
   */
  async trialBalance(actor: Actor, query: { asOf?: string } = {}): Promise<TrialBalance> {
    requireLogin(actor);
    if (!readsBooks(actor))
      throw forbidden(
        actor.role === 'observer' ? messages.observersNoLedger() : messages.notAParty(),
      );
    const asOf = query.asOf ?? this.today();
    const lines = await repo.findLedgerLines(this.store, {
      asOf,
      organisationId: isOperator(actor) ? undefined : (actor.organisationId ?? undefined),
    });
    return { asOf, unit: 'kopeck', ...trialBalance(lines) };
  }

  /**
   * `GET /api/v1/deals/{id}/ledger`: the lines the deal's deliveries posted, as stored — the
   * operator sees both parties' books, a party's users only their own organisation's lines (as
   * with the trial balance); observers get 403, other organisations 404 (as every deal read).
   */
  async dealLedger(actor: Actor, id: string): Promise<DealLedger> {
    const d = await this.readable(this.store, actor, id);
    if (actor.role === 'observer') throw forbidden(messages.observersNoLedger());
    const operator = isOperator(actor);
    const lines = await repo.findDealLedgerLines(
      this.store,
      d.id,
      operator ? undefined : (actor.organisationId ?? undefined),
    );
    return {
      dealId: d.id,
      unit: 'kopeck',
      scope: operator ? 'deal' : 'organisation',
      lines,
      totalDebit: lines.reduce((s, l) => s + l.debit, 0),
      totalCredit: lines.reduce((s, l) => s + l.credit, 0),
    };
  }

  // --- transaction costs: digital vs territorial ---

  /** The facts of one deal the cost engine needs, or the party without a site. */
  private async costFacts(
    reader: Reader,
    d: Deal,
    siteOf: (organisationId: string) => Promise<CostSite | undefined>,
  ): Promise<{ facts: DealTransactionFacts; sites: DealCost['sites'] } | { noSite: string }> {
    const [provider, consumer] = [await siteOf(d.providerId), await siteOf(d.consumerId)];
    if (!provider) return { noSite: d.providerId };
    if (!consumer) return { noSite: d.consumerId };
    const transitions = await repo.findTransitions(reader, d.id);
    const moves = transitions.filter((t) => t.from !== null);
    const deliveries = (await repo.findDeliveries(reader, [d.id])).filter(
      (x) => x.confirms === null,
    );
    return {
      sites: { provider, consumer },
      facts: {
        dealId: d.id,
        providerId: d.providerId,
        consumerId: d.consumerId,
        firstContactAt: transitions[0]?.at ?? d.createdAt,
        agreedAt: d.agreedAt,
        offered: transitions.some((t) => t.to !== 'requested'),
        messages: (await repo.findMessages(reader, d.id)).length,
        transitions: moves.length,
        deliveries: deliveries.length,
        providerSite: provider,
        consumerSite: consumer,
      },
    };
  }

  /** Each organisation's first registry site (by name), looked up once. */
  private siteLookup(reader: Reader) {
    const cache = new Map<string, Promise<CostSite | undefined>>();
    return (organisationId: string) => {
      let s = cache.get(organisationId);
      if (!s) {
        s = registryQueries.findSites(reader, { organisationId }).then((sites) => {
          const f = sites[0];
          return f ? { siteId: f.id, name: f.name, lat: f.lat, lon: f.lon } : undefined;
        });
        cache.set(organisationId, s);
      }
      return s;
    };
  }

  private static costRow(
    d: Deal,
    facts: DealTransactionFacts,
    sites: DealCost['sites'],
    c: DealTransactionCost,
  ): DealCost {
    return {
      ...c,
      state: d.state,
      firstContactAt: facts.firstContactAt,
      agreedAt: facts.agreedAt,
      sites,
    };
  }

  /** `GET /api/v1/deals/{id}/costs`: one deal's digital facts against the territorial counterfactual. */
  async dealCosts(actor: Actor, id: string): Promise<DealCost> {
    const d = await this.readable(this.store, actor, id);
    const r = await this.costFacts(this.store, d, this.siteLookup(this.store));
    if ('noSite' in r) throw conflict(messages.noSite({ organisationId: r.noSite, id }));
    return DealsService.costRow(
      d,
      r.facts,
      r.sites,
      dealTransactionCost(r.facts, transactionCostConfig()),
    );
  }

  /**
   * `GET /api/v1/deals/costs`: the caller's deals and its own organisation's half of each (the
   * operator: every deal, every organisation and the cluster).
   */
  async costReport(actor: Actor): Promise<DealCostReport> {
    requireLogin(actor);
    const operator = isOperator(actor);
    const own = operator ? undefined : (actor.organisationId ?? undefined);
    const deals = operator || own ? await repo.findDeals(this.store, { organisationId: own }) : [];
    const siteOf = this.siteLookup(this.store);
    const withoutSites: string[] = [];
    const located: { deal: Deal; facts: DealTransactionFacts; sites: DealCost['sites'] }[] = [];
    for (const deal of [...deals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const r = await this.costFacts(this.store, deal, siteOf);
      if ('noSite' in r) withoutSites.push(deal.id);
      else located.push({ deal, ...r });
    }
    const report = transactionCosts(
      located.map((x) => x.facts),
      transactionCostConfig(),
    );
    return {
      deals: report.deals.map((c, i) =>
        DealsService.costRow(located[i]!.deal, located[i]!.facts, located[i]!.sites, c),
      ),
      organisations: operator
        ? report.organisations
        : report.organisations.filter((o) => o.organisationId === own),
      cluster: operator ? report.cluster : null,
      formula: operator ? report.formula : null,
      splitRule: report.splitRule,
      withoutSites,
      status: 'estimate',
    };
  }

  // --- the impact ledger ---

  /**
   * `GET /api/v1/impact`: tonnes diverted, CO2e avoided net and the net benefit at the three
   * levels (identified, contracted, delivered), per month and per organisation (impact.ts).
   */
  async impact(actor: Actor, query: unknown = {}): Promise<ImpactReport> {
    return impactReport(this.store, actor, parseInput(ImpactQuery, query ?? {}));
  }

  // --- mass balance and the value chain ---

  /** The caller's deals and their lots (the operator: all); null: no organisation to scope by. */
  private async scopedLots(actor: Actor) {
    requireLogin(actor);
    const operator = isOperator(actor);
    const own = operator ? undefined : (actor.organisationId ?? undefined);
    if (!operator && !own) return { operator, own, deals: [], lots: [] };
    const deals = await repo.findDeals(this.store, { organisationId: own });
    const deliveries = deals.length
      ? await repo.findDeliveries(
          this.store,
          deals.map((d) => d.id),
        )
      : [];
    return { operator, own, deals, lots: balanceLots(deals, deliveries) };
  }

  /**
   * `GET /api/v1/balance`: per deal delivered vs contracted (flags at the deal's own tolerance)
   * and per organisation and material in, out, balance; a member sees its own organisation's.
   */
  async massBalance(actor: Actor): Promise<MassBalanceReport> {
    const { operator, own, deals, lots } = await this.scopedLots(actor);
    const all = balanceDeals(deals);
    const perDeal = all.map(
      (bd, i) =>
        massBalance(
          [bd],
          lots.filter((l) => l.dealId === bd.id),
          { tolerance: deals[i]!.tolerancePct / 100 },
        ).deals[0]!,
    );
    const { organisations } = massBalance(all, lots, { tolerance: 0 });
    return {
      deals: perDeal.sort((a, b) => (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0)),
      organisations: operator
        ? organisations
        : organisations.filter((o) => o.organisationId === own),
    };
  }

  /**
   * `GET /api/v1/flows`: tonnes delivered between kinds of organisation, as a Sankey; of one
   * material and of the lots delivered between `from` and `to` (inclusive) when given.
   */
  async valueChain(actor: Actor, query: FlowsQuery = {}): Promise<ValueChainReport> {
    const { operator, deals, lots } = await this.scopedLots(actor);
    const byId = new Map(deals.map((d) => [d.id, d]));
    const kindOf = Object.fromEntries(
      (await registryQueries.findOrganisations(this.store)).map((o) => [o.id, o.kind]),
    );
    const materials = [...new Set(lots.map((l) => byId.get(l.dealId)!.material))].sort();
    const chosen = lots.filter(
      (l) =>
        (!query.material || byId.get(l.dealId)!.material === query.material) &&
        (!query.from || l.date >= query.from) &&
        (!query.to || l.date <= query.to),
    );
    const flows = chosen.map((l) => {
      const d = byId.get(l.dealId)!;
      return {
        providerId: d.providerId,
        consumerId: d.consumerId,
        material: d.material,
        unit: d.unit,
        quantity: l.quantity,
      };
    });
    return {
      scope: operator ? 'cluster' : 'organisation',
      ...valueChain(flows, kindOf),
      materials,
    };
  }

  // --- form 2-TP (waste) ---

  /** Reading an organisation's 2-TP: its own users (any role) and the operator. */
  private form2tpReader(actor: Actor, organisationId: string) {
    requireLogin(actor);
    if (!isOperator(actor) && actor.organisationId !== organisationId)
      throw forbidden(messages.form2tpOwn());
  }

  /** The year's rows of one organisation (null = no data) and the figures it stored. */
  async form2tpReport(actor: Actor, organisationId: string, year: number) {
    this.form2tpReader(actor, organisationId);
    const figures = (await repo.findForm2tpFigures(this.store, organisationId, year)) ?? null;
    const deals = await repo.findDeals(this.store, { organisationId });
    const deliveries = deals.length
      ? await repo.findDeliveries(
          this.store,
          deals.map((d) => d.id),
        )
      : [];
    const imports: Form2tpImport[] = (figures?.rows ?? []).map((r) => ({
      ...r,
      organisationId,
      year,
    }));
    const rows = form2tpRows(
      balanceDeals(deals),
      balanceLots(deals, deliveries),
      imports,
      year,
    ).filter((r) => r.organisationId === organisationId);
    return {
      organisationId,
      year,
      figures,
      columns: form2tpColumns.map((key) => ({ key, ...form2tpHeadings[key] })),
      rows,
    };
  }

  /** `GET /api/v1/deals/form-2tp.xlsx`: the same rows as a workbook, «нет данных» for null. */
  async form2tpWorkbook(actor: Actor, organisationId: string, year: number): Promise<Buffer> {
    const { rows } = await this.form2tpReport(actor, organisationId, year);
    const names = await registryQueries.organisationNames(this.store, [organisationId]);
    const catalogue = fkkoCatalogue();
    return form2tpXlsx(rows, {
      year,
      organisationNames: Object.fromEntries(names),
      fkkoNames: Object.fromEntries(rows.map((r) => [r.fkko, catalogue.get(r.fkko)?.name ?? ''])),
    });
  }

  /**
   * `PUT /api/v1/deals/form-2tp/{organisationId}/{year}`: the columns the platform does not
   * record, replacing what was stored for that year; journaled with the full new state.
   */
  async saveForm2tpFigures(
    actor: Actor,
    organisationId: string,
    year: number,
    input: unknown,
  ): Promise<Form2tpFigures> {
    requireLogin(actor);
    if (
      !isOperator(actor) &&
      (actor.organisationId !== organisationId ||
        actor.role === 'observer' ||
        actor.member === false)
    )
      throw forbidden(messages.form2tpWriters());
    const r = Form2tpFiguresInput.safeParse(input);
    if (!r.success) throw invalid(messages.invalidForm2tp(), fieldProblems(r.error.issues));
    return inTransaction(this.store, async (tx) => {
      if (!(await registryQueries.findOrganisation(tx, organisationId)))
        throw notFound(messages.unknownOrganisation());
      const figures: Form2tpFigures = {
        id: `${organisationId}/${year}`,
        organisationId,
        year,
        rows: r.data.rows,
        updatedAt: this.now(),
        updatedBy: actor.id,
      };
      await repo.saveForm2tpFigures(tx, figures);
      await this.event(tx, actor, organisationId, 'form-2tp.saved', { figures });
      return figures;
    });
  }
}

type CostSite = DealCost['sites']['provider'];

/** Deals as the balance engine takes them. */
function balanceDeals(deals: readonly Deal[]): BalanceDeal[] {
  return deals.map((d) => ({
    id: d.id,
    providerId: d.providerId,
    consumerId: d.consumerId,
    material: d.material,
    unit: d.unit,
    fkko: d.fkko,
    contractedQuantity: d.quantity,
    spec: d.quality,
  }));
}

/**
 * The lots: each declaration (a delivery that confirms none) at its measured quantity, with
 * what each side declared when the other side confirmed it (the first confirmation).
 */
function balanceLots(deals: readonly Deal[], deliveries: readonly Delivery[]): BalanceDelivery[] {
  const purposeOf = new Map(deals.map((d) => [d.id, d.wastePurpose]));
  const confirmation = new Map<string, Delivery>();
  for (const x of deliveries)
    if (x.confirms !== null && !confirmation.has(x.confirms)) confirmation.set(x.confirms, x);
  return deliveries
    .filter((x) => x.confirms === null && purposeOf.has(x.dealId))
    .map((x) => {
      const c = confirmation.get(x.id);
      const purpose = purposeOf.get(x.dealId);
      return {
        id: x.id,
        dealId: x.dealId,
        date: x.deliveredOn,
        quantity: x.quantity,
        quality: x.quality,
        ...(purpose ? { purpose } : {}),
        declared: {
          [x.declaredBy]: x.quantity,
          ...(c ? { [c.declaredBy]: c.quantity } : {}),
        },
      };
    });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const termKeys = [
  'quantity',
  'unit',
  'schedule',
  'quality',
  'priceKopecksPerUnit',
  'transport',
  'transportKopecksPerUnit',
  'tolerancePct',
  'wastePurpose',
] as const;

function pickTerms(o: Record<string, unknown>): Partial<DealTerms> {
  return Object.fromEntries(
    termKeys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]),
  ) as Partial<DealTerms>;
}

/**
 * The price a deal from a match opens at, per contract (shipped) unit: what the plan valued the
 * flow at, value ÷ quantity. The request's own price is per delivered unit of the reference
 * material: a flow that yields 0.8 t per shipped t, or is worth ×0.94 of it by heat, would open
 * 6-25 % above what the buyer's own figures say it is worth. The provider's counter-offer sets
 * the real price.
 */
function startingPrice(agreed: AgreedMatch, requestPrice: number): number {
  return agreed.quantity > 0 ? Math.round(agreed.valueKopecks / agreed.quantity) : requestPrice;
}

function parseTerms(t: unknown): DealTerms {
  const r = DealTerms.safeParse(t);
  if (r.success) return r.data;
  return parseInput(DealTerms, t); // throws the 400 naming the fields
}

/** A counter-offer's change merged over the terms, checked whole. */
function mergeTerms(a: DealTerms, b: Partial<DealTerms>): DealTerms {
  return parseTerms({ ...a, ...stripUndefined(b) });
}

function refusal(reason: string, d: Deal, action: DealActionName) {
  const p = { id: d.id, state: d.state, action, turn: d.turn ?? '—' };
  switch (reason) {
    case 'not_your_turn':
      return conflict(messages.notYourTurn(p));
    case 'closed':
      return conflict(messages.closed(p));
    case 'terms_required':
      return invalid(messages.termsRequired(p), [{ field: 'terms', message: messages.required() }]);
    case 'terms_not_allowed':
      return invalid(messages.termsNotAllowed(p), [
        { field: 'terms', message: messages.termsNotAllowed(p) },
      ]);
    default:
      return conflict(messages.stateForbids(p));
  }
}
