import { type Kysely, SqliteAdapter } from 'kysely';
import { BLOCK_MS, mergeIntoBlock } from '../engine/minute-block.ts';
import { bucketStart, type Rollup } from '../engine/rollup.ts';

// The minute roll-ups of each hour packed into one row (engine/minute-block.ts): a long
// read by minute reads 60 times fewer rows. Filled here from the minute roll-ups already
// stored; the writer keeps both in step from now on.
type Big = string | number;
type Tables = {
  machines_rollup_minute: {
    device_id: string;
    key: string;
    bucket: Big;
    n: Big;
    sum: number;
    low: number;
    high: number;
    last_ts: Big;
    last_value: number;
  };
  machines_minute_block: { device_id: string; key: string; hour: Big; body: Uint8Array };
};

export async function up(unknownDb: Kysely<unknown>): Promise<void> {
  const sqlite = unknownDb.getExecutor().adapter instanceof SqliteAdapter;
  await unknownDb.schema
    .createTable('machines_minute_block')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('hour', 'bigint', (c) => c.notNull())
    .addColumn('body', sqlite ? 'blob' : 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('machines_minute_block_pk', ['device_id', 'key', 'hour'])
    .execute();
  const db = unknownDb.withTables<Tables>();
  const series = await db
    .selectFrom('machines_rollup_minute')
    .select(['device_id', 'key'])
    .distinct()
    .execute();
  for (const { device_id, key } of series) {
    const rows = await db
      .selectFrom('machines_rollup_minute')
      .selectAll()
      .where('device_id', '=', device_id)
      .where('key', '=', key)
      .orderBy('bucket')
      .execute();
    const hours = new Map<number, Array<{ bucket: number } & Rollup>>();
    for (const r of rows) {
      const bucket = Number(r.bucket);
      const hour = bucketStart(bucket, BLOCK_MS);
      const list = hours.get(hour) ?? [];
      hours.set(hour, list);
      list.push({
        bucket,
        n: Number(r.n),
        sum: r.sum,
        low: r.low,
        high: r.high,
        lastTs: Number(r.last_ts),
        lastValue: r.last_value,
      });
    }
    const blocks = [...hours].map(([hour, minutes]) => ({
      device_id,
      key,
      hour,
      body: mergeIntoBlock(hour, null, minutes),
    }));
    for (let i = 0; i < blocks.length; i += 500)
      await db
        .insertInto('machines_minute_block')
        .values(blocks.slice(i, i + 500))
        .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('machines_minute_block').ifExists().execute();
}
