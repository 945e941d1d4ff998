import type { Kysely } from 'kysely';

// The journal's tables. Until the module contract this was part of 2026-11-29-01-core; a
// database made then records this migration as done (see the journal's `adopted`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('journal')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('journal_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // The head exists from the start, so concurrent first writers queue on its row lock.
  await (db as Kysely<{ journal_head: { id: number; seq: number; hash: string } }>)
    .insertInto('journal_head')
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['journal_head', 'journal']) await db.schema.dropTable(t).ifExists().execute();
}
