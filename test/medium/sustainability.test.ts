// Sustainability from the platform's data through HTTP, on SQLite and PostgreSQL (issue #14):
// an empty platform gives no data everywhere; with a delivered waste deal, a project with a
// university and a course, each indicator equals what the deliveries and the knowledge data
// imply, and the typology's sustainability characteristic is fed by the same parts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { reportHtml, reportModel, reportPdf } from '../../src/assessment/report/index.ts';
import { sustainabilityFromPlatform } from '../../src/assessment/sustainability-from-platform.ts';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, signedInOperator } from './fixtures.ts';

const PROVIDER = 'sust-provider';
const CONSUMER = 'sust-consumer';
const UNIVERSITY = 'sust-university';
const user = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'org_admin',
});
const window = { availableFrom: '2026-01-01', availableTo: '2030-12-31' };

interface Sourced {
  source: { ru: string; en: string };
  data: string | null;
}
interface Indicator {
  part: string;
  name: string;
  value: number | null;
  target: number | null;
  share: number | null;
}

for (const d of await eachDialect()) {
  describe(`sustainability from the platform on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let cookie = '';

    before(async () => {
      db = await d.make();
      p = await db.open();
      app = await buildServer(p);
      cookie = (await signedInOperator(p, 'sust')).cookie;
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const get = async (url: string, who = cookie) => {
      const r = await app.inject({ method: 'GET', url, headers: { cookie: who } });
      return { status: r.statusCode, body: r.json() };
    };
    const byName = (body: { indicators: Indicator[] }) =>
      new Map(body.indicators.map((i) => [i.name, i]));

    test('an empty platform: no data everywhere, the targets still shown', async () => {
      const r = await get('/api/v1/assessment/sustainability');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.parts, { environmental: null, economic: null, social: null });
      assert.equal(r.body.balanceIndex, null);
      for (const i of r.body.indicators as Indicator[]) {
        assert.equal(i.value, null, `${i.name}: no data`);
        assert.equal(i.share, null);
        assert.ok(i.target !== null && i.target > 0, `${i.name}: a target`);
      }
      assert.equal(r.body.targetsStatus, 'estimate');
      assert.equal((await get('/api/v1/assessment/sustainability', '')).status, 401);
      // the report's section: every indicator, no data for each value
      const model = await reportModel(p.assessment);
      const html = reportHtml(model, 'en');
      assert.match(html, /Balance index: no data/);
      assert.equal(
        html.match(/\((environmental|economic|social)\)<\/td><td>no data<\/td>/g)?.length,
        r.body.indicators.length,
      );
      const pdf = await reportPdf(model, 'ru');
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    });

    test("the twelve months end at the cluster's month: at 18:00 UTC on 30 November Kuzbass is in December", async () => {
      const span = async (iso: string) => {
        const r = await sustainabilityFromPlatform(p.store, new Date(iso));
        return [r.from, r.to];
      };
      assert.deepEqual(await span('2026-11-30T16:59:00Z'), ['2025-12', '2026-11']);
      assert.deepEqual(await span('2026-11-30T18:00:00Z'), ['2026-01', '2026-12']);
      assert.deepEqual(await span('2026-12-31T18:00:00Z'), ['2026-02', '2027-01']);
    });

    test('the indicators equal what the deliveries and the knowledge data imply', async () => {
      await p.registry.defineTaxonomy(
        systemActor,
        JSON.parse(readFileSync('data/taxonomy/materials.json', 'utf8')),
      );
      for (const [id, kind] of [
        [PROVIDER, 'open_pit'],
        [CONSUMER, 'open_pit'],
        [UNIVERSITY, 'university'],
      ] as const) {
        await p.registry.createOrganisation(systemActor, { ...organisationInput({ kind }), id });
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
      await site(CONSUMER, 54.5);
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
      const deal = await p.deals.createDeal(user(CONSUMER), {
        providerId: PROVIDER,
        consumerId: CONSUMER,
        material: 'fly-ash',
        quantity: 400,
        unit: 't',
        schedule: { from: '2026-01-01', to: '2030-12-31' },
        quality: {},
        priceKopecksPerUnit: 50_00,
        transport: { mode: 'road', paidBy: 'consumer' },
        transportKopecksPerUnit: 100_00,
        tolerancePct: 5,
      });
      await p.deals.transition(user(PROVIDER), deal.id, { action: 'offer' });
      await p.deals.transition(user(CONSUMER), deal.id, { action: 'accept' });
      await p.deals.transition(user(PROVIDER), deal.id, { action: 'agree' });
      await p.deals.transition(user(PROVIDER), deal.id, { action: 'activate' });
      await p.deals.recordDelivery(user(PROVIDER), deal.id, {
        deliveredOn: new Date().toISOString().slice(0, 10),
        quantity: 250,
        method: 'weighbridge',
      });
      await p.knowledge.createProject(systemActor, {
        titleRu: 'Зола в бетон',
        participants: [
          { organisationId: PROVIDER, role: 'lead' },
          { organisationId: UNIVERSITY, role: 'university' },
        ],
        budgetKopecks: 1_000_000_00,
        status: 'active',
      });
      await p.knowledge.createProject(systemActor, {
        titleRu: 'Без вуза',
        participants: [{ organisationId: CONSUMER, role: 'lead' }],
        budgetKopecks: 0,
      });
      await p.knowledge.createOpening(systemActor, {
        organisationId: UNIVERSITY,
        kind: 'course',
        titleRu: 'Обогащение',
        competences: [{ competence: 'flotation', level: 3 }],
        hours: 40,
      });

      const r = await get('/api/v1/assessment/sustainability');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const i = byName(r.body);
      const impact = (await get('/api/v1/impact?level=delivered')).body.levels[0].cluster;
      assert.equal(i.get('tonnes_diverted')!.value, 250);
      assert.equal(i.get('waste_utilisation_rate')!.value, 250 / 1000);
      assert.equal(i.get('co2e_avoided_t')!.value, impact.netCo2eT);
      assert.equal(i.get('savings_rub')!.value, impact.netBenefitKopecks / 100);
      // no methane deal: no data; deep processing: never recorded
      assert.equal(i.get('methane_used_m3')!.value, null);
      assert.equal(i.get('value_added_deep_processing_rub')!.value, null);
      const costs = (await get('/api/v1/deals/costs')).body;
      assert.equal(i.get('transaction_costs_saved_rub')!.value, costs.cluster.saved.kopecks / 100);
      // organisationInput states 90 knowledge workers for each of the three members
      assert.equal(i.get('knowledge_workers')!.value, 270);
      assert.equal(i.get('rd_projects_with_universities')!.value, 1);
      assert.equal(i.get('training_offers')!.value, 1);
      // each source reads as a citation in both languages; the ledger's figures link their data,
      // which give the same totals
      for (const x of r.body.indicators as (Indicator & Sourced)[]) {
        for (const text of [x.source.ru, x.source.en])
          assert.doesNotMatch(text, /\/api\/|GET /, `${x.name}: ${text}`);
        assert.match(x.source.ru, /[а-яё]/i);
      }
      const linked = i.get('tonnes_diverted') as Indicator & Sourced;
      assert.match(linked.data ?? '', /^\/api\/v1\/impact\?level=delivered&from=\d{4}-\d{2}&to=/);
      const behind = (await get(linked.data!)).body.levels[0].cluster;
      assert.equal(behind.divertedT, linked.value);
      assert.equal(behind.netCo2eT, i.get('co2e_avoided_t')!.value);
      assert.equal((i.get('methane_used_m3') as Indicator & Sourced).data, null);
      for (const part of ['environmental', 'economic', 'social'])
        assert.ok(r.body.parts[part] !== null, `${part} has data`);
      assert.ok(typeof r.body.balanceIndex === 'number');

      // the typology's sustainability characteristic is fed with the same parts
      const placement = (await get('/api/v1/assessment/typology')).body;
      // one default window for the web page, the report, the API and the CLI: 12 months, returned
      assert.equal(placement.windowMonths, 12);
      assert.match(placement.from, /^\d{4}-\d{2}-\d{2}$/);
      const twelve = (await get('/api/v1/assessment/typology?months=12')).body;
      assert.deepEqual(placement, twelve);
      assert.equal((await reportModel(p.assessment)).placement.windowMonths, 12);
      const sust = placement.characteristics.find((c: { id: string }) => c.id === 'sustainability');
      assert.notEqual(sust.form, 'no_data', JSON.stringify(sust));
      const html = reportHtml(await reportModel(p.assessment), 'ru');
      assert.match(html, /Проекты НИОКР с вузами \(социальная\)<\/td><td>1<\/td>/);
      // the words say what is counted: offered (not generated) waste, placement (storage and
      // landfill, 89-FZ) rather than burial, methane as CH4
      assert.match(html, /Доля вовлечения предложенных отходов/);
      assert.match(html, /Отведено от размещения \(хранение и захоронение\), т/);
      assert.match(html, /Использовано метана \(CH4\), м³/);
      assert.doesNotMatch(html, /утилизации отходов|от захоронения/);
      const offered = i.get('waste_utilisation_rate') as Indicator & Sourced;
      assert.match(offered.source.ru, /предложенные на бирже \(не образованные\)/);
    });
  });
}
