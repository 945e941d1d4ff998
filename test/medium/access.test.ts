// Every write route × every role × own / other organisation: 401 without login, 403 where
// the role or organisation may not write, 400 on invalid input (all problem+json naming
// the fields), and 2xx exactly where allowed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Actor, systemActor, type UserRole } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, sqliteDatabase, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo } from './fixtures.ts';

type Who = 'anonymous' | 'observer' | 'member' | 'org_admin' | 'apikey' | 'operator_admin';
type Target = 'own' | 'other';
const everyone: Who[] = [
  'anonymous',
  'observer',
  'member',
  'org_admin',
  'apikey',
  'operator_admin',
];

interface Route {
  name: string;
  /** false: the route writes nothing organisation-scoped, so own/other does not apply */
  scoped: boolean;
  allowed: (who: Who, target: Target) => boolean;
  /** makes fresh records for one call; returns the request */
  prepare: (target: Target) => Promise<{
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    url: string;
    body?: unknown;
    raw?: Buffer;
  }>;
  /** an invalid body and the fields the answer must name */
  invalid?: { body: unknown; fields: string[] };
  public?: boolean;
}

let db: TestDatabase;
let p: Platform;
let app: FastifyInstance;
const orgs = { own: 'org-own', other: 'org-other' } as const;
const cookies = new Map<Who, string>();
let apiKeySecret = '';
let serial = 0;
const sys = systemActor;
const next = () => ++serial;

const isOperator = (w: Who) => w === 'operator_admin';
const atLeast = (least: UserRole) => (w: Who, t: Target) => {
  if (w === 'operator_admin') return true;
  if (w === 'anonymous' || t === 'other') return false;
  const rank = { observer: 0, member: 1, apikey: 1, org_admin: 2 } as const;
  return rank[w] >= ({ observer: 0, member: 1, org_admin: 2, operator_admin: 3 } as const)[least];
};

const listingSites = new Map<Target, string>();
/** The taker of the offers a match route needs: neither own nor other. */
const counterparty = 'org-counterparty';
let counterpartySite: string | undefined;
let accessMaterial = false;
/** A valid offer of the organisation at one of its sites (material and site made once). */
async function listingBody(t: Target) {
  if (!accessMaterial) {
    await p.registry.defineMaterial(sys, {
      id: 'access-slag',
      name: { ru: 'Шлак', en: 'Slag' },
      category: 'combustion_residue',
      unit: 't',
      waste: false,
    });
    accessMaterial = true;
  }
  if (!listingSites.has(t))
    listingSites.set(t, (await p.registry.addSite(sys, orgs[t], siteKemerovo)).id);
  return {
    organisationId: orgs[t],
    siteId: listingSites.get(t)!,
    side: 'offer',
    materialId: 'access-slag',
    quantityPerYear: 1000,
    unit: 't',
    availableFrom: '2026-01-01',
    availableTo: '2099-12-31',
    disposalCostKopecksPerUnit: 100_00,
    transportModes: ['road'],
    legalStatus: 'secondary_resource',
    visibility: 'public',
  };
}

