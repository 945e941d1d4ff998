import type { Kysely } from 'kysely';

// Honest impact: an offer may state its own cost to supply a unit and the price it sells for
// (both kopecks, bigint as the other money columns). What happens to an offer today
// (`counterfactual`), what a request replaces (`substitute`) and whether it is an end user
// (`endUse`) live with the other fields in `data`. Listings stored before keep those absent
// and are read with the defaults of engine/impact.ts: an offer with a disposal cost is
// `landfilled`, one without is `not_stated` (no credit); a request's substitute is not
// stated (no CO2 credit) and it is an end user.
const columns = ['supplier_cost_kopecks_per_unit', 'sale_price_kopecks_per_unit'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of columns)
    await db.schema.alterTable('exchange_listing').addColumn(column, 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [...columns].reverse())
    await db.schema.alterTable('exchange_listing').dropColumn(column).execute();
}
