// The assessment on SQLite and PostgreSQL through HTTP: readiness answers versioned per
// organisation, the cluster's employment-weighted summary, who sees what, and the typology
// placement of a posted snapshot (bad input named, never half-stored).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { businessEcosystem } from '../../src/assessment/engine/typology-scenarios.ts';
import { readinessDimensions } from '../../src/assessment/index.ts';
import { listEvents } from '../../src/journal/index.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, signedIn, signedInOperator } from './fixtures.ts';

const bands = (band: number, over: Record<string, number> = {}) => ({
  ...Object.fromEntries(readinessDimensions.map((d) => [d, band])),
  ...over,
});

for (const d of await eachDialect()) {
  describe(`assessment on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies: Record<string, string> = {};

    before(async () => {
      db = await d.make();
      p = await db.open();
      app = await buildServer(p);
      for (const [id, employees] of [
        ['mine', 3000],
        ['plant', 1000],
      ] as const) {
        await p.registry.createOrganisation(systemActor, {
          ...organisationInput({ employees, knowledgeWorkers: 10 }),
          id,
        });
        await p.registry.addMembership(systemActor, id, { role: 'core', joinedOn: '2021-01-01' });
        cookies[id] = (
          await signedIn(p, id, { email: `admin@${id}.example`, name: 'Админ', role: 'org_admin' })
        ).cookie;
      }
      cookies.observer = (
        await signedIn(p, 'mine', {
          email: 'watch@mine.example',
          name: 'Наблюдатель',
          role: 'observer',
        })
      ).cookie;
      cookies.operator = (await signedInOperator(p, 'asm')).cookie;
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const call = (method: 'GET' | 'POST', url: string, who?: string, payload?: unknown) =>
      app.inject({
        method,
        url,
        headers: { 'accept-language': 'ru', ...(who ? { cookie: cookies[who] } : {}) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    test('answers are versioned, journaled with their full state, and summarised by staff', async () => {
      let r = await call('POST', '/api/v1/assessment/readiness/mine', 'mine', { bands: bands(0) });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().version, 1);
      r = await call('POST', '/api/v1/assessment/readiness/mine', 'mine', {
        bands: bands(1, { strategy: 4 }),
        note: 'после внедрения MES',
      });
      assert.equal(r.json().version, 2);
      r = await call('POST', '/api/v1/assessment/readiness/plant', 'plant', {
        bands: bands(4, { strategy: 2 }),
      });
      assert.equal(r.statusCode, 201, r.body);

      const events = await listEvents(p.store, { limit: 1000 });
      const submitted = events.filter((e) => e.type === 'readiness.submitted');
      assert.equal(submitted.length, 3);
      assert.deepEqual(
        submitted[1]?.payload,
        (await call('GET', '/api/v1/assessment/readiness/mine', 'mine')).json()[0],
      );

      const summary = (await call('GET', '/api/v1/assessment/readiness', 'observer')).json();
      assert.equal(summary.organisations, 2);
      assert.equal(summary.employees, 4000);
      const connectivity = summary.dimensions.find(
        (x: { dimension: string }) => x.dimension === 'connectivity',
      );
      assert.equal(connectivity.weightedMean, 1.75); // 1 × 3000/4000 + 4 × 1000/4000
      const strategy = summary.dimensions.find(
        (x: { dimension: string }) => x.dimension === 'strategy',
      );
      assert.equal(strategy.weightedMean, 3.5);
      assert.ok(!summary.weakest.includes('strategy'));
    });

    test("who may answer and who may read an organisation's answers", async () => {
      const other = await call('POST', '/api/v1/assessment/readiness/plant', 'mine', {
        bands: bands(2),
      });
      assert.equal(other.statusCode, 403);
      assert.match(other.json().detail, /[а-я]/i);
      const observer = await call('POST', '/api/v1/assessment/readiness/mine', 'observer', {
        bands: bands(2),
      });
      assert.equal(observer.statusCode, 403);
      assert.equal(
        (await call('GET', '/api/v1/assessment/readiness/plant', 'mine')).statusCode,
        403,
      );
      assert.equal(
        (await call('GET', '/api/v1/assessment/readiness/plant', 'operator')).json().length,
        1,
      );
      assert.equal((await call('GET', '/api/v1/assessment/readiness')).statusCode, 401);
    });

    test('bad answers are refused naming the field, and nothing is stored', async () => {
      const before = (await call('GET', '/api/v1/assessment/readiness/mine', 'mine')).json().length;
      const r = await call('POST', '/api/v1/assessment/readiness/mine', 'mine', {
        bands: bands(2, { automation: 6 }),
      });
      assert.equal(r.statusCode, 400);
      assert.match(r.body, /automation/);
      const missing = await call('POST', '/api/v1/assessment/readiness/mine', 'mine', {
        bands: { connectivity: 1 },
      });
      assert.equal(missing.statusCode, 400);
      assert.equal(
        (await call('GET', '/api/v1/assessment/readiness/mine', 'mine')).json().length,
        before,
      );
    });

    test("a posted snapshot is placed on the paper's scale; a bad one is named", async () => {
      const r = await call(
        'POST',
        '/api/v1/assessment/typology?months=12',
        'observer',
        businessEcosystem(),
      );
      assert.equal(r.statusCode, 200, r.body);
      const placed = r.json();
      assert.equal(placed.characteristics.length, 9);
      assert.equal(placed.overall.form, 'business_ecosystem');
      const bad = await call('POST', '/api/v1/assessment/typology', 'observer', {
        organisations: [{ id: 'a', kind: 'x', region: 'r', agglomeration: null }],
        ties: [
          { source: 'a', target: 'zz', layer: 'exchange', onPlatform: true, at: '2026-01-01' },
        ],
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /ties/);
      assert.equal(
        (await call('POST', '/api/v1/assessment/typology', undefined, businessEcosystem()))
          .statusCode,
        401,
      );
    });

    test("the territorial baseline: coal mining's LQ from the employment table, estimates labelled", async () => {
      const r = await call('GET', '/api/v1/assessment/territory', 'observer');
      assert.equal(r.statusCode, 200, r.body);
      const coal = r.json().industries.find((x: { industry: string }) => x.industry === '05');
      assert.equal(coal.status, 'sourced');
      assert.ok(coal.lq > 35 && coal.lq < 45, String(coal.lq));
      assert.equal(coal.strongCluster.strong, null); // no comparison regions: no data
      // the formula's figures for a page to write in its reader's language; the formula itself
      // machine-readable (decimal point, no grouping)
      assert.deepEqual(coal.terms, {
        region: 101.7,
        regionTotal: 720,
        country: 150,
        countryTotal: 43058,
      });
      assert.equal(coal.formula, '(101.7 / 720) / (150 / 43058)');
      const chemicals = r.json().industries.find((x: { industry: string }) => x.industry === '20');
      assert.equal(chemicals.status, 'estimate');
      assert.match(chemicals.basis.ru, /Кемеров/);
      assert.match(chemicals.basis.en, /Kemerovo/);
    });

    test('the territorial baseline: every basis and source in Russian and English, readable', async () => {
      const body = (await call('GET', '/api/v1/assessment/territory', 'observer')).json();
      type Words = { ru: string; en: string };
      const figures: { status: string; basis?: Words | null; source: Words }[] = [
        ...body.industries,
        body.total,
      ];
      for (const f of figures) {
        if (f.status === 'estimate') {
          assert.ok(f.basis, 'an estimate carries its basis');
          assert.match(f.basis.ru, /[а-яё]/i);
          assert.doesNotMatch(f.basis.ru, /\b(the|of|and|range)\b/, f.basis.ru);
          assert.match(f.basis.en, /^[^а-яё]*$/i, f.basis.en);
        }
        // a source a reader can cite: a statistics office or «estimate», not a file or a path
        for (const text of [f.source.ru, f.source.en])
          assert.doesNotMatch(text, /\/api\/|\.md\b|\[[A-Z0-9]+\]/, text);
      }
      const coal = body.industries.find((x: { industry: string }) => x.industry === '05');
      assert.match(coal.source.ru, /Кемеровостат/);
      assert.match(coal.source.en, /Kemerovostat/);
      assert.match(coal.refs, /\[AIF\]/); // the reference keys stay, for whoever checks them
    });
  });
}
