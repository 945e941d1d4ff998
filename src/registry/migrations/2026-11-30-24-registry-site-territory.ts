import type { Kysely } from 'kysely';

// Decree 779's territorial inputs the registry lacked: whether a site lies in a single-industry
// town (monotown) on the Government's list, and in which special territory (ТОР, ОЭЗ, …), with
// where the flags come from (a source key, or an estimate with its basis). All nullable/zero:
// sites recorded before know nothing of them, which reads as "not in one".
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('site')
    .addColumn('monotown', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('site').addColumn('special_territory_kind', 'text').execute();
  await db.schema.alterTable('site').addColumn('special_territory_name', 'text').execute();
  await db.schema.alterTable('site').addColumn('territory_provenance', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    'territory_provenance',
    'special_territory_name',
    'special_territory_kind',
    'monotown',
  ])
    await db.schema.alterTable('site').dropColumn(column).execute();
}
