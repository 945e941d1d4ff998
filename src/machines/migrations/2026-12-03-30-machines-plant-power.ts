import type { Kysely } from 'kysely';

// A plant may name its power meter: the KPIs then give energy per tonne of feed (kWh/t).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('machines_plant').addColumn('power_device_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('machines_plant').dropColumn('power_device_id').execute();
}
