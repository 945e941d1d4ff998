// Anonymity without losing the optimum, through HTTP on SQLite and PostgreSQL (issue 8, H4):
// two anonymous parties in one agglomeration are planned at their true sites (the operator
// sees the true, non-zero distance), while every viewer to whom a holder is hidden gets the
// same answer — plan flows and totals, saved plan, match, errors — wherever in the
// agglomeration that holder's site is.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedExample } from '../../src/example/seed.ts';
import { routeOf } from '../../src/exchange/index.ts';
import { viewerOptions } from '../../src/exchange/reference.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import {
  agglomerationCentres,
  registryQueries as rq,
  SESSION_COOKIE,
} from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';

// road routes as the platform prices them (the factors table's)
const road = viewerOptions().transport;

import { organisationInput } from './fixtures.ts';

// the hidden seller's site (its only listing: the anonymous offer), at two places of the
// Novokuznetsk agglomeration near Myski
const sellerAt = [
  { lat: 53.69, lon: 87.76 },
  { lat: 53.74, lon: 87.88 },
];
// the hidden buyer's site, near Osinniki (the same agglomeration)
const buyerAt = { lat: 53.61, lon: 87.35 };
// a member of its own, all of whose listings are anonymous (made in `before`)
const seller = 'vodootliv-anon';
const buyer = 'inskaya-gres';
const third = 'tsement-tom';
const observer = 'keramika-kuzbassa';

const window = { availableFrom: '2026-01-01', availableTo: '2030-12-31' };
const offer = (siteId: string) => ({
  siteId,
  side: 'offer',
  materialId: 'mine-water',
  unit: 'm3',
  quantityPerYear: 40_000,
  ...window,
  quality: {},
  disposalCostKopecksPerUnit: 300_00,
  legalStatus: 'secondary_resource',
  transportModes: ['road'],
  visibility: 'anonymous',
  status: 'active',
});
const request = (siteId: string) => ({
  siteId,
  side: 'request',
  useId: 'dust-suppression',
  unit: 'm3',
  quantityPerYear: 40_000,
  ...window,
  quality: {},
  priceKopecksPerUnit: 500_00,
  transportModes: ['road'],
  visibility: 'anonymous',
  status: 'active',
});

interface Flow {
  supply: string;
  demand: string;
  distanceKm: number;
  approximate: boolean;
  mode: 'road';
  savingsKopecks: number;
}

