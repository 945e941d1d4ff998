import type { Kysely } from 'kysely';

// Sharing between companies: a device's owner grants another organisation read access to
// chosen keys for a window of time and a purpose (revocable), and every read under a grant
// is logged: which grant, who read, which key and range, how many points, when.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('machines_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('owner_organisation_id', 'text', (c) => c.notNull())
    .addColumn('grantee_organisation_id', 'text', (c) => c.notNull())
    .addColumn('keys', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema
    .createIndex('machines_grant_device')
    .on('machines_grant')
    .columns(['device_id', 'grantee_organisation_id'])
    .execute();
  await db.schema
    .createIndex('machines_grant_grantee')
    .on('machines_grant')
    .column('grantee_organisation_id')
    .execute();
  await db.schema
    .createIndex('machines_grant_owner')
    .on('machines_grant')
    .column('owner_organisation_id')
    .execute();

  await db.schema
    .createTable('machines_grant_usage')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('reader_id', 'text', (c) => c.notNull())
    .addColumn('reader_organisation_id', 'text', (c) => c.notNull())
    .addColumn('read', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('range_from', 'text')
    .addColumn('range_to', 'text')
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('machines_grant_usage_grant')
    .on('machines_grant_usage')
    .columns(['grant_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['machines_grant_usage', 'machines_grant'])
    await db.schema.dropTable(t).ifExists().execute();
}
