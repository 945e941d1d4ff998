import type { Kysely } from 'kysely';

// One row per journal subscriber: the last sequence number it handled (its cursor, moved in
// the same transaction as the handler's own writes) and the lease that lets one process at a
// time handle it. The lease's end is epoch milliseconds, compared as a number on both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('journal_subscriber')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cursor_seq', 'integer', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until_ms', 'bigint')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('journal_subscriber').ifExists().execute();
}