const routes: Route[] = [
  {
    name: 'POST /organisations',
    scoped: false,
    allowed: isOperator,
    prepare: async () => ({
      method: 'POST',
      url: '/api/v1/organisations',
      body: organisationInput(),
    }),
    invalid: {
      body: { ...organisationInput(), inn: '1234567890', employees: -1 },
      fields: ['inn', 'employees'],
    },
  },
  {
    name: 'PATCH /organisations/:id',
    scoped: true,
    allowed: atLeast('org_admin'),
    prepare: async (t) => ({
      method: 'PATCH',
      url: `/api/v1/organisations/${orgs[t]}`,
      body: { employees: 1000 + next() },
    }),
    invalid: { body: { ogrn: '1', kind: 'castle' }, fields: ['ogrn', 'kind'] },
  },
  {
    name: 'POST /organisations/:id/sites',
    scoped: true,
    allowed: atLeast('member'),
    prepare: async (t) => ({
      method: 'POST',
      url: `/api/v1/organisations/${orgs[t]}/sites`,
      body: siteKemerovo,
    }),
    invalid: { body: { name: 'X', lat: 95, lon: 'east' }, fields: ['name', 'lat', 'lon'] },
  },
  {
    name: 'PATCH /sites/:id',
    scoped: true,
    allowed: atLeast('member'),
    prepare: async (t) => {
      const s = await p.registry.addSite(sys, orgs[t], siteKemerovo);
      return {
        method: 'PATCH',
        url: `/api/v1/sites/${s.id}`,
        body: { name: 'Новое имя площадки' },
      };
    },
    invalid: { body: { lon: 200 }, fields: ['lon'] },
  },
  {
    name: 'POST /sites/:id/close',
    scoped: true,
    allowed: atLeast('member'),
    prepare: async (t) => {
      const s = await p.registry.addSite(sys, orgs[t], siteKemerovo);
      return {
        method: 'POST',
        url: `/api/v1/sites/${s.id}/close`,
        body: { closedOn: '2026-06-30' },
      };
    },
    invalid: { body: { closedOn: '30.06.2026' }, fields: ['closedOn'] },
  },
  {
    name: 'POST /organisations/:id/memberships',
    scoped: false,
    allowed: isOperator,
    prepare: async (t) => {
      // a former member, so a new membership may start
      const o = await p.registry.createOrganisation(sys, {
        ...organisationInput(),
        id: `former-${t}-${next()}`,
      });
      return {
        method: 'POST',
        url: `/api/v1/organisations/${o.id}/memberships`,
        body: { role: 'niche', joinedOn: '2026-01-15' },
      };
    },
    invalid: { body: { role: 'boss', joinedOn: 'yesterday' }, fields: ['role', 'joinedOn'] },
  },
  {
    name: 'POST /memberships/:id/end',
    scoped: true,
    allowed: atLeast('org_admin'),
    prepare: async (t) => {
      const open = await p.store.db
        .selectFrom('membership')
        .selectAll()
        .where('organisation_id', '=', orgs[t])
        .where('left_on', 'is', null)
        .executeTakeFirst();
      if (open) await p.registry.endMembership(sys, open.id, { leftOn: open.joined_on });
      const m = await p.registry.addMembership(sys, orgs[t], {
        role: 'core',
        joinedOn: '2021-01-01',
      });
      await renewRevokedKey();
      return {
        method: 'POST',
        url: `/api/v1/memberships/${m.id}/end`,
        body: { leftOn: '2021-06-30' },
      };
    },
    invalid: { body: {}, fields: ['leftOn'] },
  },
  {
    name: 'POST /applications',
    scoped: false,
    public: true,
    allowed: () => true,
    prepare: async () => ({
      method: 'POST',
      url: '/api/v1/applications',
      body: {
        organisation: organisationInput({ kind: 'waste_processor' }),
        requestedRole: 'niche',
        admin: {
          email: `applicant${next()}@new.example`,
          name: 'Заявитель',
          password: 'long-enough-1',
        },
        consent: true,
      },
    }),
    invalid: {
      body: {
        organisation: { ...organisationInput(), ogrn: '1027700132196' },
        admin: { email: 'not-an-email', name: 'A', password: 'short' },
      },
      fields: ['organisation.ogrn', 'admin.email', 'admin.password'],
    },
  },
  ...(['admit', 'reject'] as const).map(
    (verb): Route => ({
      name: `POST /applications/:id/${verb}`,
      scoped: false,
      allowed: isOperator,
      prepare: async () => {
        const a = await p.registry.submitApplication(sys, {
          organisation: organisationInput(),
          admin: { email: `q${next()}@queue.example`, name: 'Очередь', password: 'long-enough-2' },
          consent: true,
        });
        return {
          method: 'POST',
          url: `/api/v1/applications/${a.id}/${verb}`,
          body: verb === 'admit' ? { role: 'niche' } : { note: 'incomplete' },
        };
      },
      invalid: verb === 'admit' ? { body: { role: 'emperor' }, fields: ['role'] } : undefined,
    }),
  ),
  {
    name: 'POST /organisations/:id/invitations',
    scoped: true,
    allowed: (w, t) => w !== 'apikey' && atLeast('org_admin')(w, t),
    prepare: async (t) => ({
      method: 'POST',
      url: `/api/v1/organisations/${orgs[t]}/invitations`,
      body: { email: `invitee${next()}@x.example`, name: 'Приглашённый', role: 'member' },
    }),
    invalid: {
      body: { email: 'x', name: '', role: 'operator_admin' },
      fields: ['email', 'name', 'role'],
    },
  },
  {
    name: 'POST /invitations/accept',
    scoped: false,
    public: true,
    allowed: () => true,
    prepare: async () => {
      const inv = await p.users.invite(sys, orgs.own, {
        email: `accept${next()}@x.example`,
        name: 'Принимающий',
      });
      return {
        method: 'POST',
        url: '/api/v1/invitations/accept',
        body: { token: inv.token, password: 'my-new-password' },
      };
    },
    invalid: { body: { token: 'short', password: 'short' }, fields: ['token', 'password'] },
  },
  {
    name: 'PATCH /users/:id',
    scoped: true,
    allowed: (w, t) => w !== 'apikey' && atLeast('org_admin')(w, t),
    prepare: async (t) => {
      const u = await p.users.invite(sys, orgs[t], {
        email: `target${next()}@x.example`,
        name: 'Коллега',
      });
      return { method: 'PATCH', url: `/api/v1/users/${u.user.id}`, body: { role: 'observer' } };
    },
    invalid: { body: { role: 'operator_admin', status: 'gone' }, fields: ['role', 'status'] },
  },
  {
    name: 'DELETE /users/:id/invitation',
    scoped: true,
    allowed: (w, t) => w !== 'apikey' && atLeast('org_admin')(w, t),
    prepare: async (t) => {
      const u = await p.users.invite(sys, orgs[t], {
        email: `withdrawn${next()}@x.example`,
        name: 'Коллега',
      });
      return { method: 'DELETE', url: `/api/v1/users/${u.user.id}/invitation` };
    },
  },
  {
    name: 'POST /organisations/:id/api-keys',
    scoped: true,
    allowed: (w, t) => w !== 'apikey' && atLeast('org_admin')(w, t),
    prepare: async (t) => ({
      method: 'POST',
      url: `/api/v1/organisations/${orgs[t]}/api-keys`,
      body: { name: 'Шлюз ОФ', role: 'member' },
    }),
    invalid: { body: { name: '', role: 'org_admin' }, fields: ['name', 'role'] },
  },
  {
    name: 'DELETE /api-keys/:id',
    scoped: true,
    allowed: (w, t) => w !== 'apikey' && atLeast('org_admin')(w, t),
    prepare: async (t) => {
      const k = await p.users.createApiKey(sys, orgs[t], { name: 'старый ключ' });
      return { method: 'DELETE', url: `/api/v1/api-keys/${k.apiKey.id}` };
    },
  },
  {
    name: 'POST /materials',
    scoped: false,
    allowed: isOperator,
    prepare: async () => ({
      method: 'POST',
      url: '/api/v1/materials',
      body: {
        id: `slag-${next()}`,
        name: { ru: 'Шлак', en: 'Slag' },
        category: 'combustion_residue',
        unit: 't',
        waste: true,
        fkko: ['6 11 200 01 21 4'],
      },
    }),
    invalid: {
      body: { id: 'Bad Id', name: { ru: '' }, unit: 'kg', waste: true, fkko: ['6 11 200 01 21'] },
      fields: ['id', 'name.ru', 'name.en', 'unit', 'fkko.0'],
    },
  },
  {
    name: 'POST /registry/import',
    scoped: false,
    allowed: isOperator,
    prepare: async () => ({
      method: 'POST',
      url: '/api/v1/registry/import?format=json',
      raw: await p.transfer.exportRegistry(systemActor, 'json'),
    }),
  },
  {
    name: 'POST /listings',
    scoped: true,
    allowed: atLeast('member'),
    prepare: async (t) => ({
      method: 'POST',
      url: '/api/v1/listings',
      body: await listingBody(t),
    }),
    invalid: {
      body: { side: 'offer', quantityPerYear: -1, unit: 'kg', transportModes: [] },
      fields: ['siteId', 'quantityPerYear', 'unit', 'transportModes'],
    },
  },
  {
    name: 'PATCH /listings/:id',
    scoped: true,
    allowed: atLeast('member'),
    prepare: async (t) => {
      const l = await p.exchange.createListing(sys, await listingBody(t));
      return { method: 'PATCH', url: `/api/v1/listings/${l.id}`, body: { quantityPerYear: 700 } };
    },
    invalid: {
      body: { quantityPerYear: 0, availableFrom: '1.1.2026' },
      fields: ['quantityPerYear', 'availableFrom'],
    },
  },
  ...(['publish', 'withdraw'] as const).map(
    (verb): Route => ({
      name: `POST /listings/:id/${verb}`,
      scoped: true,
      allowed: atLeast('member'),
      prepare: async (t) => {
        const l = await p.exchange.createListing(sys, {
          ...(await listingBody(t)),
          status: verb === 'publish' ? 'draft' : 'active',
        });
        return { method: 'POST', url: `/api/v1/listings/${l.id}/${verb}` };
      },
    }),
  ),
  {
    name: 'POST /exchange/plan',
    scoped: false,
    allowed: (w) => w !== 'anonymous',
    prepare: async () => ({ method: 'POST', url: '/api/v1/exchange/plan', body: {} }),
    invalid: {
      body: { robustness: { runs: 500, variation: 0.9 } },
      fields: ['robustness.runs', 'robustness.variation'],
    },
  },
  {
    name: 'POST /exchange/plans',
    scoped: false,
    allowed: (w) => w !== 'anonymous' && w !== 'observer',
    prepare: async () => ({ method: 'POST', url: '/api/v1/exchange/plans', body: {} }),
    invalid: { body: { timeLimitSeconds: -1 }, fields: ['timeLimitSeconds'] },
  },
  ...(['accept', 'decline'] as const).map(
    (verb): Route => ({
      name: `POST /matches/:id/${verb}`,
      scoped: true,
      allowed: atLeast('member'),
      prepare: async (t) => {
        // a material of its own, so the offer can only go to this request
        const materialId = `access-match-${next()}`;
        await p.registry.defineMaterial(sys, {
          id: materialId,
          name: { ru: 'Шлак', en: 'Slag' },
          category: 'combustion_residue',
          unit: 't',
          waste: false,
        });
        const offer = await p.exchange.createListing(sys, {
          ...(await listingBody(t)),
          materialId,
          status: 'active',
        });
        // the taker is a third organisation: an organisation's own offer and request are
        // internal reuse, never a match (M10)
        counterpartySite ??= (await p.registry.addSite(sys, counterparty, siteKemerovo)).id;
        const request = await p.exchange.createListing(sys, {
          ...(await listingBody(t)),
          organisationId: counterparty,
          siteId: counterpartySite,
          materialId,
          side: 'request',
          legalStatus: undefined,
          disposalCostKopecksPerUnit: undefined,
          priceKopecksPerUnit: 500_00,
          status: 'active',
        });
        const plan = await p.exchange.savePlan(sys, {});
        const match = (await p.exchange.listMatches(sys, { planId: plan.id! })).find(
          (x) => x.supply.listingId === offer.id && x.demand.listingId === request.id,
        );
        assert.ok(match, 'the plan proposes the pair');
        return { method: 'POST', url: `/api/v1/matches/${match.id}/${verb}`, body: {} };
      },
      invalid: { body: { side: 'middle' }, fields: ['side'] },
    }),
  ),
  {
    name: 'PUT /deals/form-2tp/:organisationId/:year',
    scoped: true,
    allowed: atLeast('member'),
    prepare: async (t) => ({
      method: 'PUT',
      url: `/api/v1/deals/form-2tp/${orgs[t]}/2026`,
      body: { rows: [{ fkko: '6 11 100 01 40 4', generatedT: 100 + next() }] },
    }),
    invalid: {
      body: { rows: [{ fkko: '611', stockStartT: -1 }] },
      fields: ['rows.0.fkko', 'rows.0.stockStartT'],
    },
  },
  {
    name: 'PATCH /auth/me',
    scoped: false,
    allowed: (w) => w !== 'anonymous' && w !== 'apikey',
    prepare: async () => ({ method: 'PATCH', url: '/api/v1/auth/me', body: { locale: 'en' } }),
    invalid: { body: { locale: 'de' }, fields: ['locale'] },
  },
];

