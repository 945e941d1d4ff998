// The SQL of the plant and alarms (tables of migration 2026-11-30-17): kept beside
// repository.ts, with the same one code path for SQLite and PostgreSQL.
import type { Selectable } from 'kysely';
import type { Reader, Tx } from '../../store/index.ts';
import type { AlarmRecord, AlarmView, PlantRecord } from '../plant-schema.ts';

export interface MachinesPlantTable {
  site_id: string;
  organisation_id: string;
  feed_device_id: string;
  product_device_id: string;
  ash_device_id: string | null;
  density_device_id: string | null;
  /** migration 2026-12-03-30 */
  power_device_id: string | null;
  ash_target_pct: number | null;
  density_target_kgm3: number | null;
  running_above_tph: number;
  updated_at: string;
}

export interface MachinesAlarmTable {
  id: string;
  device_id: string;
  organisation_id: string;
  site_id: string;
  profile_id: string;
  rule_id: string;
  /** the rule as evaluated, JSON */
  rule: string;
  status: string;
  raised_at: string;
  raised_value: number | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  cleared_at: string | null;
  cleared_value: number | null;
}

/** An organisation's own alarm rules of a profile (migration 2026-11-30-26). */
export interface MachinesAlarmRuleSetTable {
  organisation_id: string;
  profile_id: string;
  /** the rules (RuleSetting[]), JSON */
  rules: string;
  updated_at: string;
  /** actorRef of who set them */
  updated_by: string;
}

declare module '../../store/database.ts' {
  interface Database {
    machines_plant: MachinesPlantTable;
    machines_alarm: MachinesAlarmTable;
    machines_alarm_rule_set: MachinesAlarmRuleSetTable;
  }
}

export const plantFromRow = (r: Selectable<MachinesPlantTable>): PlantRecord => ({
  id: r.site_id,
  siteId: r.site_id,
  organisationId: r.organisation_id,
  feedDeviceId: r.feed_device_id,
  productDeviceId: r.product_device_id,
  ashDeviceId: r.ash_device_id,
  densityDeviceId: r.density_device_id,
  ...(r.power_device_id === null ? {} : { powerDeviceId: r.power_device_id }),
  ashTargetPct: r.ash_target_pct,
  densityTargetKgm3: r.density_target_kgm3,
  runningAboveTph: r.running_above_tph,
  updatedAt: r.updated_at,
});

export const plantRow = (p: PlantRecord): MachinesPlantTable => ({
  site_id: p.siteId,
  organisation_id: p.organisationId,
  feed_device_id: p.feedDeviceId,
  product_device_id: p.productDeviceId,
  ash_device_id: p.ashDeviceId,
  density_device_id: p.densityDeviceId,
  power_device_id: p.powerDeviceId ?? null,
  ash_target_pct: p.ashTargetPct,
  density_target_kgm3: p.densityTargetKgm3,
  running_above_tph: p.runningAboveTph,
  updated_at: p.updatedAt,
});

export function findPlant(reader: Reader, siteId: string) {
  return reader.db
    .selectFrom('machines_plant')
    .selectAll()
    .where('site_id', '=', siteId)
    .executeTakeFirst();
}

/** The plant whose ash analyser or densimeter the device is, if any. */
export async function plantOfDevice(
  reader: Reader,
  deviceId: string,
): Promise<PlantRecord | undefined> {
  const row = await reader.db
    .selectFrom('machines_plant')
    .selectAll()
    .where((eb) =>
      eb.or([eb('ash_device_id', '=', deviceId), eb('density_device_id', '=', deviceId)]),
    )
    .orderBy('site_id')
    .executeTakeFirst();
  return row && plantFromRow(row);
}

/** The plants described at an organisation's sites (all of them: undefined), by site. */
export async function listPlants(reader: Reader, organisationId: string | undefined) {
  let q = reader.db.selectFrom('machines_plant').selectAll();
  if (organisationId !== undefined) q = q.where('organisation_id', '=', organisationId);
  const rows = await q.orderBy('site_id').execute();
  return rows.map(plantFromRow);
}

