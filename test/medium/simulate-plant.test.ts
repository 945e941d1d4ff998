// `digicluster simulate-plant` into the embedded broker (MQTT_PORT=0) on both databases: it
// registers its devices, the readings are stored, the ash excursion trips the ash alarm, the
// plant's KPIs show the stoppage; a second run with the same seed and start stores nothing
// twice (its tokens rotated). Live, each reading goes at its time, window after window, until
// stopped. Bad arguments exit 2.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { simulate, simulatePlantCommand } from '../../src/cli/simulate-plant.ts';
import { type MqttIngest, startMqtt } from '../../src/machines/index.ts';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo } from './fixtures.ts';

const dialects = await eachDialect();
const ORG = 'sim-plant';
const SITE = 'sim-plant-site';
const reader: Actor = { kind: 'user', id: 'u-sim', organisationId: ORG, role: 'member' };

for (const d of dialects) {
  describe(`simulate-plant on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let mqtt: MqttIngest;

    before(async () => {
      db = await d.make();
      p = await db.open();
      await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: ORG });
      await p.registry.addSite(systemActor, ORG, { ...siteKemerovo, id: SITE });
      mqtt = await startMqtt(p.machines, {
        mqttEmbedded: true,
        mqttHost: '127.0.0.1',
        mqttPort: 0,
        mqttShareGroup: 'digicluster',
        mqttClientId: 'test',
      });
    });
    after(async () => {
      await mqtt?.close();
      await p?.close();
      await db?.drop();
    });

    test('a short simulation stores its readings and trips the ash alarm', {
      timeout: 120_000,
    }, async () => {
      const start = Math.floor(Date.now() / 60_000) * 60_000 - 60 * 60_000;
      const options = {
        organisationId: ORG,
        siteId: SITE,
        minutes: 40,
        perMinute: 3,
        seed: 42,
        start,
        brokerUrl: `mqtt://127.0.0.1:${mqtt.port}`,
      };
      const seen: number[] = [];
      const report = await simulate(p, options, (done) => seen.push(done));
      assert.equal(report.devices.length, 6);
      assert.ok(report.devices.every((x) => x.created));
      assert.equal(report.points, 40 * 3 * 6);
      assert.equal(report.refused, 0);
      assert.equal(seen.at(-1), report.points);
      const feed = report.devices.find((x) => x.role === 'feed');
      const ash = report.devices.find((x) => x.role === 'ash');
      assert.ok(feed && ash);
      const to = new Date(start + 40 * 60_000).toISOString();
      const series = await p.machines.telemetry(reader, feed.id, {
        key: 'throughput_tph',
        from: new Date(start).toISOString(),
        to,
      });
      assert.equal(series.points.length, 120);
      // the ash alarm, raised by the excursion at 70 % of the window, and cleared after it
      const alarms = await p.alarms.list(reader, { device: ash.id });
      const ashHigh = alarms.filter((a) => a.rule.id === 'ash-high');
      assert.ok(ashHigh.length >= 1, JSON.stringify(alarms));
      assert.ok(ashHigh.every((a) => (a.raisedValue ?? 0) > 11.5));
      assert.ok(report.alarms.some((a) => a.rule === 'ash-high'));
      assert.ok(ashHigh.some((a) => a.status === 'cleared'));
      // the plant was described with the simulator's devices: its KPIs see the stoppage
      const k = await p.plant.kpis(reader, SITE, { from: new Date(start).toISOString(), to });
      assert.ok(k.feedTonnes !== null && k.feedTonnes > 300, JSON.stringify(k));
      assert.equal(k.stoppages, 1);
      assert.ok((k.downtimeMinutes ?? 0) >= 2);
      assert.ok(k.yieldPct !== null && k.yieldPct > 65 && k.yieldPct < 80);

      // the same seed and start again: the devices found and re-keyed, nothing stored twice
      const again = await simulate(p, options);
      assert.deepEqual(
        again.devices.map((x) => x.id),
        report.devices.map((x) => x.id),
      );
      assert.ok(again.devices.every((x) => !x.created));
      const after2 = await p.machines.telemetry(reader, feed.id, {
        key: 'throughput_tph',
        from: new Date(start).toISOString(),
        to,
      });
      assert.equal(after2.points.length, 120);
      assert.equal((await p.alarms.list(reader, { device: ash.id })).length, alarms.length);
    });

    test('live, each reading goes when its time comes, window after window, until stopped', {
      timeout: 60_000,
    }, async () => {
      // the clock jumps through each wait; it runs ten minutes behind, as the broker refuses
      // readings from the future
      const minute = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;
      let now = minute + 30_000;
      const stopAt = minute + 3 * 60_000 + 15_000; // in the second window of two minutes
      const stop = new AbortController();
      const clock = {
        now: () => now,
        sleep: async (ms: number) => {
          now += ms;
          if (now >= stopAt) stop.abort();
        },
      };
      const perMinute = 6;
      // readings of the six instruments whose time has come
      const due = () => 6 * (Math.floor((now - minute) / (60_000 / perMinute)) + 1);
      const early: string[] = [];
      const report = await simulate(
        p,
        {
          organisationId: ORG,
          siteId: SITE,
          minutes: 2,
          perMinute,
          seed: 7,
          brokerUrl: `mqtt://127.0.0.1:${mqtt.port}`,
          live: { signal: stop.signal, clock },
        },
        (done) => {
          if (done > due()) early.push(`${done} published at ${new Date(now).toISOString()}`);
        },
      );
      assert.deepEqual(early, [], 'no reading goes before its time');
      assert.equal(report.start, new Date(minute).toISOString());
      assert.equal(report.windows, 2);
      // readings every 10 s from the whole minute up to the stop at 3 min 15 s: 20 times
      assert.equal(report.points, 20 * 6);
      assert.equal(report.refused, 0);
      const feed = report.devices.find((x) => x.role === 'feed');
      assert.ok(feed);
      const series = await p.machines.telemetry(reader, feed.id, {
        key: 'throughput_tph',
        from: new Date(minute).toISOString(),
        to: new Date(minute + 5 * 60_000).toISOString(),
      });
      // the second window's readings are its own, not taken for the first's again
      assert.equal(series.points.length, 20);
    });

    test('bad arguments exit 2', async () => {
      assert.equal(await simulatePlantCommand(['--rate', '0']), 2);
      assert.equal(await simulatePlantCommand(['--minutes', 'x']), 2);
      assert.equal(await simulatePlantCommand(['--what']), 2);
    });
  });
}
