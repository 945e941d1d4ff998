import type { Kysely } from 'kysely';

// What an applicant's journey needs beside the application itself: when the applicant
// consented to the processing of personal data (152-FZ), the role the operator granted on
// admission, and the status links. A status link's token is shown once; only its sha256 is
// kept. A link given for an application that duplicates a hidden record (security review F8)
// has no application: it keeps the name and time it was given, and shows "pending".
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('application').addColumn('consented_at', 'text').execute();
  await db.schema.alterTable('application').addColumn('granted_role', 'text').execute();
  await db.schema
    .createTable('application_status_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.references('application.id'))
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_status_token').ifExists().execute();
  await db.schema.alterTable('application').dropColumn('granted_role').execute();
  await db.schema.alterTable('application').dropColumn('consented_at').execute();
}
