import type { Kysely } from 'kysely';

// An organisation's own figures of form 2-TP (waste) for a year, those the platform does not
// record (stock at start, generated, neutralised, placed on own sites, off-platform transfers):
// one row per organisation and year, its FKKO rows as JSON.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('form_2tp_figures')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_2tp_figures_pk', ['organisation_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('form_2tp_figures').ifExists().execute();
}
