// Anonymous holders stay hidden: the raw JSON of every exchange read endpoint, as a visitor
// without login, as an observer and as a member of another organisation, holds none of the
// holder's organisation id, name, site id or coordinates, until both sides of a match accept.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedExample } from '../../src/example/seed.ts';
import { routeOf, transportFrom } from '../../src/exchange/engine/candidates.ts';
import { factorTable, railNetwork } from '../../src/exchange/reference.ts';
import type { TransportMode } from '../../src/exchange/schema.ts';
import { systemActor, type UserRole } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { greatCircleKm, registryQueries as rq, SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';

type Viewer = 'visitor' | 'observer' | 'member';

/** An exact JSON number token, e.g. `54.29` but not `54.295`. */
const numberToken = (n: number) => new RegExp(`[:\\[,]${String(n).replace('.', '\\.')}[,}\\]]`);

for (const d of await eachDialect()) {
  describe(`exchange visibility on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();
    // organisations all of whose listings are anonymous: nothing of theirs may show anywhere
    const hiddenOrgs = ['razrez-stepnoy', 'gof-stepnaya'];
    // sites that carry only anonymous listings
    const hiddenSites = [
      'inskaya-gres-plant',
      'stepnoy-dump',
      'stepnoy-pit',
      'stepnaya-plant',
      'yuzhny-pit',
    ];
    const secrets: Array<{ what: string; test: (raw: string) => boolean }> = [];

    const session = async (org: string, role: UserRole, email: string) => {
      const u = await p.users.createUser(systemActor, org, {
        email,
        name: `${role} ${org}`,
        role,
        password: 'password-for-tests',
      });
      return (await p.users.openSession(u.id)).token;
    };

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      app = await buildServer(p);
      cookies.set('observer', await session('keramika-kuzbassa', 'observer', 'obs@vis.example'));
      cookies.set('member', await session('tsement-tom', 'member', 'member@vis.example'));
      cookies.set('seller', await session('inskaya-gres', 'member', 'seller@vis.example'));
      const [operatorOrg] = await rq.findOrganisations(p.store, { kind: 'platform_operator' });
      cookies.set('operator', await session(operatorOrg.id, 'operator_admin', 'op@vis.example'));
      for (const id of hiddenOrgs) {
        const o = await rq.findOrganisation(p.store, id);
        assert.ok(o, id);
        secrets.push({ what: `organisation id ${id}`, test: (raw) => raw.includes(`"${id}"`) });
        secrets.push({
          what: `organisation name ${o.name}`,
          test: (raw) => raw.includes(JSON.stringify(o.name).slice(1, -1)),
        });
      }
      for (const id of hiddenSites) {
        const s = await rq.findSite(p.store, id);
        assert.ok(s, id);
        secrets.push({ what: `site id ${id}`, test: (raw) => raw.includes(`"${id}"`) });
        secrets.push({
          what: `coordinates of ${id}`,
          test: (raw) => numberToken(s.lat).test(raw) && numberToken(s.lon).test(raw),
        });
      }
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const get = async (
      who: string,
      url: string,
      method: 'GET' | 'POST' = 'GET',
      payload?: object,
    ) => {
      const res = await app.inject({
        method,
        url,
        headers: cookies.has(who) ? { cookie: `${SESSION_COOKIE}=${cookies.get(who)}` } : {},
        ...(payload ? { payload } : {}),
      });
      return res;
    };

    const assertClean = (raw: string, where: string) => {
      for (const s of secrets) assert.ok(!s.test(raw), `${where} reveals ${s.what}`);
    };

    /** Every exchange read endpoint, as one viewer. */
    const reads = async (who: Viewer, planId: string) => {
      const urls = [
        '/api/v1/listings',
        '/api/v1/listings?side=offer',
        '/api/v1/listings?agglomeration=leninsk-belovo',
        ...hiddenOrgs.map((o) => `/api/v1/listings?organisation=${o}`),
        '/api/v1/listings/l-anon-fly-ash-1',
        '/api/v1/listings/l-anon-overburden-1',
        '/api/v1/listings/l-anon-slimes-1',
        '/api/v1/listings/l-anon-tyres-1',
        '/api/v1/listings/l-anon-req-reclamation-1',
        '/api/v1/exchange/compatibility',
      ];
      const out: Array<{ where: string; raw: string }> = [];
      for (const url of urls) {
        const res = await get(who, url);
        assert.equal(res.statusCode, 200, `${who} ${url}: ${res.body}`);
        out.push({ where: `${who} GET ${url}`, raw: res.body });
      }
      if (who !== 'visitor') {
        const plan = await get(who, '/api/v1/exchange/plan', 'POST', {
          robustness: { runs: 3, variation: 0.1, seed: 1 },
        });
        assert.equal(plan.statusCode, 200, plan.body);
        out.push({ where: `${who} POST /exchange/plan`, raw: plan.body });
        for (const url of [`/api/v1/exchange/plans/${planId}`, '/api/v1/matches']) {
          const res = await get(who, url);
          assert.equal(res.statusCode, 200, `${who} ${url}: ${res.body}`);
          out.push({ where: `${who} GET ${url}`, raw: res.body });
        }
      } else {
        assert.equal((await get(who, '/api/v1/exchange/plan', 'POST', {})).statusCode, 401);
        assert.equal((await get(who, '/api/v1/matches')).statusCode, 401);
      }
      return out;
    };

    test('no exchange read reveals an anonymous holder to visitors, observers or other members', async () => {
      const saved = await get('operator', '/api/v1/exchange/plans', 'POST', {});
      assert.equal(saved.statusCode, 201, saved.body);
      const planId = JSON.parse(saved.body).id;
      for (const who of ['visitor', 'observer', 'member'] as const) {
        for (const { where, raw } of await reads(who, planId)) assertClean(raw, where);
      }
      // the anonymous listings show material, quantity and agglomeration, nothing else
      const anon = JSON.parse((await get('member', '/api/v1/listings/l-anon-fly-ash-1')).body);
      assert.deepEqual(
        [anon.materialId, anon.quantityPerYear, anon.agglomeration, anon.holderHidden],
        ['fly-ash', 150000, 'leninsk-belovo', true],
      );
      assert.deepEqual(
        [anon.organisationId, anon.siteId, anon.lat, anon.lon],
        [null, null, null, null],
      );
      // members-only listings are not shown to visitors
      const visitorIds = JSON.parse((await get('visitor', '/api/v1/listings')).body).map(
        (l: { id: string }) => l.id,
      );
      assert.ok(!visitorIds.includes('l-ash-iskitim'));
      assert.ok(
        JSON.parse((await get('observer', '/api/v1/listings')).body).some(
          (l: { id: string }) => l.id === 'l-ash-iskitim',
        ),
      );
      // plan flows with a hidden holder carry the agglomeration centre, flagged approximate
      const plan = JSON.parse((await get('member', '/api/v1/exchange/plan', 'POST', {})).body);
      const flow = plan.plan.flows.find((f: { supply: string }) => f.supply === 'l-anon-fly-ash-1');
      assert.ok(flow);
      assert.equal(flow.from.approximate, true);
      assert.equal(flow.from.organisationName, null);
      assert.equal(flow.to.organisationId, 'tsement-tom');
    });

    test('text the database cannot hold (a NUL byte) is a 400 or a 404, never a 500', async () => {
      for (const url of [
        '/api/v1/listings/a%00b',
        '/api/v1/organisations/a%00b',
        '/api/v1/matches/a%00b',
      ]) {
        const res = await get('member', url);
        assert.ok([400, 404].includes(res.statusCode), `${url}: ${res.statusCode} ${res.body}`);
      }
    });

    test('distances and costs of a hidden holder do not single out its site', async () => {
      const sites = JSON.parse((await get('visitor', '/api/v1/sites')).body) as Array<{
        id: string;
        lat: number;
        lon: number;
        agglomeration: string | null;
      }>;
      const plan = JSON.parse((await get('member', '/api/v1/exchange/plan', 'POST', {})).body);
      const hidden = plan.plan.flows.filter((f: { approximate: boolean }) => f.approximate);
      assert.ok(hidden.length > 0, 'the example plan has flows with a hidden holder');
      // the one route function the planner uses (rail: the rail table between nearest stations)
      const transport = transportFrom(factorTable(), railNetwork());
      type Point = { lat: number; lon: number };
      const routeKm = (mode: TransportMode, a: Point, b: Point) =>
        routeOf(mode, a, b, transport)!.distanceKm;
      for (const f of hidden) {
        const [known, secret] = f.from.approximate ? [f.to, f.from] : [f.from, f.to];
        const km = routeKm(f.mode, known, secret);
        // the figure is the distance to the agglomeration centre the map shows …
        assert.ok(Math.abs(f.distanceKm - Math.round(km * 10) / 10) < 0.051, JSON.stringify(f));
        // … and no public site of that agglomeration other than one at the centre matches it
        // (rail: distances are between stations, so a site shares its station's distance and
        // cannot be singled out by it; checked for road, where the distance is per point)
        const candidates = sites.filter(
          (s) =>
            f.mode !== 'rail' &&
            s.agglomeration === secret.agglomeration &&
            Math.abs(routeKm(f.mode, known, s) - f.distanceKm) < 0.06 &&
            greatCircleKm(s, secret) > 1,
        );
        assert.deepEqual(
          candidates.map((c) => c.id),
          [],
          `${f.supply}→${f.demand} points at a site`,
        );
        assert.equal(
          f.savingsKopecks,
          f.valueKopecks +
            f.avoidedDisposalKopecks -
            (f.supplierCostKopecks ?? 0) -
            (f.forgoneSaleKopecks ?? 0) -
            f.transportKopecks,
        );
      }
      const sum = plan.plan.flows.reduce(
        (t: number, f: { savingsKopecks: number }) => t + f.savingsKopecks,
        0,
      );
      assert.equal(plan.plan.objectiveKopecks, sum, 'the objective is the sum shown');
      const matches = JSON.parse((await get('member', '/api/v1/matches')).body);
      for (const m of matches.filter(
        (x: { supply: { approximate: boolean } }) => x.supply.approximate,
      )) {
        const km = routeKm(m.mode, m.demand, m.supply);
        assert.ok(
          Math.abs(m.distanceKm - Math.round(km * 10) / 10) < 0.051,
          'match distance from the centre',
        );
      }
    });

    test('the owner and the operator see their holder; after both accept, the other side does', async () => {
      const own = JSON.parse((await get('seller', '/api/v1/listings/l-anon-fly-ash-1')).body);
      assert.equal(own.organisationId, 'inskaya-gres');
      // the scanner itself finds what the operator may see
      const opRaw = (await get('operator', '/api/v1/listings')).body;
      assert.equal(
        secrets.filter((s) => s.test(opRaw)).length,
        secrets.length,
        'every secret is in the operator view',
      );
      const op = JSON.parse((await get('operator', '/api/v1/listings/l-anon-fly-ash-1')).body);
      assert.equal(op.siteId, 'inskaya-gres-plant');

      const matches = JSON.parse((await get('member', '/api/v1/matches')).body);
      const m = matches.find(
        (x: { supply: { listingId: string } }) => x.supply.listingId === 'l-anon-fly-ash-1',
      );
      assert.ok(m, 'the buyer has the proposal');
      assert.equal(m.supply.organisationId, null);
      const sellerView = JSON.parse((await get('seller', '/api/v1/matches')).body);
      assert.ok(sellerView.some((x: { id: string }) => x.id === m.id));

      assert.equal(
        (await get('member', `/api/v1/matches/${m.id}/accept`, 'POST', {})).statusCode,
        200,
      );
      const half = JSON.parse((await get('member', `/api/v1/matches/${m.id}`)).body);
      assert.equal(half.supply.organisationId, null);
      assert.ok(!half.supply.siteId);
      assert.equal(
        (await get('seller', `/api/v1/matches/${m.id}/accept`, 'POST', {})).statusCode,
        200,
      );
      const done = JSON.parse((await get('member', `/api/v1/matches/${m.id}`)).body);
      assert.equal(done.status, 'accepted');
      assert.equal(done.supply.organisationId, 'inskaya-gres');
      assert.equal(done.supply.siteId, 'inskaya-gres-plant');
      assert.equal(done.supply.approximate, false);
      const listing = JSON.parse((await get('member', '/api/v1/listings/l-anon-fly-ash-1')).body);
      assert.equal(listing.organisationId, 'inskaya-gres');
      // still hidden from the observer of a third organisation
      for (const { where, raw } of await reads(
        'observer',
        JSON.parse((await get('operator', '/api/v1/exchange/plans', 'POST', {})).body).id,
      ))
        assertClean(raw, where);
    });
  });
}
