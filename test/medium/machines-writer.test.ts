// Group commit on real databases: messages ingested at once are written in shared
// transactions, yet each keeps its own answer: a message id repeated across concurrent
// messages of one device is stored once (the first wins), other devices' points are
// untouched, and the roll-ups count each stored point once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HOUR_MS } from '../../src/machines/index.ts';
import { rawPoints, rollupRows } from '../../src/machines/repository.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo } from './fixtures.ts';

const dialects = await eachDialect();
const HOUR = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 2 * HOUR_MS;

for (const d of dialects) {
  describe(`telemetry group commit on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    before(async () => {
      db = await d.make();
      p = await db.open();
      await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'wr-org' });
      await p.registry.addSite(systemActor, 'wr-org', { ...siteKemerovo, id: 'wr-site' });
    });
    after(async () => {
      await p?.close();
      await db?.drop();
    });

    test('concurrent messages: repeats across them stored once, answers per message', async () => {
      const make = async () =>
        (await p.machines.findDevice(
          (
            await p.machines.createDevice(systemActor, {
              organisationId: 'wr-org',
              siteId: 'wr-site',
              profileId: 'belt-scale',
            })
          ).id,
        ))!;
      const a = await make();
      const b = await make();
      // 30 messages of 10 points at once; message k of device a reuses ids of message k-1
      const message = (k: number, shift: number) => ({
        points: Array.from({ length: 10 }, (_, i) => ({
          id: `m-${k * 5 + i + shift}`,
          ts: new Date(HOUR + (k * 5 + i) * 1000).toISOString(),
          values: { throughput_tph: k * 5 + i },
        })),
      });
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, k) =>
          k % 3 === 2 ? p.machines.ingest(b, message(k, 0)) : p.machines.ingest(a, message(k, 0)),
        ),
      );
      const sum = (list: typeof results, f: 'accepted' | 'duplicates') =>
        list.reduce((s, r) => s + r[f], 0);
      for (const r of results) assert.equal(r.accepted + r.duplicates, 10);
      const aMessages = results.filter((_, k) => k % 3 !== 2);
      const bMessages = results.filter((_, k) => k % 3 === 2);
      const aRaw = await rawPoints(p.store, a.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10_000);
      const bRaw = await rawPoints(p.store, b.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10_000);
      // each device: as many points stored as distinct ids it sent, and answers that say so
      const distinct = (ks: number[]) =>
        new Set(ks.flatMap((k) => Array.from({ length: 10 }, (_, i) => k * 5 + i))).size;
      const aKs = Array.from({ length: 30 }, (_, k) => k).filter((k) => k % 3 !== 2);
      const bKs = Array.from({ length: 30 }, (_, k) => k).filter((k) => k % 3 === 2);
      assert.equal(aRaw.length, distinct(aKs));
      assert.equal(bRaw.length, distinct(bKs));
      assert.equal(sum(aMessages, 'accepted'), aRaw.length);
      assert.equal(sum(bMessages, 'accepted'), bRaw.length);
      // roll-ups count each stored point once
      const hours = await rollupRows(
        p.store,
        'machines_rollup_hour',
        a.id,
        'throughput_tph',
        0,
        HOUR + HOUR_MS,
        10,
      );
      assert.equal(
        hours.reduce((s, h) => s + h.n, 0),
        aRaw.length,
      );
      // a refused message in the crowd changes nothing for the others
      const mixed = await Promise.allSettled([
        p.machines.ingest(a, message(100, 0)),
        p.machines.ingest(a, {
          points: [{ id: 'bad', ts: 'never', values: { throughput_tph: 1 } }],
        }),
        p.machines.ingest(a, message(101, 1000)),
      ]);
      assert.deepEqual(
        mixed.map((x) => x.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
    });
  });
}