function headersFor(who: Who): Record<string, string> {
  if (who === 'anonymous') return {};
  if (who === 'apikey') return { authorization: `Bearer ${apiKeySecret}` };
  return { cookie: `${SESSION_COOKIE}=${cookies.get(who)}` };
}

const cyrillic = /[а-яё]/i;

/**
 * A problem+json answer with the status; asked in Russian, its title, detail and every field
 * message are Russian (a message still in English would fail here).
 */
function assertProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  lang: 'ru' | 'en' = 'en',
) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = JSON.parse(res.body);
  assert.equal(body.status, status);
  assert.ok(body.title && body.detail && body.type, 'problem has type, title and detail');
  assert.ok(body.code, 'problem has its message code');
  if (lang === 'ru') {
    assert.match(body.title, cyrillic, body.title);
    assert.match(body.detail, cyrillic, `${body.code}: ${body.detail}`);
    for (const e of body.errors ?? [])
      assert.match(e.message, cyrillic, `${e.field} (${e.code}): ${e.message}`);
  }
  return body;
}

const russian = { 'accept-language': 'ru' };
const dialects = await eachDialect();

/** The test organisations are current members (a route under test may have ended one). */
async function ensureMembers() {
  for (const id of [...Object.values(orgs), counterparty]) {
    const open = await p.store.db
      .selectFrom('membership')
      .select('id')
      .where('organisation_id', '=', id)
      .where('left_on', 'is', null)
      .executeTakeFirst();
    if (!open) await p.registry.addMembership(sys, id, { role: 'core', joinedOn: '2021-01-01' });
  }
  await renewRevokedKey();
}

