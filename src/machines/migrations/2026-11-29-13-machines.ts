import type { Kysely } from 'kysely';

// The machines module's tables: devices (the token kept only as hashes: sha256 for the
// platform, Mosquitto's PBKDF2 form for an external broker's password file), the narrow
// series table (one row per device, message, key: a repeated message id is ignored), minute
// and hour roll-ups kept in step with it in the same transaction, and refusal counters.
const rollups = ['machines_rollup_minute', 'machines_rollup_hour'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('machines_device')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('broker_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('token_issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('machines_device_organisation')
    .on('machines_device')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('machines_point')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('machines_point_pk', ['device_id', 'message_id', 'key'])
    .execute();
  await db.schema
    .createIndex('machines_point_series')
    .on('machines_point')
    .columns(['device_id', 'key', 'ts'])
    .execute();

  for (const table of rollups) {
    await db.schema
      .createTable(table)
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('bucket', 'bigint', (c) => c.notNull())
      .addColumn('n', 'bigint', (c) => c.notNull())
      .addColumn('sum', 'double precision', (c) => c.notNull())
      .addColumn('low', 'double precision', (c) => c.notNull())
      .addColumn('high', 'double precision', (c) => c.notNull())
      .addColumn('last_ts', 'bigint', (c) => c.notNull())
      .addColumn('last_value', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['device_id', 'key', 'bucket'])
      .execute();
  }

  await db.schema
    .createTable('machines_rejection')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('machines_rejection_pk', ['device_id', 'reason'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['machines_rejection', ...rollups, 'machines_point', 'machines_device'])
    await db.schema.dropTable(t).ifExists().execute();
}
