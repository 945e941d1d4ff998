// Plans over the live listings: computed for current members, saved with a match proposal per
// flow, and shown to each viewer with the holders it may not see masked.
import { createHash, randomUUID } from 'node:crypto';
import { inTransaction } from '../journal/index.ts';
import {
  type Actor,
  actorRef,
  type DomainError,
  type FieldProblem,
  forbidden,
  invalid,
  isOperator,
  type Lang,
  messageByCode,
  notFound,
  parseInput,
  requireLogin,
  unprocessable,
  type WordedMessage,
} from '../model/index.ts';
import { wordQuantity } from '../model/wording.ts';
import type { Material } from '../registry/index.ts';
import { registryQueries as rq } from '../registry/index.ts';
import type { Reader } from '../store/index.ts';
import { heavyWork } from '../work/index.ts';
import { type ExchangeContext, record, today } from './context.ts';
import { transportFrom } from './engine/candidates.ts';
import {
  type FactorTable,
  overrideProblems,
  unknownFactorKeys,
  withOverrides,
} from './engine/factors.ts';
import { maskInternalReuse, maskPlan, type PlanListing } from './engine/plan.ts';
import { screenListings } from './engine/screen.ts';
import { EngineInputError } from './engine/solve/index.ts';
import { declineStillHolds, termsKey } from './engine/terms.ts';
import { type Holders, loadHolders } from './holders.ts';
import { listingLimits } from './limits.ts';
import { amountOn, beyond } from './matches.ts';
import { messages as m, warnings as planWarnings } from './messages.ts';
import { type PlanOutcome, planFrom, planOrder } from './plan-worker.ts';
import { citedSources, factorTable, railNetwork, viewerOptions } from './reference.ts';
import {
  findListings,
  findMatches,
  findPlan,
  insertMatch,
  insertPlan,
  updateMatch,
} from './repository.ts';
import {
  type ListingRecord,
  type MatchRecord,
  type Plan,
  type PlanDocument,
  type PlanRecord,
  PlanRequest,
  type SavedPlan,
} from './schema.ts';
import { holderShown, revealedTo } from './visibility.ts';

/** Warnings about an agreement: only its two sides and the operator read them. */
const agreementCodes = new Set([
  planWarnings.agreedLeftOutBecause.code,
  planWarnings.agreedLeftOut.code,
]);

/** Plans show the members' streams: only a current member (or the operator) reads them. */
function requireCurrentMember(actor: Actor): void {
  requireLogin(actor);
  if (actor.member === false && !isOperator(actor)) throw forbidden(m.plansForMembers());
}

export interface LiveListings {
  listings: PlanListing[];
  materials: Map<string, Material>;
  /** the records they come from, by id */
  records: Map<string, ListingRecord>;
}

/** The live listings (active, not expired, held by a current member) as the planner takes them. */
export async function liveListings(c: ExchangeContext, reader: Reader): Promise<LiveListings> {
  const [rows, members, sites, materials] = await Promise.all([
    findListings(reader, { status: 'active', today: today(c) }),
    rq.findOrganisations(reader, { status: 'member' }),
    rq.findSites(reader),
    rq.findMaterials(reader),
  ]);
  // An organisation that left trades no more.
  const names = new Map(members.map((o) => [o.id, o.name]));
  const namesEn = new Map(members.map((o) => [o.id, o.nameEn ?? null]));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const listings: PlanListing[] = [];
  const records = new Map<string, ListingRecord>();
  for (const l of rows) {
    const site = siteById.get(l.siteId);
    const name = names.get(l.organisationId);
    if (!site || name === undefined) continue;
    const { id, organisationId, status: _s, createdAt: _c, updatedAt: _u, ...fields } = l;
    // Every listing at its true site, an anonymous holder's too: the optimum is computed on
    // true distances, and each viewer's figures are masked afterwards (`forReader`).
    records.set(id, l);
    listings.push({
      ...fields,
      id,
      quality: fields.quality ?? {},
      lat: site.lat,
      lon: site.lon,
      organisationId,
      organisationName: name,
      organisationNameEn: namesEn.get(organisationId) ?? null,
      siteId: l.siteId,
      agglomeration: site.agglomeration,
    });
  }
  return { listings, materials: new Map(materials.map((x) => [x.id, x])), records };
}

