// All of the machines module's SQL, reads and writes, over its own tables only, and the
// mapping between its rows and its records. One code path for SQLite and PostgreSQL; the
// roll-up upsert differs only in the name of the two-argument min/max.
import { type ColumnType, CompiledQuery, type Selectable, sql } from 'kysely';
import type { Reader, Store, Tx } from '../store/index.ts';
import { appendBlockColumns, BLOCK_MS, mergeIntoBlock } from './engine/minute-block.ts';
import { bucketStart, type Rollup } from './engine/rollup.ts';
import type { Aggregate, DeviceRecord } from './schema.ts';

/** A bigint column: PostgreSQL reads it back as text, SQLite as a number; written as a number. */
type Big = ColumnType<string | number | bigint, number, number>;

export interface MachinesDeviceTable {
  id: string;
  organisation_id: string;
  site_id: string;
  profile_id: string;
  name: string | null;
  /** sha256 (hex) of the token */
  token_hash: string;
  /** the token in Mosquitto's password-file form ($7$: PBKDF2-SHA512), for `device acl` */
  broker_hash: string;
  created_at: string;
  token_issued_at: string;
}

export interface MachinesPointTable {
  device_id: string;
  message_id: string;
  key: string;
  /** ms since the epoch */
  ts: Big;
  value: number;
}

export interface MachinesRollupTable {
  device_id: string;
  key: string;
  /** the bucket's start, ms since the epoch */
  bucket: Big;
  n: Big;
  sum: number;
  low: number;
  high: number;
  last_ts: Big;
  last_value: number;
}

/** The minute roll-ups of one hour packed (engine/minute-block.ts), kept in step with the table. */
export interface MachinesMinuteBlockTable {
  device_id: string;
  key: string;
  /** the hour's start, ms since the epoch */
  hour: Big;
  body: Uint8Array;
}

export interface MachinesRejectionTable {
  device_id: string;
  reason: string;
  n: Big;
  last_at: string;
}

declare module '../store/database.ts' {
  interface Database {
    machines_device: MachinesDeviceTable;
    machines_point: MachinesPointTable;
    machines_rollup_minute: MachinesRollupTable;
    machines_rollup_hour: MachinesRollupTable;
    machines_minute_block: MachinesMinuteBlockTable;
    machines_rejection: MachinesRejectionTable;
  }
}

export type RollupTable = 'machines_rollup_minute' | 'machines_rollup_hour';

type DeviceRow = Selectable<MachinesDeviceTable>;

export const deviceFromRow = (r: DeviceRow): DeviceRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  siteId: r.site_id,
  profileId: r.profile_id,
  name: r.name,
  createdAt: r.created_at,
  tokenIssuedAt: r.token_issued_at,
});

/** A unit of ingestion: one transaction, without the journal's lock (points are not events). */
export function ingestTransaction<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  return store.db.transaction().execute((trx) => work({ db: trx, dialect: store.dialect }));
}

// --- devices ---

export async function insertDevice(tx: Tx, row: MachinesDeviceTable): Promise<void> {
  await tx.db.insertInto('machines_device').values(row).execute();
}

export async function deviceExists(reader: Reader, id: string): Promise<boolean> {
  const r = await reader.db
    .selectFrom('machines_device')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return !!r;
}

