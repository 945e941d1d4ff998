import type { Kysely } from 'kysely';

// English forms of the registry's free text, so that English mode shows English data: an
// organisation's description and prototype, a site's name and address, a membership's note.
// All nullable: Russian stays the text of record, English is shown when it is there.
const columns = [
  ['organisation', 'description_en'],
  ['organisation', 'modelled_on_en'],
  ['site', 'name_en'],
  ['site', 'address_en'],
  ['membership', 'note_en'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of columns)
    await db.schema.alterTable(table).addColumn(column, 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of [...columns].reverse())
    await db.schema.alterTable(table).dropColumn(column).execute();
}
