import type { Kysely } from 'kysely';

// A status link given for an application that duplicates a hidden record (F8) keeps the
// duplicate admin's e-mail and password hash, so that logging in with that password answers
// "pending" as a new applicant's login would (else the login would tell a duplicate apart).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('application_status_token')
    .addColumn('duplicate_email', 'text')
    .execute();
  await db.schema
    .alterTable('application_status_token')
    .addColumn('duplicate_password_hash', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('application_status_token')
    .dropColumn('duplicate_password_hash')
    .execute();
  await db.schema.alterTable('application_status_token').dropColumn('duplicate_email').execute();
}
