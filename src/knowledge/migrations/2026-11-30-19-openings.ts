import type { Kysely } from 'kysely';

// Human potential: the courses and programmes of universities and the internships and vacancies
// of enterprises (their fields as JSON beside the columns queries filter on).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('knowledge_opening')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('knowledge_opening_organisation')
    .on('knowledge_opening')
    .column('organisation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('knowledge_opening').ifExists().execute();
}
