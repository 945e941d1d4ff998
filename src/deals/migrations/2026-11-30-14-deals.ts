import type { Kysely } from 'kysely';

// Deals' tables: deals (the record as JSON in `data`, the fields it is looked up by beside, and
// the version that makes concurrent transitions leave one winner), their transitions and
// message threads.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('consumer_id', 'text', (c) => c.notNull())
    .addColumn('match_id', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_provider').on('deal').column('provider_id').execute();
  await db.schema.createIndex('deal_consumer').on('deal').column('consumer_id').execute();
  await db.schema
    .createTable('deal_transition')
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deal.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deal_transition_pk', ['deal_id', 'version'])
    .execute();
  await db.schema
    .createTable('deal_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deal.id'))
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_message_deal').on('deal_message').column('deal_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['deal_message', 'deal_transition', 'deal'])
    await db.schema.dropTable(t).ifExists().execute();
}