/** The listings an engine issue names: `supply X`, `demand X`, `link X→Y (links[i])`. */
function listingsNamed(item: string): string[] {
  const side = /^(?:supply|demand) (\S+)$/.exec(item);
  if (side) return [side[1]];
  const link = /^link (\S+)→(\S+?)(?: \(links\[\d+\]\))?$/.exec(item);
  return link ? [link[1], link[2]] : [];
}

/**
 * What the engine refused, as a 422 naming the listings: screening keeps figures beyond its
 * range out, so this is a listing no form accepts (a row edited by hand, say).
 */
export function engineProblem(e: EngineInputError): DomainError {
  const named = new Set<string>();
  const fields: FieldProblem[] = e.issues.map((issue) => {
    const ids = listingsNamed(issue.item);
    for (const id of ids) named.add(id);
    return {
      field: ids.length ? `listings.${ids.join('→')}` : 'listings',
      message: m.engineIssue({ item: issue.item, issue: issue.message }),
    };
  });
  return unprocessable(m.planInputRejected({ listings: [...named].join(', ') || '?' }), fields);
}

/**
 * Plans in a worker thread, by one deadline, within the actor's limit on heavy requests; the
 * live listings are read once the limit has admitted the request.
 */
/**
 * The factors table a plan request computes with: the table's values, the request's overrides
 * in their place. An override of a key the table does not have is refused (400), by its key.
 */
export function planFactors(request: PlanRequest): FactorTable {
  const table = factorTable();
  const unknown = unknownFactorKeys(table, request.factors ?? {});
  if (unknown.length)
    throw invalid(
      m.unknownFactor({ key: unknown.join(', ') }),
      unknown.map((key) => ({ field: `factors.${key}`, message: m.unknownFactor({ key }) })),
    );
  const wrong = overrideProblems(request.factors ?? {}).map(([key, problem]) => ({
    field: `factors.${key}`,
    message:
      problem === 'coalCalorific'
        ? m.factorCoalCalorific({ key, ...listingLimits.calorificKcalPerKg })
        : problem === 'negative'
          ? m.factorNegative({ key })
          : m.factorNotPositive({ key }),
  }));
  if (wrong.length) throw invalid(wrong[0].message, wrong);
  return withOverrides(table, request.factors);
}

async function compute(c: ExchangeContext, actor: Actor, request: PlanRequest) {
  const factors = planFactors(request);
  const rail = railNetwork();
  let live: LiveListings | undefined;
  let screened: { kept: PlanListing[]; warnings: PlanDocument['warnings'] } | undefined;
  try {
    const outcome = await heavyWork().run<PlanOutcome>(
      actor,
      request.timeLimitSeconds,
      async (deadline) => {
        const [listings, accepted, proposed] = await Promise.all([
          liveListings(c, c.store),
          findMatches(c.store, { status: 'accepted' }),
          findMatches(c.store, { status: 'proposed' }),
        ]);
        const flowOf = (x: MatchRecord) => ({
          supply: x.supplyListingId,
          demand: x.demandListingId,
          quantity: x.flow.quantity,
        });
        live = listings;
        // One member's listing beyond the engine's range is left out, not the plan refused.
        screened = screenListings(listings.listings, transportFrom(factors, rail));
        return planOrder({
          listings: screened.kept,
          materials: listings.materials,
          request,
          // what both sides agreed stands in the plan as agreed
          agreed: accepted.map(flowOf),
          // and of equally good plans, the one nearest to what is proposed
          proposed: proposed.map(flowOf),
          factors,
          rail,
          now: c.clock().toISOString(),
          deadline,
        });
      },
    );
    const plan = planFrom(outcome);
    return {
      plan: { ...plan, warnings: [...(screened?.warnings ?? []), ...plan.warnings] },
      records: live?.records ?? new Map(),
    };
  } catch (e) {
    if (e instanceof EngineInputError) throw engineProblem(e);
    throw e;
  }
}

