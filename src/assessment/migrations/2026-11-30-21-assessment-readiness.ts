import type { Kysely } from 'kysely';

// The readiness questionnaire's answers: every version an organisation submits is kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_readiness')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_readiness_pk', ['organisation_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assessment_readiness').ifExists().execute();
}