/** Ending a membership revokes the organisation's keys for good (F15): mint a new one. */
async function renewRevokedKey() {
  if (apiKeySecret && !(await p.users.actorForApiKey(apiKeySecret)))
    apiKeySecret = (await p.users.createApiKey(sys, orgs.own, { name: 'machine', role: 'member' }))
      .secret;
}

for (const d of dialects)
  describe(`write routes × roles × own/other organisation on ${d.name}`, { skip: d.skip }, () => {
    before(async () => {
      cookies.clear();
      listingSites.clear();
      accessMaterial = false;
      db = await d.make();
      p = await db.open();
      counterpartySite = undefined;
      for (const id of [...Object.values(orgs), counterparty]) {
        await p.registry.createOrganisation(sys, { ...organisationInput(), id });
        await p.registry.addMembership(
          sys,
          id,
          { role: 'core', joinedOn: '2020-01-01' },
          '2020-12-31',
        );
      }
      await p.registry.defineTaxonomy(sys, { properties: [], uses: [], materials: [] });
      await p.registry.createOrganisation(sys, {
        ...organisationInput({ kind: 'platform_operator' }),
        id: 'operator',
      });
      const roles: Array<[Who, string]> = [
        ['observer', orgs.own],
        ['member', orgs.own],
        ['org_admin', orgs.own],
        ['operator_admin', 'operator'],
      ];
      for (const [role, org] of roles) {
        const u = await p.users.createUser(sys, org, {
          email: `${role}@test.example`,
          name: role,
          role: role as UserRole,
          password: 'password-for-tests',
        });
        cookies.set(role, (await p.users.openSession(u.id)).token);
      }
      const admin: Actor = {
        kind: 'system',
        id: 'system',
        organisationId: null,
        role: 'operator_admin',
      };
      apiKeySecret = (
        await p.users.createApiKey(admin, orgs.own, { name: 'machine', role: 'member' })
      ).secret;
      app = await buildServer(p);
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    for (const route of routes) {
      for (const who of everyone) {
        for (const target of route.scoped ? (['own', 'other'] as const) : (['own'] as const)) {
          const expected = route.allowed(who, target) ? '2xx' : who === 'anonymous' ? 401 : 403;
          test(`${route.name} as ${who}${route.scoped ? ` on ${target}` : ''} → ${expected}`, async () => {
            await ensureMembers();
            const req = await route.prepare(target);
            const res = await app.inject({
              method: req.method,
              url: req.url,
              headers: {
                ...headersFor(who),
                ...russian,
                ...(req.raw ? { 'content-type': 'application/octet-stream' } : {}),
              },
              ...(req.raw
                ? { payload: req.raw }
                : req.body !== undefined
                  ? { payload: req.body as object }
                  : {}),
            });
            if (expected === '2xx')
              assert.ok(
                res.statusCode >= 200 && res.statusCode < 300,
                `${res.statusCode} ${res.body}`,
              );
            else assertProblem(res, expected, 'ru');
          });
        }
      }
      if (route.invalid) {
        const invalid = route.invalid;
        test(`${route.name} with invalid input → 400 naming ${invalid.fields.join(', ')}`, async () => {
          const req = await route.prepare('own');
          const res = await app.inject({
            method: req.method,
            url: req.url,
            headers: { ...headersFor('operator_admin'), ...russian },
            payload: invalid.body as object,
          });
          const body = assertProblem(res, 400, 'ru');
          const named = body.errors.map((e: { field: string }) => e.field);
          for (const f of invalid.fields)
            assert.ok(named.includes(f), `${f} named in ${JSON.stringify(body.errors)}`);
          for (const e of body.errors) assert.ok(e.code, `${e.field} has its message code`);
        });
      }
    }

    test('reads of the member directory need no login; private reads do', async () => {
      for (const url of [
        '/api/v1/organisations',
        '/api/v1/sites',
        '/api/v1/materials',
        `/api/v1/organisations/${orgs.own}/memberships`,
      ]) {
        assert.equal((await app.inject({ url })).statusCode, 200, url);
      }
      assertProblem(await app.inject({ url: '/api/v1/applications' }), 401);
      assertProblem(await app.inject({ url: `/api/v1/organisations/${orgs.own}/users` }), 401);
      assertProblem(
        await app.inject({
          url: `/api/v1/organisations/${orgs.other}/users`,
          headers: headersFor('member'),
        }),
        403,
      );
      assertProblem(
        await app.inject({ url: '/api/v1/journal', headers: headersFor('org_admin') }),
        403,
      );
      assert.equal(
        (await app.inject({ url: '/api/v1/journal', headers: headersFor('operator_admin') }))
          .statusCode,
        200,
      );
    });

    test('a revoked API key and an unknown session are anonymous', async () => {
      const k = await p.users.createApiKey(sys, orgs.own, { name: 'short-lived' });
      const url = `/api/v1/organisations/${orgs.own}/sites`;
      assert.equal(
        (
          await app.inject({
            method: 'POST',
            url,
            headers: { authorization: `Bearer ${k.secret}` },
            payload: siteKemerovo,
          })
        ).statusCode,
        201,
      );
      await p.users.revokeApiKey(sys, k.apiKey.id);
      assertProblem(
        await app.inject({
          method: 'POST',
          url,
          headers: { authorization: `Bearer ${k.secret}` },
          payload: siteKemerovo,
        }),
        401,
      );
      assertProblem(
        await app.inject({
          method: 'POST',
          url,
          headers: { cookie: `${SESSION_COOKIE}=forged` },
          payload: siteKemerovo,
        }),
        401,
      );
    });
  });

/** A fresh SQLite platform with its HTTP server for one test, closed and removed after it. */
async function withServer(
  work: (pl: Platform, server: FastifyInstance) => Promise<void>,
): Promise<void> {
  const d = sqliteDatabase();
  const pl = await d.open();
  const server = await buildServer(pl);
  try {
    await work(pl, server);
  } finally {
    await server.close();
    await pl.close();
    await d.drop();
  }
}

describe('the public directory', () => {
  test('shows members and former members; an applicant only to itself and the operator', async () => {
    await withServer(async (pl, server) => {
      await pl.registry.createOrganisation(systemActor, {
        ...organisationInput(),
        id: 'member-co',
      });
      await pl.registry.addMembership(systemActor, 'member-co', {
        role: 'core',
        joinedOn: '2020-01-01',
      });
      const anon: Actor = { kind: 'anonymous', id: 'anonymous', organisationId: null, role: null };
      const a = await pl.registry.submitApplication(anon, {
        organisation: { ...organisationInput(), id: 'applicant-co' },
        admin: { email: 'x@applicant.example', name: 'Заявитель', password: 'applicant-pass' },
        consent: true,
      });
      const ids = async (headers = {}) =>
        (
          JSON.parse(
            (await server.inject({ url: '/api/v1/organisations', headers })).body,
          ) as Array<{ id: string }>
        ).map((o) => o.id);
      assert.deepEqual(await ids(), ['member-co']);
      assert.equal(
        (await server.inject({ url: '/api/v1/organisations/applicant-co' })).statusCode,
        404,
      );
      await pl.registry.addSite(systemActor, 'applicant-co', siteKemerovo);
      const siteOwners = JSON.parse((await server.inject({ url: '/api/v1/sites' })).body).map(
        (x: { organisationId: string }) => x.organisationId,
      );
      assert.ok(!siteOwners.includes('applicant-co'), "an applicant's sites are not public");
      assert.equal(
        (await server.inject({ url: '/api/v1/organisations/applicant-co/sites' })).statusCode,
        404,
      );
      const exported = (await server.inject({ url: '/api/v1/registry/export?format=csv' })).body;
      assert.ok(!exported.includes('applicant-co'), 'nor is it in the public export');
      const op = await pl.users.createUser(systemActor, 'member-co', {
        email: 'op@x.example',
        name: 'Оператор',
        role: 'operator_admin',
        password: 'operator-pass-1',
      });
      const cookie = `${SESSION_COOKIE}=${(await pl.users.openSession(op.id)).token}`;
      assert.deepEqual((await ids({ cookie })).sort(), ['applicant-co', 'member-co']);
      await pl.registry.decideApplication(systemActor, a.id, true);
      assert.deepEqual((await ids()).sort(), ['applicant-co', 'member-co']);
    });
  });
});

describe('login over HTTP', () => {
  test('cookie on success, 401 on a wrong password, 429 after five failures, logout ends the session', async () => {
    await withServer(async (pl, server) => {
      await pl.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'login-co' });
      await pl.users.createUser(systemActor, 'login-co', {
        email: 'user@login.example',
        name: 'Пользователь',
        role: 'member',
        password: 'right-password',
      });
      const login = (password: string) =>
        server.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'user@login.example', password },
        });
      const ok = await login('right-password');
      assert.equal(ok.statusCode, 200);
      const setCookie = String(ok.headers['set-cookie']);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Strict/);
      const cookie = setCookie.split(';')[0];
      assert.equal(
        JSON.parse((await server.inject({ url: '/api/v1/auth/me', headers: { cookie } })).body).user
          .email,
        'user@login.example',
      );
      assert.equal(
        (await server.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } }))
          .statusCode,
        204,
      );
      assert.equal(
        JSON.parse((await server.inject({ url: '/api/v1/auth/me', headers: { cookie } })).body)
          .user,
        null,
      );
      for (let i = 0; i < 5; i++) assertProblem(await login('wrong-password'), 401);
      const limited = assertProblem(await login('right-password'), 429);
      assert.match(limited.detail, /try again in \d+ s/);
    });
  });
});

