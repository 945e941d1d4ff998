import type { Kysely } from 'kysely';

// Weighbridges linked to deals (the link as JSON in `data`; beside it the journal positions
// between which it is in force, so a weighing is matched to the links of its own moment), and
// the weighings posted as deliveries: one per device and message, whatever replays.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deal_device')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deal.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('linked_seq', 'integer', (c) => c.notNull())
    .addColumn('revoked_seq', 'integer')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_device_deal').on('deal_device').column('deal_id').execute();
  await db.schema.createIndex('deal_device_device').on('deal_device').column('device_id').execute();
  await db.schema
    .createTable('deal_weighing')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deal_weighing_pk', ['device_id', 'message_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['deal_weighing', 'deal_device'])
    await db.schema.dropTable(t).ifExists().execute();
}
