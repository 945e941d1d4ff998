// All of the exchange's SQL, reads and writes, over its own tables only (registry data comes
// through registry's public reads), and the mapping between its rows and its records.
import type { ColumnType, Insertable, Selectable } from 'kysely';
import { clusterDay } from '../model/days.ts';
import { kopecksFromColumn } from '../model/money.ts';
import type { Reader, Tx } from '../store/index.ts';
import type {
  ListingRecord,
  ListingStatus,
  MatchClosedReason,
  MatchDecision,
  MatchRecord,
  PlanDocument,
  PlanFlow,
  StoredListingStatus,
} from './schema.ts';

export interface ExchangeListingTable {
  id: string;
  organisation_id: string;
  site_id: string;
  side: string;
  material_id: string | null;
  use_id: string | null;
  fkko: string | null;
  visibility: string;
  status: string;
  available_from: string;
  available_to: string;
  /** the listing's fields as JSON, but for its money */
  data: string;
  created_at: string;
  updated_at: string;
  disposal_cost_kopecks_per_unit: Money | null;
  price_kopecks_per_unit: Money | null;
  /** offer: the holder's own cost to supply a unit (migration 10) */
  supplier_cost_kopecks_per_unit: Money | null;
  /** offer: the price a marketable product sells for (migration 10) */
  sale_price_kopecks_per_unit: Money | null;
}

/** A bigint column: PostgreSQL reads it back as text, SQLite as a number; written as a number. */
type Money = ColumnType<string | number | bigint, number, number>;

export interface ExchangePlanTable {
  id: string;
  created_at: string;
  created_by: string;
  organisation_id: string | null;
  /** the unmasked plan as JSON */
  data: string;
}

export interface ExchangeMatchTable {
  id: string;
  plan_id: string;
  supply_listing_id: string;
  demand_listing_id: string;
  supply_organisation_id: string;
  demand_organisation_id: string;
  status: string;
  supply_decision: string;
  supply_decided_at: string | null;
  supply_decided_by: string | null;
  demand_decision: string;
  demand_decided_at: string | null;
  demand_decided_by: string | null;
  /** the planned flow (unmasked) as JSON */
  flow: string;
  created_at: string;
  savings_kopecks: Money;
  /** both listings' terms when proposed (engine/terms.ts); null before they were kept */
  supply_terms: string | null;
  demand_terms: string | null;
  closed_reason: string | null;
  closed_side: string | null;
  closed_at: string | null;
}

declare module '../store/database.ts' {
  interface Database {
    exchange_listing: ExchangeListingTable;
    exchange_plan: ExchangePlanTable;
    exchange_match: ExchangeMatchTable;
  }
}

// --- listings ---

type Fields = Omit<ListingRecord, 'id' | 'organisationId' | 'status' | 'createdAt' | 'updatedAt'>;

type ListingRow = Selectable<ExchangeListingTable>;