describe('an organisation that left the cluster', () => {
  test('its users and keys keep reading but write nothing', async () => {
    await withServer(async (pl, server) => {
      await pl.registry.createOrganisation(systemActor, {
        ...organisationInput(),
        id: 'leaving-co',
      });
      const m = await pl.registry.addMembership(systemActor, 'leaving-co', {
        role: 'core',
        joinedOn: '2020-01-01',
      });
      const admin = await pl.users.createUser(systemActor, 'leaving-co', {
        email: 'boss@leaving.example',
        name: 'Директор',
        role: 'org_admin',
        password: 'leaving-pass-1',
      });
      const key = await pl.users.createApiKey(systemActor, 'leaving-co', {
        name: 'gateway',
        role: 'member',
      });
      const cookie = `${SESSION_COOKIE}=${(await pl.users.openSession(admin.id)).token}`;
      const addSite = (headers: Record<string, string>) =>
        server.inject({
          method: 'POST',
          url: '/api/v1/organisations/leaving-co/sites',
          headers,
          payload: siteKemerovo,
        });
      assert.equal((await addSite({ cookie })).statusCode, 201);
      await pl.registry.endMembership(systemActor, m.id, { leftOn: '2026-06-30' });
      assertProblem(await addSite({ cookie }), 403);
      // its API keys were revoked when it left (F15), so they no longer identify anyone
      assertProblem(await addSite({ authorization: `Bearer ${key.secret}` }), 401);
      assertProblem(
        await server.inject({
          method: 'PATCH',
          url: '/api/v1/organisations/leaving-co',
          headers: { cookie },
          payload: { employees: 5 },
        }),
        403,
      );
      assertProblem(
        await server.inject({
          method: 'POST',
          url: '/api/v1/exchange/plan',
          headers: { cookie },
          payload: {},
        }),
        403,
      );
      const me = JSON.parse(
        (await server.inject({ url: '/api/v1/auth/me', headers: { cookie } })).body,
      );
      assert.deepEqual([me.actor.role, me.actor.member], ['observer', false]);
      assert.equal(
        (await server.inject({ url: '/api/v1/organisations/leaving-co', headers: { cookie } }))
          .statusCode,
        200,
      );
    });
  });
});

