// The plant on real databases: KPIs through HTTP from ingested telemetry (hand-computed),
// alarms raised on ingest and cleared (journaled with their full state, acknowledged through
// HTTP), the no-data timer on an injected clock (no real waiting), and the live stream of a
// device carrying a point ingested through HTTP after the server's request timeouts passed.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listEvents, verifyState } from '../../src/journal/index.ts';
import {
  type AlarmRecord,
  HOUR_MS,
  ManualClock,
  openMachines,
  stateReaders,
} from '../../src/machines/index.ts';
import { plantSiteKinds } from '../../src/machines/limits.ts';
import { type Actor, DomainError, systemActor } from '../../src/model/index.ts';
import { siteKindWords } from '../../src/model/vocabulary.ts';
import type { Platform } from '../../src/platform.ts';
import { SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { applyServerTimeouts } from '../../src/server/timeouts.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo, siteMyski } from './fixtures.ts';

const dialects = await eachDialect();

const ORG = 'pl-plant';
const OTHER = 'pl-other';
const SITE = 'pl-plant-site';
// a whole hour two hours back: its minutes are the KPI window
const HOUR = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 2 * HOUR_MS;
const minute = (i: number) => new Date(HOUR + i * 60_000).toISOString();
const member = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'member',
});

for (const d of dialects) {
  describe(`the plant on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let cookie: string;
    let otherCookie: string;
    const devices: Record<string, { id: string; token: string }> = {};

    const post = (device: { id: string; token: string }, points: unknown[]) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/telemetry',
        headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ device: device.id, points }),
      });
    const series = (key: string, values: number[], start = 0, prefix = key) =>
      values.map((v, i) => ({
        id: `${prefix}-${start + i}`,
        ts: minute(start + i),
        values: { [key]: v },
      }));

    before(async () => {
      db = await d.make();
      p = await db.open();
      for (const id of [ORG, OTHER]) {
        await p.registry.createOrganisation(systemActor, { ...organisationInput(), id });
        // a current member: only members write (acknowledging is a write)
        await p.registry.addMembership(systemActor, id, { role: 'core', joinedOn: '2021-01-01' });
      }
      await p.registry.addSite(systemActor, ORG, { ...siteKemerovo, id: SITE });
      await p.registry.addSite(systemActor, OTHER, { ...siteMyski, id: 'pl-other-site' });
      app = await buildServer(p, { checkResponses: true });
      const session = async (org: string) => {
        const u = await p.users.createUser(systemActor, org, {
          email: `reader-${randomBytes(3).toString('hex')}@${org}.example`,
          name: 'reader',
          role: 'member',
          password: 'password-for-tests',
        });
        return `${SESSION_COOKIE}=${(await p.users.openSession(u.id)).token}`;
      };
      cookie = await session(ORG);
      otherCookie = await session(OTHER);
      for (const [role, profileId] of [
        ['feed', 'belt-scale'],
        ['product', 'belt-scale'],
        ['ash', 'ash-analyser'],
        ['density', 'dense-medium'],
        ['power', 'power-meter'],
      ])
        devices[role] = await p.machines.createDevice(systemActor, {
          organisationId: ORG,
          siteId: SITE,
          profileId,
          name: role,
        });
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('KPIs of a described plant from telemetry ingested through HTTP', async () => {
      // a device of the wrong profile or of another site is refused by field
      await assert.rejects(
        p.plant.configure(systemActor, SITE, {
          feedDeviceId: devices.ash.id,
          productDeviceId: devices.product.id,
        }),
        (e) => e instanceof DomainError && e.fields[0].field === 'feedDeviceId',
      );
      await assert.rejects(
        p.plant.configure(systemActor, SITE, {
          feedDeviceId: devices.feed.id,
          productDeviceId: devices.product.id,
          powerDeviceId: devices.density.id,
        }),
        (e) => e instanceof DomainError && e.fields[0].field === 'powerDeviceId',
      );
      const plant = await p.plant.configure(systemActor, SITE, {
        feedDeviceId: devices.feed.id,
        productDeviceId: devices.product.id,
        ashDeviceId: devices.ash.id,
        densityDeviceId: devices.density.id,
        powerDeviceId: devices.power.id,
        ashTargetPct: 10,
        densityTargetKgm3: 1500,
        runningAboveTph: 100,
      });
      assert.equal(plant.id, SITE);
      // two points a minute on the feed (their average is the minute's), one on the rest
      const feed = [600, 600, 0, 1200, 600].flatMap((v, i) => [
        { id: `f-${i}-a`, ts: minute(i), values: { throughput_tph: v - 100 } },
        {
          id: `f-${i}-b`,
          ts: new Date(Date.parse(minute(i)) + 30_000).toISOString(),
          values: { throughput_tph: v + 100 },
        },
      ]);
      feed.splice(6, 2); // minute 3 has no data at all: down
      for (const [dev, pts] of [
        [devices.feed, feed],
        [devices.product, series('throughput_tph', [450, 450, 0, 900, 300])],
        [devices.ash, series('ash_pct', [9, 11, 10, 10, 10])],
        [devices.density, series('density_kgm3', [1500, 1520, 1470, 1510, 1500])],
        [devices.power, series('power_kw', [4000, 4000, 600, 4000, 4000])],
      ] as const) {
        const r = await post(dev, [...pts]);
        assert.equal(r.statusCode, 200, r.body);
      }
      const r = await app.inject({
        url: `/api/v1/sites/${SITE}/kpis?from=${minute(0)}&to=${minute(5)}`,
        headers: { cookie },
      });
      assert.equal(r.statusCode, 200, r.body);
      const k = r.json();
      // feed minutes: 600, 600, 0, (none), 600 → 30 t; product 450+450+0+900+300 → 35 t
      assert.equal(k.feedTonnes, 30);
      assert.equal(k.productTonnes, 35);
      assert.equal(k.yieldPct, 116.667);
      assert.equal(k.downtimeMinutes, 2);
      assert.equal(k.stoppages, 1);
      // ash weighted by product: (9·450 + 11·450 + 10·900 + 10·300) / 2100 = 21000/2100
      assert.equal(k.productAshPct, 10);
      assert.equal(k.ashAboveTargetMinutes, 1);
      // density |dev| 0, 20, 30, 10, 0 → mean 12, max 30
      assert.equal(k.densityMeanAbsDeviationKgm3, 12);
      assert.equal(k.densityMaxAbsDeviationKgm3, 30);
      // power 4000, 4000, 600, 4000, 4000 kW → 276.667 kWh; over the minutes with feed data
      // (0, 1, 2, 4): 12 600 / 60 = 210 kWh ÷ 30 t = 7 kWh/t
      assert.equal(k.energyKWh, 276.667);
      assert.equal(k.energyKWhPerTonne, 7);
      // another organisation does not see the plant; a bad window is a 400 naming the field
      const other = await app.inject({
        url: `/api/v1/sites/${SITE}/kpis?from=${minute(0)}&to=${minute(5)}`,
        headers: { cookie: otherCookie },
      });
      assert.equal(other.statusCode, 404);
      const bad = await app.inject({
        url: `/api/v1/sites/${SITE}/kpis?from=${minute(5)}&to=${minute(0)}`,
        headers: { cookie },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /querystring\.to/);
    });

    test("the described plants of one's organisation in one list: no 404 per site without one", async () => {
      const list = async (c: string, query = '') => {
        const r = await app.inject({ url: `/api/v1/plants${query}`, headers: { cookie: c } });
        assert.equal(r.statusCode, 200, r.body);
        return r.json() as Array<{ siteId: string; organisationId: string }>;
      };
      assert.deepEqual(
        (await list(cookie)).map((x) => x.siteId),
        [SITE],
      );
      // another organisation lists its own (none), not this one's, whatever it asks for
      assert.deepEqual(await list(otherCookie), []);
      assert.deepEqual(await list(otherCookie, `?organisation=${ORG}`), []);
      // the operator names the organisation
      assert.deepEqual(
        (
          await p.plant.list(
            { kind: 'user', id: 'op', organisationId: null, role: 'operator_admin' },
            ORG,
          )
        ).map((x) => x.siteId),
        [SITE],
      );
      const anonymous = await app.inject({ url: '/api/v1/plants' });
      assert.equal(anonymous.statusCode, 401);
    });

    test("a site without a plant: the 404 says so in words, and who can describe it; the path is in the API's documentation", async () => {
      const get = (lang: string) =>
        app.inject({
          url: '/api/v1/sites/pl-other-site/plant',
          headers: { cookie: otherCookie, 'accept-language': lang },
        });
      const ru = await get('ru');
      assert.equal(ru.statusCode, 404, ru.body);
      assert.equal(
        ru.json().detail,
        'На площадке pl-other-site нет фабрики, доступной вам: данные фабрики принадлежат её организации, описывает её администратор организации площадки',
      );
      const en = await get('en');
      assert.equal(en.statusCode, 404, en.body);
      assert.equal(
        en.json().detail,
        "No plant you may see at site pl-other-site: a plant is its organisation's, and an administrator of the site's organisation describes it",
      );
      for (const r of [ru, en]) assert.doesNotMatch(r.json().detail, /PUT|\/api\//);
      // the KPIs of such a site answer the same
      const kpis = await app.inject({
        url: `/api/v1/sites/pl-other-site/kpis?from=${minute(0)}&to=${minute(5)}`,
        headers: { cookie: otherCookie, 'accept-language': 'en' },
      });
      assert.equal(kpis.statusCode, 404);
      assert.equal(kpis.json().detail, en.json().detail);
      const doc = (await app.inject({ url: '/api/openapi.json' })).json();
      for (const path of ['/api/v1/sites/{id}/plant', '/api/v1/sites/{id}/kpis'])
        assert.match(doc.paths[path].get.description, /PUT \/api\/v1\/sites\/\{id\}\/plant/);
    });

    test('describing a plant through HTTP: a member is refused; one belt for feed and concentrate is named by its field', async () => {
      const body = { feedDeviceId: devices.feed.id, productDeviceId: devices.feed.id };
      const put = (c: string, lang: string) =>
        app.inject({
          method: 'PUT',
          url: `/api/v1/sites/${SITE}/plant`,
          headers: { cookie: c, 'content-type': 'application/json', 'accept-language': lang },
          payload: JSON.stringify(body),
        });
      // the users of the test's organisation are members: describing is an org admin's
      assert.equal((await put(cookie, 'ru')).statusCode, 403);
      const admin = await p.users.createUser(systemActor, ORG, {
        email: `admin-${randomBytes(3).toString('hex')}@${ORG}.example`,
        name: 'admin',
        role: 'org_admin',
        password: 'password-for-tests',
      });
      const adminCookie = `${SESSION_COOKIE}=${(await p.users.openSession(admin.id)).token}`;
      const ru = await put(adminCookie, 'ru');
      assert.equal(ru.statusCode, 400, ru.body);
      const [field] = ru.json().errors;
      assert.equal(field.field, 'productDeviceId');
      assert.equal(field.label, 'Весы концентрата');
      assert.match(field.message, /другие весы/);
      const en = (await put(adminCookie, 'en')).json().errors[0];
      assert.equal(en.label, 'Concentrate belt scale');
      assert.match(en.message, /another belt scale/);
      // the plant as described before stands
      assert.equal((await p.plant.list(member(ORG)))[0].productDeviceId, devices.product.id);
    });

    test('an ash excursion raises an alarm, acknowledged through HTTP, cleared by a normal value', async () => {
      const dev = devices.ash;
      let r = await post(dev, series('ash_pct', [10.5, 12.4, 13.1], 20, 'exc'));
      assert.equal(r.statusCode, 200, r.body);
      const open = await p.alarms.list(member(ORG), { status: 'open', device: dev.id });
      // against the plant's 10 % target: the warning above 11 %, the critical above 11.5 %
      assert.deepEqual(open.map((a) => a.rule.id).sort(), ['ash-above-target', 'ash-high']);
      const alarm = open.find((a) => a.rule.id === 'ash-high') as AlarmRecord;
      assert.equal(alarm.rule.max, 11.5);
      assert.equal(alarm.rule.target, 10);
      assert.equal(alarm.status, 'active');
      assert.equal(alarm.raisedValue, 12.4);
      assert.equal(alarm.raisedAt, minute(21));
      // the other organisation neither lists nor acknowledges it
      assert.equal((await p.alarms.list(member(OTHER), {})).length, 0);
      r = await app.inject({
        method: 'POST',
        url: `/api/v1/alarms/${alarm.id}/acknowledge`,
        headers: { cookie: otherCookie },
      });
      assert.equal(r.statusCode, 404);
      r = await app.inject({
        method: 'POST',
        url: `/api/v1/alarms/${alarm.id}/acknowledge`,
        headers: { cookie },
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, 'acknowledged');
      // a still-high value changes nothing; a normal one clears it
      await post(dev, series('ash_pct', [12], 23, 'exc'));
      assert.equal((await p.alarms.list(member(ORG), { status: 'open' })).length, 2);
      await post(dev, series('ash_pct', [9.8], 24, 'exc'));
      const list = await app.inject({ url: '/api/v1/alarms', headers: { cookie } });
      const cleared = (list.json() as AlarmRecord[]).find((a) => a.id === alarm.id);
      assert.equal(cleared?.status, 'cleared');
      assert.equal(cleared?.clearedValue, 9.8);
      // the acknowledgement stays on the cleared alarm: who and when
      assert.ok(cleared?.acknowledgedBy && cleared.acknowledgedAt);
      r = await app.inject({
        method: 'POST',
        url: `/api/v1/alarms/${alarm.id}/acknowledge`,
        headers: { cookie },
      });
      assert.equal(r.statusCode, 409);
      // one event per step, each carrying the alarm's full state
      const steps = [];
      for (const type of ['alarm.raised', 'alarm.acknowledged', 'alarm.cleared']) {
        const e = (await listEvents(p.store, { type })).filter(
          (x) => (x.payload as AlarmRecord).id === alarm.id,
        );
        assert.equal(e.length, 1, type);
        steps.push((e[0].payload as AlarmRecord).status);
      }
      assert.deepEqual(steps, ['active', 'acknowledged', 'cleared']);
      const report = await verifyState(p.store, stateReaders);
      assert.equal(report.differences, 0, JSON.stringify(report.first));
    });

    test("the density and ash alarms follow the plant's own targets", async () => {
      const plant = await p.plant.plant(systemActor, SITE);
      // a thermal-coal washery: concentrate made to Ad 16 %; the medium held at 1450 kg/m³
      await p.plant.configure(systemActor, SITE, {
        ...plant,
        ashTargetPct: 16,
        densityTargetKgm3: 1450,
      });
      const openOf = async (id: string) =>
        (await p.alarms.list(member(ORG), { status: 'open', device: id }))
          .map((a) => `${a.rule.id}:${a.rule.severity}`)
          .sort();
      // 1460 is within ±20 of the target; 1475 is not; 1600 (which the old fixed range of
      // 1350–1850 let pass) is beyond ±50 (the points minutes apart: slower than the rate rule)
      let r = await post(devices.density, series('density_kgm3', [1460], 30, 'dt'));
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(await openOf(devices.density.id), []);
      await post(devices.density, series('density_kgm3', [1475], 31, 'dt'));
      assert.deepEqual(await openOf(devices.density.id), ['density-off-target:warning']);
      await post(devices.density, series('density_kgm3', [1600], 36, 'dt'));
      assert.deepEqual(await openOf(devices.density.id), [
        'density-far-off-target:critical',
        'density-off-target:warning',
      ]);
      const far = (
        await p.alarms.list(member(ORG), { status: 'open', device: devices.density.id })
      ).find((a) => a.rule.id === 'density-far-off-target');
      assert.deepEqual(
        [far?.rule.min, far?.rule.max, far?.rule.target, far?.rule.relativeTo],
        [1400, 1500, 1450, undefined],
      );
      // back to 1452: both clear (5 kg/m³ inside their bands)
      await post(devices.density, series('density_kgm3', [1452], 41, 'dt'));
      assert.deepEqual(await openOf(devices.density.id), []);
      // ash 16.5 % is normal for this plant (the old fixed 11.5 % made it critical for good)
      r = await post(devices.ash, series('ash_pct', [16.5], 30, 'at'));
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(await openOf(devices.ash.id), []);
      await post(devices.ash, series('ash_pct', [17.2], 31, 'at'));
      assert.deepEqual(await openOf(devices.ash.id), ['ash-above-target:warning']);
      await post(devices.ash, series('ash_pct', [16], 32, 'at'));
      assert.deepEqual(await openOf(devices.ash.id), []);
      // without a target the relative rules raise nothing
      await p.plant.configure(systemActor, SITE, { ...plant, densityTargetKgm3: null });
      await post(devices.density, series('density_kgm3', [1800], 56, 'dt'));
      assert.deepEqual(await openOf(devices.density.id), []);
      await p.plant.configure(systemActor, SITE, plant);
      const report = await verifyState(p.store, stateReaders);
      assert.equal(report.differences, 0, JSON.stringify(report.first));
    });

    test('no data for N minutes: the timer on an injected clock raises it, a point clears it', async () => {
      const start = Date.now();
      const clock = new ManualClock(start);
      const s = openMachines(p.store, clock.now);
      const dev = await s.machines.createDevice(systemActor, {
        organisationId: ORG,
        siteId: SITE,
        profileId: 'belt-scale',
      });
      const stop = s.alarms.startSilenceChecks(clock, 60_000);
      const openOf = async () =>
        (await s.alarms.list(member(ORG), { status: 'open', device: dev.id })).map(
          (a) => a.rule.id,
        );
      await clock.advance(9 * 60_000);
      assert.deepEqual(await openOf(), [], 'nine silent minutes: not yet');
      await clock.advance(60_000);
      assert.deepEqual(await openOf(), ['belt-no-data']);
      await clock.advance(5 * 60_000);
      assert.equal((await s.alarms.list(member(ORG), { device: dev.id })).length, 1, 'raised once');
      const device = await s.machines.findDevice(dev.id);
      assert.ok(device);
      await s.machines.ingest(device, {
        id: 'back',
        ts: clock.now().toISOString(),
        values: { throughput_tph: 700 },
      });
      assert.deepEqual(await openOf(), []);
      // silence measured from that point now
      await clock.advance(9 * 60_000);
      assert.deepEqual(await openOf(), []);
      await clock.advance(2 * 60_000);
      assert.deepEqual(await openOf(), ['belt-no-data']);
      stop();
      await clock.advance(60 * 60_000);
      assert.equal((await s.alarms.list(member(ORG), { device: dev.id })).length, 2);
    });

    test('the live stream carries a point ingested through HTTP', async () => {
      // the server's request timeouts, made short: the stream outlives them
      applyServerTimeouts(app.server, {
        headersTimeout: 500,
        requestTimeout: 1000,
        keepAliveTimeout: 500,
      });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const dev = devices.feed;
      const events: Array<{
        event: string;
        data: { values: Array<{ key: string; value: number }> };
      }> = [];
      let buffer = '';
      const req = request(`${address}/api/v1/devices/${dev.id}/live`, { headers: { cookie } });
      const response = new Promise<{ status: number; type: string }>((resolve, reject) => {
        req.once('error', reject);
        req.once('response', (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (event && data) events.push({ event, data: JSON.parse(data) });
              end = buffer.indexOf('\n\n');
            }
          });
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
        });
      });
      req.end();
      const res = await response;
      assert.equal(res.status, 200);
      assert.match(res.type, /^text\/event-stream/);
      const until = async (check: () => boolean) => {
        const deadline = Date.now() + 20_000;
        while (!check()) {
          if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(events)}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await until(() => events.some((e) => e.event === 'latest'));
      await new Promise((r) => setTimeout(r, 2500));
      const r = await fetch(`${address}/api/v1/telemetry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${dev.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          device: dev.id,
          points: [
            { id: 'live-1', ts: new Date().toISOString(), values: { throughput_tph: 1234.5 } },
          ],
        }),
      });
      assert.equal(r.status, 200);
      await until(() => events.some((e) => e.event === 'values'));
      const v = events.find((e) => e.event === 'values');
      assert.deepEqual(
        v?.data.values.map((x) => [x.key, x.value]),
        [['throughput_tph', 1234.5]],
      );
      // another organisation gets a 404, not a stream
      const other = await fetch(`${address}/api/v1/devices/${dev.id}/live`, {
        headers: { cookie: otherCookie },
      });
      assert.equal(other.status, 404);
      req.destroy();
    });

    test("a plant only at a plant's, a mine's or a pit's site: another kind is refused in words; one described before stays", async () => {
      const admin = await p.users.createUser(systemActor, ORG, {
        email: `kinds-${randomBytes(3).toString('hex')}@${ORG}.example`,
        name: 'admin',
        role: 'org_admin',
        password: 'password-for-tests',
      });
      const adminCookie = `${SESSION_COOKIE}=${(await p.users.openSession(admin.id)).token}`;
      await p.registry.addSite(systemActor, ORG, {
        ...siteKemerovo,
        id: 'pl-pond',
        name: 'Шламонакопитель',
        nameEn: 'Slime pond',
        kind: 'dump',
      });
      const body = {
        feedDeviceId: devices.feed.id,
        productDeviceId: devices.product.id,
        ashDeviceId: devices.ash.id,
      };
      const put = (site: string, lang: string) =>
        app.inject({
          method: 'PUT',
          url: `/api/v1/sites/${site}/plant`,
          headers: {
            cookie: adminCookie,
            'content-type': 'application/json',
            'accept-language': lang,
          },
          payload: JSON.stringify(body),
        });
      const ru = await put('pl-pond', 'ru');
      assert.equal(ru.statusCode, 422, ru.body);
      assert.equal(ru.json().code, 'machines.notPlantSite');
      assert.equal(
        ru.json().detail,
        'Площадка «Шламонакопитель» вида «Отвал / накопитель»: фабрику описывают только на площадке вида «Завод / фабрика», «Шахта» или «Разрез»',
      );
      const en = await put('pl-pond', 'en');
      assert.equal(en.statusCode, 422, en.body);
      assert.equal(
        en.json().detail,
        'Site “Slime pond” is of kind “Dump / pond”: a plant is described only at a site of kind “Plant”, “Mine” or “Open pit”',
      );
      // the kinds named are the rule's own
      for (const kind of plantSiteKinds)
        assert.ok(en.json().detail.includes(siteKindWords[kind].en));
      const pond = await app.inject({
        url: '/api/v1/sites/pl-pond/plant',
        headers: { cookie: adminCookie },
      });
      assert.equal(pond.statusCode, 404, 'nothing was described at the pond');
      // a plant's site takes it
      assert.equal((await put(SITE, 'en')).statusCode, 200);
      // a site whose kind changed after its plant was described: read and redescribed as before
      await p.registry.updateSite(systemActor, SITE, { kind: 'dump' });
      try {
        const read = await app.inject({ url: `/api/v1/sites/${SITE}/plant`, headers: { cookie } });
        assert.equal(read.statusCode, 200, read.body);
        assert.equal(read.json().feedDeviceId, devices.feed.id);
        const again = await put(SITE, 'en');
        assert.equal(again.statusCode, 200, again.body);
      } finally {
        await p.registry.updateSite(systemActor, SITE, { kind: 'plant' });
      }
    });
  });
}