export function listingFromRow(row: ListingRow): ListingRecord {
  const fields = JSON.parse(row.data) as Fields;
  const disposalCost = kopecksFromColumn(row.disposal_cost_kopecks_per_unit);
  const price = kopecksFromColumn(row.price_kopecks_per_unit);
  const supplierCost = kopecksFromColumn(row.supplier_cost_kopecks_per_unit);
  const salePrice = kopecksFromColumn(row.sale_price_kopecks_per_unit);
  return {
    ...fields,
    ...(disposalCost === null ? {} : { disposalCostKopecksPerUnit: disposalCost }),
    ...(price === null ? {} : { priceKopecksPerUnit: price }),
    ...(supplierCost === null ? {} : { supplierCostKopecksPerUnit: supplierCost }),
    ...(salePrice === null ? {} : { salePriceKopecksPerUnit: salePrice }),
    id: row.id,
    organisationId: row.organisation_id,
    status: row.status as StoredListingStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listingToRow(l: ListingRecord): Insertable<ExchangeListingTable> {
  const {
    id,
    organisationId,
    status,
    createdAt,
    updatedAt,
    disposalCostKopecksPerUnit,
    priceKopecksPerUnit,
    supplierCostKopecksPerUnit,
    salePriceKopecksPerUnit,
    ...fields
  } = l;
  return {
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
    created_at: createdAt,
    updated_at: updatedAt,
    disposal_cost_kopecks_per_unit: disposalCostKopecksPerUnit ?? null,
    price_kopecks_per_unit: priceKopecksPerUnit ?? null,
    supplier_cost_kopecks_per_unit: supplierCostKopecksPerUnit ?? null,
    sale_price_kopecks_per_unit: salePriceKopecksPerUnit ?? null,
  };
}

export interface ListingQuery {
  ids?: readonly string[];
  organisationId?: string;
  side?: string;
  materialId?: string;
  useId?: string;
  fkko?: string;
  /** as a reader sees it: `expired` is an active listing whose window ended before `today` */
  status?: ListingStatus;
  /** ISO date, needed with `status` */
  today?: string;
}

/** Listings by id order, filtered in SQL. */
export async function findListings(reader: Reader, q: ListingQuery = {}): Promise<ListingRecord[]> {
  let s = reader.db.selectFrom('exchange_listing').selectAll().orderBy('id');
  if (q.ids) {
    if (q.ids.length === 0) return [];
    s = s.where('id', 'in', [...new Set(q.ids)]);
  }
  if (q.organisationId) s = s.where('organisation_id', '=', q.organisationId);
  if (q.side) s = s.where('side', '=', q.side);
  if (q.materialId) s = s.where('material_id', '=', q.materialId);
  if (q.useId) s = s.where('use_id', '=', q.useId);
  if (q.fkko) s = s.where('fkko', '=', q.fkko);
  if (q.status) {
    const today = q.today ?? clusterDay(Date.now());
    if (q.status === 'expired')
      s = s.where('status', '=', 'active').where('available_to', '<', today);
    else if (q.status === 'active')
      s = s.where('status', '=', 'active').where('available_to', '>=', today);
    else s = s.where('status', '=', q.status);
  }
  return (await s.execute()).map(listingFromRow);
}

export async function findListing(reader: Reader, id: string): Promise<ListingRecord | undefined> {
  const row = await reader.db
    .selectFrom('exchange_listing')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && listingFromRow(row);
}

export async function listingExists(reader: Reader, id: string): Promise<boolean> {
  return !!(await reader.db
    .selectFrom('exchange_listing')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst());
}

export async function insertListing(tx: Tx, l: ListingRecord): Promise<void> {
  await tx.db.insertInto('exchange_listing').values(listingToRow(l)).execute();
}

/** Writes the whole listing: the record is the new state. */
export async function updateListing(tx: Tx, l: ListingRecord): Promise<void> {
  const { id, ...row } = listingToRow(l);
  await tx.db.updateTable('exchange_listing').set(row).where('id', '=', id).execute();
}

// --- plans ---

export interface StoredPlan {
  id: string;
  createdAt: string;
  createdBy: string;
  organisationId: string | null;
  /** the document exactly as stored (its hash is taken over this text) */
  text: string;
  document: PlanDocument;
}

export async function insertPlan(tx: Tx, p: Omit<StoredPlan, 'document'>): Promise<void> {
  await tx.db
    .insertInto('exchange_plan')
    .values({
      id: p.id,
      created_at: p.createdAt,
      created_by: p.createdBy,
      organisation_id: p.organisationId,
      data: p.text,
    })
    .execute();
}

export async function findPlan(reader: Reader, id: string): Promise<StoredPlan | undefined> {
  const row = await reader.db
    .selectFrom('exchange_plan')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      createdAt: row.created_at,
      createdBy: row.created_by,
      organisationId: row.organisation_id,
      text: row.data,
      document: JSON.parse(row.data) as PlanDocument,
    }
  );
}

/** Every saved plan, oldest first (the impact ledger reads their flows). */
export async function findPlans(reader: Reader): Promise<StoredPlan[]> {
  const rows = await reader.db
    .selectFrom('exchange_plan')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    organisationId: row.organisation_id,
    text: row.data,
    document: JSON.parse(row.data) as PlanDocument,
  }));
}

// --- matches ---

export function matchFromRow(r: Selectable<ExchangeMatchTable>): MatchRecord {
  const flow = JSON.parse(r.flow) as PlanFlow;
  return {
    id: r.id,
    planId: r.plan_id,
    supplyListingId: r.supply_listing_id,
    demandListingId: r.demand_listing_id,
    supplyOrganisationId: r.supply_organisation_id,
    demandOrganisationId: r.demand_organisation_id,
    status: r.status as MatchRecord['status'],
    supplyDecision: r.supply_decision as MatchDecision,
    supplyDecidedAt: r.supply_decided_at,
    supplyDecidedBy: r.supply_decided_by,
    demandDecision: r.demand_decision as MatchDecision,
    demandDecidedAt: r.demand_decided_at,
    demandDecidedBy: r.demand_decided_by,
    savingsKopecks: kopecksFromColumn(r.savings_kopecks)!,
    flow,
    createdAt: r.created_at,
    // Absent rather than null when not kept, so a record equals the events of before.
    ...(r.supply_terms === null ? {} : { supplyTerms: r.supply_terms }),
    ...(r.demand_terms === null ? {} : { demandTerms: r.demand_terms }),
    ...(r.closed_reason === null ? {} : { closedReason: r.closed_reason as MatchClosedReason }),
    ...(r.closed_side === null ? {} : { closedSide: r.closed_side as 'supply' | 'demand' }),
    ...(r.closed_at === null ? {} : { closedAt: r.closed_at }),
  };
}