export function deviceRow(reader: Reader, id: string): Promise<DeviceRow | undefined> {
  return reader.db
    .selectFrom('machines_device')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export function deviceRowByTokenHash(reader: Reader, hash: string): Promise<DeviceRow | undefined> {
  return reader.db
    .selectFrom('machines_device')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

export async function devicesOf(reader: Reader, organisationId?: string): Promise<DeviceRow[]> {
  let q = reader.db.selectFrom('machines_device').selectAll().orderBy('id');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return q.execute();
}

export async function renameDevice(tx: Tx, id: string, name: string): Promise<void> {
  await tx.db.updateTable('machines_device').set({ name }).where('id', '=', id).execute();
}

export async function replaceDeviceToken(
  tx: Tx,
  id: string,
  tokenHash: string,
  brokerHash: string,
  at: string,
): Promise<void> {
  await tx.db
    .updateTable('machines_device')
    .set({ token_hash: tokenHash, broker_hash: brokerHash, token_issued_at: at })
    .where('id', '=', id)
    .execute();
}

// --- points ---

/** Which of `ids` the device has sent before. */
export async function knownMessageIds(
  tx: Tx,
  deviceId: string,
  ids: string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 900) {
    const rows = await tx.db
      .selectFrom('machines_point')
      .select('message_id')
      .distinct()
      .where('device_id', '=', deviceId)
      .where('message_id', 'in', ids.slice(i, i + 900))
      .execute();
    for (const r of rows) out.add(r.message_id);
  }
  return out;
}

export interface PointRow {
  device_id: string;
  message_id: string;
  key: string;
  ts: number;
  value: number;
}

/** Inserts points; a (device, message, key) already there is left alone. Returns what went in. */
export async function insertPoints(
  tx: Tx,
  rows: PointRow[],
): Promise<Array<{ deviceId: string; key: string; ts: number; value: number }>> {
  const out: Array<{ deviceId: string; key: string; ts: number; value: number }> = [];
  for (const [start, size] of insertChunks(rows.length)) {
    const params: Array<string | number> = new Array(size * 5);
    for (let k = 0; k < size; k++) {
      const r = rows[start + k];
      params[5 * k] = r.device_id;
      params[5 * k + 1] = r.message_id;
      params[5 * k + 2] = r.key;
      params[5 * k + 3] = r.ts;
      params[5 * k + 4] = r.value;
    }
    const inserted = await tx.db.executeQuery<{
      device_id: string;
      key: string;
      ts: string | number;
      value: number;
    }>(CompiledQuery.raw(pointInsertSql(tx.dialect, size), params));
    for (const r of inserted.rows)
      out.push({ deviceId: r.device_id, key: r.key, ts: Number(r.ts), value: r.value });
  }
  return out;
}

/**
 * A batch of points cut into statements of a few fixed sizes (1,024 rows, then the rest in
 * powers of two): the hot path of ingestion then runs a handful of statement texts, each
 * written once here and prepared once by the store (its SQLite statement cache), where the
 * query builder would write and SQLite prepare a new 10,000-parameter statement per batch
 * (measured: 18 % of the server's time in HTTP ingestion).
 */
function* insertChunks(n: number): Generator<[number, number]> {
  let start = 0;
  for (; n - start >= 1024; start += 1024) yield [start, 1024];
  for (let size = 512; size >= 1; size >>= 1)
    if (n - start >= size) {
      yield [start, size];
      start += size;
    }
}

const pointInsertSqls = new Map<string, string>();
/** The multi-row insert of `rows` points, as Kysely would write it for the dialect. */
function pointInsertSql(dialect: Tx['dialect'], rows: number): string {
  const id = `${dialect}:${rows}`;
  let text = pointInsertSqls.get(id);
  if (text === undefined) {
    const values: string[] = [];
    for (let k = 0; k < rows; k++) {
      const p = (c: number) => (dialect === 'postgres' ? `$${5 * k + c + 1}` : '?');
      values.push(`(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`);
    }
    text =
      'insert into "machines_point" ("device_id", "message_id", "key", "ts", "value") values ' +
      `${values.join(', ')} on conflict ("device_id", "message_id", "key") do nothing ` +
      'returning "device_id", "key", "ts", "value"';
    pointInsertSqls.set(id, text);
  }
  return text;
}

export interface RollupRow extends Rollup {
  key: string;
  bucket: number;
}

/** Adds partial roll-ups to a roll-up table, merging with what is there (see engine/rollup.ts). */
export async function addRollups(
  tx: Tx,
  table: RollupTable,
  deviceId: string,
  rows: RollupRow[],
): Promise<void> {
  const least = tx.dialect === 'postgres' ? sql.raw('least') : sql.raw('min');
  const greatest = tx.dialect === 'postgres' ? sql.raw('greatest') : sql.raw('max');
  const old = (c: string) => sql.ref(`${table}.${c}`);
  const now = (c: string) => sql.ref(`excluded.${c}`);
  const later = sql`(${now('last_ts')} > ${old('last_ts')} or (${now('last_ts')} = ${old('last_ts')} and ${now('last_value')} > ${old('last_value')}))`;
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.db
      .insertInto(table)
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          device_id: deviceId,
          key: r.key,
          bucket: r.bucket,
          n: r.n,
          sum: r.sum,
          low: r.low,
          high: r.high,
          last_ts: r.lastTs,
          last_value: r.lastValue,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['device_id', 'key', 'bucket']).doUpdateSet({
          n: sql`${old('n')} + ${now('n')}`,
          sum: sql`${old('sum')} + ${now('sum')}`,
          low: sql`${least}(${old('low')}, ${now('low')})`,
          high: sql`${greatest}(${old('high')}, ${now('high')})`,
          last_ts: sql`${greatest}(${old('last_ts')}, ${now('last_ts')})`,
          last_value: sql`case when ${later} then ${now('last_value')} else ${old('last_value')} end`,
        }),
      )
      .execute();
  }
}

