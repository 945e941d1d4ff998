// The exchange's Kysely queries: its own tables only (registry data comes through registry's public reads).
import type { Reader } from '../store/index.ts';

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
  /** the listing's fields as JSON */
  data: string;
  created_at: string;
  updated_at: string;
}

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
}

declare module '../store/database.ts' {
  interface Database {
    exchange_listing: ExchangeListingTable;
    exchange_plan: ExchangePlanTable;
    exchange_match: ExchangeMatchTable;
  }
}

export async function listingRows(reader: Reader): Promise<ExchangeListingTable[]> {
  return reader.db.selectFrom('exchange_listing').selectAll().orderBy('id').execute();
}

export async function listingRow(
  reader: Reader,
  id: string,
): Promise<ExchangeListingTable | undefined> {
  return reader.db
    .selectFrom('exchange_listing')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function planRow(reader: Reader, id: string) {
  return reader.db.selectFrom('exchange_plan').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function matchRows(
  reader: Reader,
  f: { organisationId?: string; planId?: string; id?: string } = {},
): Promise<ExchangeMatchTable[]> {
  let q = reader.db.selectFrom('exchange_match').selectAll().orderBy('created_at').orderBy('id');
  if (f.organisationId) {
    const org = f.organisationId;
    q = q.where((eb) =>
      eb.or([eb('supply_organisation_id', '=', org), eb('demand_organisation_id', '=', org)]),
    );
  }
  if (f.planId) q = q.where('plan_id', '=', f.planId);
  if (f.id) q = q.where('id', '=', f.id);
  return q.execute();
}
