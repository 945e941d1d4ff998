import type { Kysely } from 'kysely';

// The plant of a site (which devices are its feed and product belt scales, ash analyser and
// densimeter, with the targets the KPIs compare against) and alarms (one row per alarm, its
// lifecycle active → acknowledged → cleared; at most one open per device and rule).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('machines_plant')
    .addColumn('site_id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('feed_device_id', 'text', (c) => c.notNull())
    .addColumn('product_device_id', 'text', (c) => c.notNull())
    .addColumn('ash_device_id', 'text')
    .addColumn('density_device_id', 'text')
    .addColumn('ash_target_pct', 'double precision')
    .addColumn('density_target_kgm3', 'double precision')
    .addColumn('running_above_tph', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('machines_alarm')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('raised_value', 'double precision')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('cleared_at', 'text')
    .addColumn('cleared_value', 'double precision')
    .execute();
  await db.schema
    .createIndex('machines_alarm_device')
    .on('machines_alarm')
    .columns(['device_id', 'status'])
    .execute();
  await db.schema
    .createIndex('machines_alarm_organisation')
    .on('machines_alarm')
    .columns(['organisation_id', 'raised_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['machines_alarm', 'machines_plant'])
    await db.schema.dropTable(t).ifExists().execute();
}
