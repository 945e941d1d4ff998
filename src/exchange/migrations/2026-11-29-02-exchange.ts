import type { Kysely } from 'kysely';

// The exchange's tables: listings, saved plans and the match proposals made from them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exchange_listing')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('material_id', 'text')
    .addColumn('use_id', 'text')
    .addColumn('fkko', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('available_from', 'text', (c) => c.notNull())
    .addColumn('available_to', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('exchange_listing_organisation')
    .on('exchange_listing')
    .column('organisation_id')
    .execute();
  await db.schema
    .createIndex('exchange_listing_status')
    .on('exchange_listing')
    .column('status')
    .execute();

  await db.schema
    .createTable('exchange_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_match')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('exchange_plan.id'))
    .addColumn('supply_listing_id', 'text', (c) => c.notNull().references('exchange_listing.id'))
    .addColumn('demand_listing_id', 'text', (c) => c.notNull().references('exchange_listing.id'))
    .addColumn('supply_organisation_id', 'text', (c) => c.notNull())
    .addColumn('demand_organisation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('supply_decision', 'text', (c) => c.notNull())
    .addColumn('supply_decided_at', 'text')
    .addColumn('supply_decided_by', 'text')
    .addColumn('demand_decision', 'text', (c) => c.notNull())
    .addColumn('demand_decided_at', 'text')
    .addColumn('demand_decided_by', 'text')
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  for (const col of ['supply_organisation_id', 'demand_organisation_id', 'plan_id'])
    await db.schema.createIndex(`exchange_match_${col}`).on('exchange_match').column(col).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['exchange_match', 'exchange_plan', 'exchange_listing'])
    await db.schema.dropTable(t).ifExists().execute();
}
