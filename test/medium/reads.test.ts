// Reads over HTTP on a real database: the compiled serializer answers exactly what zod's
// encoding of the handler's result gives; ETag and If-None-Match → 304; a change changes
// the ETag; callers never share an answer; a route marked `readCache` runs again only when
// the journal head or the date moves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { seedExample } from '../../src/example/seed.ts';
import { Listing } from '../../src/exchange/index.ts';
import { type Actor, systemActor, type UserRole } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';

const member = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'member',
});

let serial = 0;
/** A public offer of fly ash, as the exchange tests make it. */
const ashOffer = () => ({
  siteId: 'myski-gres-plant',
  side: 'offer',
  materialId: 'fly-ash',
  useId: 'cement-additive',
  quantityPerYear: 1000 + ++serial,
  unit: 't',
  availableFrom: '2026-01-01',
  availableTo: '2099-12-31',
  quality: { loi: 4, sio2: 55 },
  disposalCostKopecksPerUnit: 300_00,
  transportModes: ['road'],
  legalStatus: 'waste',
  fkko: '6 11 100 01 40 4',
  visibility: 'public',
  status: 'active',
});

const VARY = ['accept-language', 'cookie', 'authorization'];
const varies = (header: unknown) =>
  String(header ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase());

for (const d of await eachDialect()) {
  describe(`reads on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let day = '2026-06-15';
    let time = '10:00:00';
    /** what each handler returned, and the zod schema its route answers 200 with */
    const returned: Array<{ payload: unknown; schema: unknown }> = [];
    let cachedRuns = 0;
    const cookies = new Map<string, string>();

    const get = (url: string, headers: Record<string, string> = {}, who?: string) =>
      app.inject({
        method: 'GET',
        url,
        headers: { 'accept-language': 'ru', ...headers },
        cookies: who ? { [SESSION_COOKIE]: cookies.get(who)! } : {},
      });

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      app = await buildServer(p, { clock: () => new Date(`${day}T${time}Z`) });
      app.addHook('preSerialization', async (req, _reply, payload) => {
        const response = req.routeOptions.schema?.response as Record<string, unknown> | undefined;
        returned.push({ payload, schema: response?.['200'] });
        return payload;
      });
      // A read that opts in to the answer cache, counting how often it really runs.
      app.get(
        '/test/cached-listings',
        { config: { readCache: 'journal' }, schema: { response: { 200: z.array(Listing) } } },
        async (req) => {
          cachedRuns += 1;
          return p.exchange.listListings(req.actor);
        },
      );
      const session = async (org: string, role: UserRole, email: string) => {
        const u = await p.users.createUser(systemActor, org, {
          email,
          name: `${role} ${org}`,
          role,
          password: 'password-for-tests',
        });
        return (await p.users.openSession(u.id)).token;
      };
      cookies.set('member', await session('tsement-tom', 'member', 'member@reads.example'));
      cookies.set(
        'operator',
        await session('kuzbass-technopark', 'operator_admin', 'op@reads.example'),
      );
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('each answer equals zod’s encoding of what the handler returned', async () => {
      const listings = await p.exchange.listListings(systemActor);
      const anonymousOne = listings.find((l) => l.visibility === 'anonymous');
      const membersOne = listings.find((l) => l.visibility === 'members');
      assert.ok(anonymousOne && membersOne, 'the seed has anonymous and members-only listings');
      const urls = [
        '/api/v1/organisations',
        '/api/v1/organisations?kind=open_pit',
        '/api/v1/listings',
        '/api/v1/listings?side=request',
        `/api/v1/listings/${anonymousOne.id}`,
        `/api/v1/listings/${membersOne.id}`,
      ];
      let compared = 0;
      for (const who of [undefined, 'member', 'operator'])
        for (const url of urls) {
          returned.length = 0;
          const res = await get(url, {}, who);
          const last = returned.at(-1);
          if (res.statusCode === 404 && url.includes(membersOne.id) && !who) continue;
          assert.equal(res.statusCode, 200, `${url} as ${who ?? 'anonymous'}: ${res.body}`);
          assert.ok(last?.schema, `${url}: the handler's result was captured`);
          const viaZod = JSON.parse(
            JSON.stringify(z.encode(last.schema as never, last.payload as never)),
          );
          assert.deepEqual(res.json(), viaZod, `${url} as ${who ?? 'anonymous'}`);
          compared += 1;
        }
      assert.equal(compared, 17);
      // and the answers are not trivially small
      assert.ok((await get('/api/v1/organisations')).json().length >= 30);
      assert.ok((await get('/api/v1/listings', {}, 'operator')).json().length >= 34);
    });

    test('an ETag, then If-None-Match: 304 with no body', async () => {
      for (const url of ['/api/v1/organisations', '/api/v1/listings']) {
        const first = await get(url);
        const etag = String(first.headers.etag);
        assert.match(etag, /^"[\w-]{10,}"$/, `${url} has a strong ETag`);
        assert.equal(first.headers['cache-control'], 'no-cache');
        for (const v of VARY) assert.ok(varies(first.headers.vary).includes(v), `Vary: ${v}`);
        for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
          const again = await get(url, { 'if-none-match': inm });
          assert.equal(again.statusCode, 304, `${url} with If-None-Match: ${inm}`);
          assert.equal(again.body, '');
          assert.equal(again.headers.etag, etag);
          assert.equal(again.headers['content-length'], undefined);
          for (const v of VARY) assert.ok(varies(again.headers.vary).includes(v));
        }
        const other = await get(url, { 'if-none-match': '"not-this-one"' });
        assert.equal(other.statusCode, 200);
        assert.equal(other.body, first.body);
      }
    });

    test('a new listing changes the ETag', async () => {
      const before = await get('/api/v1/listings');
      const created = await p.exchange.createListing(member('myski-gres'), ashOffer());
      const after = await get('/api/v1/listings', { 'if-none-match': String(before.headers.etag) });
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers.etag, before.headers.etag);
      assert.ok(after.json().some((l: { id: string }) => l.id === created.id));
    });

    test('an anonymous and a logged-in caller do not share an answer', async () => {
      const anonymous = await get('/api/v1/listings');
      const logged = await get('/api/v1/listings', {}, 'member');
      // members see members-only listings the public does not
      assert.ok(logged.json().length > anonymous.json().length);
      assert.notEqual(logged.headers.etag, anonymous.headers.etag);
      assert.equal(logged.headers['cache-control'], 'private, no-cache');
      const crossed = await get(
        '/api/v1/listings',
        { 'if-none-match': String(anonymous.headers.etag) },
        'member',
      );
      assert.equal(crossed.statusCode, 200);
      assert.equal(crossed.body, logged.body);
      // the same body may carry the same tag, but caches must key on the caller
      const orgsAnonymous = await get('/api/v1/organisations');
      const orgsLogged = await get('/api/v1/organisations', {}, 'member');
      for (const res of [orgsAnonymous, orgsLogged])
        for (const v of ['cookie', 'authorization'])
          assert.ok(varies(res.headers.vary).includes(v));
      assert.equal(orgsLogged.headers['cache-control'], 'private, no-cache');
    });

    test('problem answers keep their form and get no ETag', async () => {
      const res = await get('/api/v1/listings/no-such-listing', { 'if-none-match': '*' });
      assert.equal(res.statusCode, 404);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.equal(res.headers.etag, undefined);
      assert.equal(res.json().status, 404);
    });

    test('the directory and listing reads are answered from memory until the journal moves', async () => {
      for (const url of ['/api/v1/organisations', '/api/v1/listings', '/api/v1/materials']) {
        await get(url);
        returned.length = 0;
        const again = await get(url);
        assert.equal(again.statusCode, 200);
        assert.equal(returned.length, 0, `${url}: no handler ran, the answer came from memory`);
      }
    });

    test('a route marked readCache runs again only when the journal head or the date moves', async () => {
      const runs = () => cachedRuns;
      const first = await get('/test/cached-listings');
      const start = runs();
      const second = await get('/test/cached-listings');
      assert.equal(runs(), start, 'served from memory');
      assert.equal(second.body, first.body);
      assert.equal(second.headers.etag, first.headers.etag);
      assert.equal(second.headers['content-type'], first.headers['content-type']);
      const notModified = await get('/test/cached-listings', {
        'if-none-match': String(first.headers.etag),
      });
      assert.equal(notModified.statusCode, 304);
      assert.equal(runs(), start);

      // another caller, another language, another query: answers of their own
      const asMember = await get('/test/cached-listings', {}, 'member');
      assert.equal(runs(), start + 1);
      assert.notEqual(asMember.body, first.body);
      await get('/test/cached-listings', {}, 'member');
      await get('/test/cached-listings', { 'accept-language': 'en' });
      await get('/test/cached-listings?page=2');
      assert.equal(runs(), start + 3);

      // a write through this process moves the journal head
      const created = await p.exchange.createListing(member('myski-gres'), ashOffer());
      const afterWrite = await get('/test/cached-listings', {
        'if-none-match': String(first.headers.etag),
      });
      assert.equal(afterWrite.statusCode, 200);
      assert.equal(runs(), start + 4);
      assert.ok(afterWrite.json().some((l: { id: string }) => l.id === created.id));

      // so does a write by another process on the same database (the CLI, another server)
      const other = await db.open();
      try {
        await other.exchange.withdrawListing(member('myski-gres'), created.id);
      } finally {
        await other.close();
      }
      const afterOther = await get('/test/cached-listings');
      assert.equal(runs(), start + 5);
      assert.ok(!afterOther.json().some((l: { id: string }) => l.id === created.id));

      // and a new day (listings expire by date, with no event)
      await get('/test/cached-listings');
      assert.equal(runs(), start + 5);
      day = '2026-06-16';
      await get('/test/cached-listings');
      assert.equal(runs(), start + 6);
      // Kemerovo's midnight (17:00 UTC) is a new day too: a listing expires by the cluster's day
      time = '16:59:00';
      await get('/test/cached-listings');
      assert.equal(runs(), start + 6);
      time = '17:01:00';
      await get('/test/cached-listings');
      assert.equal(runs(), start + 7);
    });
  });
}
