// The packed minute blocks (migration 27, engine/minute-block.ts) on SQLite and PostgreSQL:
// the migration fills them from the minute roll-ups already stored, `down` drops them, and
// two platforms writing one device's hour at once (two server processes on one PostgreSQL
// database) lose nothing: each block ends equal to the minute roll-ups.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Migrator } from 'kysely/migration';
import { aggregateOf, MINUTE_MS, rollUp } from '../../src/machines/engine/index.ts';
import { minuteColumns, rollupRows } from '../../src/machines/repository.ts';
import { systemActor } from '../../src/model/index.ts';
import { allMigrations, type Platform } from '../../src/platform.ts';
import { SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo } from './fixtures.ts';

const dialects = await eachDialect();
const ORG = 'mb-plant';
const SITE = 'mb-plant-site';
const HOUR_MS = 3_600_000;
const HOUR = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 10 * HOUR_MS;

for (const d of dialects) {
  describe(`minute blocks on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let q: Platform;
    before(async () => {
      db = await d.make();
      p = await db.open();
      await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: ORG });
      await p.registry.addSite(systemActor, ORG, { ...siteKemerovo, id: SITE });
    });
    after(async () => {
      if (q !== p) await q?.close();
      await p?.close();
      await db?.drop();
    });

    const newDevice = () =>
      p.machines.createDevice(systemActor, {
        organisationId: ORG,
        siteId: SITE,
        profileId: 'belt-scale',
      });
    /** The minute roll-up rows of a key, and the same range read from the blocks. */
    const both = async (deviceId: string) => {
      const rows = await rollupRows(
        p.store,
        'machines_rollup_minute',
        deviceId,
        'throughput_tph',
        0,
        HOUR + 10 * HOUR_MS,
        1e6,
      );
      const blocks = await minuteColumns(
        p.store,
        deviceId,
        'throughput_tph',
        0,
        HOUR + 10 * HOUR_MS,
        1e6,
        'avg',
      );
      return { rows, blocks };
    };

    test('the migration fills the blocks from the minute roll-ups stored before it; down drops them', async () => {
      const dev = await newDevice();
      const device = (await p.machines.findDevice(dev.id))!;
      const points = Array.from({ length: 400 }, (_, i) => ({
        id: `m-${i}`,
        ts: new Date(HOUR + i * 37_000).toISOString(),
        values: { throughput_tph: 600 + (i % 13) * 7.25 },
      }));
      await p.machines.ingest(device, { points });
      const migrator = new Migrator({
        db: p.store.db,
        provider: { getMigrations: async () => allMigrations().migrations },
      });
      const down = await migrator.migrateTo('2026-11-30-26-alarm-rules');
      assert.equal(down.error, undefined, String(down.error));
      const tables = (await p.store.db.introspection.getTables()).map((t) => t.name);
      assert.ok(!tables.includes('machines_minute_block'));
      const up = await migrator.migrateToLatest();
      assert.equal(up.error, undefined, String(up.error));
      const { rows, blocks } = await both(dev.id);
      // a point every 37 s for 14,763 s: every minute from 0 to 246 holds one
      assert.equal(rows.length, 247);
      assert.deepEqual(
        blocks.ts,
        rows.map((r) => r.bucket),
      );
      assert.deepEqual(
        blocks.value,
        rows.map((r) => aggregateOf(r, 'avg')),
      );
    });

    test('the 1-minute read over HTTP: the blocks as JSON, also compressed as browsers ask', async () => {
      const dev = await newDevice();
      const device = (await p.machines.findDevice(dev.id))!;
      const points = Array.from({ length: 300 }, (_, i) => ({
        id: `h-${i}`,
        ts: new Date(HOUR + 3 * HOUR_MS + i * 30_000).toISOString(),
        values: { throughput_tph: 700 + i / 3 },
      }));
      await p.machines.ingest(device, { points });
      const app = await buildServer(p, { checkResponses: true });
      try {
        const u = await p.users.createUser(systemActor, ORG, {
          email: 'reader@mb-plant.example',
          name: 'reader',
          role: 'member',
          password: 'password-for-tests',
        });
        const cookie = `${SESSION_COOKIE}=${(await p.users.openSession(u.id)).token}`;
        const query = new URLSearchParams({
          key: 'throughput_tph',
          from: new Date(HOUR + 3 * HOUR_MS).toISOString(),
          to: new Date(HOUR + 6 * HOUR_MS).toISOString(),
          bucket: '1m',
          agg: 'max',
        });
        const url = `/api/v1/devices/${dev.id}/telemetry?${query}`;
        const plain = await app.inject({ method: 'GET', url, headers: { cookie } });
        assert.equal(plain.statusCode, 200, plain.body);
        // two points a minute, 150 minutes; max = the later one
        const body = plain.json();
        assert.equal(body.points.length, 150);
        assert.deepEqual(body.points[149], {
          ts: new Date(HOUR + 3 * HOUR_MS + 149 * MINUTE_MS).toISOString(),
          value: 700 + 299 / 3,
        });
        for (const [encoding, inflate] of [
          ['br', brotliDecompressSync],
          ['gzip', gunzipSync],
        ] as const) {
          const z = await app.inject({
            method: 'GET',
            url,
            headers: { cookie, 'accept-encoding': encoding },
          });
          assert.equal(z.headers['content-encoding'], encoding);
          assert.equal(inflate(z.rawPayload).toString(), plain.body);
        }
      } finally {
        await app.close();
      }
    });

    test('two platforms ingesting one hour of one device at once lose no minute', async () => {
      // several server processes share a PostgreSQL database; a SQLite file has one process
      // (DESIGN), whose writers then interleave in it
      q = d.name === 'postgres' ? await db.open() : p;
      const dev = await newDevice();
      const mine = (await p.machines.findDevice(dev.id))!;
      const theirs = (await q.machines.findDevice(dev.id))!;
      // the same minutes from both sides, in small batches, so that the writers interleave
      const sent: Array<{ ts: number; value: number }> = [];
      const batches = (side: string) =>
        Array.from({ length: 20 }, (_, b) =>
          Array.from({ length: 15 }, (_, i) => {
            const ts = HOUR + 6 * HOUR_MS + ((b * 15 + i) % 90) * 20_000 + (side === 'q' ? 7 : 0);
            const value = side === 'q' ? 100 + i : 50 + b;
            sent.push({ ts, value });
            return {
              id: `${side}-${b}-${i}`,
              ts: new Date(ts).toISOString(),
              values: { throughput_tph: value },
            };
          }),
        );
      const run = async (platform: Platform, device: typeof mine, side: string) => {
        for (const points of batches(side)) await platform.machines.ingest(device, { points });
      };
      await Promise.all([run(p, mine, 'p'), run(q, theirs, 'q')]);
      const expected = [...rollUp(sent, MINUTE_MS)].sort((a, b) => a[0] - b[0]);
      for (const agg of ['avg', 'min', 'max', 'last'] as const) {
        const read = await minuteColumns(
          p.store,
          dev.id,
          'throughput_tph',
          HOUR + 6 * HOUR_MS,
          HOUR + 7 * HOUR_MS,
          1e6,
          agg,
        );
        assert.deepEqual(
          read.ts,
          expected.map(([b]) => b),
        );
        read.value.forEach((v, i) => {
          const e = aggregateOf(expected[i][1], agg);
          assert.ok(Math.abs(v - e) < 1e-9, `${agg} ${read.ts[i]}: ${v} ≠ ${e}`);
        });
      }
    });
  });
}