/** The params of warnings that hold a listing id (the web links them to the listing). */
const listingParams = ['supply', 'demand', 'id'] as const;

/** What a reader's warnings need to name listings: the listings, their holders, the taxonomy. */
interface WarningContext {
  listings: ReadonlyMap<string, ListingRecord>;
  shown: (l: ListingRecord) => boolean;
  holders: Holders;
  materials: ReadonlyMap<string, { ru: string; en: string }>;
  uses: ReadonlyMap<string, { ru: string; en: string }>;
  /** a property as a warning names it: «ΣREE» — …; “ΣREE” — rare earths */
  properties: ReadonlyMap<string, { ru: string; en: string }>;
}

/**
 * A listing as a warning names it: its material (or use), when the reader may see it its
 * holder, and its yearly quantity (which the marketplace shows of every listing), so that two
 * listings of one holder and material read apart — «Зола-унос», АО «…», 300 000 т/год;
 * “Fly ash”, JSC …, 300,000 t/yr — never its id; a hidden holder stays hidden.
 */
function listingLabel(id: string, lang: Lang, ctx: WarningContext): string {
  // each language's own quotation marks: «…» in Russian, “…” in English
  const q = (text: string) => (lang === 'ru' ? `«${text}»` : `“${text}”`);
  const l = ctx.listings.get(id);
  if (!l) return q(lang === 'ru' ? 'объявление снято' : 'a listing no longer live');
  const what =
    (l.materialId && ctx.materials.get(l.materialId)?.[lang]) ||
    (l.useId && ctx.uses.get(l.useId)?.[lang]) ||
    '?';
  const perYear = `${wordQuantity(l.quantityPerYear, l.unit, lang)}/${lang === 'ru' ? 'год' : 'yr'}`;
  if (!ctx.shown(l))
    return `${q(what)}, ${lang === 'ru' ? 'держатель скрыт' : 'holder hidden'}, ${perYear}`;
  const name =
    (lang === 'en' && ctx.holders.organisationNameEn(l.organisationId)) ||
    ctx.holders.organisationName(l.organisationId) ||
    '?';
  return `${q(what)}, ${name}, ${perYear}`;
}

/**
 * A stored warning in the reader's language: the listing ids of its params worded as the
 * listings (the answer's params keep the ids, so that the web links to them), property ids as
 * their symbols and names. A code no catalogue knows stays as it is.
 */
function wordedWarning(
  w: PlanDocument['warnings'][number],
  lang: Lang,
  ctx: WarningContext,
): WordedMessage {
  const labelled: Record<string, string | number> = { ...w.params };
  for (const k of listingParams)
    if (typeof w.params[k] === 'string') labelled[k] = listingLabel(w.params[k], lang, ctx);
  if (typeof w.params.properties === 'string')
    labelled.properties = w.params.properties
      .split(', ')
      .map((p) => ctx.properties.get(p)?.[lang] ?? p)
      .join('; ');
  const m = messageByCode(w.code, labelled);
  return m
    ? { code: w.code, params: { ...w.params }, message: m.text(lang) }
    : { code: w.code, params: { ...w.params }, message: w.code };
}

/** The listing ids a plan's warnings name. */
const warningListingIds = (plan: Pick<PlanDocument, 'warnings'>) =>
  plan.warnings.flatMap((w) =>
    listingParams.flatMap((k) => (typeof w.params[k] === 'string' ? [w.params[k]] : [])),
  );

/**
 * The plan as one reader gets it: the holders the actor may not see masked (given the
 * listings its flows refer to), its warnings worded in the reader's language.
 */
