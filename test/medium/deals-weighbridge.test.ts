// The bridge between machines and deals, on SQLite and PostgreSQL: a weighbridge linked to an
// active deal (by its organisation's admin, through the API) posts each weighing it sends by
// HTTP as a delivery of the deal, with its ledger lines, through the `weighing.recorded` event
// and the deals subscriber; a replayed event or a repeated message posts nothing more; a
// weighing of an unlinked device posts nothing; another organisation's device, a device that
// is not a weighbridge and a device already linked elsewhere are refused; a revoked link stops.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import mqtt from 'mqtt';
import {
  type Deal,
  type DealsService,
  type Delivery,
  stateReaders as dealStates,
  dealsModule,
  postingLines,
  vatRateOn,
  vatRates,
} from '../../src/deals/index.ts';
import { seedExample } from '../../src/example/seed.ts';
import {
  inTransaction,
  type JournalEntry,
  listEvents,
  recordEvent,
  verifyState,
} from '../../src/journal/index.ts';
import {
  stateReaders as deviceStates,
  startMqtt,
  type Weighing,
} from '../../src/machines/index.ts';
import { clusterDay } from '../../src/model/days.ts';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { scheduleAhead, signedIn } from './fixtures.ts';

const user = (organisationId: string, role: Actor['role'] = 'member'): Actor => ({
  kind: 'user',
  id: `u-${organisationId}-${role}`,
  organisationId,
  role,
});

const PROVIDER = 'myski-gres';
const CONSUMER = 'tsement-tom';
const provider = user(PROVIDER);
const consumer = user(CONSUMER, 'org_admin');
const PRICE = 250_00;
const TRANSPORT = 120_00;

const dealBody = () => ({
  providerId: PROVIDER,
  consumerId: CONSUMER,
  material: 'fly-ash',
  quantity: 1000,
  unit: 't',
  schedule: scheduleAhead,
  quality: {},
  priceKopecksPerUnit: PRICE,
  transport: { mode: 'road', paidBy: 'consumer' },
  transportKopecksPerUnit: TRANSPORT,
  tolerancePct: 5,
});