for (const d of await eachDialect()) {
  describe(`anonymity without losing the optimum on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();
    let sellerSite: string;
    let buyerSite: string;

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      app = await buildServer(p);
      await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: seller });
      await p.registry.addMembership(systemActor, seller, { role: 'core', joinedOn: '2025-01-01' });
      const [operatorOrg] = await rq.findOrganisations(p.store, { kind: 'platform_operator' });
      for (const [who, org, role] of [
        ['operator', operatorOrg.id, 'operator_admin'],
        [seller, seller, 'org_admin'],
        [buyer, buyer, 'org_admin'],
        [third, third, 'member'],
        [observer, observer, 'observer'],
      ] as const) {
        const u = await p.users.createUser(systemActor, org, {
          email: `${who}@anonymity.example`,
          name: `tester of ${who}`,
          role,
          password: 'password-for-tests',
        });
        cookies.set(who, `${SESSION_COOKIE}=${(await p.users.openSession(u.id)).token}`);
      }
      sellerSite = (
        await p.registry.addSite(systemActor, seller, {
          name: 'Скважина водоотлива',
          kind: 'mine',
          ...sellerAt[0],
        })
      ).id;
      buyerSite = (
        await p.registry.addSite(systemActor, buyer, {
          name: 'Склад золоотвала',
          kind: 'dump',
          ...buyerAt,
        })
      ).id;
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const call = async (
      who: string,
      method: 'GET' | 'POST',
      url: string,
      payload?: object,
      lang = 'en',
    ) => {
      const res = await app.inject({
        method,
        url,
        headers: { cookie: cookies.get(who)!, 'accept-language': lang },
        ...(payload ? { payload } : {}),
      });
      return { status: res.statusCode, text: res.body, body: JSON.parse(res.body) };
    };
    const ok = async (...args: Parameters<typeof call>) => {
      const r = await call(...args);
      assert.ok(r.status < 300, `${args[0]} ${args[1]} ${args[2]}: ${r.status} ${r.text}`);
      return r.body;
    };

    /**
     * One round with the seller's site at `at`: new listings, every answer the buyer, a third
     * member and an observer get (ids of the round replaced by names, times dropped), and the
     * operator's flow.
     */
    async function round(at: { lat: number; lon: number }) {
      const site = await p.registry.updateSite(systemActor, sellerSite, at);
      assert.equal(site.agglomeration, 'novokuznetsk');
      const o = await ok(seller, 'POST', '/api/v1/listings', offer(sellerSite));
      const r = await ok(buyer, 'POST', '/api/v1/listings', request(buyerSite));
      const names = new Map<string, string>([
        [o.id, '<offer>'],
        [r.id, '<request>'],
      ]);
      const normal = (x: unknown) => {
        let text = JSON.stringify(x, (k, v) =>
          ['computedAt', 'createdAt', 'decidedAt'].includes(k) ? undefined : v,
        );
        for (const [id, name] of names) text = text.replaceAll(id, name);
        // flows come in the order of the listings, and the round's listings have new ids
        const out = JSON.parse(text);
        const key = (f: Flow) => `${f.supply}→${f.demand}`;
        out.plan?.flows?.sort((f: Flow, g: Flow) => key(f).localeCompare(key(g)));
        return out;
      };
      const mine = (f: Flow) => f.supply === o.id && f.demand === r.id;

      const truth = await ok('operator', 'POST', '/api/v1/exchange/plan', {});
      const opFlow = truth.plan.flows.find(mine) as Flow;
      assert.ok(opFlow, 'the optimum ships the hidden water to the hidden buyer');
      const saved = await ok('operator', 'POST', '/api/v1/exchange/plans', {});
      names.set(saved.id, '<plan>');
      const proposal = (await ok('operator', 'GET', `/api/v1/matches?plan=${saved.id}`)).find(
        (m: { supply: { listingId: string } }) => m.supply.listingId === o.id,
      );
      assert.ok(proposal, 'the flow is proposed');
      names.set(proposal.id, '<match>');

      const seen: Record<string, unknown> = {};
      for (const who of [buyer, third, observer]) {
        for (const lang of ['en', 'ru']) {
          const live = await call(who, 'POST', '/api/v1/exchange/plan', {}, lang);
          assert.equal(live.status, 200, live.text);
          seen[`${who} ${lang} plan`] = normal(live.body);
          seen[`${who} ${lang} saved`] = normal(
            await ok(who, 'GET', `/api/v1/exchange/plans/${saved.id}`, undefined, lang),
          );
        }
      }
      seen.match = normal(await ok(buyer, 'GET', `/api/v1/matches/${proposal.id}`));
      // errors as those to whom the seller is hidden get them
      const errors = [
        await call(third, 'POST', `/api/v1/matches/${proposal.id}/accept`, {}),
        await call(buyer, 'POST', `/api/v1/matches/${proposal.id}/accept`, {}),
        await call(buyer, 'POST', `/api/v1/matches/${proposal.id}/accept`, {}, 'ru'),
      ];
      await ok(seller, 'POST', `/api/v1/listings/${o.id}/withdraw`);
      errors.push(await call(buyer, 'POST', `/api/v1/matches/${proposal.id}/decline`, {}));
      errors.push(await call(buyer, 'POST', `/api/v1/matches/${proposal.id}/accept`, {}, 'ru'));
      assert.deepEqual(
        errors.map((e) => e.status),
        [403, 200, 409, 409, 409],
      );
      seen.errors = errors.map((e) => (e.status === 200 ? e.status : normal(e.body)));
      await ok(buyer, 'POST', `/api/v1/listings/${r.id}/withdraw`);
      return { seen, opFlow, raw: JSON.stringify(seen) };
    }

    test('H4: true distance for the optimum, the same centre-based figures for every other viewer', async () => {
      const [a, b] = [await round(sellerAt[0]), await round(sellerAt[1])];
      // the operator sees the planned route between the true sites, not 0 km
      for (const [run, at] of [
        [a, sellerAt[0]],
        [b, sellerAt[1]],
      ] as const) {
        assert.equal(run.opFlow.approximate, false);
        const route = routeOf('road', at, buyerAt, road)!;
        assert.ok(run.opFlow.distanceKm > 20, `${run.opFlow.distanceKm} km`);
        assert.equal(run.opFlow.distanceKm, Math.round(route.distanceKm * 10) / 10);
      }
      assert.notEqual(a.opFlow.distanceKm, b.opFlow.distanceKm);
      // everyone else reads the same answer at both sites …
      for (const k of Object.keys(a.seen)) assert.deepEqual(b.seen[k], a.seen[k], k);
      // … computed from the agglomeration centre: 0 km between two hidden holders of one
      // agglomeration for a third party; from the centre to its own site for the buyer
      const flowOf = (key: string) =>
        (a.seen[key] as { plan: { flows: Flow[] } }).plan.flows.find(
          (f) => f.supply === '<offer>',
        )!;
      const centre = agglomerationCentres.novokuznetsk;
      assert.equal(flowOf(`${third} en plan`).distanceKm, 0);
      assert.equal(flowOf(`${third} en plan`).approximate, true);
      assert.equal(
        flowOf(`${buyer} en plan`).distanceKm,
        Math.round(routeOf('road', centre, buyerAt, road)!.distanceKm * 10) / 10,
      );
      const match = a.seen.match as { distanceKm: number; savingsKopecks: number };
      assert.equal(match.distanceKm, flowOf(`${buyer} en plan`).distanceKm);
      assert.equal(match.savingsKopecks, flowOf(`${buyer} en saved`).savingsKopecks);
      // and nothing of the seller: its organisation, its site or where it is
      const sellerName = (await rq.findOrganisation(p.store, seller))!.name;
      for (const run of [a, b]) {
        for (const secret of [`"${seller}"`, sellerName, `"${sellerSite}"`])
          assert.ok(!run.raw.includes(secret), `${secret} shown`);
        for (const at of sellerAt)
          for (const n of [at.lat, at.lon])
            assert.ok(!new RegExp(`[:\\[,]${String(n).replace('.', '\\.')}[,}\\]]`).test(run.raw));
        assert.ok(!run.raw.includes(`"distanceKm":${a.opFlow.distanceKm}`));
        assert.ok(!run.raw.includes(`"distanceKm":${b.opFlow.distanceKm}`));
      }
    });
  });
}