/**
 * Merges minute roll-ups into their hours' packed blocks, as `addRollups` merges them into
 * the minute table. On PostgreSQL each block is locked first (created empty if new), so
 * two server processes ingesting one device's hour merge one after the other instead of
 * the later overwriting the earlier; SQLite's writer already holds the database.
 */
export async function mergeMinuteBlocks(
  tx: Tx,
  deviceId: string,
  minutes: RollupRow[],
): Promise<void> {
  if (!minutes.length) return;
  const byBlock = new Map<string, { key: string; hour: number; minutes: RollupRow[] }>();
  for (const m of minutes) {
    const hour = bucketStart(m.bucket, BLOCK_MS);
    const id = `${m.key}\u0000${hour}`;
    const b = byBlock.get(id) ?? { key: m.key, hour, minutes: [] };
    byBlock.set(id, b);
    b.minutes.push(m);
  }
  // one order for every writer (key, hour), so that two never wait on each other's blocks
  const blocks = [...byBlock.values()].sort((a, b) =>
    a.key === b.key ? a.hour - b.hour : a.key < b.key ? -1 : 1,
  );
  const keys = [...new Set(blocks.map((b) => b.key))];
  const hours = [...new Set(blocks.map((b) => b.hour))];
  const empty = new Uint8Array(0);
  if (tx.dialect === 'postgres')
    await tx.db
      .insertInto('machines_minute_block')
      .values(blocks.map((b) => ({ device_id: deviceId, key: b.key, hour: b.hour, body: empty })))
      .onConflict((oc) => oc.columns(['device_id', 'key', 'hour']).doNothing())
      .execute();
  let read = tx.db
    .selectFrom('machines_minute_block')
    .select(['key', 'hour', 'body'])
    .where('device_id', '=', deviceId)
    .where('key', 'in', keys)
    .where('hour', 'in', hours);
  if (tx.dialect === 'postgres') read = read.orderBy('key').orderBy('hour').forUpdate();
  const stored = new Map(
    (await read.execute()).map((r) => [`${r.key}\u0000${Number(r.hour)}`, r.body]),
  );
  const rows = blocks.map((b) => ({
    device_id: deviceId,
    key: b.key,
    hour: b.hour,
    body: mergeIntoBlock(b.hour, stored.get(`${b.key}\u0000${b.hour}`) ?? null, b.minutes),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await tx.db
      .insertInto('machines_minute_block')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['device_id', 'key', 'hour']).doUpdateSet({ body: sql.ref('excluded.body') }),
      )
      .execute();
}

export async function countRejection(
  store: Store,
  deviceId: string,
  reason: string,
  at: string,
): Promise<void> {
  await store.db
    .insertInto('machines_rejection')
    .values({ device_id: deviceId, reason, n: 1, last_at: at })
    .onConflict((oc) =>
      oc.columns(['device_id', 'reason']).doUpdateSet({
        n: sql`${sql.ref('machines_rejection.n')} + 1`,
        last_at: at,
      }),
    )
    .execute();
}

export async function rejectionsOf(
  reader: Reader,
  deviceIds: string[],
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (!deviceIds.length) return out;
  const rows = await reader.db
    .selectFrom('machines_rejection')
    .selectAll()
    .where('device_id', 'in', deviceIds)
    .execute();
  for (const r of rows) {
    const m = out.get(r.device_id) ?? {};
    m[r.reason] = Number(r.n);
    out.set(r.device_id, m);
  }
  return out;
}

// --- reads ---

/** Raw points of one key in [from, to), oldest first, at most `limit`. */
export async function rawPoints(
  reader: Reader,
  deviceId: string,
  key: string,
  from: number,
  to: number,
  limit: number,
): Promise<Array<{ ts: number; value: number }>> {
  const rows = await reader.db
    .selectFrom('machines_point')
    .select(['ts', 'value'])
    .where('device_id', '=', deviceId)
    .where('key', '=', key)
    .where('ts', '>=', from)
    .where('ts', '<', to)
    .orderBy('ts')
    .orderBy('value')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ts: Number(r.ts), value: r.value }));
}

