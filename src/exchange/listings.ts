// Listings: created, edited, published and withdrawn by their holder (or the operator), each
// change journaled with the listing's new state; read as the viewer may see them.
import { randomUUID } from 'node:crypto';
import { canonicalJson, inTransaction } from '../journal/index.ts';
import {
  type Actor,
  common,
  conflict,
  type FieldProblem,
  invalid,
  notFound,
  parseInput,
  requireLogin,
  requireOrganisationRole,
} from '../model/index.ts';
import { fkkoCatalogue, registryQueries as rq } from '../registry/index.ts';
import type { Tx } from '../store/index.ts';
import { type ExchangeContext, record, today } from './context.ts';
import { termsChanged } from './engine/terms.ts';
import { type Holders, loadHolders } from './holders.ts';
import { inQualityRange, qualityRangeOf } from './limits.ts';
import { agreedOn, closeOpenMatches } from './matches.ts';
import { messages as m, qualityRangeRule } from './messages.ts';
import {
  findListing,
  findListings,
  insertListing,
  listingExists,
  updateListing,
} from './repository.ts';
import {
  type Listing,
  type ListingFilter,
  ListingInput,
  ListingPatch,
  type ListingRecord,
  type StoredListingStatus,
} from './schema.ts';
import { canSee, holderShown, revealedTo, statusOn } from './visibility.ts';

type Fields = Omit<ListingRecord, 'id' | 'organisationId' | 'status' | 'createdAt' | 'updatedAt'>;

