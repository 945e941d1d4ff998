// The Decree 779 check and the declarations on SQLite and PostgreSQL, through HTTP: three
// members (one in a monotown, one in a ТОР) and a government body (no participant), one deal
// agreed and delivered on the platform, declarations
// that change the check and the place of transactions exactly as computed by hand, who may
// declare for whom, and a missing purchases declaration read as "no data", never as 0.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Decree779Service } from '../../src/assessment/index.ts';
import { listEvents } from '../../src/journal/index.ts';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, signedIn, signedInOperator, siteKemerovo } from './fixtures.ts';

const year = new Date().getUTCFullYear();
const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/digicluster.js', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
const party = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'org_admin',
});

for (const d of await eachDialect()) {
  describe(`Decree 779 from the platform's data on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookie: Record<string, string> = {};

    before(async () => {
      db = await d.make();
      p = await db.open();
      app = await buildServer(p);
      await p.registry.defineTaxonomy(
        systemActor,
        JSON.parse(readFileSync('data/taxonomy/materials.json', 'utf8')),
      );
      for (const id of ['ash-plant', 'cement-works', 'tyre-works', 'outsider'])
        await p.registry.createOrganisation(systemActor, { ...organisationInput(), id });
      await p.registry.createOrganisation(systemActor, {
        ...organisationInput(),
        id: 'ministry',
        kind: 'regional_government',
      });
      for (const id of ['ash-plant', 'cement-works', 'tyre-works'])
        await p.registry.addMembership(systemActor, id, { role: 'core', joinedOn: '2021-01-01' });
      await p.registry.addMembership(systemActor, 'ministry', {
        role: 'institution',
        joinedOn: '2021-01-01',
      });
      await p.registry.addSite(systemActor, 'ash-plant', {
        ...siteKemerovo,
        name: 'Золоотвал',
        monotown: true,
        territoryProvenance: { kind: 'estimate', note: 'по координатам', noteEn: 'by coordinates' },
      });
      await p.registry.addSite(systemActor, 'cement-works', { ...siteKemerovo, name: 'Завод' });
      await p.registry.addSite(systemActor, 'tyre-works', {
        ...siteKemerovo,
        name: 'Цех шин',
        specialTerritory: { kind: 'tor', name: 'ТОР «Юрга»' },
      });
      // one deal on the platform: 100 t of fly ash at 1 000.00 RUB/t = 10 000 000 kopecks
      const deal = await p.deals.createDeal(party('cement-works'), {
        providerId: 'ash-plant',
        consumerId: 'cement-works',
        material: 'fly-ash',
        fkko: '6 11 100 01 40 4',
        quantity: 100,
        unit: 't',
        schedule: { from: `${year}-01-01`, to: `${year}-12-31` },
        quality: {},
        priceKopecksPerUnit: 1000_00,
        transport: { mode: 'road', paidBy: 'consumer' },
        transportKopecksPerUnit: 0,
        tolerancePct: 5,
      });
      await p.deals.transition(party('ash-plant'), deal.id, { action: 'offer' });
      await p.deals.transition(party('cement-works'), deal.id, { action: 'accept' });
      await p.deals.transition(party('ash-plant'), deal.id, { action: 'agree' });
      await p.deals.transition(party('ash-plant'), deal.id, { action: 'activate' });
      // delivered in full in the year: 10 000 000 kopecks supplied between participants
      await p.deals.recordDelivery(party('ash-plant'), deal.id, {
        deliveredOn: `${year}-01-01`,
        quantity: 100,
        method: 'weighbridge',
      });
      for (const id of ['ash-plant', 'cement-works', 'tyre-works'])
        cookie[id] = (
          await signedIn(p, id, { email: `a@${id}.example`, name: 'Аналитик', role: 'member' })
        ).cookie;
      cookie.observer = (
        await signedIn(p, 'tyre-works', {
          email: 'o@tyre-works.example',
          name: 'Наблюдатель',
          role: 'observer',
        })
      ).cookie;
      cookie.operator = (await signedInOperator(p, 'dc')).cookie;
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const get = (url: string, who: string) =>
      app.inject({ method: 'GET', url, headers: { cookie: cookie[who] ?? '' } });
    const declare = (who: string, body: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/assessment/declarations',
        headers: { cookie: cookie[who] ?? '', 'accept-language': 'en' },
        payload: body,
      });
    const decree = async (who = 'operator') => {
      const r = await get(`/api/v1/assessment/decree-779?year=${year}`, who);
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };
    type Check = {
      id: string;
      passed: boolean | null;
      value: number | null;
      threshold: number;
      missing: number;
      evidence: { ru: string; en: string };
    };
    const checkOf = (report: { checks: Check[] }, id: string) =>
      report.checks.find((c) => c.id === id) as Check;
    const member = (report: { members: Array<{ id: string }> }, id: string) =>
      report.members.find((m) => m.id === id) as Record<string, unknown>;

    test('from the platform alone: the deal is a contract, the tyre works has none, purchases are no data; the ministry is no participant', async () => {
      const r = await decree();
      assert.deepEqual(r.members.map((m: { id: string }) => m.id).sort(), [
        'ash-plant',
        'cement-works',
        'tyre-works',
      ]);
      assert.deepEqual(
        r.notCounted.map((o: { id: string; as: string }) => [o.id, o.as]),
        [['ministry', 'government']],
      );
      assert.deepEqual([checkOf(r, 'contracts').value, checkOf(r, 'contracts').threshold], [2, 3]);
      assert.equal(member(r, 'ash-plant').suppliedOnPlatformKopecks, 10_000_000);
      assert.equal(member(r, 'ash-plant').monotown, true);
      assert.equal(member(r, 'ash-plant').territoryEstimate, true);
      assert.deepEqual(member(r, 'tyre-works').specialTerritories, ['ТОР «Юрга»']);
      assert.equal(member(r, 'tyre-works').hasContract, false);
      assert.equal(checkOf(r, 'contracts').passed, false);
      const fd = checkOf(r, 'functional_dependency');
      assert.equal(fd.passed, null);
      assert.equal(fd.value, null);
      assert.match(fd.evidence.en, /no data/);
      assert.match(fd.evidence.ru, /нет данных/);
      // 2 of 3 members in a monotown or special territory (≥ 30 %): the lowered threshold
      assert.equal(fd.threshold, 0.1);
      assert.equal(r.compliant, false);
      assert.equal(r.rules.functionalDependency, 0.2);
    });

    test("without a year the check is of the cluster's year: at 18:00 UTC on 31 December Kuzbass is in the next one", async () => {
      const at = (iso: string) =>
        new Decree779Service(p.store, () => new Date(iso)).check(systemActor, {});
      assert.equal((await at('2026-12-31T16:59:00Z')).year, 2026);
      assert.equal((await at('2026-12-31T18:00:00Z')).year, 2027);
    });

    test('a member declares for its own organisation only; observers do not declare; bad input named in both languages', async () => {
      const body = { kind: 'purchases', organisationId: 'ash-plant', year, purchasesKopecks: 1 };
      assert.equal((await declare('cement-works', body)).statusCode, 403);
      assert.equal(
        (await declare('observer', { ...body, organisationId: 'tyre-works' })).statusCode,
        403,
      );
      const bad = await declare('ash-plant', {
        kind: 'tie',
        organisationId: 'ash-plant',
        layer: 'exchange',
        on: `${year}-03-01`,
        valueKopecks: -5,
      });
      assert.equal(bad.statusCode, 400, bad.body);
      const fields = bad.json().errors.map((e: { field: string }) => e.field);
      assert.ok(fields.includes('valueKopecks'), bad.body);
      const both = await declare('ash-plant', {
        kind: 'tie',
        organisationId: 'ash-plant',
        partnerOrganisationId: 'cement-works',
        partnerName: 'ООО «Ещё»',
        layer: 'exchange',
        on: `${year}-03-01`,
      });
      assert.equal(both.statusCode, 400, both.body);
      assert.match(both.body, /name the partner once/);
      const ru = await app.inject({
        method: 'POST',
        url: '/api/v1/assessment/declarations',
        headers: { cookie: cookie['ash-plant'] ?? '', 'accept-language': 'ru' },
        payload: { ...body, purchasesKopecks: 1e16 },
      });
      assert.equal(ru.statusCode, 400, ru.body);
      assert.match(ru.body, /больше любой реальной суммы/);
      // a negative sum is worded, under the form's label in roubles, not the API's kopecks
      for (const [lang, label, says] of [
        ['ru', 'Закупки за год, ₽', 'не может быть отрицательной'],
        ['en', 'Purchases in the year, RUB', 'cannot be negative'],
      ] as const) {
        const negative = await app.inject({
          method: 'POST',
          url: '/api/v1/assessment/declarations',
          headers: { cookie: cookie['ash-plant'] ?? '', 'accept-language': lang },
          payload: { ...body, purchasesKopecks: -10000 },
        });
        assert.equal(negative.statusCode, 400, negative.body);
        const problem = negative.json();
        assert.ok(problem.detail.includes(label), negative.body);
        assert.doesNotMatch(negative.body, /коп\.|kopecks/);
        const field = problem.errors.find((e: { field: string }) => e.field === 'purchasesKopecks');
        assert.equal(field?.label, label, negative.body);
        assert.ok(field?.message.includes(says), negative.body);
      }
      const ghost = await declare('ash-plant', {
        kind: 'tie',
        organisationId: 'ash-plant',
        partnerOrganisationId: 'no-such-org',
        layer: 'exchange',
        on: `${year}-03-01`,
      });
      assert.equal(ghost.statusCode, 400, ghost.body);
      assert.match(ghost.body, /no organisation no-such-org/);
      // a contract is declared once made: not dated after today, nor before 2000 (a user walk
      // declared 2031 and 2019, and neither showed in any year's list)
      for (const on of [`${year + 1}-06-01`, '1999-12-31']) {
        const odd = await declare('ash-plant', {
          kind: 'tie',
          organisationId: 'ash-plant',
          partnerOrganisationId: 'cement-works',
          layer: 'exchange',
          on,
        });
        assert.equal(odd.statusCode, 400, odd.body);
        assert.deepEqual(
          odd.json().errors.map((e: { field: string }) => e.field),
          ['on'],
          odd.body,
        );
      }
      // another organisation's declarations are not to be read either
      assert.equal(
        (await get('/api/v1/assessment/declarations?organisationId=ash-plant', 'cement-works'))
          .statusCode,
        403,
      );
    });

    test('declarations change the check and the place of transactions exactly as computed by hand', async () => {
      // the deal agreed on the platform is the year's one exchange tie: all on the platform
      const before = await decree();
      assert.equal(before.transactions.exchangeTies, 1);
      assert.equal(before.transactions.share, 1);
      for (const [who, kopecks] of [
        ['ash-plant', 100_000_000],
        ['cement-works', 60_000_000],
      ] as const) {
        const r = await declare(who, {
          kind: 'purchases',
          organisationId: who,
          year,
          purchasesKopecks: kopecks,
        });
        assert.equal(r.statusCode, 201, r.body);
      }
      // still one member without a purchases figure: no data, never 0
      let r = await decree();
      assert.equal(checkOf(r, 'functional_dependency').value, null);
      assert.equal(member(r, 'tyre-works').purchasesKopecks, null);
      assert.equal(member(r, 'ash-plant').purchasesKopecks, 100_000_000);

      // the tyre works declares a supply contract made off the platform with the ash plant,
      // and one with an outside firm (which is no participant: it counts for neither)
      const tie = await declare('tyre-works', {
        kind: 'tie',
        organisationId: 'tyre-works',
        partnerOrganisationId: 'ash-plant',
        layer: 'exchange',
        valueKopecks: 4_000_000,
        on: `${year}-01-01`, // no later than today, whenever the suite runs
      });
      assert.equal(tie.statusCode, 201, tie.body);
      assert.equal(tie.json().year, year);
      const outside = await declare('tyre-works', {
        kind: 'tie',
        organisationId: 'tyre-works',
        partnerName: 'ООО «Внешний поставщик»',
        layer: 'exchange',
        valueKopecks: 9_000_000,
        on: `${year}-01-01`,
      });
      assert.equal(outside.statusCode, 201, outside.body);
      const own = await declare('tyre-works', {
        kind: 'purchases',
        organisationId: 'tyre-works',
        year,
        purchasesKopecks: 40_000_000,
      });
      assert.equal(own.statusCode, 201, own.body);

      r = await decree();
      // (10 000 000 + 4 000 000) ÷ (100 000 000 + 60 000 000 + 40 000 000) = 0.07
      const fd = checkOf(r, 'functional_dependency');
      assert.equal(fd.value, 0.07);
      assert.equal(fd.passed, false);
      assert.equal(checkOf(r, 'contracts').passed, true);
      assert.equal(member(r, 'tyre-works').contractsDeclared, 1);
      assert.equal(member(r, 'tyre-works').valueDeclaredKopecks, 4_000_000);
      // partners named in both languages (the registry's English name beside the Russian)
      assert.deepEqual(member(r, 'ash-plant').partners, [
        {
          id: 'cement-works',
          name: member(r, 'cement-works').name,
          nameEn: member(r, 'cement-works').nameEn,
        },
        {
          id: 'tyre-works',
          name: member(r, 'tyre-works').name,
          nameEn: member(r, 'tyre-works').nameEn,
        },
      ]);
      assert.match(String(member(r, 'tyre-works').nameEn), /^Test open pit/);
      assert.deepEqual(member(r, 'tyre-works').specialTerritories, ['ТОР «Юрга»']);
      assert.deepEqual(member(r, 'tyre-works').specialTerritoriesEn, [
        'Advanced Development Territory “Yurga”',
      ]);
      assert.equal(r.compliant, false);

      // the year's purchases declared again replace the figure: 14 000 000 ÷ 100 000 000 = 0.14
      await declare('ash-plant', {
        kind: 'purchases',
        organisationId: 'ash-plant',
        year,
        purchasesKopecks: 0,
      });
      r = await decree();
      assert.equal(checkOf(r, 'functional_dependency').value, 0.14);
      assert.equal(checkOf(r, 'functional_dependency').passed, true);
      assert.equal(r.compliant, true);

      // the place of transactions: the declared tie enters the snapshot off the platform; the
      // outside firm is no organisation of the snapshot: the deal on the platform of 2 ties
      assert.equal(r.transactions.exchangeTies, 2);
      assert.equal(r.transactions.declaredOffPlatform, 1);
      assert.equal(r.transactions.share, 0.5);
      const snapshot = (await get('/api/v1/assessment/snapshot', 'operator')).json();
      const off = snapshot.ties.filter((t: { onPlatform: boolean }) => !t.onPlatform);
      assert.equal(off.length, 1);
      assert.equal(off[0].value, 40_000);
      const typology = (await get(`/api/v1/assessment/typology?asOf=${year}-12-31`, 'operator'))
        .json()
        .characteristics.find((c: { id: string }) => c.id === 'transactions');
      const share = typology.indicators.find(
        (i: { name: string }) => i.name === 'on_platform_deal_share',
      );
      assert.equal(share.value, 0.5);
    });

    test('output declarations: a participant without output is allowed up to 3, one without a declaration is no data', async () => {
      let r = await decree();
      let output = checkOf(r, 'without_output');
      assert.deepEqual([output.passed, output.value, output.missing], [true, null, 3]);
      assert.equal(output.evidence.ru, 'деклараций о выпуске нет');
      const made = await declare('ash-plant', {
        kind: 'output',
        organisationId: 'ash-plant',
        year,
        producedOutput: false,
        organisingProduction: true,
      });
      assert.equal(made.statusCode, 201, made.body);
      assert.equal(made.json().id, `output-${year}-ash-plant`);
      r = await decree();
      output = checkOf(r, 'without_output');
      assert.deepEqual([output.passed, output.value, output.missing], [true, 1, 2]);
      assert.match(output.evidence.ru, /^декларации о выпуске подали 1 из 3 участников; /);
      assert.equal(member(r, 'ash-plant').producedOutput, false);
      assert.equal(member(r, 'ash-plant').organisingProduction, true);
      assert.equal(member(r, 'tyre-works').producedOutput, null);
      // declared again: it replaces the statement; without output and not organising it fails
      await declare('ash-plant', {
        kind: 'output',
        organisationId: 'ash-plant',
        year,
        producedOutput: false,
        organisingProduction: false,
      });
      r = await decree();
      output = checkOf(r, 'without_output');
      assert.equal(output.passed, false);
      assert.match(output.evidence.ru, /не организуют производство в кластере/);
      // another organisation's statement is hidden from a member
      assert.equal(member(await decree('cement-works'), 'ash-plant').producedOutput, null);
      // and withdrawn: no data again
      const list = (
        await get(`/api/v1/assessment/declarations?year=${year}`, 'ash-plant')
      ).json() as { id: string; kind: string }[];
      const own = list.find((x) => x.kind === 'output');
      const gone = await app.inject({
        method: 'DELETE',
        url: `/api/v1/assessment/declarations/${own?.id}`,
        headers: { cookie: cookie['ash-plant'] ?? '' },
      });
      assert.equal(gone.statusCode, 200, gone.body);
      assert.equal(checkOf(await decree(), 'without_output').missing, 3);
    });

    test('digicluster decree-779 --json prints what the API answers the operator', async () => {
      const r = await cli(['decree-779', '--json', '--year', String(year)], db.env);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), await decree());
      assert.equal((await cli(['decree-779', '--year', '1900'], db.env)).code, 2);
    });

    test('a member sees its own figures, not the others’; withdrawing counts no more and is journaled', async () => {
      const seen = await decree('cement-works');
      assert.equal(member(seen, 'cement-works').purchasesKopecks, 60_000_000);
      assert.equal(member(seen, 'ash-plant').redacted, true);
      assert.equal(member(seen, 'ash-plant').purchasesKopecks, null);
      assert.deepEqual(member(seen, 'ash-plant').partners, []);

      const list = await get(`/api/v1/assessment/declarations?year=${year}`, 'tyre-works');
      assert.equal(list.statusCode, 200, list.body);
      const tie = list
        .json()
        .find(
          (x: { kind: string; partnerOrganisationId: string | null }) =>
            x.kind === 'tie' && x.partnerOrganisationId === 'ash-plant',
        );
      assert.equal(
        (
          await app.inject({
            method: 'DELETE',
            url: `/api/v1/assessment/declarations/${tie.id}`,
            headers: { cookie: cookie['cement-works'] ?? '' },
          })
        ).statusCode,
        403,
      );
      const gone = await app.inject({
        method: 'DELETE',
        url: `/api/v1/assessment/declarations/${tie.id}`,
        headers: { cookie: cookie['tyre-works'] ?? '' },
      });
      assert.equal(gone.statusCode, 200, gone.body);
      assert.ok(gone.json().withdrawnAt);
      const r = await decree();
      assert.equal(member(r, 'tyre-works').hasContract, false);
      // the deal on the platform remains the one exchange tie
      assert.equal(r.transactions.exchangeTies, 1);
      assert.equal(r.transactions.share, 1);
      const events = await listEvents(p.store, { type: 'declaration.withdrawn' });
      assert.deepEqual(
        events.map((e) => (e.payload as { id: string }).id),
        [`output-${year}-ash-plant`, tie.id],
      );
      const recorded = await listEvents(p.store, { type: 'declaration.recorded' });
      // purchases ×3 (+1 declared again), the two ties, output ×2
      assert.equal(recorded.length, 8);
    });

    // last: it admits a member
    test("a past year's check counts who were members in it, not who is one now", async () => {
      await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'newcomer' });
      await p.registry.addMembership(systemActor, 'newcomer', {
        role: 'niche',
        joinedOn: `${year}-01-01`,
      });
      const ids = async (y: number) =>
        (await new Decree779Service(p.store).check(systemActor, { year: y })).members.map(
          (m) => m.id,
        );
      assert.ok(!(await ids(year - 1)).includes('newcomer'), 'not a member last year');
      assert.ok((await ids(year - 1)).includes('ash-plant'), 'a member since 2021');
      assert.ok((await ids(year)).includes('newcomer'), 'a member this year');
    });
  });
}
