// The machines module against real databases (SQLite and PostgreSQL) and real brokers:
// devices and tokens, ingestion by HTTP, through the embedded broker and through the
// Mosquitto at 127.0.0.1:1883 (shared subscription), duplicates ignored, malformed payloads
// refused and counted, reads, and roll-ups equal to the raw points' aggregates (property).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import mqtt from 'mqtt';
import { listEvents, verifyState } from '../../src/journal/index.ts';
import {
  aggregateOf,
  HOUR_MS,
  MINUTE_MS,
  type MqttIngest,
  rollUp,
  startMqtt,
  stateReaders,
} from '../../src/machines/index.ts';
import { minuteColumns, rawPoints, rollupRows } from '../../src/machines/repository.ts';
import { TelemetryWriter } from '../../src/machines/writer.ts';
import { type Actor, DomainError, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo, siteMyski } from './fixtures.ts';
import { eventually, MOSQUITTO_URL, mosquittoServerUnavailable } from './machines-support.ts';

const dialects = await eachDialect();
const mosquittoReason = await mosquittoServerUnavailable();

const ORG = 'mt-plant';
const OTHER = 'mt-other';
const SITE = 'mt-plant-site';
const HOUR = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 3 * HOUR_MS;
const at = (ms: number) => new Date(HOUR + ms).toISOString();
const user = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'member',
});