const newListingId = () => `l-${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** A listing as one viewer sees it: an anonymous holder's organisation, site and place hidden. */
export function listingView(
  l: ListingRecord,
  shown: boolean,
  holders: Holders,
  day: string,
): Listing {
  const { id, organisationId, status, createdAt, updatedAt, ...fields } = l;
  const site = holders.site(l.siteId);
  const entry = l.fkko ? fkkoCatalogue().get(l.fkko) : undefined;
  return {
    ...fields,
    id,
    organisationId: shown ? organisationId : null,
    organisationName: shown ? holders.organisationName(organisationId) : null,
    organisationNameEn: shown ? holders.organisationNameEn(organisationId) : null,
    siteId: shown ? l.siteId : null,
    siteName: shown ? (site?.name ?? null) : null,
    siteNameEn: shown ? (site?.nameEn ?? null) : null,
    lat: shown ? (site?.lat ?? null) : null,
    lon: shown ? (site?.lon ?? null) : null,
    agglomeration: site?.agglomeration ?? null,
    holderHidden: !shown,
    status: statusOn(l, day),
    fkkoEntry: entry
      ? {
          code: entry.code,
          name: entry.name,
          block: entry.block,
          blockName: entry.blockName,
          blockNameEn: entry.blockNameEn,
          hazardClass: entry.hazardClass,
          physicalState: entry.physicalState,
          physicalStateEn: entry.physicalStateEn,
        }
      : null,
    createdAt,
    updatedAt,
  };
}

/**
 * Checks a listing against the registry: its site, material, use, properties and FKKO code;
 * and against `today` when its window's end is being set (a listing ending before the
 * cluster's today would be expired from the start; one that expired since keeps its end when
 * other fields change).
 */
async function check(tx: Tx, organisationId: string, l: Fields, today?: string): Promise<void> {
  const fields: FieldProblem[] = [];
  const problem = (field: string, message: FieldProblem['message']) =>
    fields.push({ field, message });
  if (today !== undefined && l.availableTo < today)
    problem('availableTo', m.endsBeforeToday({ today }));
  const site = await rq.findSite(tx, l.siteId);
  if (!site || site.organisationId !== organisationId) problem('siteId', m.notOwnSite());
  else if (site.closedOn) problem('siteId', m.siteClosed({ closedOn: site.closedOn }));
  const [materials, properties, uses] = await Promise.all([
    rq.findMaterials(tx),
    rq.findProperties(tx),
    rq.findUses(tx),
  ]);
  const material = l.materialId ? materials.find((x) => x.id === l.materialId) : undefined;
  // a material, use or property named as people read it, in both languages
  const named = (x: { name: { ru: string; en: string } }) => ({
    materialRu: x.name.ru,
    materialEn: x.name.en,
  });
  if (l.materialId && !material) problem('materialId', m.unknownMaterial({ id: l.materialId }));
  const use = l.useId ? uses.find((u) => u.id === l.useId) : undefined;
  if (l.useId && !use) problem('useId', m.unknownUse({ id: l.useId }));
  else if (use && material && !material.uses.includes(use.id))
    problem(
      'useId',
      m.materialCannotServe({ ...named(material), useRu: use.name.ru, useEn: use.name.en }),
    );
  if (material && l.unit !== material.unit)
    problem('unit', m.measuredIn({ ...named(material), unit: material.unit }));
  const known = new Map(properties.map((p) => [p.id, p]));
  for (const [key, value] of Object.entries(l.quality ?? {})) {
    const property = known.get(key);
    if (!property) problem(`quality.${key}`, m.unknownProperty({ id: key }));
    else if (material && !material.properties.includes(key))
      problem(
        `quality.${key}`,
        m.materialLacksProperty({
          ...named(material),
          propertyRu: property.name.ru,
          propertyEn: property.name.en,
        }),
      );
    else {
      const figures = typeof value === 'number' ? [value] : [value.min, value.max];
      if (figures.some((n) => n !== undefined && !inQualityRange(property.unit, n)))
        problem(`quality.${key}`, qualityRangeRule[qualityRangeOf(property.unit)]());
    }
  }
  if (l.fkko) {
    if (!fkkoCatalogue().get(l.fkko)) problem('fkko', m.notInFkko({ code: l.fkko }));
    else if (material?.fkko.length && !material.fkko.includes(l.fkko))
      problem('fkko', m.notFkkoOfMaterial({ code: l.fkko, ...named(material) }));
  }
  if (fields.length) throw invalid(m.invalidListing(), fields);
}

/** The answer to a change: the listing as its author sees it. */
async function answer(tx: Tx, c: ExchangeContext, actor: Actor, l: ListingRecord) {
  const [holders, revealed] = await Promise.all([loadHolders(tx, [l]), revealedTo(tx, actor)]);
  return listingView(l, holderShown(l, actor, revealed), holders, today(c));
}

export async function createListing(
  c: ExchangeContext,
  actor: Actor,
  input: unknown,
): Promise<Listing> {
  const l = parseInput(ListingInput, input);
  const organisationId = l.organisationId ?? actor.organisationId;
  requireLogin(actor);
  if (!organisationId)
    throw invalid(m.invalidListing(), [
      { field: 'organisationId', message: m.requiredForOperator() },
    ]);
  requireOrganisationRole(actor, organisationId, 'member');
  const { id: givenId, organisationId: _o, status, ...fields } = l;
  return inTransaction(c.store, async (tx) => {
    if (!(await rq.findOrganisation(tx, organisationId)))
      throw invalid(m.invalidListing(), [
        { field: 'organisationId', message: m.unknownOrganisation({ id: organisationId }) },
      ]);
    // the system loads records as of their own day (the example seeded for its reference
    // date): only a person's new listing is held to today
    await check(tx, organisationId, fields, actor.kind === 'system' ? undefined : today(c));
    const id = givenId ?? newListingId();
    if (await listingExists(tx, id))
      throw conflict(m.listingIdTaken({ id }), [{ field: 'id', message: common.alreadyTaken() }]);
    const now = c.clock().toISOString();
    const created: ListingRecord = {
      ...fields,
      id,
      organisationId,
      status,
      createdAt: now,
      updatedAt: now,
    };
    await insertListing(tx, created);
    await record(tx, c, actor, organisationId, 'listing.created', created);
    return answer(tx, c, actor, created);
  });
}

/** The listing, for a member of its organisation (or the operator) who may change it. */
async function owned(tx: Tx, actor: Actor, id: string): Promise<ListingRecord> {
  requireLogin(actor);
  const l = await findListing(tx, id);
  if (!l) throw notFound(m.listingNotFound());
  requireOrganisationRole(actor, l.organisationId, 'member');
  return l;
}

export async function updateListingFields(
  c: ExchangeContext,
  actor: Actor,
  id: string,
  patch: unknown,
): Promise<Listing> {
  const p = parseInput(ListingPatch, patch);
  return inTransaction(c.store, async (tx) => {
    const current = await owned(tx, actor, id);
    if (current.status === 'withdrawn') throw conflict(m.listingWithdrawn());
    const { id: _i, organisationId, status, createdAt, updatedAt: _u, ...fields } = current;
    const patched: Record<string, unknown> = { ...fields, ...p };
    for (const [k, v] of Object.entries(p)) if (v === null) delete patched[k];
    const merged = parseInput(ListingInput, patched);
    const { id: _mi, organisationId: _mo, status: _ms, ...next } = merged;
    await check(
      tx,
      organisationId,
      next,
      next.availableTo === current.availableTo ? undefined : today(c),
    );
    // Agreed matches stay agreed (both sides committed): the quantity keeps room for them.
    const taken = await agreedOn(tx, current.side === 'offer' ? 'supply' : 'demand', id);
    if (next.quantityPerYear < taken * (1 - 1e-9))
      throw invalid(m.invalidListing(), [
        { field: 'quantityPerYear', message: m.quantityBelowAgreed({ taken, unit: next.unit }) },
      ]);
    // A figure the holder changed is its own now: the estimate or source that described the
    // old one no longer does (user walk: «оценка» stayed on a volume the holder had typed),
    // unless the patch states the new figure's provenance itself.
    const provenance = { ...next.provenance };
    const before: Record<string, unknown> = current;
    const after: Record<string, unknown> = next;
    const same = (a: unknown, b: unknown) =>
      a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
    for (const k of Object.keys(provenance))
      if (p.provenance?.[k] === undefined && !same(before[k], after[k])) delete provenance[k];
    const updated: ListingRecord = {
      ...next,
      provenance,
      id,
      organisationId,
      status,
      createdAt,
      updatedAt: c.clock().toISOString(),
    };
    await updateListing(tx, updated);
    await record(tx, c, actor, organisationId, 'listing.updated', updated);
    // Open proposals were made on the old terms: they close, and a later plan may propose anew.
    if (termsChanged(current, updated))
      await closeOpenMatches(tx, c, actor, updated, 'listing_changed');
    return answer(tx, c, actor, updated);
  });
}

/** draft → active (published) or active → withdrawn. */
export async function moveListing(
  c: ExchangeContext,
  actor: Actor,
  id: string,
  to: 'active' | 'withdrawn',
): Promise<Listing> {
  const from: StoredListingStatus = to === 'active' ? 'draft' : 'active';
  return inTransaction(c.store, async (tx) => {
    const current = await owned(tx, actor, id);
    if (current.status !== from) {
      const status = statusOn(current, today(c));
      throw conflict(to === 'active' ? m.cannotPublish({ status }) : m.cannotWithdraw({ status }));
    }
    const moved: ListingRecord = { ...current, status: to, updatedAt: c.clock().toISOString() };
    await updateListing(tx, moved);
    const type = to === 'active' ? 'listing.published' : 'listing.withdrawn';
    await record(tx, c, actor, current.organisationId, type, moved);
    if (to === 'withdrawn') await closeOpenMatches(tx, c, actor, moved, 'listing_withdrawn');
    return answer(tx, c, actor, moved);
  });
}

/**
 * The listings a viewer may see, filtered: the simple filters in SQL, the agglomeration (a
 * site's) once the sites are loaded. An organisation filter matches only holders the viewer
 * is shown, as the answer's organisationId does.
 */
export async function listListings(
  c: ExchangeContext,
  actor: Actor,
  filter: ListingFilter = {},
): Promise<Listing[]> {
  const day = today(c);
  const [rows, revealed] = await Promise.all([
    findListings(c.store, {
      organisationId: filter.organisation,
      side: filter.side,
      materialId: filter.material,
      useId: filter.use,
      fkko: filter.fkko,
      status: filter.status,
      today: day,
    }),
    revealedTo(c.store, actor),
  ]);
  const visible = rows
    .filter((l) => canSee(l, actor))
    .map((l) => ({ l, shown: holderShown(l, actor, revealed) }))
    .filter(({ shown }) => shown || !filter.organisation);
  const holders = await loadHolders(
    c.store,
    visible.map(({ l, shown }) => ({
      organisationId: shown ? l.organisationId : null,
      siteId: l.siteId,
    })),
  );
  return visible
    .map(({ l, shown }) => listingView(l, shown, holders, day))
    .filter((l) => !filter.agglomeration || l.agglomeration === filter.agglomeration);
}

export async function getListing(c: ExchangeContext, actor: Actor, id: string): Promise<Listing> {
  const l = await findListing(c.store, id);
  if (!l || !canSee(l, actor)) throw notFound(m.listingNotFound());
  const [holders, revealed] = await Promise.all([
    loadHolders(c.store, [l]),
    revealedTo(c.store, actor),
  ]);
  return listingView(l, holderShown(l, actor, revealed), holders, today(c));
}

/**
 * When an organisation stops being a member (it leaves, or the operator ends its membership),
 * its active listings are withdrawn and their open proposals closed, each with its journal
 * event, so that the marketplace shows no offer nobody can deliver. Run by the journal
 * subscriber on `membership.ended` (index.ts): it checks the organisation's status at handling
 * time, so a replayed old event does not touch a member that has since rejoined, and a second
 * delivery finds nothing left to withdraw.
 */
export async function withdrawListingsOfFormer(
  tx: Tx,
  c: ExchangeContext,
  actor: Actor,
  organisationId: string,
): Promise<number> {
  const organisation = await rq.findOrganisation(tx, organisationId);
  if (!organisation || organisation.status === 'member') return 0;
  const at = c.clock().toISOString();
  let withdrawn = 0;
  for (const current of await findListings(tx, { organisationId })) {
    if (current.status !== 'active') continue;
    const moved: ListingRecord = { ...current, status: 'withdrawn', updatedAt: at };
    await updateListing(tx, moved);
    await record(tx, c, actor, organisationId, 'listing.withdrawn', moved);
    await closeOpenMatches(tx, c, actor, moved, 'listing_withdrawn');
    withdrawn++;
  }
  return withdrawn;
}
