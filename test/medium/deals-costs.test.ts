// Transaction costs of deals through HTTP, on SQLite and PostgreSQL: a known answer computed by
// hand from data/reference/transaction-costs.json (two sites one degree of latitude apart, a deal
// negotiated to AGREED with three moves and one message), who sees what, and the deals left out
// because a party has no site.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DealsService } from '../../src/deals/index.ts';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, scheduleAhead, signedIn, signedInOperator } from './fixtures.ts';

const PROVIDER = 'costs-provider';
const CONSUMER = 'costs-consumer';
const SITELESS = 'costs-siteless';
const user = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'member',
});

const body = (providerId: string, consumerId: string) => ({
  providerId,
  consumerId,
  material: 'costs-ash',
  quantity: 100,
  unit: 't',
  schedule: scheduleAhead,
  quality: {},
  priceKopecksPerUnit: 250_00,
  transport: { mode: 'road', paidBy: 'consumer' },
  transportKopecksPerUnit: 120_00,
  tolerancePct: 5,
});

// The known answer, by hand. Sites at 54°N 87°E and 55°N 87°E: great circle = 6371.0088 km ×
// π/180 = 111.19508 km; road one way × 1.2 = 133.43410 km. Meetings: first contact 1 +
// negotiation 2 (an offer was made) + signing 1 (AGREED) + 0 deliveries × 0.5 = 4.
// km = 4 × 2 × 133.43410 = 1067.47277; staff h = 4 × (266.86819 / 70 + 2) × 2 = 46.49922;
// staff = round(46.49922 × 1100 ₽ × 100) = 5 114 914 kop; car = round(1067.47277 × 15 ₽ × 100)
// = 1 601 209 kop; territorial = 6 716 123 kop; CO2 = 1067.47277 × 0.16725 = 178.53482 kg.
// Digital: 1 message × 10 min + 3 transitions × 15 min = 55 min = 0.91667 h = 100 833 kop.
// Saved: 6 615 290 kop, 45.58256 h. Halves: provider 3 358 062 / consumer 3 358 061 territorial,
// 50 417 / 50 416 digital.
const known = {
  greatCircleKm: 111.19508,
  roadKm: 133.4341,
  km: 1067.47277,
  hours: 46.49922,
  staffKopecks: 5_114_914,
  carKopecks: 1_601_209,
  kopecks: 6_716_123,
  co2Kg: 178.53482,
  digitalHours: 0.91667,
  digitalKopecks: 100_833,
  savedKopecks: 6_615_290,
  savedHours: 45.58256,
};
const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-4, `${what}: ${a} ≠ ${b}`);