export async function savePlant(tx: Tx, p: PlantRecord): Promise<void> {
  const row = plantRow(p);
  const { site_id: _, ...rest } = row;
  await tx.db
    .insertInto('machines_plant')
    .values(row)
    .onConflict((oc) => oc.column('site_id').doUpdateSet(rest))
    .execute();
}

export const alarmFromRow = (r: Selectable<MachinesAlarmTable>): AlarmRecord => ({
  id: r.id,
  deviceId: r.device_id,
  organisationId: r.organisation_id,
  siteId: r.site_id,
  profileId: r.profile_id,
  rule: JSON.parse(r.rule),
  status: r.status as AlarmRecord['status'],
  raisedAt: r.raised_at,
  raisedValue: r.raised_value,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  clearedAt: r.cleared_at,
  clearedValue: r.cleared_value,
});

export const alarmRow = (a: AlarmRecord): MachinesAlarmTable => ({
  id: a.id,
  device_id: a.deviceId,
  organisation_id: a.organisationId,
  site_id: a.siteId,
  profile_id: a.profileId,
  rule_id: a.rule.id,
  rule: JSON.stringify(a.rule),
  status: a.status,
  raised_at: a.raisedAt,
  raised_value: a.raisedValue,
  acknowledged_at: a.acknowledgedAt,
  acknowledged_by: a.acknowledgedBy,
  cleared_at: a.clearedAt,
  cleared_value: a.clearedValue,
});

export async function insertAlarm(tx: Tx, a: AlarmRecord): Promise<void> {
  await tx.db.insertInto('machines_alarm').values(alarmRow(a)).execute();
}

export async function updateAlarm(tx: Tx, a: AlarmRecord): Promise<void> {
  const { id, ...rest } = alarmRow(a);
  await tx.db.updateTable('machines_alarm').set(rest).where('id', '=', id).execute();
}

export function findAlarm(reader: Reader, id: string) {
  return reader.db.selectFrom('machines_alarm').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A device's open alarms (active or acknowledged). */
export async function openAlarms(reader: Reader, deviceId: string): Promise<AlarmRecord[]> {
  const rows = await reader.db
    .selectFrom('machines_alarm')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('status', 'in', ['active', 'acknowledged'])
    .execute();
  return rows.map(alarmFromRow);
}

export async function listAlarms(
  reader: Reader,
  f: { organisationId?: string; statuses?: string[]; siteId?: string; deviceId?: string },
  limit: number,
): Promise<AlarmView[]> {
  let q = reader.db
    .selectFrom('machines_alarm as a')
    .leftJoin('machines_device as d', 'd.id', 'a.device_id')
    .selectAll('a')
    .select('d.name as device_name');
  if (f.organisationId) q = q.where('a.organisation_id', '=', f.organisationId);
  if (f.statuses) q = q.where('a.status', 'in', f.statuses);
  if (f.siteId) q = q.where('a.site_id', '=', f.siteId);
  if (f.deviceId) q = q.where('a.device_id', '=', f.deviceId);
  const rows = await q.orderBy('a.raised_at', 'desc').orderBy('a.id').limit(limit).execute();
  return rows.map(({ device_name, ...row }) => ({
    ...alarmFromRow(row),
    deviceName: device_name ?? null,
  }));
}

/** The key's point just before `ts` (for a rate rule), or null. */
export async function pointBefore(
  reader: Reader,
  deviceId: string,
  key: string,
  ts: number,
): Promise<{ ts: number; value: number } | null> {
  const r = await reader.db
    .selectFrom('machines_point')
    .select(['ts', 'value'])
    .where('device_id', '=', deviceId)
    .where('key', '=', key)
    .where('ts', '<', ts)
    .orderBy('ts', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { ts: Number(r.ts), value: r.value } : null;
}

// --- an organisation's own alarm rules ---

export function findRuleSet(reader: Reader, organisationId: string, profileId: string) {
  return reader.db
    .selectFrom('machines_alarm_rule_set')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('profile_id', '=', profileId)
    .executeTakeFirst();
}

export async function saveRuleSet(tx: Tx, row: MachinesAlarmRuleSetTable): Promise<void> {
  await tx.db
    .insertInto('machines_alarm_rule_set')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'profile_id']).doUpdateSet({
        rules: row.rules,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}