describe('problems in the caller’s language', () => {
  test('Accept-Language ru gives Russian titles, details and field messages', async () => {
    await withServer(async (_pl, server) => {
      const bad = {
        organisation: { ...organisationInput(), inn: '1234567890' },
        admin: { email: 'x', name: 'Заявитель', password: 'aaaaaaaaaaaa' },
      };
      const ru = assertProblem(
        await server.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
          payload: bad,
        }),
        400,
      );
      assert.equal(ru.title, 'Неверные данные');
      const byField = Object.fromEntries(
        ru.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      );
      assert.match(byField['organisation.inn'], /^ИНН/);
      assert.match(byField['admin.email'], /[а-я]/);
      assert.match(byField['admin.password'], /разных символов/);
      // each bad field also comes with its name as people see it, and the rule's code
      const inn = ru.errors.find((e: { field: string }) => e.field === 'organisation.inn');
      assert.deepEqual([inn.label, inn.code], ['ИНН', 'registry.rule.inn']);
      const en = assertProblem(
        await server.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: { 'accept-language': 'en' },
          payload: bad,
        }),
        400,
      );
      assert.equal(en.title, 'Invalid input');
      const forbidden = assertProblem(
        await server.inject({
          method: 'POST',
          url: '/api/v1/organisations',
          headers: { 'accept-language': 'ru' },
          payload: organisationInput(),
        }),
        401,
      );
      assert.match(forbidden.detail, /Войдите/);
    });
  });
});