/** Roll-up rows of one key whose bucket starts in [from, to), oldest first, at most `limit`. */
export async function rollupRows(
  reader: Reader,
  table: RollupTable,
  deviceId: string,
  key: string,
  from: number,
  to: number,
  limit: number,
): Promise<Array<{ bucket: number } & Rollup>> {
  const rows = await reader.db
    .selectFrom(table)
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('key', '=', key)
    .where('bucket', '>=', from)
    .where('bucket', '<', to)
    .orderBy('bucket')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    bucket: Number(r.bucket),
    n: Number(r.n),
    sum: r.sum,
    low: r.low,
    high: r.high,
    lastTs: Number(r.last_ts),
    lastValue: r.last_value,
  }));
}

/**
 * One key's hour roll-ups in [from, to) as two columns, the aggregate taken in SQL, oldest
 * first, at most `limit`: the narrow read of a long hourly series. The covering index
 * (migration 26) answers it from the index alone. Minutes are read from their packed
 * hours (minuteColumns).
 */
export async function hourColumns(
  reader: Reader,
  deviceId: string,
  key: string,
  from: number,
  to: number,
  limit: number,
  agg: Aggregate,
): Promise<{ ts: number[]; value: number[] }> {
  const value = {
    avg: sql<number>`${sql.ref('sum')} / ${sql.ref('n')}`,
    min: sql<number>`${sql.ref('low')}`,
    max: sql<number>`${sql.ref('high')}`,
    last: sql<number>`${sql.ref('last_value')}`,
  }[agg];
  const rows = await reader.db
    .selectFrom('machines_rollup_hour')
    .select(['bucket', value.as('v')])
    .where('device_id', '=', deviceId)
    .where('key', '=', key)
    .where('bucket', '>=', from)
    .where('bucket', '<', to)
    .orderBy('bucket')
    .limit(limit)
    .execute();
  const ts: number[] = new Array(rows.length);
  const values: number[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    // PostgreSQL reads a bigint back as text
    ts[i] = Number(rows[i].bucket);
    values[i] = Number(rows[i].v);
  }
  return { ts, value: values };
}

/**
 * One key's minute buckets in [from, to) as two columns, oldest first, at most `limit`, read
 * from the packed blocks: a 30-day read is 720 rows instead of 43,200. Each stored block holds
 * at least one minute, and only the first and the last may hold none in range, so `limit` + 2
 * blocks are enough for `limit` points.
 */
export async function minuteColumns(
  reader: Reader,
  deviceId: string,
  key: string,
  from: number,
  to: number,
  limit: number,
  agg: Aggregate,
): Promise<{ ts: number[]; value: number[] }> {
  const rows = await reader.db
    .selectFrom('machines_minute_block')
    .select(['hour', 'body'])
    .where('device_id', '=', deviceId)
    .where('key', '=', key)
    .where('hour', '>=', bucketStart(from, BLOCK_MS))
    .where('hour', '<', to)
    .orderBy('hour')
    .limit(limit + 2)
    .execute();
  const out = { ts: [] as number[], value: [] as number[] };
  for (const r of rows) appendBlockColumns(Number(r.hour), r.body, agg, from, to, limit, out);
  return out;
}

/** The latest value of each key of a device (from the hour roll-ups' newest bucket per key). */
export async function latestRollups(
  reader: Reader,
  deviceId: string,
): Promise<Array<{ key: string; ts: number; value: number }>> {
  const rows = await reader.db
    .selectFrom('machines_rollup_hour as r')
    .select(['r.key', 'r.last_ts', 'r.last_value'])
    .where('r.device_id', '=', deviceId)
    .where(({ eb, selectFrom }) =>
      eb(
        'r.bucket',
        '=',
        selectFrom('machines_rollup_hour as q')
          .select((e) => e.fn.max('q.bucket').as('b'))
          .where('q.device_id', '=', deviceId)
          .whereRef('q.key', '=', 'r.key'),
      ),
    )
    .execute();
  return rows.map((r) => ({ key: r.key, ts: Number(r.last_ts), value: r.last_value }));
}

/** Raw points of a device older than `before` removed (its profile's retention). */
export async function pruneRaw(tx: Tx, deviceId: string, before: number): Promise<number> {
  const r = await tx.db
    .deleteFrom('machines_point')
    .where('device_id', '=', deviceId)
    .where('ts', '<', before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
