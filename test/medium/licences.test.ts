// Waste licences (89-ФЗ art. 9) against a real database, on SQLite and PostgreSQL: the seeded
// demo shows one class IV deal covered and one not; an organisation's admin records and
// removes its licences through the API (journaled with their full state, `verify --state`
// agrees), another organisation's admin and a plain member are refused; the deal's `licences`
// block follows the register (found, missing, expired), worded in the caller's language,
// and never blocks the deal.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedExample } from '../../src/example/seed.ts';
import { listEvents, verifyState } from '../../src/journal/index.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { stateReaders as registryReaders } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { signedIn } from './fixtures.ts';

const licence = (over: Record<string, unknown> = {}) => ({
  number: 'ТЕСТ-0001',
  issuedOn: '2020-02-01',
  issuedBy: 'Росприроднадзор (тест)',
  activities: ['utilisation', 'transport'],
  hazardClasses: [4],
  ...over,
});

for (const d of await eachDialect()) {
  describe(`waste licences on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();
    let flyAshDeal = '';
    let ashSlagDeal = '';
    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p, { governance: false });
      app = await buildServer(p);
      for (const [org, role] of [
        ['dorstroy-yug', 'org_admin'],
        ['dorstroy-yug', 'member'],
        ['myski-gres', 'org_admin'],
        ['tsement-tom', 'org_admin'],
      ] as const) {
        const s = await signedIn(p, org, {
          email: `${role.replace('_', '-')}@${org}.licences.example`,
          name: 'Тест',
          role,
        });
        cookies.set(`${org}:${role}`, s.cookie);
      }
      const { items } = await p.deals.listDeals(systemActor);
      flyAshDeal = items.find(
        (i) => i.consumerId === 'tsement-tom' && i.material === 'fly-ash',
      )!.id;
      ashSlagDeal = items.find(
        (i) => i.consumerId === 'dorstroy-yug' && i.material === 'ash-slag-hydraulic',
      )!.id;
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const http = async (
      who: string,
      method: 'GET' | 'POST',
      url: string,
      body?: unknown,
      lang = 'en',
    ) => {
      const r = await app.inject({
        method,
        url,
        headers: { cookie: cookies.get(who) ?? '', 'accept-language': lang },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: r.statusCode, body: r.json() };
    };
    const checksOf = async (dealId: string, lang = 'en') => {
      const r = await http(
        'myski-gres:org_admin',
        'GET',
        `/api/v1/deals/${dealId}`,
        undefined,
        lang,
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.licences;
    };
    const brief = (l: {
      checks: { role: string; holderId: string; activity: string; status: string }[];
    }) => l.checks.map((c) => [c.role, c.holderId, c.activity, c.status]);

    test('the demo: fly ash to the cement plant is covered; ash-slag to the road builder is not', async () => {
      const covered = await checksOf(flyAshDeal);
      assert.deepEqual([covered.hazardClass, covered.required, covered.warnings], [4, true, 0]);
      assert.deepEqual(brief(covered), [
        ['receiver', 'tsement-tom', 'utilisation', 'found'],
        ['carrier', 'tsement-tom', 'transport', 'found'],
      ]);
      assert.match(covered.checks[0].message, /ДЕМО-0001/);
      const open = await checksOf(ashSlagDeal, 'ru');
      assert.deepEqual(brief(open), [
        ['receiver', 'dorstroy-yug', 'utilisation', 'missing'],
        ['carrier', 'myski-gres', 'transport', 'missing'],
      ]);
      assert.equal(open.warnings, 2);
      assert.match(
        open.checks[0].message,
        /ДорСтрой-Юг.*нет лицензии на утилизацию отходов IV класса/,
      );
      assert.match(open.checks[1].message, /транспортирование/);
      const en = await checksOf(ashSlagDeal, 'en');
      assert.match(en.checks[0].message, /no licence for utilisation of class IV waste/);
      // a class V deal needs none; a rail one checks no carriage
      const { items } = await p.deals.listDeals(systemActor);
      const rail = items.find((i) => i.transport.mode === 'rail')!;
      const five = await p.deals.getDeal(systemActor, rail.id, 'ru');
      assert.deepEqual(
        [five.licences.hazardClass, five.licences.required, five.licences.checks.length],
        [5, false, 0],
      );
      assert.match(five.licences.notes[0], /V класса опасности/);
    });

    test('its admin records a licence (journaled); another admin and a member are refused', async () => {
      const url = '/api/v1/organisations/dorstroy-yug/licences';
      const other = await http('myski-gres:org_admin', 'POST', url, licence(), 'ru');
      assert.equal(other.status, 403);
      assert.match(other.body.detail ?? other.body.title, /своей организации/);
      assert.equal((await http('dorstroy-yug:member', 'POST', url, licence())).status, 403);
      assert.equal((await http('', 'POST', url, licence())).status, 401);
      const five = await http(
        'dorstroy-yug:org_admin',
        'POST',
        url,
        licence({ hazardClasses: [5] }),
        'ru',
      );
      assert.equal(five.status, 400);
      assert.match(JSON.stringify(five.body), /V класса/);
      const backwards = await http(
        'dorstroy-yug:org_admin',
        'POST',
        url,
        licence({ validUntil: '2019-01-01' }),
      );
      assert.equal(backwards.status, 400);
      // the annex's codes are the catalogue's, of the classes covered; issued under 89-FZ (probe)
      const senseless = await http(
        'dorstroy-yug:org_admin',
        'POST',
        url,
        licence({
          hazardClasses: [1],
          fkko: ['6 11 300 02 20 5', '9 99 999 99 99 4'],
          issuedOn: '1900-01-01',
        }),
        'ru',
      );
      assert.equal(senseless.status, 400);
      assert.deepEqual(
        senseless.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [
          ['issuedOn', 'registry.rule.issuedBeforeLaw'],
          ['fkko.0', 'registry.rule.fkkoClassNotLicensed'],
          ['fkko.1', 'registry.rule.fkkoNotInCatalogue'],
        ],
      );
      assert.match(JSON.stringify(senseless.body), /отход 5 класса опасности/);
      // fields named as people see them (probe: raw paths such as «hazardClasses.0»)
      const labelled = await http(
        'dorstroy-yug:org_admin',
        'POST',
        url,
        licence({ activities: ['transport', 'transport'], hazardClasses: [7] }),
        'ru',
      );
      assert.equal(labelled.status, 400);
      assert.deepEqual(
        labelled.body.errors.map((e: { label?: string }) => e.label),
        ['Виды деятельности', 'Классы опасности'],
      );
      assert.doesNotMatch(labelled.body.detail, /hazardClasses|activities/);
      // not yet issued: it would read as not in force in every check
      const ahead = await http(
        'dorstroy-yug:org_admin',
        'POST',
        url,
        licence({ issuedOn: '2099-01-01', validUntil: null }),
        'ru',
      );
      assert.equal(ahead.status, 400);
      assert.deepEqual(
        ahead.body.errors.map((e: { field: string }) => e.field),
        ['issuedOn'],
      );
      assert.match(JSON.stringify(ahead.body), /дата выдачи не может быть позже сегодняшней/);
      const made = await http(
        'dorstroy-yug:org_admin',
        'POST',
        url,
        licence({ fkko: ['6 11 300 01 39 4'] }),
      );
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.deepEqual([made.body.validUntil, made.body.removedOn], [null, null]);
      assert.equal((await http('dorstroy-yug:org_admin', 'POST', url, licence())).status, 409);
      const listed = await http('', 'GET', url);
      assert.deepEqual(
        listed.body.map((l: { number: string }) => l.number),
        ['ТЕСТ-0001'],
      );
      const [event] = await listEvents(p.store, {
        type: 'licence.added',
        organisationId: 'dorstroy-yug',
      });
      assert.deepEqual(event.payload, made.body);
      assert.match(event.actor, /^[0-9a-f-]+$/);
      // the deal follows: the receiver is covered, the carrier (the GRES pays the carriage) not
      assert.deepEqual(brief(await checksOf(ashSlagDeal)), [
        ['receiver', 'dorstroy-yug', 'utilisation', 'found'],
        ['carrier', 'myski-gres', 'transport', 'missing'],
      ]);

      // removal: not by another organisation; by its admin, once
      const remove = `/api/v1/licences/${made.body.id}/remove`;
      assert.equal((await http('myski-gres:org_admin', 'POST', remove, {})).status, 403);
      // a removal is a fact after the issue: not in 2099 (it would vanish from today's checks),
      // not before it was issued (probe)
      for (const removedOn of ['2099-01-01', '1990-01-01']) {
        const r = await http('dorstroy-yug:org_admin', 'POST', remove, { removedOn });
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.errors[0].field, 'removedOn');
      }
      assert.equal((await http('', 'GET', url)).body.length, 1, 'still held');
      const removed = await http('dorstroy-yug:org_admin', 'POST', remove, {});
      assert.equal(removed.status, 200);
      assert.ok(removed.body.removedOn);
      assert.equal((await http('dorstroy-yug:org_admin', 'POST', remove, {})).status, 409);
      assert.deepEqual((await http('', 'GET', url)).body, []);
      assert.equal((await checksOf(ashSlagDeal)).checks[0].status, 'missing');
      const report = await verifyState(p.store, registryReaders);
      assert.equal(report.differences, 0, JSON.stringify(report.first));
    });

    test("a deal's waste purpose: the receiver's licence is checked for it, form 2-TP counts the transfer in its column", async () => {
      const flyAsh = await checksOf(flyAshDeal);
      const today = new Date().toISOString().slice(0, 10);
      const year = Number(today.slice(0, 4));
      const opened = await http('myski-gres:org_admin', 'POST', '/api/v1/deals', {
        providerId: 'myski-gres',
        consumerId: 'tsement-tom',
        material: 'fly-ash',
        fkko: flyAsh.fkko,
        quantity: 100,
        unit: 't',
        schedule: { from: `${year}-01-01`, to: `${year}-12-31` },
        priceKopecksPerUnit: 10_000,
        wastePurpose: 'neutralisation',
      });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      assert.equal(opened.body.wastePurpose, 'neutralisation');
      // a purpose the form does not know is refused at its field, by its name
      const bad = await http(
        'myski-gres:org_admin',
        'POST',
        '/api/v1/deals',
        { consumerId: 'tsement-tom', material: 'fly-ash', quantity: 1, wastePurpose: 'dumping' },
        'ru',
      );
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.body.errors.map((e: { field: string }) => e.field),
        ['wastePurpose'],
      );
      assert.match(JSON.stringify(bad.body), /Что получатель делает с отходами/);
      const id = opened.body.id;
      // Tom Cement's demo licence names utilisation and transport, not neutralisation
      const checks = await checksOf(id);
      assert.equal(checks.purpose, 'neutralisation');
      assert.deepEqual(brief(checks), [
        ['receiver', 'tsement-tom', 'neutralisation', 'missing'],
        ['carrier', 'tsement-tom', 'transport', 'found'],
      ]);
      const ru = await checksOf(id, 'ru');
      assert.match(ru.checks[0].message, /нет лицензии на обезвреживание отходов IV класса/);
      // through to a lot: the provider's 2-TP counts it as transferred for neutralisation
      const move = async (who: string, action: string) => {
        const deal = (await http(who, 'GET', `/api/v1/deals/${id}`)).body.deal;
        const r = await http(who, 'POST', `/api/v1/deals/${id}/transitions`, {
          action,
          expectedVersion: deal.version,
        });
        assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
      };
      await move('tsement-tom:org_admin', 'accept');
      await move('myski-gres:org_admin', 'agree');
      await move('myski-gres:org_admin', 'activate');
      const flyAshRow = async () => {
        const form = await http(
          'myski-gres:org_admin',
          'GET',
          `/api/v1/deals/form-2tp/myski-gres/${year}`,
        );
        assert.equal(form.status, 200, JSON.stringify(form.body));
        return form.body.rows.find((r: { fkko: string }) => r.fkko === flyAsh.fkko) ?? null;
      };
      const before = await flyAshRow();
      const lot = await http('tsement-tom:org_admin', 'POST', `/api/v1/deals/${id}/deliveries`, {
        deliveredOn: today,
        quantity: 40,
        method: 'weighbridge',
      });
      assert.equal(lot.status, 201, JSON.stringify(lot.body));
      const row = await flyAshRow();
      assert.ok(row, 'a 2-TP row for the fly ash code');
      assert.equal(row.transferredNeutralisationT, (before?.transferredNeutralisationT ?? 0) + 40);
      // the demo's fly-ash lots (no purpose named: utilisation) stay in their column
      assert.equal(row.transferredUtilisationT, before?.transferredUtilisationT ?? null);
    });

    test('an expired licence shows as expired; the deal still moves', async () => {
      const r = await http(
        'myski-gres:org_admin',
        'POST',
        '/api/v1/organisations/myski-gres/licences',
        licence({
          number: 'ТЕСТ-0002',
          activities: ['transport'],
          issuedOn: '2015-01-01',
          validUntil: '2020-01-01',
        }),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const l = await checksOf(ashSlagDeal, 'ru');
      assert.deepEqual(l.checks[1].status, 'expired');
      assert.match(l.checks[1].message, /ТЕСТ-0002.*не действует.*2020-01-01/);
      // a warning, not a block: the deal's state and actions are its own
      const view = await http('myski-gres:org_admin', 'GET', `/api/v1/deals/${ashSlagDeal}`);
      assert.equal(view.body.deal.state, 'active');
    });
  });
}