for (const d of await eachDialect()) {
  describe(`weighbridge to deals on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let x: DealsService;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();
    let deal: Deal;
    let other: Deal;
    const devices = new Map<string, { id: string; token: string }>();

    const device = async (name: string, organisationId: string, profileId: string) => {
      const [site] = await p.registry.sitesOf(systemActor, organisationId);
      const dev = await p.machines.createDevice(systemActor, {
        organisationId,
        siteId: site.id,
        profileId,
      });
      devices.set(name, { id: dev.id, token: dev.token });
    };
    const dev = (name: string) => devices.get(name)!;

    const activeDeal = async () => {
      const created = await x.createDeal(consumer, dealBody());
      await x.transition(provider, created.id, { action: 'offer' });
      await x.transition(consumer, created.id, { action: 'accept' });
      await x.transition(provider, created.id, { action: 'agree' });
      return (await x.transition(provider, created.id, { action: 'activate' })).deal;
    };

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      x = p.deals;
      app = await buildServer(p, { checkResponses: true });
      for (const [org, role] of [
        [CONSUMER, 'org_admin'],
        [PROVIDER, 'member'],
        [PROVIDER, 'org_admin'],
      ] as const) {
        const s = await signedIn(p, org, {
          email: `${role}@${org}.weighbridge.example`,
          name: 'Тест',
          role,
        });
        cookies.set(`${org}:${role}`, s.cookie);
      }
      await device('scale', CONSUMER, 'weighbridge');
      await device('unlinked', CONSUMER, 'weighbridge');
      await device('belt', CONSUMER, 'belt-scale');
      await device('provider-scale', PROVIDER, 'weighbridge');
      deal = await activeDeal();
      other = await activeDeal();
    });
    after(async () => {
      await subscriptions?.stop();
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const http = async (
      who: string,
      method: 'GET' | 'POST' | 'DELETE',
      url: string,
      body?: unknown,
    ) => {
      const r = await app.inject({
        method,
        url,
        headers: { cookie: cookies.get(who) ?? '', 'accept-language': 'en' },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: r.statusCode, body: r.json() };
    };
    const weigh = (name: string, points: Array<{ id: string; ts: string; net: number }>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/telemetry',
        headers: {
          authorization: `Bearer ${dev(name).token}`,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({
          device: dev(name).id,
          points: points.map((q) => ({
            id: q.id,
            ts: q.ts,
            values: { gross_t: q.net + 15, tare_t: 15, net_t: q.net },
          })),
        }),
      });
    const weighings = async (): Promise<JournalEntry[]> =>
      (await listEvents(p.store, { limit: 100_000 })).filter((e) => e.type === 'weighing.recorded');
    const fromDevices = async (dealId: string): Promise<Delivery[]> =>
      (await x.listDeliveries(systemActor, { dealId })).filter((v) => v.source === 'device');
    // the platform's subscriptions, started once (by the first weighing test), stopped after all
    let subscriptions: Awaited<ReturnType<Platform['startSubscriptions']>> | undefined;
    const catchUp = async () => {
      subscriptions ??= await p.startSubscriptions();
      await subscriptions.catchUp();
    };

    test('a party cannot type a lot in as weighed by a device (probe: a forged device source)', async () => {
      const url = `/api/v1/deals/${deal.id}/deliveries`;
      const lot = { deliveredOn: '2026-11-20', quantity: 2, method: 'weighbridge' };
      for (const body of [
        { ...lot, source: 'device', deviceId: 'd-does-not-exist' },
        { ...lot, source: 'device', deviceId: dev('scale').id },
        { ...lot, deviceId: dev('scale').id },
      ]) {
        const r = await http(`${CONSUMER}:org_admin`, 'POST', url, body);
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.errors[0].code, 'deals.deviceLotsOnlyFromLink');
      }
      assert.deepEqual(await fromDevices(deal.id), []);
    });

    test("linking: the side's org admin links its own weighbridge; others are refused", async () => {
      const url = `/api/v1/deals/${deal.id}/devices`;
      // a member (not an admin) may not link
      let r = await http(`${PROVIDER}:member`, 'POST', url, { deviceId: dev('provider-scale').id });
      assert.equal(r.status, 403, JSON.stringify(r.body));
      // another organisation's device: "no such device of the side's organisation"
      r = await http(`${CONSUMER}:org_admin`, 'POST', url, { deviceId: dev('provider-scale').id });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.errors[0].field, 'deviceId');
      assert.equal(r.body.errors[0].code, 'deals.notOwnDevice');
      // nor may one side link for the other
      r = await http(`${CONSUMER}:org_admin`, 'POST', url, {
        deviceId: dev('scale').id,
        side: 'provider',
      });
      assert.equal(r.status, 403, JSON.stringify(r.body));
      // not a weighbridge
      r = await http(`${CONSUMER}:org_admin`, 'POST', url, { deviceId: dev('belt').id });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.errors[0].code, 'deals.notWeighbridge');
      // the consumer's own weighbridge: linked, journaled, listed
      r = await http(`${CONSUMER}:org_admin`, 'POST', url, { deviceId: dev('scale').id });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.side, 'consumer');
      assert.equal(r.body.organisationId, CONSUMER);
      assert.equal(r.body.revokedAt, null);
      const listed = await http(`${PROVIDER}:member`, 'GET', url);
      assert.equal(listed.status, 200);
      assert.deepEqual(listed.body, [r.body]);
      const linked = (await listEvents(p.store, { limit: 100_000 })).filter(
        (e) => e.type === 'deal.device-linked',
      );
      assert.deepEqual(linked.at(-1)?.payload, { link: r.body });
      // one deal per device, one weighbridge per deal
      r = await http(`${CONSUMER}:org_admin`, 'POST', `/api/v1/deals/${other.id}/devices`, {
        deviceId: dev('scale').id,
      });
      assert.equal(r.status, 409, JSON.stringify(r.body));
      r = await http(`${PROVIDER}:org_admin`, 'POST', url, { deviceId: dev('provider-scale').id });
      assert.equal(r.status, 409, JSON.stringify(r.body));
    });

    test('weighings sent by HTTP become deliveries with their ledger lines, once', async () => {
      const before = await x.trialBalance(systemActor, { asOf: '2099-12-31' });
      const now = Date.now();
      const ts = (ago: number) => new Date(now - ago).toISOString();
      let r = await weigh('scale', [
        { id: 'w-1', ts: ts(120_000), net: 25 },
        { id: 'w-2', ts: ts(60_000), net: 22.5 },
      ]);
      assert.equal(r.statusCode, 200, r.body);
      r = await weigh('unlinked', [{ id: 'w-1', ts: ts(60_000), net: 30 }]);
      assert.equal(r.statusCode, 200, r.body);
      // the weighings are journaled with the points, before the acknowledgement
      const events = await weighings();
      assert.equal(events.length, 3);
      const w1 = events.find(
        (e) =>
          (e.payload as Weighing).deviceId === dev('scale').id &&
          (e.payload as Weighing).messageId === 'w-1',
      );
      assert.deepEqual(w1?.payload, {
        deviceId: dev('scale').id,
        organisationId: CONSUMER,
        messageId: 'w-1',
        ts: ts(120_000),
        netTonnes: 25,
        grossTonnes: 40,
        tareTonnes: 15,
      });
      await catchUp();
      const posted = await fromDevices(deal.id);
      assert.deepEqual(
        posted.map((v) => [v.quantity, v.method, v.declaredBy, v.deviceId, v.deliveredOn]).sort(),
        [
          [22.5, 'weighbridge', 'consumer', dev('scale').id, clusterDay(now - 60_000)],
          [25, 'weighbridge', 'consumer', dev('scale').id, clusterDay(now - 120_000)],
        ],
      );
      for (const v of posted) assert.equal(v.amountKopecks, Math.round(v.quantity * PRICE));
      // nothing from the unlinked weighbridge, nothing on the other deal
      const all = await x.listDeliveries(systemActor);
      assert.equal(all.filter((v) => v.deviceId === dev('unlinked').id).length, 0);
      assert.equal((await fromDevices(other.id)).length, 0);
      // the ledger: exactly the lines the two deliveries post, balanced
      const after = await x.trialBalance(systemActor, { asOf: '2099-12-31' });
      const expected = posted.flatMap((v) =>
        postingLines({
          providerId: PROVIDER,
          consumerId: CONSUMER,
          priceKopecksPerUnit: PRICE,
          transportKopecksPerUnit: TRANSPORT,
          transportPaidBy: 'consumer',
          quantity: v.quantity,
          vatRatePct: vatRateOn(v.deliveredOn, vatRates())!.ratePct,
        }),
      );
      const debit = expected.reduce((s, l) => s + l.debit, 0);
      assert.ok(debit > 0);
      assert.equal(after.totalDebit - before.totalDebit, debit);
      assert.equal(after.totalCredit - before.totalCredit, debit);
      assert.equal(after.totalDebit, after.totalCredit);
      // the events replayed (at least once) and the messages sent again: nothing more
      const [, handler] = dealsModule.subscribers(p);
      assert.equal(handler.name, 'deals.post-weighing-as-delivery');
      for (const e of await weighings())
        await inTransaction(p.store, (tx) => handler.handle(tx, e));
      r = await weigh('scale', [{ id: 'w-2', ts: ts(60_000), net: 22.5 }]);
      assert.deepEqual(r.json(), { accepted: 0, duplicates: 1 });
      await catchUp();
      assert.equal((await weighings()).length, 3);
      assert.equal((await fromDevices(deal.id)).length, 2);
      const again = await x.trialBalance(systemActor, { asOf: '2099-12-31' });
      assert.equal(again.totalDebit, after.totalDebit);
      // the links' and the devices' events carry their state
      const report = await verifyState(p.store, [...dealStates, ...deviceStates]);
      assert.equal(report.differences, 0, JSON.stringify(report.first));
    });

    test('a revoked link posts nothing more; the device may then serve another deal', async () => {
      const [link] = (
        await http(`${CONSUMER}:org_admin`, 'GET', `/api/v1/deals/${deal.id}/devices`)
      ).body as Array<{ id: string }>;
      // a member of the other side may not revoke it
      let r = await http(
        `${PROVIDER}:org_admin`,
        'DELETE',
        `/api/v1/deals/${deal.id}/devices/${link.id}`,
      );
      assert.equal(r.status, 403, JSON.stringify(r.body));
      r = await http(
        `${CONSUMER}:org_admin`,
        'DELETE',
        `/api/v1/deals/${deal.id}/devices/${link.id}`,
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.revokedAt);
      r = await http(
        `${CONSUMER}:org_admin`,
        'DELETE',
        `/api/v1/deals/${deal.id}/devices/${link.id}`,
      );
      assert.equal(r.status, 409);
      const w = await weigh('scale', [{ id: 'w-3', ts: new Date().toISOString(), net: 18 }]);
      assert.equal(w.statusCode, 200, w.body);
      await catchUp();
      assert.equal((await fromDevices(deal.id)).length, 2);
      // now linked to the other deal: its next weighing is that deal's
      r = await http(`${CONSUMER}:org_admin`, 'POST', `/api/v1/deals/${other.id}/devices`, {
        deviceId: dev('scale').id,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      await weigh('scale', [{ id: 'w-4', ts: new Date().toISOString(), net: 19.75 }]);
      await catchUp();
      assert.deepEqual(
        (await fromDevices(other.id)).map((v) => v.quantity),
        [19.75],
      );
      assert.equal((await fromDevices(deal.id)).length, 2);
    });

    test('a weighing published to the embedded MQTT broker (QoS 1) posts its delivery too', async () => {
      const broker = await startMqtt(p.machines, {
        mqttEmbedded: true,
        mqttHost: '127.0.0.1',
        mqttPort: 0,
        mqttShareGroup: 'unused',
        mqttClientId: 'unused',
      });
      try {
        const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
          username: dev('scale').id,
          password: dev('scale').token,
          reconnectPeriod: 0,
        });
        const point = {
          id: 'w-5',
          ts: new Date().toISOString(),
          values: { gross_t: 36, tare_t: 15, net_t: 21 },
        };
        await c.publishAsync(`digicluster/${dev('scale').id}/telemetry`, JSON.stringify(point), {
          qos: 1,
        });
        await c.endAsync();
        // acknowledged: the weighing is journaled already
        assert.ok(
          (await weighings()).some((e) => (e.payload as Weighing).messageId === 'w-5'),
          'weighing.recorded before the PUBACK',
        );
      } finally {
        await broker.close();
      }
      await catchUp();
      assert.deepEqual(
        (await fromDevices(other.id)).map((v) => v.quantity),
        [19.75, 21],
      );
    });

    test("a weighing the delivery rules refuse is told in the deal's thread and stops nothing", async () => {
      // by HTTP a net beyond the weighbridge's capacity no longer gets in at all
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/telemetry',
        headers: {
          authorization: `Bearer ${dev('scale').token}`,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({
          device: dev('scale').id,
          points: [
            {
              id: 'w-huge',
              ts: new Date().toISOString(),
              values: { gross_t: 1e308, tare_t: 0, net_t: 1e308 },
            },
          ],
        }),
      });
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json().errors[0].code, 'machines.beyondLimits');
      // but one journaled before that limit (or by another writer) is in the journal for good
      const poison: Weighing = {
        deviceId: dev('scale').id,
        organisationId: CONSUMER,
        messageId: 'w-poison',
        ts: new Date().toISOString(),
        netTonnes: 1e308,
        grossTonnes: 1e308,
        tareTonnes: 0,
      };
      const journaled = await inTransaction(p.store, (tx) =>
        recordEvent(
          tx,
          {
            actor: dev('scale').id,
            organisationId: CONSUMER,
            type: 'weighing.recorded',
            payload: poison,
          },
          new Date(),
        ),
      );
      const ok = await weigh('scale', [{ id: 'w-6', ts: new Date().toISOString(), net: 25 }]);
      assert.equal(ok.statusCode, 200, ok.body);
      await catchUp();
      // the valid weighing after it is posted; the subscriber never failed
      assert.deepEqual(
        (await fromDevices(other.id)).map((v) => v.quantity),
        [19.75, 21, 25],
      );
      const status = subscriptions
        ?.status()
        .find((s) => s.name === 'deals.post-weighing-as-delivery');
      assert.equal(status?.failures, 0, status?.lastError);
      // the refusal: a message in the deal's thread, read by both parties, in both languages
      const thread = await http(
        `${CONSUMER}:org_admin`,
        'GET',
        `/api/v1/deals/${other.id}/messages`,
      );
      assert.equal(thread.status, 200, JSON.stringify(thread.body));
      const told = (thread.body as Array<{ id: string; text: string; author: string }>).filter(
        (m) => m.id === `msg-weighing-${journaled.seq}`,
      );
      assert.equal(told.length, 1, JSON.stringify(thread.body));
      assert.equal(told[0].author, 'system');
      assert.match(
        told[0].text,
        /^Взвешивание w-poison весов .* не проведено как поставка: quantity: /,
      );
      assert.match(
        told[0].text,
        /\n\nThe weighing w-poison of weighbridge .* was not posted as a delivery: quantity: /,
      );
      // and the event, for the weighbridge's organisation, with the reason by code
      const refused = (await listEvents(p.store, { limit: 100_000 })).filter(
        (e) => e.type === 'weighing.refused',
      );
      assert.equal(refused.length, 1);
      assert.equal(refused[0].organisationId, CONSUMER);
      const payload = refused[0].payload as {
        weighing: Weighing;
        reason: { code: string; fields: Array<{ field: string; code: string }> };
      };
      assert.deepEqual(payload.weighing, poison);
      assert.equal(payload.reason.fields[0].field, 'quantity');
      // replayed: told once
      const [, handler] = dealsModule.subscribers(p);
      const again = (await listEvents(p.store, { afterSeq: journaled.seq - 1, limit: 1 }))[0];
      await inTransaction(p.store, (tx) => handler.handle(tx, again));
      const after = await x.listMessages(systemActor, other.id);
      assert.equal(after.filter((m) => m.id === `msg-weighing-${journaled.seq}`).length, 1);
      assert.equal(
        (await listEvents(p.store, { limit: 100_000 })).filter((e) => e.type === 'weighing.refused')
          .length,
        1,
      );
    });
  });
}
