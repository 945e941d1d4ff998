import type { Kysely } from 'kysely';

// An organisation's waste licences (89-ФЗ art. 9): the number, the removal date (null while it
// is on the register) and the record's full state as JSON (activities, classes, FKKO codes,
// validity, provenance). Read by organisation; a number is recorded once per organisation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('waste_licence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('removed_on', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('waste_licence_organisation')
    .on('waste_licence')
    .column('organisation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('waste_licence').execute();
}
