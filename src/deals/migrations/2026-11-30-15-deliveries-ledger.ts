import type { Kysely } from 'kysely';

// Deliveries against deals and the settlement ledger: the lines each delivery posts, in
// integer kopecks (`bigint`), dated by the delivery.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deal_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deal.id'))
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_delivery_deal').on('deal_delivery').column('deal_id').execute();
  await db.schema
    .createTable('ledger_line')
    .addColumn('posting_id', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('debit', 'bigint', (c) => c.notNull())
    .addColumn('credit', 'bigint', (c) => c.notNull())
    .addColumn('posted_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_line_pk', ['posting_id', 'line'])
    .execute();
  await db.schema
    .createIndex('ledger_line_org')
    .on('ledger_line')
    .columns(['organisation_id', 'posted_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['ledger_line', 'deal_delivery'])
    await db.schema.dropTable(t).ifExists().execute();
}
