// Per-plan factor overrides through the API, on both dialects: the plan lists the factors it
// used (value, unit, source, year, status), an override changes the figure it feeds and is
// marked, an unknown key or a value out of sense is refused (400) naming the key in the
// reader's language; a saved plan (its flows become proposals) takes no overrides.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedExample } from '../../src/example/seed.ts';
import { Plan } from '../../src/exchange/schema.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { registryQueries, SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';

for (const d of await eachDialect()) {
  describe(`plan factors on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let cookie: string;
    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      app = await buildServer(p);
      const [operatorOrg] = await registryQueries.findOrganisations(p.store, {
        kind: 'platform_operator',
      });
      const u = await p.users.createUser(systemActor, operatorOrg.id, {
        email: 'op@factors.example',
        name: 'operator',
        role: 'operator_admin',
        password: 'password-for-tests',
      });
      cookie = `${SESSION_COOKIE}=${(await p.users.openSession(u.id)).token}`;
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const planWith = (payload: object, lang = 'en') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/exchange/plan',
        headers: { cookie, 'accept-language': lang },
        payload,
      });

    test('the plan lists its factors; an override changes the figure and is marked', async () => {
      const res = await planWith({});
      assert.equal(res.statusCode, 200, res.body);
      const plan = Plan.parse(JSON.parse(res.body));
      const factors = plan.factors!;
      assert.ok(factors.length > 20);
      for (const f of factors) {
        assert.ok(f.unit && f.source && f.year >= 1990, f.key);
        if (f.status === 'estimate') assert.ok(f.basis, f.key);
        // a Russian reader gets the source and basis in Russian from the API too
        assert.ok(f.sourceRu, f.key);
        assert.equal(f.basisRu === undefined, f.basis === undefined, f.key);
        assert.equal(f.overridden, false);
      }
      // each bracketed code a source or basis cites comes with its citation, and only those
      const cited = new Set(
        factors.flatMap((f) =>
          [...`${f.source} ${f.basis ?? ''}`.matchAll(/\[([A-Z0-9]+)\]/g)].map((m) => m[1]),
        ),
      );
      assert.deepEqual(Object.keys(plan.factorSources ?? {}).sort(), [...cited].sort());
      assert.match(plan.factorSources?.TR1 ?? '', /^Order of the FAS of Russia of 06\.11\.2025/);
      // and in Russian, the same codes: no English words for a Russian reader
      assert.deepEqual(Object.keys(plan.factorSourcesRu ?? {}).sort(), [...cited].sort());
      assert.match(plan.factorSourcesRu?.TR1 ?? '', /^Приказ ФАС России от 06\.11\.2025 № 894\/25/);
      for (const [code, text] of Object.entries(plan.factorSourcesRu ?? {}))
        assert.match(text, /[А-Яа-яЁё]{4,}/, `${code} is worded in Russian: ${text}`);
      const rail = factors.find((f) => f.key === 'emissions.transport.railKgCo2PerTkm')!;
      const road = factors.find((f) => f.key === 'emissions.transport.roadKgCo2PerTkm')!;
      assert.ok(plan.impact.transportCo2eT.value > 0);

      const doubled = await planWith({
        factors: {
          'emissions.transport.railKgCo2PerTkm': rail.value * 2,
          'emissions.transport.roadKgCo2PerTkm': road.value * 2,
        },
      });
      assert.equal(doubled.statusCode, 200, doubled.body);
      const after = Plan.parse(JSON.parse(doubled.body));
      // emissions are not in the objective: the same flows, twice the transport CO2
      assert.equal(after.plan.objectiveKopecks, plan.plan.objectiveKopecks);
      assert.ok(
        Math.abs(after.impact.transportCo2eT.value - 2 * plan.impact.transportCo2eT.value) < 0.01,
        `${after.impact.transportCo2eT.value} vs 2 × ${plan.impact.transportCo2eT.value}`,
      );
      const marked = after.factors!.find((f) => f.key === rail.key)!;
      assert.equal(marked.overridden, true);
      assert.equal(marked.value, rail.value * 2);
      assert.match(marked.source, /overridden/);
      assert.match(marked.sourceRu ?? '', /^задано в запросе плана \(в таблице: \[RZD23\]/);

      // a transport factor changes the money: dearer rail handling, dearer rail flows
      const dearRail = await planWith({ factors: { 'transport.rail.handlingRubPerT': 100000 } });
      assert.equal(dearRail.statusCode, 200, dearRail.body);
      const dear = Plan.parse(JSON.parse(dearRail.body));
      assert.ok(plan.plan.flows.some((f) => f.mode === 'rail'));
      assert.ok(dear.plan.flows.every((f) => f.mode !== 'rail'));
      assert.ok(dear.plan.objectiveKopecks < plan.plan.objectiveKopecks);
    });

    test('an unknown factor key is refused with 400, naming the key in RU and EN', async () => {
      for (const [lang, text] of [
        ['en', /no factor transport\.rail\.teleport/],
        ['ru', /Коэффициента transport\.rail\.teleport нет/],
      ] as const) {
        const res = await planWith({ factors: { 'transport.rail.teleport': 1 } }, lang);
        assert.equal(res.statusCode, 400, res.body);
        const body = JSON.parse(res.body);
        assert.match(JSON.stringify(body), text);
        assert.match(JSON.stringify(body), /factors\.transport\.rail\.teleport/);
      }
      const notNumber = await planWith({ factors: { 'transport.rail.k3': 'cheap' } });
      assert.equal(notNumber.statusCode, 400);
    });

    test('an override out of sense is refused with 400 on its key, not blamed on the listings', async () => {
      for (const [factors, text] of [
        [{ 'transport.rail.handlingRubPerT': -5 }, /cannot be negative/],
        [{ 'transport.road.speedKmh': 0 }, /must be above zero/],
        [{ 'energy.coal.ncvKcalPerKg': 0 }, /calorific value of a coal: from 1000 to 9000/],
        [{ 'energy.coal.ncvKcalPerKg': 100 }, /calorific value of a coal/],
      ] as const) {
        const res = await planWith({ factors });
        assert.equal(res.statusCode, 400, res.body);
        const body = JSON.parse(res.body);
        const key = Object.keys(factors)[0];
        assert.ok(
          body.errors.some((e: { field: string }) => e.field === `factors.${key}`),
          res.body,
        );
        assert.match(res.body, text);
        assert.doesNotMatch(res.body, /l-[a-z0-9-]+/, 'no listing is blamed');
      }
      const ru = await planWith({ factors: { 'transport.road.speedKmh': -1 } }, 'ru');
      assert.match(ru.body, /Коэффициент transport\.road\.speedKmh должен быть больше нуля/);
      // zero is a what-if for an emission factor or a price
      const free = await planWith({ factors: { 'transport.rail.handlingRubPerT': 0 } });
      assert.equal(free.statusCode, 200, free.body);
    });

    test('a saved plan proposes matches on the published factors: overrides are refused', async () => {
      for (const lang of ['en', 'ru']) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/exchange/plans',
          headers: { cookie, 'accept-language': lang },
          payload: { factors: { 'energy.coal.ncvKcalPerKg': 2000 } },
        });
        assert.equal(res.statusCode, 400, res.body);
        assert.match(
          res.body,
          lang === 'en' ? /uses the factors table as published/ : /опубликованной таблице/,
        );
        assert.equal(JSON.parse(res.body).errors[0].field, 'factors');
      }
    });
  });
}