async function forReader(
  reader: Reader,
  actor: Actor,
  lang: Lang,
  plan: PlanDocument,
  records: ReadonlyMap<string, ListingRecord>,
): Promise<Plan> {
  const revealed = await revealedTo(reader, actor);
  const shownListing = (listingId: string) => {
    const l = records.get(listingId);
    return !!l && holderShown(l, actor, revealed);
  };
  // An agreement is its two sides' business (and the operator's): a flow is marked agreed and
  // a warning about an agreement given only to them.
  const holds = (listingId: unknown) =>
    typeof listingId === 'string' &&
    actor.organisationId !== null &&
    records.get(listingId)?.organisationId === actor.organisationId;
  const party = (x: { supply?: unknown; demand?: unknown }) =>
    isOperator(actor) || holds(x.supply) || holds(x.demand);
  // A hidden holder's figures are computed from its agglomeration centre (engine/viewer.ts).
  const masked = maskPlan(
    plan,
    shownListing,
    (listingId) => records.get(listingId),
    viewerOptions(plan.factors),
    party,
  );
  const internal = maskInternalReuse(plan.internalReuse, shownListing);
  const cited = plan.factors?.length ? citedSources(plan.factors) : {};
  const visible = { ...masked, ...(internal ? { internalReuse: internal } : {}), ...cited };
  const warnings = plan.warnings.filter((w) => !agreementCodes.has(w.code) || party(w.params));
  if (warnings.length === 0) return { ...visible, warnings: [] };
  const shown = (l: ListingRecord) => holderShown(l, actor, revealed);
  const named = [...new Set(warningListingIds({ warnings }))].flatMap(
    (id) => records.get(id) ?? [],
  );
  const [holders, materials, uses, properties] = await Promise.all([
    loadHolders(
      reader,
      named.map((l) => ({ organisationId: shown(l) ? l.organisationId : null, siteId: null })),
    ),
    rq.findMaterials(reader),
    rq.findUses(reader),
    rq.findProperties(reader),
  ]);
  const ctx: WarningContext = {
    listings: records,
    shown,
    holders,
    materials: new Map(materials.map((x) => [x.id, x.name])),
    uses: new Map(uses.map((x) => [x.id, x.name])),
    properties: new Map(
      properties.map((x) => [
        x.id,
        // a dash, not parentheses: a name may hold its own («Крупность (верхний предел фракции)»)
        { ru: `«${x.symbol}» — ${x.name.ru}`, en: `“${x.symbol}” — ${x.name.en}` },
      ]),
    ),
  };
  return { ...visible, warnings: warnings.map((w) => wordedWarning(w, lang, ctx)) };
}

