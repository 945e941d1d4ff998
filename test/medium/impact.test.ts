// The impact ledger through HTTP, on SQLite and PostgreSQL (issue #10, "Impact ledger"): a pair
// in two saved plans counts once at «identified»; a deal's declared deliveries count at
// «delivered» (the consumer's confirmation of a lot is not a second lot); a member sees the
// cluster's totals and its own organisation only; `digicluster impact --json` prints the API's
// body.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, signedIn, signedInOperator } from './fixtures.ts';

const PROVIDER = 'impact-provider';
const CONSUMER = 'impact-consumer';
const STRANGER = 'impact-stranger';
const user = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'org_admin',
});

const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/digicluster.js', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          status: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });

const window = { availableFrom: '2026-01-01', availableTo: '2030-12-31' };
const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} ≠ ${b}`);

interface Totals {
  divertedT: number;
  co2eAvoidedT: number;
  transportCo2eT: number;
  netCo2eT: number;
  netBenefitKopecks: number;
}
interface Level {
  level: string;
  records: number;
  cluster: Totals;
  organisations: Array<{ organisationId: string; attributed: Totals }>;
  months: Array<{ month: string; cluster: Totals; organisations: unknown[] }>;
}

for (const d of await eachDialect()) {
  describe(`impact ledger on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();
    let dealId = '';
    let lotQuantity = 0;

    before(async () => {
      db = await d.make();
      p = await db.open();
      await p.registry.defineTaxonomy(
        systemActor,
        JSON.parse(readFileSync('data/taxonomy/materials.json', 'utf8')),
      );
      for (const id of [PROVIDER, CONSUMER, STRANGER]) {
        await p.registry.createOrganisation(systemActor, { ...organisationInput(), id });
        await p.registry.addMembership(systemActor, id, { role: 'core', joinedOn: '2024-01-01' });
      }
      const site = async (org: string, lat: number) =>
        (
          await p.registry.addSite(systemActor, org, {
            name: 'Площадка',
            kind: 'plant',
            lat,
            lon: 87,
          })
        ).id;
      const providerSite = await site(PROVIDER, 54);
      const consumerSite = await site(CONSUMER, 54.5);
      for (const org of [PROVIDER, CONSUMER, STRANGER])
        cookies.set(
          org,
          (await signedIn(p, org, { email: `m@${org}.example`, name: 'Тест', role: 'member' }))
            .cookie,
        );
      cookies.set(
        'observer',
        (
          await signedIn(p, STRANGER, {
            email: `o@${STRANGER}.example`,
            name: 'Наблюдатель',
            role: 'observer',
          })
        ).cookie,
      );
      cookies.set('operator', (await signedInOperator(p, 'impact')).cookie);
      app = await buildServer(p);

      // fly ash, landfilled today at a cost, for a cement works that replaces clinker with it
      await p.exchange.createListing(user(PROVIDER), {
        siteId: providerSite,
        side: 'offer',
        materialId: 'fly-ash',
        unit: 't',
        quantityPerYear: 1000,
        ...window,
        quality: {},
        disposalCostKopecksPerUnit: 300_00,
        counterfactual: 'landfilled',
        legalStatus: 'waste',
        fkko: '6 11 100 01 40 4',
        transportModes: ['road'],
        status: 'active',
      });
      await p.exchange.createListing(user(CONSUMER), {
        siteId: consumerSite,
        side: 'request',
        materialId: 'fly-ash',
        unit: 't',
        quantityPerYear: 1000,
        ...window,
        quality: {},
        priceKopecksPerUnit: 200_00,
        substitute: 'clinker',
        transportModes: ['road'],
        status: 'active',
      });
      // two saved plans over the same listings: the same pair in both
      await p.exchange.savePlan(systemActor, {});
      await p.exchange.savePlan(systemActor, {});

      // a deal from scratch, agreed and active, with one lot declared and confirmed
      const deals = p.deals;
      const deal = await deals.createDeal(user(CONSUMER), {
        providerId: PROVIDER,
        consumerId: CONSUMER,
        material: 'fly-ash',
        fkko: '6 11 100 01 40 4',
        quantity: 400,
        unit: 't',
        schedule: { from: '2026-01-01', to: '2030-12-31' },
        quality: {},
        priceKopecksPerUnit: 50_00,
        transport: { mode: 'road', paidBy: 'consumer' },
        transportKopecksPerUnit: 100_00,
        tolerancePct: 5,
      });
      dealId = deal.id;
      await deals.transition(user(PROVIDER), dealId, { action: 'offer' });
      await deals.transition(user(CONSUMER), dealId, { action: 'accept' });
      await deals.transition(user(PROVIDER), dealId, { action: 'agree' });
      await deals.transition(user(PROVIDER), dealId, { action: 'activate' });
      lotQuantity = 120;
      const lot = await deals.recordDelivery(user(PROVIDER), dealId, {
        deliveredOn: new Date().toISOString().slice(0, 10),
        quantity: lotQuantity,
        method: 'weighbridge',
      });
      await deals.recordDelivery(user(CONSUMER), dealId, {
        deliveredOn: lot.deliveredOn,
        quantity: 119.5,
        method: 'weighbridge',
        confirms: lot.id,
      });
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const get = async (who: string, url: string, lang = 'en') => {
      const r = await app.inject({
        method: 'GET',
        url,
        headers: { cookie: cookies.get(who) ?? '', 'accept-language': lang },
      });
      return { status: r.statusCode, body: r.json() };
    };
    const level = (body: { levels: Level[] }, name: string) =>
      body.levels.find((l) => l.level === name)!;

    test('a pair in two saved plans counts once at identified, with the plan figures', async () => {
      const r = await get('operator', '/api/v1/impact?level=identified');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(
        r.body.levels.map((l: Level) => l.level),
        ['identified'],
      );
      const identified = level(r.body, 'identified');
      assert.equal(identified.records, 1, 'one pair, whatever the number of plans');
      const plans = await p.store.db.selectFrom('exchange_plan').select('data').execute();
      assert.equal(plans.length, 2);
      const flow = JSON.parse(plans[1]!.data).plan.flows[0];
      assert.equal(flow.supply !== undefined, true);
      close(identified.cluster.divertedT, flow.quantity, 'diverted = the flow, once');
      close(identified.cluster.transportCo2eT, flow.transportCo2eT, 'transport CO2');
      close(identified.cluster.co2eAvoidedT, flow.co2eAvoidedT, 'CO2e avoided');
      assert.equal(identified.cluster.netBenefitKopecks, flow.savingsKopecks);
      assert.deepEqual(r.body.units, { diverted: 't', co2e: 't CO2e', money: 'kopeck' });
      assert.match(r.body.formula.ru, /Отведено/);
      // the formula and the distance rule tell one story: a lot records no distance driven
      assert.match(r.body.distanceRule.ru, /не записывается/);
      assert.doesNotMatch(r.body.formula.ru, /фактическ/);
      assert.doesNotMatch(r.body.formula.en, /actually driven/);
      assert.match(
        r.body.formula.en,
        /delivered \(deliveries: measured quantity; distance — the deal’s route/,
      );
      assert.match(r.body.attributionRule.en, /provider/);
      // the organisations' shares add up to the cluster
      const sum = identified.organisations.reduce((s, o) => s + o.attributed.netBenefitKopecks, 0);
      assert.equal(sum, identified.cluster.netBenefitKopecks);
    });

    test("a deal's declared deliveries count at delivered, the contracted quantity at contracted", async () => {
      const r = await get('operator', '/api/v1/impact');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const contracted = level(r.body, 'contracted');
      assert.equal(contracted.records, 1);
      close(contracted.cluster.divertedT, 400, 'contracted tonnes');
      const delivered = level(r.body, 'delivered');
      assert.equal(delivered.records, 1, 'the confirmation is not a second lot');
      close(delivered.cluster.divertedT, lotQuantity, 'delivered tonnes: the measured quantity');
      // clinker replaced: 0.75 t CO2e per t (data/reference/factors.json)
      close(delivered.cluster.co2eAvoidedT, lotQuantity * 0.75, 'CO2e avoided');
      assert.ok(delivered.cluster.transportCo2eT > 0, 'the route is driven');
      // avoided disposal 120 × 300 ₽ + value of the substitute 120 × 200 ₽ − transport 120 × 100 ₽
      assert.equal(delivered.cluster.netBenefitKopecks, 120 * (300_00 + 200_00 - 100_00));
      const month = new Date().toISOString().slice(0, 7);
      assert.deepEqual(
        delivered.months.map((m) => m.month),
        [month],
      );
      // a window without it: nothing delivered
      const before = await get('operator', '/api/v1/impact?level=delivered&to=2020-12');
      assert.equal(level(before.body, 'delivered').records, 0);
    });

    test("a member sees the cluster's totals and its own organisation only", async () => {
      const operator = (await get('operator', '/api/v1/impact')).body;
      for (const who of [CONSUMER, STRANGER, 'observer']) {
        const r = await get(who, '/api/v1/impact');
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.scope, 'organisation');
        const own = who === 'observer' ? STRANGER : who;
        for (const l of r.body.levels as Level[]) {
          assert.deepEqual(
            l.cluster,
            level(operator, l.level).cluster,
            `${who} sees the cluster's ${l.level} totals`,
          );
          for (const o of [...l.organisations, ...l.months.flatMap((m) => m.organisations)])
            assert.equal((o as { organisationId: string }).organisationId, own);
        }
        assert.ok(!JSON.stringify(r.body).includes(who === CONSUMER ? PROVIDER : CONSUMER));
      }
      const other = await get(STRANGER, `/api/v1/impact?organisationId=${PROVIDER}`, 'ru');
      assert.equal(other.status, 403);
      assert.match(JSON.stringify(other.body), /только его собственную организацию/);
      const anonymous = await get('nobody', '/api/v1/impact');
      assert.equal(anonymous.status, 401);
      const bad = await get('operator', '/api/v1/impact?level=planned');
      assert.equal(bad.status, 400);
    });

    test('digicluster impact --json prints the body of GET /api/v1/impact', async () => {
      const api = (await get('operator', '/api/v1/impact?level=delivered')).body;
      const r = await cli(['impact', '--level', 'delivered', '--json'], db.env);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), api);
      const text = await cli(['impact'], db.env);
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /^identified +1 records/m);
      assert.match(text.stdout, /^delivered +1 records +120\.0 t diverted/m);
      const usage = await cli(['impact', '--level', 'planned'], db.env);
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /usage: digicluster impact/);
    });

    test('flows touching a hidden holder are counted as measured from its centre, for those it is hidden from', async () => {
      // an anonymous offer of the stranger's, matched with the consumer's request in a new plan
      const site = await p.registry.addSite(systemActor, STRANGER, {
        name: 'Отвал',
        kind: 'plant',
        lat: 54.2,
        lon: 87.1,
      });
      await p.exchange.createListing(user(STRANGER), {
        siteId: site.id,
        side: 'offer',
        materialId: 'fly-ash',
        unit: 't',
        quantityPerYear: 500,
        ...window,
        quality: {},
        disposalCostKopecksPerUnit: 900_00,
        counterfactual: 'landfilled',
        legalStatus: 'waste',
        fkko: '6 11 100 01 40 4',
        transportModes: ['road'],
        visibility: 'anonymous',
        status: 'active',
      });
      await p.exchange.savePlan(systemActor, {});
      const fromCentre = async (who: string) => {
        const r = await get(who, '/api/v1/impact?level=identified');
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body.flowsFromCentre as number;
      };
      assert.equal(await fromCentre('operator'), 0, 'the operator sees true sites');
      assert.equal(await fromCentre(STRANGER), 0, 'the holder sees its own site');
      const once = await fromCentre(CONSUMER);
      assert.ok(once >= 1, 'hidden from the consumer until revealed');
      // a pair counts once, from its latest plan, whatever number of plans had it
      const records = async () =>
        (await get(CONSUMER, '/api/v1/impact?level=identified')).body.levels[0].records as number;
      const before = await records();
      await p.exchange.savePlan(systemActor, {});
      assert.equal(await records(), before, 'the same pairs');
      assert.equal(await fromCentre(CONSUMER), once, 'saved again: the same flows, counted once');
    });
  });
}
