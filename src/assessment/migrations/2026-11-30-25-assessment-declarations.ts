import type { Kysely } from 'kysely';

// What organisations declare for the Decree 779 check and the place of transactions: a year's
// total purchases (one per organisation and year: its id is made of both) and ties made off the
// platform. A withdrawn declaration stays, marked, so that its events and its row agree.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_declaration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_declaration_year')
    .on('assessment_declaration')
    .columns(['year', 'organisation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assessment_declaration').ifExists().execute();
}
