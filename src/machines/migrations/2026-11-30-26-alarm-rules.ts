import type { Kysely } from 'kysely';

// Two things of the machines module's second round:
// - an organisation's own alarm rules for a device profile (one row per organisation and
//   profile: the whole set as JSON, replacing the shipped rules for its devices);
// - covering indexes of the roll-ups: a downsampled read (a 30-day minute series is 43,200
//   rows) is answered from the index alone instead of a table lookup per row.
const rollups = ['machines_rollup_minute', 'machines_rollup_hour'];
const covered = ['device_id', 'key', 'bucket', 'n', 'sum', 'low', 'high', 'last_ts', 'last_value'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('machines_alarm_rule_set')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('machines_alarm_rule_set_pk', ['organisation_id', 'profile_id'])
    .execute();
  for (const table of rollups)
    await db.schema.createIndex(`${table}_covering`).on(table).columns(covered).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of rollups) await db.schema.dropIndex(`${table}_covering`).ifExists().execute();
  await db.schema.dropTable('machines_alarm_rule_set').ifExists().execute();
}
