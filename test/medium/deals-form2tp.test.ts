// Form 2-TP (waste) through HTTP, on SQLite and PostgreSQL: the XLSX opened with exceljs — the
// headings in the form's order, received and transferred equal to the deliveries of the year (a
// confirmation of a lot never doubles it), the columns the platform does not record «нет
// данных» (never 0) until the organisation stores them with PUT, which is journaled with the
// full new state; who may read and write, refusals in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { form2tpLeadHeadings, NO_DATA_RU } from '../../src/deals/form-2tp.ts';
import { type DealsService, form2tpColumns, form2tpHeadings } from '../../src/deals/index.ts';
import { listEvents } from '../../src/journal/index.ts';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, scheduleAhead, signedIn, signedInOperator } from './fixtures.ts';

const GRES = 'tp-gres';
const BRICK = 'tp-brick';
const FKKO = '6 11 100 01 40 4';
const user = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'member',
});

for (const d of await eachDialect()) {
  describe(`form 2-TP on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let x: DealsService;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();

    before(async () => {
      db = await d.make();
      p = await db.open();
      x = p.deals;
      await p.registry.defineMaterial(systemActor, {
        id: 'tp-ash',
        name: { ru: 'Зола-унос', en: 'Fly ash' },
        category: 'combustion_residue',
        unit: 't',
        waste: true,
        fkko: [FKKO],
      });
      for (const [id, kind] of [
        [GRES, 'power_plant'],
        [BRICK, 'construction_materials'],
      ] as const) {
        await p.registry.createOrganisation(systemActor, { ...organisationInput({ kind }), id });
        await p.registry.addMembership(systemActor, id, { role: 'core', joinedOn: '2024-01-01' });
        for (const role of ['member', 'observer'] as const)
          cookies.set(
            `${id}:${role}`,
            (await signedIn(p, id, { email: `${role}@${id}.example`, name: 'Тест', role })).cookie,
          );
      }
      cookies.set('operator', (await signedInOperator(p, 'tp')).cookie);
      app = await buildServer(p);

      const deal = await x.createDeal(user(BRICK), {
        providerId: GRES,
        consumerId: BRICK,
        material: 'tp-ash',
        fkko: FKKO,
        quantity: 500,
        unit: 't',
        schedule: { ...scheduleAhead, from: '2025-06-01' },
        quality: {},
        priceKopecksPerUnit: -50_00,
        transport: { mode: 'road', paidBy: 'provider' },
        transportKopecksPerUnit: 0,
        tolerancePct: 5,
      });
      await x.transition(user(GRES), deal.id, { action: 'offer' });
      await x.transition(user(BRICK), deal.id, { action: 'accept' });
      await x.transition(user(GRES), deal.id, { action: 'agree' });
      await x.transition(user(GRES), deal.id, { action: 'activate' });
      const lot = await x.recordDelivery(user(GRES), deal.id, {
        deliveredOn: '2026-02-10',
        quantity: 120.5,
        method: 'weighbridge',
      });
      await x.recordDelivery(user(BRICK), deal.id, {
        deliveredOn: '2026-02-10',
        quantity: 120,
        method: 'weighbridge',
        confirms: lot.id,
      });
      await x.recordDelivery(user(BRICK), deal.id, {
        deliveredOn: '2026-03-15',
        quantity: 79.5,
        method: 'weighbridge',
      });
      // another year: not in 2026's form
      await x.recordDelivery(user(GRES), deal.id, {
        deliveredOn: '2025-12-20',
        quantity: 1000,
        method: 'weighbridge',
        acceptBeyondContract: true,
      });
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const call = async (
      who: string,
      method: 'GET' | 'PUT',
      url: string,
      payload?: unknown,
      lang = 'en',
    ) =>
      app.inject({
        method,
        url,
        headers: { cookie: cookies.get(who) ?? '', 'accept-language': lang },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    /** The workbook's data rows as cell values, after the headings and the numbers row. */
    async function workbook(who: string, org: string) {
      const r = await call(
        who,
        'GET',
        `/api/v1/deals/form-2tp.xlsx?organisationId=${org}&year=2026`,
      );
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(r.rawPayload).buffer);
      const ws = wb.worksheets[0]!;
      const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
      const rows: unknown[][] = [];
      for (let n = 3; n <= ws.rowCount; n++) rows.push(values(n));
      return { headings: values(1), rows };
    }
    const col = (c: (typeof form2tpColumns)[number]) =>
      form2tpLeadHeadings.length + form2tpColumns.indexOf(c);

    test('the XLSX: headings in order, received/transferred = the deliveries, unknown columns «нет данных»', async () => {
      const provider = await workbook(`${GRES}:member`, GRES);
      assert.deepEqual(provider.headings, [
        ...form2tpLeadHeadings,
        ...form2tpColumns.map((c) => form2tpHeadings[c].ru),
      ]);
      assert.equal(provider.rows.length, 1);
      const [row] = provider.rows as unknown[][];
      assert.equal(row![2], FKKO);
      // 120.5 + 79.5 (the consumer's 120 t confirms the first lot: not a second one)
      assert.equal(row![col('transferredUtilisationT')], 200);
      // a total is never partial: the other purposes are unknown until the organisation says
      assert.equal(row![col('transferredT')], NO_DATA_RU);
      for (const c of [
        'stockStartT',
        'generatedT',
        'receivedT',
        'neutralisedT',
        'placedT',
        'stockEndT',
      ] as const)
        assert.equal(row![col(c)], NO_DATA_RU, c);

      const consumer = await workbook(`${BRICK}:observer`, BRICK);
      assert.equal(consumer.rows[0]![col('receivedT')], 200);
      assert.equal(consumer.rows[0]![col('generatedT')], NO_DATA_RU);

      // the operator reads any; another organisation's user does not
      assert.equal((await workbook('operator', GRES)).rows.length, 1);
      const other = await call(
        `${BRICK}:member`,
        'GET',
        `/api/v1/deals/form-2tp.xlsx?organisationId=${GRES}&year=2026`,
        undefined,
        'ru',
      );
      assert.equal(other.statusCode, 403);
      assert.match(other.body, /Форма 2-ТП организации доступна только/);
    });

    test('PUT stores the columns the platform does not record: journaled, then in the XLSX and the JSON rows', async () => {
      const url = `/api/v1/deals/form-2tp/${GRES}/2026`;
      const figures = {
        rows: [
          {
            fkko: FKKO,
            stockStartT: 30,
            generatedT: 900,
            processedT: 0,
            utilisedT: 0,
            neutralisedT: 10,
            placedStorageT: 600,
            placedBurialT: 50,
            transferredOffPlatformT: {
              processing: 0,
              neutralisation: 0,
              storage: 0,
              burial: 5,
            },
          },
        ],
      };
      const refused = await call(`${GRES}:observer`, 'PUT', url, figures);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /Only a member or an administrator/);
      assert.equal((await call(`${BRICK}:member`, 'PUT', url, figures)).statusCode, 403);
      const bad = await call(`${GRES}:member`, 'PUT', url, {
        rows: [{ fkko: FKKO, generatedT: -1 }],
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /rows\.0\.generatedT/);

      const ok = await call(`${GRES}:member`, 'PUT', url, figures);
      assert.equal(ok.statusCode, 200, ok.body);
      const saved = ok.json();
      assert.equal(saved.id, `${GRES}/2026`);
      const events = (await listEvents(p.store, { type: 'form-2tp.saved', limit: 100 })).map(
        (e) => e.payload as { figures: unknown },
      );
      assert.deepEqual(events.at(-1)?.figures, saved);

      const [row] = (await workbook(`${GRES}:member`, GRES)).rows as unknown[][];
      assert.equal(row![col('generatedT')], 900);
      assert.equal(row![col('transferredT')], 205);
      assert.equal(row![col('placedT')], 650);
      assert.equal(
        row![col('receivedT')],
        NO_DATA_RU,
        'still no data: neither deliveries nor figures',
      );

      const json = await call(`${GRES}:member`, 'GET', url);
      assert.equal(json.statusCode, 200, json.body);
      const report = json.json();
      assert.deepEqual(report.figures, saved);
      assert.deepEqual(
        report.columns.map((c: { key: string }) => c.key),
        [...form2tpColumns],
      );
      assert.equal(report.rows[0].receivedT, null);
      assert.equal(report.rows[0].transferredUtilisationT, 200);
      assert.equal(report.rows[0].stockEndT, null, 'received unknown: stock at end unknown');
    });
  });
}