for (const d of await eachDialect()) {
  describe(`deal transaction costs on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let x: DealsService;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();
    let dealId = '';
    let sitelessDeal = '';
    before(async () => {
      db = await d.make();
      p = await db.open();
      x = p.deals;
      await p.registry.defineMaterial(systemActor, {
        id: 'costs-ash',
        name: { ru: 'Зола', en: 'Ash' },
        category: 'combustion_residue',
        unit: 't',
        waste: false,
      });
      for (const id of [PROVIDER, CONSUMER, SITELESS, 'costs-stranger']) {
        await p.registry.createOrganisation(systemActor, { ...organisationInput(), id });
        await p.registry.addMembership(systemActor, id, { role: 'core', joinedOn: '2024-01-01' });
      }
      await p.registry.addSite(systemActor, PROVIDER, {
        name: 'А площадка',
        kind: 'plant',
        lat: 54,
        lon: 87,
      });
      // a second site later by name: the first by name is the one used
      await p.registry.addSite(systemActor, PROVIDER, {
        name: 'Я офис',
        kind: 'office',
        lat: 56,
        lon: 84,
      });
      await p.registry.addSite(systemActor, CONSUMER, {
        name: 'Цех',
        kind: 'plant',
        lat: 55,
        lon: 87,
      });
      for (const org of [PROVIDER, CONSUMER, 'costs-stranger'])
        cookies.set(
          org,
          (await signedIn(p, org, { email: `m@${org}.example`, name: 'Тест', role: 'member' }))
            .cookie,
        );
      cookies.set('operator', (await signedInOperator(p, 'costs')).cookie);
      app = await buildServer(p);

      const deal = await x.createDeal(user(CONSUMER), body(PROVIDER, CONSUMER));
      dealId = deal.id;
      await x.transition(user(PROVIDER), dealId, { action: 'offer' });
      await x.transition(user(CONSUMER), dealId, { action: 'accept' });
      await x.transition(user(PROVIDER), dealId, { action: 'agree' });
      sitelessDeal = (await x.createDeal(user(PROVIDER), body(PROVIDER, SITELESS))).id;
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

    test('one deal: the hand-computed known answer through HTTP, with the formula in both languages', async () => {
      const post = await app.inject({
        method: 'POST',
        url: `/api/v1/deals/${dealId}/messages`,
        headers: { cookie: cookies.get(PROVIDER)! },
        payload: { text: 'Отгрузка с понедельника' },
      });
      assert.equal(post.statusCode, 201, post.body);

      const r = await get(CONSUMER, `/api/v1/deals/${dealId}/costs`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const c = r.body;
      assert.equal(c.dealId, dealId);
      assert.equal(c.state, 'agreed');
      assert.deepEqual(
        [c.sites.provider.name, c.sites.provider.lat, c.sites.consumer.lat],
        ['А площадка', 54, 55],
      );
      assert.equal(c.digital.messages, 1);
      assert.equal(c.digital.transitions, 3);
      assert.deepEqual(c.territorial.meetingsByStage, {
        firstContact: 1,
        negotiation: 2,
        contractSigning: 1,
        deliveryAcceptance: 0,
      });
      assert.equal(c.territorial.meetings, 4);
      close(c.territorial.greatCircleKm, known.greatCircleKm, 'great circle');
      close(c.territorial.roadKm, known.roadKm, 'road km');
      close(c.territorial.km, known.km, 'km');
      close(c.territorial.hours, known.hours, 'hours');
      assert.equal(c.territorial.staffKopecks, known.staffKopecks);
      assert.equal(c.territorial.carKopecks, known.carKopecks);
      assert.equal(c.territorial.kopecks, known.kopecks);
      close(c.territorial.co2Kg, known.co2Kg, 'CO2');
      close(c.digital.hours, known.digitalHours, 'digital hours');
      assert.equal(c.digital.kopecks, known.digitalKopecks);
      assert.equal(c.saved.kopecks, known.savedKopecks);
      close(c.saved.hours, known.savedHours, 'saved hours');
      close(c.saved.km, known.km, 'saved km');
      assert.equal(
        c.digital.elapsedHours,
        (Date.parse(c.agreedAt) - Date.parse(c.firstContactAt)) / 3_600_000,
      );
      assert.ok(c.digital.elapsedHours >= 0);
      assert.match(c.formula.en, /= 1067\.5 km;/);
      assert.match(c.formula.en, /= 67161\.23 RUB;/);
      assert.match(c.formula.ru, /= 1067,5 км;/);
      assert.match(c.formula.ru, /= 67161,23 ₽;/);

      // the operator sees it too; a stranger does not (404, as for the deal itself)
      assert.equal((await get('operator', `/api/v1/deals/${dealId}/costs`)).body.dealId, dealId);
      const s = await get('costs-stranger', `/api/v1/deals/${dealId}/costs`, 'ru');
      assert.equal(s.status, 404);
      assert.match(JSON.stringify(s.body), /Такой сделки нет/);
    });

    test('a party without a site: 409 in both languages for the deal, left out of the report', async () => {
      const en = await get(PROVIDER, `/api/v1/deals/${sitelessDeal}/costs`);
      assert.equal(en.status, 409);
      assert.match(JSON.stringify(en.body), new RegExp(`${SITELESS} has no site`));
      const ru = await get(PROVIDER, `/api/v1/deals/${sitelessDeal}/costs`, 'ru');
      assert.match(JSON.stringify(ru.body), /нет площадки/);
      const r = await get(PROVIDER, '/api/v1/deals/costs');
      assert.deepEqual(r.body.withoutSites, [sitelessDeal]);
    });

    test('the report: a member its own half and no cluster; the operator every organisation and the cluster', async () => {
      const m = await get(PROVIDER, '/api/v1/deals/costs');
      assert.equal(m.status, 200, JSON.stringify(m.body));
      assert.deepEqual(
        m.body.deals.map((c: { dealId: string }) => c.dealId),
        [dealId],
      );
      assert.equal(m.body.cluster, null);
      assert.equal(m.body.formula, null);
      assert.equal(m.body.status, 'estimate');
      assert.deepEqual(
        m.body.organisations.map((o: { organisationId: string }) => o.organisationId),
        [PROVIDER],
      );
      const own = m.body.organisations[0];
      assert.equal(own.territorial.kopecks, 3_358_062);
      assert.equal(own.digital.kopecks, 50_417);
      assert.equal(own.saved.kopecks, 3_358_062 - 50_417);
      const c = (await get(CONSUMER, '/api/v1/deals/costs')).body.organisations[0];
      assert.equal(c.territorial.kopecks, 3_358_061);

      const o = await get('operator', '/api/v1/deals/costs');
      assert.equal(o.status, 200);
      assert.equal(o.body.cluster.deals, 1);
      assert.equal(o.body.cluster.territorial.kopecks, known.kopecks);
      assert.equal(o.body.cluster.saved.kopecks, known.savedKopecks);
      const sum = (k: 'territorial' | 'digital' | 'saved') =>
        o.body.organisations.reduce(
          (a: number, x: Record<typeof k, { kopecks: number }>) => a + x[k].kopecks,
          0,
        );
      assert.equal(sum('territorial'), o.body.cluster.territorial.kopecks);
      assert.equal(sum('digital'), o.body.cluster.digital.kopecks);
      assert.equal(sum('saved'), o.body.cluster.saved.kopecks);
      assert.match(o.body.formula.ru, /Кластер, Σ по 1 сделкам/);
      assert.deepEqual(o.body.withoutSites, [sitelessDeal]);

      const stranger = await get('costs-stranger', '/api/v1/deals/costs');
      assert.deepEqual([stranger.body.deals, stranger.body.organisations], [[], []]);
      assert.equal((await get('nobody', '/api/v1/deals/costs')).status, 401);
    });
  });
}