/** A plan over the live listings, as the caller may see it. */
export async function plan(
  c: ExchangeContext,
  actor: Actor,
  input: unknown,
  lang: Lang,
): Promise<Plan> {
  requireCurrentMember(actor);
  const request = parseInput(PlanRequest, input ?? {});
  const { plan, records } = await compute(c, actor, request);
  return forReader(c.store, actor, lang, plan, records);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The record of a saved plan: who saved it, and its stored document by hash and summary. */
export function planRecord(
  p: { id: string; createdAt: string; createdBy: string; organisationId: string | null },
  text: string,
  document: PlanDocument,
): PlanRecord {
  return {
    id: p.id,
    createdAt: p.createdAt,
    createdBy: p.createdBy,
    organisationId: p.organisationId,
    documentSha256: sha256(text),
    status: document.plan.status,
    objectiveKopecks: document.plan.objectiveKopecks,
    engine: document.plan.engine,
    flows: document.plan.flows.length,
  };
}

type PlanFlow = PlanDocument['plan']['flows'][number];
/** The same proposal, to the engine's rounding: the volume and what it saves. */
const sameVolume = (a: PlanFlow, b: PlanFlow) =>
  Math.abs(a.quantity - b.quantity) <= 1e-9 * Math.max(1, Math.abs(a.quantity)) &&
  a.savingsKopecks === b.savingsKopecks;

/** Saves a plan; each flow becomes a match proposal in both holders' inboxes. */
export async function savePlan(
  c: ExchangeContext,
  actor: Actor,
  input: unknown,
  lang: Lang,
): Promise<SavedPlan> {
  requireCurrentMember(actor);
  if (!isOperator(actor) && !['member', 'org_admin'].includes(actor.role ?? ''))
    throw forbidden(m.savingNeedsMember());
  const request = parseInput(PlanRequest, input ?? {});
  // its flows become proposals, agreements and the impact ledger: on the published factors
  if (Object.keys(request.factors ?? {}).length)
    throw invalid(m.savedPlanUsesTable(), [{ field: 'factors', message: m.savedPlanUsesTable() }]);
  const computed = await compute(c, actor, request);
  const id = randomUUID();
  const document: PlanDocument = { ...computed.plan, id };
  const text = JSON.stringify(document);
  const saved = {
    id,
    createdAt: c.clock().toISOString(),
    createdBy: actorRef(actor),
    organisationId: actor.organisationId,
  };
  const proposals = await inTransaction(c.store, async (tx) => {
    await insertPlan(tx, { ...saved, text });
    // A pair already proposed or agreed is not proposed again: saving plans repeatedly
    // must not pile up proposals for the same flow.
    const pair = (supply: string, demand: string) => `${supply}\u0000${demand}`;
    // every earlier proposal, read once: what is open, unanswered, declined and agreed
    const earlier = await findMatches(tx);
    const openCount = new Map<string, number>();
    for (const p of earlier) {
      if (p.status !== 'proposed' && p.status !== 'accepted') continue;
      const key = pair(p.supplyListingId, p.demandListingId);
      openCount.set(key, (openCount.get(key) ?? 0) + 1);
    }
    // ... unless all its open proposals are unanswered by both sides and this plan changes
    // their volume: they are replaced (closed as `superseded`), so that nobody is asked to agree
    // to an older plan's figures. An answered one stands: its side agreed to that volume.
    const undecided = new Map<string, MatchRecord[]>();
    for (const x of earlier) {
      if (x.status !== 'proposed') continue;
      if (x.supplyDecision !== 'pending' || x.demandDecision !== 'pending') continue;
      const key = pair(x.supplyListingId, x.demandListingId);
      undecided.set(key, [...(undecided.get(key) ?? []), x]);
    }
    // A declined pair is not proposed again while both listings keep the terms it was
    // declined on (engine/terms.ts says what terms are): a decline is an answer to those.
    const declined = new Set<string>();
    for (const x of earlier) {
      if (x.status !== 'declined') continue;
      const supply = computed.records.get(x.supplyListingId);
      const demand = computed.records.get(x.demandListingId);
      if (!supply || !demand) continue;
      const decidedAt =
        [x.supplyDecidedAt, x.demandDecidedAt]
          .filter((t) => t !== null)
          .sort()
          .at(-1) ?? x.createdAt;
      if (
        declineStillHolds({ termsKey: x.supplyTerms ?? null, decidedAt }, supply) &&
        declineStillHolds({ termsKey: x.demandTerms ?? null, decidedAt }, demand)
      )
        declined.add(pair(x.supplyListingId, x.demandListingId));
    }
    // What the agreed matches take of each listing a year, on the side it holds in them.
    const sides = ['supply', 'demand'] as const;
    const agreed = { supply: new Map<string, number>(), demand: new Map<string, number>() };
    for (const y of earlier) {
      if (y.status !== 'accepted') continue;
      for (const side of sides) {
        const id = side === 'supply' ? y.supplyListingId : y.demandListingId;
        agreed[side].set(id, (agreed[side].get(id) ?? 0) + amountOn(side, y.flow));
      }
    }
    const matches: MatchRecord[] = [];
    const alreadyOpen: string[] = [];
    const declinedBefore: string[] = [];
    const noRoom: string[] = [];
    const superseded: MatchRecord[] = [];
    for (const f of document.plan.flows) {
      // never a proposal between an organisation and itself (the planner links none)
      if (f.from.organisationId !== null && f.from.organisationId === f.to.organisationId) continue;
      const key = pair(f.supply, f.demand);
      const open = openCount.get(key) ?? 0;
      if (open > 0) {
        const olds = undecided.get(key) ?? [];
        // (nor when the pair would not be proposed again: closing it would leave nothing)
        if (olds.length < open || declined.has(key) || olds.some((x) => sameVolume(x.flow, f))) {
          alreadyOpen.push(`${f.supply}→${f.demand}`);
          continue;
        }
      }
      if (declined.has(key)) {
        declinedBefore.push(`${f.supply}→${f.demand}`);
        continue;
      }
      // A proposal that what the listings' agreed matches leave could not hold would be refused
      // when its second side accepts: it is not made (nor does it replace an older one).
      const full = sides.some((side) => {
        const l = computed.records.get(side === 'supply' ? f.supply : f.demand);
        return l !== undefined && beyond((agreed[side].get(l.id) ?? 0) + amountOn(side, f), l);
      });
      if (full) {
        noRoom.push(`${f.supply}→${f.demand}`);
        continue;
      }
      for (const old of undecided.get(key) ?? []) {
        const closed: MatchRecord = {
          ...old,
          status: 'closed',
          closedReason: 'superseded',
          closedAt: saved.createdAt,
        };
        await updateMatch(tx, closed);
        await record(tx, c, actor, actor.organisationId, 'match.closed', closed);
        superseded.push(closed);
      }
      const supplyRecord = computed.records.get(f.supply);
      const demandRecord = computed.records.get(f.demand);
      const proposal: MatchRecord = {
        id: randomUUID(),
        planId: id,
        supplyListingId: f.supply,
        demandListingId: f.demand,
        supplyOrganisationId: f.from.organisationId!,
        demandOrganisationId: f.to.organisationId!,
        status: 'proposed',
        supplyDecision: 'pending',
        supplyDecidedAt: null,
        supplyDecidedBy: null,
        demandDecision: 'pending',
        demandDecidedAt: null,
        demandDecidedBy: null,
        savingsKopecks: f.savingsKopecks,
        flow: f,
        createdAt: saved.createdAt,
        ...(supplyRecord ? { supplyTerms: termsKey(supplyRecord) } : {}),
        ...(demandRecord ? { demandTerms: termsKey(demandRecord) } : {}),
      };
      await insertMatch(tx, proposal);
      matches.push(proposal);
    }
    // The plan by hash and summary, and every proposal it made in full (see PlanRecord).
    await record(tx, c, actor, actor.organisationId, 'plan.saved', {
      ...planRecord(saved, text, document),
      matches,
      alreadyOpen,
      declinedBefore,
      noRoom,
      superseded: superseded.map((x) => x.id),
    });
    return {
      created: matches.length,
      alreadyOpen: alreadyOpen.length,
      declinedBefore: declinedBefore.length,
      noRoom: noRoom.length,
      superseded: superseded.length,
    };
  });
  return { ...(await forReader(c.store, actor, lang, document, computed.records)), proposals };
}

export async function getPlan(
  c: ExchangeContext,
  actor: Actor,
  id: string,
  lang: Lang,
): Promise<Plan> {
  requireCurrentMember(actor);
  const stored = await findPlan(c.store, id);
  if (!stored) throw notFound(m.planNotFound({ id }));
  const flows = stored.document.plan.flows;
  const records = await findListings(c.store, {
    ids: [
      ...flows.flatMap((f) => [f.supply, f.demand]),
      ...(stored.document.internalReuse?.pairs ?? []).flatMap((p) => [p.supply, p.demand]),
      ...warningListingIds(stored.document),
    ],
  });
  const byId = new Map(records.map((l) => [l.id, l]));
  return forReader(c.store, actor, lang, stored.document, byId);
}
