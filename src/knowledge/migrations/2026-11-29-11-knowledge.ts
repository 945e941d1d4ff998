import type { Kysely } from 'kysely';

// The knowledge module's tables: assets, expertise profiles and R&D projects (their fields as
// JSON beside the columns queries filter on), the search index (one document per record, its
// stemmed terms with weights, and its links to materials, organisations and its named
// audience), and the count of views.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['knowledge_asset', 'knowledge_profile', 'knowledge_project'])
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  await db.schema
    .alterTable('knowledge_project')
    .addColumn('budget_kopecks', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('knowledge_document')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('trl', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addPrimaryKeyConstraint('knowledge_document_pk', ['record_type', 'record_id'])
    .execute();
  await db.schema
    .createTable('knowledge_term')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_term_pk', ['record_type', 'record_id', 'term'])
    .execute();
  await db.schema.createIndex('knowledge_term_term').on('knowledge_term').column('term').execute();
  await db.schema
    .createTable('knowledge_link')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_link_pk', ['record_type', 'record_id', 'link', 'target_id'])
    .execute();
  await db.schema
    .createIndex('knowledge_link_target')
    .on('knowledge_link')
    .columns(['link', 'target_id'])
    .execute();
  await db.schema
    .createTable('knowledge_view')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_view_pk', ['record_type', 'record_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'knowledge_view',
    'knowledge_link',
    'knowledge_term',
    'knowledge_document',
    'knowledge_project',
    'knowledge_profile',
    'knowledge_asset',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