function matchToRow(m: MatchRecord): Insertable<ExchangeMatchTable> {
  return {
    id: m.id,
    plan_id: m.planId,
    supply_listing_id: m.supplyListingId,
    demand_listing_id: m.demandListingId,
    supply_organisation_id: m.supplyOrganisationId,
    demand_organisation_id: m.demandOrganisationId,
    status: m.status,
    supply_decision: m.supplyDecision,
    supply_decided_at: m.supplyDecidedAt,
    supply_decided_by: m.supplyDecidedBy,
    demand_decision: m.demandDecision,
    demand_decided_at: m.demandDecidedAt,
    demand_decided_by: m.demandDecidedBy,
    flow: JSON.stringify(m.flow),
    created_at: m.createdAt,
    savings_kopecks: m.savingsKopecks,
    supply_terms: m.supplyTerms ?? null,
    demand_terms: m.demandTerms ?? null,
    closed_reason: m.closedReason ?? null,
    closed_side: m.closedSide ?? null,
    closed_at: m.closedAt ?? null,
  };
}

export interface MatchQuery {
  id?: string;
  planId?: string;
  /** either side held by this organisation */
  organisationId?: string;
  status?: MatchRecord['status'];
  /** with status accepted: agreed at or after this instant (the later decision) */
  decidedSince?: string;
  supplyListingId?: string;
  demandListingId?: string;
  /** either side is this listing */
  listingId?: string;
}

/** Matches in the order they were proposed. */
export async function findMatches(reader: Reader, q: MatchQuery = {}): Promise<MatchRecord[]> {
  let s = reader.db.selectFrom('exchange_match').selectAll().orderBy('created_at').orderBy('id');
  if (q.id) s = s.where('id', '=', q.id);
  if (q.planId) s = s.where('plan_id', '=', q.planId);
  if (q.status) s = s.where('status', '=', q.status);
  if (q.supplyListingId) s = s.where('supply_listing_id', '=', q.supplyListingId);
  if (q.demandListingId) s = s.where('demand_listing_id', '=', q.demandListingId);
  if (q.listingId) {
    const id = q.listingId;
    s = s.where((eb) =>
      eb.or([eb('supply_listing_id', '=', id), eb('demand_listing_id', '=', id)]),
    );
  }
  if (q.organisationId) {
    const org = q.organisationId;
    s = s.where((eb) =>
      eb.or([eb('supply_organisation_id', '=', org), eb('demand_organisation_id', '=', org)]),
    );
  }
  if (q.decidedSince) {
    const since = q.decidedSince;
    s = s.where((eb) =>
      eb.or([eb('supply_decided_at', '>=', since), eb('demand_decided_at', '>=', since)]),
    );
  }
  return (await s.execute()).map(matchFromRow);
}

export async function findMatch(reader: Reader, id: string): Promise<MatchRecord | undefined> {
  const row = await reader.db
    .selectFrom('exchange_match')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && matchFromRow(row);
}

export async function insertMatch(tx: Tx, m: MatchRecord): Promise<void> {
  await tx.db.insertInto('exchange_match').values(matchToRow(m)).execute();
}

/** Writes the whole match: the record is the new state. */
export async function updateMatch(tx: Tx, m: MatchRecord): Promise<void> {
  const { id, ...row } = matchToRow(m);
  await tx.db.updateTable('exchange_match').set(row).where('id', '=', id).execute();
}

/**
 * Each proposal's pair and status, oldest first, without its figures: for the readers that only
 * ask whether a pair is still on the table (the saved-flows reader).
 */
export async function pairStatuses(
  reader: Reader,
): Promise<
  Array<{ supplyListingId: string; demandListingId: string; status: MatchRecord['status'] }>
> {
  const rows = await reader.db
    .selectFrom('exchange_match')
    .select(['supply_listing_id', 'demand_listing_id', 'status'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    supplyListingId: r.supply_listing_id,
    demandListingId: r.demand_listing_id,
    status: r.status as MatchRecord['status'],
  }));
}

/**
 * The listings whose holder an organisation sees because both sides of a match with it
 * accepted: the other side's listing of each of its accepted matches.
 */
export async function revealedListingIds(
  reader: Reader,
  organisationId: string,
): Promise<Set<string>> {
  const rows = await reader.db
    .selectFrom('exchange_match')
    .select([
      'supply_listing_id',
      'demand_listing_id',
      'supply_organisation_id',
      'demand_organisation_id',
    ])
    .where('status', '=', 'accepted')
    .where((eb) =>
      eb.or([
        eb('supply_organisation_id', '=', organisationId),
        eb('demand_organisation_id', '=', organisationId),
      ]),
    )
    .execute();
  const revealed = new Set<string>();
  for (const m of rows) {
    if (m.supply_organisation_id === organisationId) revealed.add(m.demand_listing_id);
    if (m.demand_organisation_id === organisationId) revealed.add(m.supply_listing_id);
  }
  return revealed;
}