for (const d of dialects) {
  describe(`machines on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let cookie: string;
    let otherCookie: string;

    const newDevice = (profileId = 'belt-scale') =>
      p.machines.createDevice(systemActor, { organisationId: ORG, siteId: SITE, profileId });
    const post = (token: string, body: unknown, lang = 'en') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/telemetry',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'accept-language': lang,
        },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });

    before(async () => {
      db = await d.make();
      p = await db.open();
      // two organisations and a site: the example is not needed (and takes most of a minute)
      for (const id of [ORG, OTHER])
        await p.registry.createOrganisation(systemActor, { ...organisationInput(), id });
      await p.registry.addSite(systemActor, ORG, { ...siteKemerovo, id: SITE });
      await p.registry.addSite(systemActor, OTHER, { ...siteMyski, id: 'mt-other-site' });
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
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('a device: its token shown once with its own prefix, stored hashed, rotated', async () => {
      const dev = await newDevice();
      assert.match(dev.token, /^dcd_[A-Za-z0-9_-]{43}$/);
      assert.equal((await p.machines.deviceForToken(dev.token))?.id, dev.id);
      const events = await listEvents(p.store, { type: 'device.created' });
      const created = events.find((e) => (e.payload as { id: string }).id === dev.id);
      assert.ok(created);
      assert.ok(!JSON.stringify(created.payload).includes(dev.token.slice(4)));
      const rotated = await p.machines.rotateToken(systemActor, dev.id);
      assert.notEqual(rotated.token, dev.token);
      assert.equal(await p.machines.deviceForToken(dev.token), null);
      assert.equal((await p.machines.authenticateDevice(dev.id, rotated.token))?.id, dev.id);
      assert.equal(await p.machines.authenticateDevice(dev.id, dev.token), null);
      await assert.rejects(
        newDevice('no-such-profile'),
        (e) => e instanceof DomainError && e.status === 400,
      );
      await assert.rejects(
        p.machines.createDevice(systemActor, {
          organisationId: ORG,
          siteId: 'mt-other-site',
          profileId: 'belt-scale',
        }),
        (e) => e instanceof DomainError && e.fields[0].field === 'siteId',
      );
      // the journal carries each device's state (never its token): `journal verify --state` agrees
      const report = await verifyState(p.store, stateReaders);
      assert.equal(report.differences, 0, JSON.stringify(report.first));
      assert.ok(report.compared >= 1);
      // a member may not register devices; an org admin of another organisation neither
      await assert.rejects(
        p.machines.createDevice(user(ORG), { siteId: SITE, profileId: 'belt-scale' }),
        (e) => e instanceof DomainError && e.status === 403,
      );
      // the platform operator's users never receive a device's token (security probe N2): a
      // token speaks for the organisation's machines, and a weighbridge's readings become
      // deliveries; the device keeps working
      const operator: Actor = {
        kind: 'user',
        id: 'op',
        organisationId: null,
        role: 'operator_admin',
      };
      await assert.rejects(
        p.machines.rotateToken(operator, dev.id),
        (e) => e instanceof DomainError && e.status === 403 && /operator/.test(e.message),
      );
      await assert.rejects(
        p.machines.createDevice(operator, {
          organisationId: ORG,
          siteId: SITE,
          profileId: 'belt-scale',
        }),
        (e) => e instanceof DomainError && e.status === 403,
      );
      assert.equal((await p.machines.authenticateDevice(dev.id, rotated.token))?.id, dev.id);
    });

    test('a device renamed by its admin: the name only, journaled; a member and an empty name refused', async () => {
      const dev = await newDevice();
      const admin: Actor = { kind: 'user', id: 'mt-admin', organisationId: ORG, role: 'org_admin' };
      const renamed = await p.machines.renameDevice(admin, dev.id, { name: '  Весы № 2 ' });
      assert.equal(renamed.name, 'Весы № 2');
      assert.equal((await p.machines.getDevice(admin, dev.id)).name, 'Весы № 2');
      // the token and the readings stay
      assert.equal((await p.machines.authenticateDevice(dev.id, dev.token))?.id, dev.id);
      const events = await listEvents(p.store, { type: 'device.renamed' });
      assert.equal((events.at(-1)!.payload as { name: string }).name, 'Весы № 2');
      assert.equal((await verifyState(p.store, stateReaders)).differences, 0);
      await assert.rejects(
        p.machines.renameDevice(user(ORG), dev.id, { name: 'x' }),
        (e) => e instanceof DomainError && e.status === 403,
      );
      await assert.rejects(
        p.machines.renameDevice(admin, dev.id, { name: '   ' }),
        (e) => e instanceof DomainError && e.status === 400 && e.fields[0].field === 'name',
      );
      await assert.rejects(
        p.machines.renameDevice(admin, 'no-such-device', { name: 'x' }),
        (e) => e instanceof DomainError && e.status === 404,
      );
    });

    test('HTTP: a batch stored, a repeat ignored, malformed payloads refused whole and counted', async () => {
      const dev = await newDevice();
      const points = [0, 20_000, 70_000].map((ms, i) => ({
        id: `m-${i}`,
        ts: at(ms),
        values: { throughput_tph: 800 + i },
      }));
      let r = await post(dev.token, { device: dev.id, points });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { accepted: 3, duplicates: 0 });
      r = await post(dev.token, { device: dev.id, points: [points[0], points[1]] });
      assert.deepEqual(r.json(), { accepted: 0, duplicates: 2 });
      // the same id with another value is still the same message: ignored
      r = await post(dev.token, {
        device: dev.id,
        points: [{ ...points[2], values: { throughput_tph: 1 } }],
      });
      assert.deepEqual(r.json(), { accepted: 0, duplicates: 1 });

      const refused: Array<[unknown, string, string]> = [
        ['{not json', 'machines.notJson', '(body)'],
        [
          {
            device: dev.id,
            points: [{ id: 'x-1', ts: '2026-11-29T10:00:00', values: { throughput_tph: 1 } }],
          },
          'machines.badTs',
          'points.0.ts',
        ],
        [
          {
            device: dev.id,
            points: [
              { id: 'x-2', ts: at(1000), values: { throughput_tph: 5 } },
              { id: 'x-3', ts: at(2000), values: { ash_pct: 5 } },
            ],
          },
          'machines.unknownKey',
          'points.1.values.ash_pct',
        ],
        [
          {
            device: dev.id,
            points: [{ id: 'y'.repeat(65), ts: at(0), values: { throughput_tph: 1 } }],
          },
          'machines.badId',
          'points.0.id',
        ],
        [{ device: 'd-someone-else', points }, 'machines.otherDevice', 'device'],
        // no device named: said so, not «another device than »
        [{ points }, 'machines.deviceNamed', 'device'],
        [
          {
            device: dev.id,
            points: [
              { id: 'x-4', ts: at(3000), values: { throughput_tph: 5 } },
              { id: 'x-5', ts: at(4000), values: { throughput_tph: 1.7e308 } },
            ],
          },
          'machines.beyondLimits',
          'points.1.values.throughput_tph',
        ],
      ];
      for (const [body, code, field] of refused) {
        r = await post(dev.token, body);
        assert.equal(r.statusCode, 400, r.body);
        assert.equal(r.json().errors[0].code, code);
        assert.equal(r.json().errors[0].field, field);
      }
      // x-2 of the refused batch was not stored: nothing of a refused message is
      const raw = await rawPoints(
        p.store,
        dev.id,
        'throughput_tph',
        HOUR - HOUR_MS,
        HOUR + HOUR_MS,
        100,
      );
      assert.deepEqual(raw, [
        { ts: HOUR, value: 800 },
        { ts: HOUR + 20_000, value: 801 },
        { ts: HOUR + 70_000, value: 802 },
      ]);
      const view = await p.machines.getDevice(user(ORG), dev.id);
      assert.deepEqual(view.rejections, {
        'machines.notJson': 1,
        'machines.badTs': 1,
        'machines.unknownKey': 1,
        'machines.badId': 1,
        'machines.otherDevice': 1,
        'machines.deviceNamed': 1,
        'machines.beyondLimits': 1,
      });
      // worded in the reader's language
      const beyond = {
        device: dev.id,
        points: [{ id: 'x-6', ts: at(5000), values: { throughput_tph: 10_001 } }],
      };
      r = await post(dev.token, beyond, 'ru');
      assert.match(
        r.json().errors[0].message,
        /^от \u2212100 до 10\s000 т\/ч: столько может показать прибор профиля belt-scale$/,
      );
      r = await post(dev.token, beyond, 'en');
      assert.equal(
        r.json().errors[0].message,
        'from \u2212100 to 10,000 t/h: what an instrument of profile belt-scale can read',
      );
      // no token, or a user's session: 401
      r = await post('dcd_nothing', { device: dev.id, points });
      assert.equal(r.statusCode, 401);
      r = await app.inject({
        method: 'POST',
        url: '/api/v1/telemetry',
        payload: { device: dev.id, points },
      });
      assert.equal(r.statusCode, 401);
    });

    test('a 1,000-point batch of about 90 kB is taken; 1,001 points are refused', async () => {
      const dev = await newDevice();
      const points = Array.from({ length: 1001 }, (_, i) => ({
        id: `b-${String(i).padStart(6, '0')}`,
        ts: at(i * 1000),
        values: { throughput_tph: i / 2 },
      }));
      let r = await post(dev.token, { device: dev.id, points });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().errors[0].code, 'machines.tooManyPoints');
      const body = JSON.stringify({ device: dev.id, points: points.slice(0, 1000) });
      assert.ok(body.length > 64 * 1024, 'beyond the anonymous body limit');
      r = await post(dev.token, body);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { accepted: 1000, duplicates: 0 });
    });

    test('reads: raw and bucketed, to the owning organisation only', async () => {
      const dev = await newDevice();
      const values = [10, 30, 20, 50, 40];
      const ms = [0, 30_000, 59_999, 60_000, HOUR_MS + 5_000];
      await p.machines.ingest(await p.machines.findDevice(dev.id).then((x) => x!), {
        points: values.map((v, i) => ({
          id: `r-${i}`,
          ts: at(ms[i]),
          values: { throughput_tph: v },
        })),
      });
      const get = (query: string, c = cookie) =>
        app.inject({
          method: 'GET',
          url: `/api/v1/devices/${dev.id}/telemetry?${query}`,
          headers: { cookie: c },
        });
      const range = `key=throughput_tph&from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(2 * HOUR_MS))}`;
      let r = await get(range);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().unit, 't/h');
      assert.deepEqual(
        r.json().points.map((x: { value: number }) => x.value),
        values,
      );
      assert.equal(r.json().points[0].ts, new Date(HOUR).toISOString());
      // to is exclusive
      r = await get(
        `key=throughput_tph&from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(60_000))}`,
      );
      assert.deepEqual(
        r.json().points.map((x: { value: number }) => x.value),
        [10, 30, 20],
      );
      r = await get(`${range}&bucket=1m`);
      assert.deepEqual(r.json().points, [
        { ts: at(0), value: 20 },
        { ts: at(60_000), value: 50 },
        { ts: at(HOUR_MS), value: 40 },
      ]);
      r = await get(`${range}&bucket=1m&agg=last`);
      assert.deepEqual(
        r.json().points.map((x: { value: number }) => x.value),
        [20, 50, 40],
      );
      r = await get(`${range}&bucket=1h&agg=max`);
      assert.deepEqual(r.json().points, [
        { ts: at(0), value: 50 },
        { ts: at(HOUR_MS), value: 40 },
      ]);
      r = await get(
        `key=throughput_tph&from=${encodeURIComponent(new Date(Math.floor(HOUR / 86_400_000) * 86_400_000).toISOString())}&to=${encodeURIComponent(at(2 * HOUR_MS))}&bucket=1d&agg=min`,
      );
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().points.length, HOUR % 86_400_000 > 22 * HOUR_MS ? 2 : 1);
      assert.equal(r.json().points[0].value, 10);
      // wrong key, agg without bucket, to before from, times without zone
      for (const q of [
        range.replace('throughput_tph', 'ash_pct'),
        `${range}&agg=max`,
        `key=throughput_tph&from=${encodeURIComponent(at(10))}&to=${encodeURIComponent(at(0))}`,
        'key=throughput_tph&from=2026-01-01T00:00:00&to=2026-01-02T00:00:00',
      ])
        assert.equal((await get(q)).statusCode, 400, q);
      // another organisation's user: as if the device did not exist
      assert.equal((await get(range, otherCookie)).statusCode, 404);
      r = await app.inject({ method: 'GET', url: `/api/v1/devices/${dev.id}/telemetry?${range}` });
      assert.equal(r.statusCode, 401);
      const latest = await app.inject({
        method: 'GET',
        url: `/api/v1/devices/${dev.id}/latest`,
        headers: { cookie },
      });
      assert.deepEqual(latest.json(), [
        { key: 'throughput_tph', unit: 't/h', ts: at(HOUR_MS + 5_000), value: 40 },
      ]);
    });

    test("a day's average beyond the range of a double reads as null, never Infinity", async () => {
      // two points of 1.7e308 (refused at ingest now; stored before the limits, or by hand)
      const dev = await newDevice();
      const day = Math.floor(HOUR / 86_400_000) * 86_400_000 - 86_400_000;
      const writer = new TelemetryWriter(p.store);
      for (const [i, ts] of [day + HOUR_MS, day + 2 * HOUR_MS].entries())
        await writer.write(
          dev.id,
          [{ id: `big-${i}`, ts, values: [['throughput_tph', 1.7e308]] }],
          0,
        );
      const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
      const r = await app.inject({
        method: 'GET',
        url: `/api/v1/devices/${dev.id}/telemetry?key=throughput_tph&from=${iso(day)}&to=${iso(day + 86_400_000)}&bucket=1d&agg=avg`,
        headers: { cookie },
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.doesNotMatch(r.body, /Infinity|NaN/);
      assert.deepEqual(JSON.parse(r.body).points, [
        { ts: new Date(day).toISOString(), value: null },
      ]);
      const max = await p.machines.telemetry(user(ORG), dev.id, {
        key: 'throughput_tph',
        from: new Date(day).toISOString(),
        to: new Date(day + 86_400_000).toISOString(),
        bucket: '1d',
        agg: 'max',
      });
      assert.deepEqual(max.points, [{ ts: new Date(day).toISOString(), value: 1.7e308 }]);
    });

    test('property: roll-ups equal the aggregates of the raw points under any order, repeats and late points', async () => {
      const dev = await newDevice('ash-analyser');
      const device = (await p.machines.findDevice(dev.id))!;
      let serial = 0;
      const message = fc.record({
        ms: fc.integer({ min: 0, max: 2 * HOUR_MS }),
        ash: fc.integer({ min: 0, max: 4000 }).map((v) => v / 100),
        moisture: fc.option(
          fc.integer({ min: 0, max: 3000 }).map((v) => v / 100),
          { nil: undefined },
        ),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(message, { minLength: 1, maxLength: 40 }),
          fc.array(fc.nat(), { maxLength: 10 }),
          fc.integer({ min: 1, max: 8 }),
          async (messages, repeats, batch) => {
            const sent = messages.map((m) => ({
              id: `p-${serial++}`,
              ts: at(m.ms),
              values: {
                ash_pct: m.ash,
                ...(m.moisture === undefined ? {} : { moisture_pct: m.moisture }),
              },
            }));
            // repeats of earlier messages (some with other values), sent in random batches
            const all = [
              ...sent,
              ...repeats.map((i) => ({ ...sent[i % sent.length], values: { ash_pct: 1 } })),
            ];
            for (let i = 0; i < all.length; i += batch)
              await p.machines.ingest(device, { points: all.slice(i, i + batch) });
          },
        ),
        { numRuns: 12 },
      );
      // everything stored so far, against the roll-ups, per key and bucket size
      for (const key of ['ash_pct', 'moisture_pct']) {
        const raw = await rawPoints(p.store, dev.id, key, 0, HOUR + 4 * HOUR_MS, 1_000_000);
        assert.ok(raw.length > 0);
        for (const [table, size] of [
          ['machines_rollup_minute', MINUTE_MS],
          ['machines_rollup_hour', HOUR_MS],
        ] as const) {
          const expected = rollUp(raw, size);
          const rows = await rollupRows(
            p.store,
            table,
            dev.id,
            key,
            0,
            HOUR + 4 * HOUR_MS,
            1_000_000,
          );
          assert.equal(rows.length, expected.size, `${key} ${table}`);
          for (const row of rows) {
            const e = expected.get(row.bucket);
            assert.ok(e, `bucket ${row.bucket}`);
            assert.equal(row.n, e.n);
            for (const agg of ['min', 'max', 'last'] as const)
              assert.equal(aggregateOf(row, agg), aggregateOf(e, agg), `${key} ${agg}`);
            assert.ok(Math.abs(aggregateOf(row, 'avg') - aggregateOf(e, 'avg')) < 1e-9);
          }
        }
        // the packed minute blocks (the 1-minute read) hold the same minutes
        const minutes = [...rollUp(raw, MINUTE_MS)].sort((a, b) => a[0] - b[0]);
        for (const agg of ['avg', 'min', 'max', 'last'] as const) {
          const read = await minuteColumns(p.store, dev.id, key, 0, HOUR + 4 * HOUR_MS, 1e6, agg);
          assert.deepEqual(
            read.ts,
            minutes.map(([b]) => b),
            `${key} blocks`,
          );
          read.value.forEach((v, i) => {
            const e = aggregateOf(minutes[i][1], agg);
            assert.ok(Math.abs(v - e) < 1e-9, `${key} ${agg} block ${read.ts[i]}: ${v} ≠ ${e}`);
          });
        }
      }
    });

    describe('MQTT', () => {
      let broker: MqttIngest;
      before(async () => {
        broker = await startMqtt(p.machines, {
          mqttEmbedded: true,
          mqttHost: '127.0.0.1',
          mqttPort: 0,
          mqttShareGroup: 'unused',
          mqttClientId: 'unused',
        });
      });
      after(async () => broker?.close());

      test('the embedded broker: a QoS 1 point is stored when its PUBACK arrives; a repeat ignored; bad ones refused', async () => {
        const dev = await newDevice();
        const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
          username: dev.id,
          password: dev.token,
          reconnectPeriod: 0,
        });
        const refusals: string[] = [];
        const texts: { message: string; messageRu: string }[] = [];
        await c.subscribeAsync(`digicluster/${dev.id}/rejected`);
        c.on('message', (_t, m) => {
          const r = JSON.parse(m.toString());
          refusals.push(r.reason);
          texts.push(r);
        });
        const topic = `digicluster/${dev.id}/telemetry`;
        const one = { id: 'q-1', ts: at(0), values: { throughput_tph: 812.5 } };
        await c.publishAsync(topic, JSON.stringify(one), { qos: 1, retain: true });
        // acknowledged: already committed
        assert.deepEqual(
          await rawPoints(p.store, dev.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10),
          [{ ts: HOUR, value: 812.5 }],
        );
        await c.publishAsync(topic, JSON.stringify({ ...one, values: { throughput_tph: 1 } }), {
          qos: 1,
        });
        await c.publishAsync(
          topic,
          JSON.stringify({
            points: [
              { id: 'q-2', ts: at(1000), values: { throughput_tph: 2 } },
              { id: 'q-3', ts: 'now', values: { throughput_tph: 3 } },
            ],
          }),
          { qos: 1 },
        );
        await c.publishAsync(
          topic,
          JSON.stringify({ id: 'q-5', ts: at(3000), values: { throughput_tph: 1.7e308 } }),
          { qos: 1 },
        );
        await c.publishAsync(
          topic,
          JSON.stringify({ points: [{ id: 'q-4', ts: at(2000), values: { throughput_tph: 4 } }] }),
          { qos: 0 },
        );
        await eventually(
          async () =>
            (await rawPoints(p.store, dev.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10)).length ===
            2,
        );
        await eventually(async () => refusals.length === 2);
        assert.deepEqual(refusals, ['machines.badTs', 'machines.beyondLimits']);
        // the reason in both languages: Latin text, then Cyrillic
        for (const t of texts) {
          assert.match(t.message, /^[\x20-\x7e–—…«»\u2212]+$/, t.message);
          assert.match(t.messageRu, /[а-яё]/i, t.messageRu);
        }
        // the unit in the reader's writing too (probe: «от 0 до 200 000 kW» in Russian)
        assert.match(texts[1].messageRu, /т\/ч:/, texts[1].messageRu);
        assert.match(texts[1].message, /t\/h:/, texts[1].message);
        assert.deepEqual(
          (await rawPoints(p.store, dev.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10)).map(
            (x) => x.value,
          ),
          [812.5, 4],
        );
        await c.endAsync();
        // (the first point carried a retained flag: stored as any other, not kept by the broker)
      });

      test("the embedded broker: a device cannot take another device's client id (probe: knocked off)", async () => {
        const a = await newDevice();
        const b = await newDevice();
        const url = `mqtt://127.0.0.1:${broker.port}`;
        const as = (d: { id: string; token: string }) => ({
          username: d.id,
          password: d.token,
          clientId: `simulate-plant-${a.id}`,
          reconnectPeriod: 0,
        });
        const first = await mqtt.connectAsync(url, as(a));
        await assert.rejects(mqtt.connectAsync(url, as(b)));
        await new Promise((r) => setTimeout(r, 100));
        assert.equal(first.connected, true, "a's connection stays");
        // the device itself may reconnect under its own id (the old connection gives way)
        const again = await mqtt.connectAsync(url, as(a));
        assert.equal(again.connected, true);
        await again.endAsync();
        await first.endAsync(true);
        // once a has left, its id is free again
        await new Promise((r) => setTimeout(r, 100));
        const other = await mqtt.connectAsync(url, as(b));
        assert.equal(other.connected, true);
        await other.endAsync();
      });

      test("the embedded broker: wrong tokens are refused; another device's topic closes the connection", async () => {
        const a = await newDevice();
        const b = await newDevice();
        await assert.rejects(
          mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
            username: a.id,
            password: b.token,
            reconnectPeriod: 0,
          }),
        );
        const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
          username: a.id,
          password: a.token,
          reconnectPeriod: 0,
        });
        const closed = new Promise<void>((r) => c.once('close', () => r()));
        c.publish(
          `digicluster/${b.id}/telemetry`,
          JSON.stringify({ id: 'z', ts: at(0), values: { throughput_tph: 1 } }),
          { qos: 1 },
        );
        await closed;
        c.end(true);
        assert.deepEqual(
          await rawPoints(p.store, b.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10),
          [],
        );
        const view = await p.machines.getDevice(user(ORG), a.id);
        assert.equal(view.rejections['machines.otherTopic'], 1);
      });

      test('the embedded broker cuts a connection announcing a packet over 256 KiB, before it is sent', async () => {
        // a CONNECT announcing 200 MB (remaining length 0x80 0x80 0x80 0x64), then 1 MiB of it
        const socket = createConnection(broker.port!, '127.0.0.1');
        socket.on('error', () => {}); // the reset of a cut connection is the point
        const closed = new Promise<void>((r) => socket.once('close', () => r()));
        socket.write(Buffer.from([0x10, 0x80, 0x80, 0x80, 0x64]));
        let written = 0;
        while (written < 1024 * 1024 && !socket.destroyed) {
          socket.write(Buffer.alloc(64 * 1024));
          written += 64 * 1024;
        }
        // cut by the guard, not by the 10 s connect timeout of a CONNECT that never completes
        const first = await Promise.race([
          closed.then(() => 'cut'),
          new Promise((r) => setTimeout(() => r('still open'), 5000).unref()),
        ]);
        assert.equal(first, 'cut');
        socket.destroy();
        // a device connects and publishes as before
        const dev = await newDevice();
        const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
          username: dev.id,
          password: dev.token,
          reconnectPeriod: 0,
        });
        await c.publishAsync(
          `digicluster/${dev.id}/telemetry`,
          JSON.stringify({ id: 'after-cut', ts: at(0), values: { throughput_tph: 7 } }),
          { qos: 1 },
        );
        await c.endAsync();
        assert.equal(
          (await rawPoints(p.store, dev.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10)).length,
          1,
        );
      });

      test('through the Mosquitto at 127.0.0.1:1883 by a shared subscription', {
        skip: mosquittoReason ?? false,
      }, async () => {
        const group = `test${randomBytes(4).toString('hex')}`;
        const ingest = await startMqtt(p.machines, {
          mqttEmbedded: false,
          mqttHost: '127.0.0.1',
          mqttPort: 0,
          mqttUrl: MOSQUITTO_URL,
          mqttShareGroup: group,
          mqttClientId: `dc-test-${group}`,
        });
        try {
          assert.equal(ingest.external, true);
          const dev = await newDevice();
          const c = await mqtt.connectAsync(MOSQUITTO_URL, { reconnectPeriod: 0 });
          const topic = `digicluster/${dev.id}/telemetry`;
          const one = { id: 'mq-1', ts: at(0), values: { throughput_tph: 700 } };
          await c.publishAsync(topic, JSON.stringify(one), { qos: 1 });
          await c.publishAsync(topic, JSON.stringify(one), { qos: 1 });
          await c.publishAsync(
            topic,
            JSON.stringify({ id: 'mq-2', ts: 'yesterday', values: { throughput_tph: 1 } }),
            { qos: 1 },
          );
          await c.publishAsync(
            topic,
            JSON.stringify({
              points: [{ id: 'mq-3', ts: at(5000), values: { throughput_tph: 701 } }],
            }),
            { qos: 1 },
          );
          await c.endAsync();
          await eventually(
            async () =>
              (await rawPoints(p.store, dev.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10)).length ===
              2,
          );
          await eventually(
            async () =>
              (await p.machines.getDevice(user(ORG), dev.id)).rejections['machines.badTs'] === 1,
          );
          assert.deepEqual(
            (await rawPoints(p.store, dev.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10)).map(
              (x) => x.value,
            ),
            [700, 701],
          );
        } finally {
          await ingest.close();
        }
      });
    });
  });
}
