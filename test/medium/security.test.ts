// One test per finding of the security review (shared/reviews/2026-11-29-security.md), named
// after its ID, against real SQLite and PostgreSQL through the HTTP server (app.inject).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo } from './fixtures.ts';

type Answer = { statusCode: number; headers: Record<string, unknown>; body: string };

function problem(res: Answer, status: number) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  return JSON.parse(res.body) as {
    code: string;
    detail: string;
    errors?: Array<{ field: string; code: string }>;
  };
}

const anonymous = { kind: 'anonymous' as const, id: 'anonymous', organisationId: null, role: null };

for (const d of await eachDialect())
  describe(`security findings on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let adminCookie = '';
    let operatorCookie = '';

    before(async () => {
      db = await d.make();
      p = await db.open();
      await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'sec-co' });
      await p.registry.addMembership(systemActor, 'sec-co', {
        role: 'core',
        joinedOn: '2020-01-01',
      });
      const admin = await p.users.createUser(systemActor, 'sec-co', {
        email: 'admin@sec.example',
        name: 'Админ',
        role: 'org_admin',
        password: 'admin-password-1',
      });
      adminCookie = `${SESSION_COOKIE}=${(await p.users.openSession(admin.id)).token}`;
      await p.registry.createOrganisation(systemActor, {
        ...organisationInput({ kind: 'platform_operator' }),
        id: 'sec-operator',
      });
      const op = await p.users.createUser(systemActor, 'sec-operator', {
        email: 'operator@sec.example',
        name: 'Оператор',
        role: 'operator_admin',
        password: 'operator-password-1',
      });
      operatorCookie = `${SESSION_COOKIE}=${(await p.users.openSession(op.id)).token}`;
      app = await buildServer(p);
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('F7: an anonymous write to a guarded route is refused before its body is read', async () => {
      // an invalid body: had it been validated, the answer would be 400 naming the fields
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        payload: { name: 1 },
      });
      const body = problem(res, 401);
      assert.equal(body.errors, undefined, 'the schema is not revealed to an anonymous caller');
      // a big body to a public route: anonymous callers get 64 kB, not 20 MB
      const big = await app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ motivation: 'x'.repeat(100 * 1024) }),
      });
      problem(big, 413);
      // a logged-in caller keeps the large limit: the same size reaches validation (400)
      const loggedIn = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        headers: { cookie: operatorCookie, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(100 * 1024) }),
      });
      assert.equal(loggedIn.statusCode, 400, loggedIn.body);
      // public writes stay open to anonymous callers
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'admin@sec.example', password: 'admin-password-1' },
      });
      assert.equal(login.statusCode, 200, login.body);
    });

    test('F4: no argon2 before the cheap checks, and the hashing routes are rate-limited', async () => {
      // A made-up invitation token and an application with a taken e-mail are refused in
      // well under the time of one argon2id hash (m = 64 MiB, t = 3: hundreds of ms here).
      let started = performance.now();
      const accept = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token: 'x'.repeat(43), password: 'Bogus-pass-1x' },
      });
      assert.equal(accept.statusCode, 400, accept.body);
      const acceptMs = performance.now() - started;
      started = performance.now();
      const taken = await app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        payload: {
          organisation: { ...organisationInput(), id: 'sec-co' },
          admin: { email: 'someone@new.example', name: 'Новый', password: 'new-password-1' },
        },
      });
      assert.equal(taken.statusCode, 409, taken.body);
      const appMs = performance.now() - started;
      started = performance.now();
      const { hash } = await import('argon2');
      await hash('calibration-pass', { type: 2 });
      const hashMs = performance.now() - started;
      assert.ok(acceptMs < hashMs, `accept took ${acceptMs} ms, a hash ${hashMs} ms`);
      assert.ok(appMs < hashMs, `application took ${appMs} ms, a hash ${hashMs} ms`);
      // per address: a flood of accepts from one address is cut off with 429 and Retry-After
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/invitations/accept',
          remoteAddress: '10.9.9.9',
          payload: { token: 'y'.repeat(43), password: 'Bogus-pass-1x' },
        });
        statuses.push(r.statusCode);
      }
      assert.ok(statuses.includes(429), statuses.join(','));
      const limited = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        remoteAddress: '10.9.9.9',
        payload: { token: 'y'.repeat(43), password: 'Bogus-pass-1x' },
      });
      const body = problem(limited, 429);
      assert.equal(body.code, 'registry.tooManyAttempts');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      // another address is not affected
      const other = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        remoteAddress: '10.9.9.10',
        payload: { token: 'y'.repeat(43), password: 'Bogus-pass-1x' },
      });
      assert.equal(other.statusCode, 400);
      void anonymous;
      void adminCookie;
      void siteKemerovo;
    });
    test('F6: failed logins cannot lock out a victim or a whole address; the real user gets in', async () => {
      const login = (email: string, password: string, remoteAddress: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          payload: { email, password },
        });
      // an attacker who knows the e-mail fails again and again from its address…
      const attacker: number[] = [];
      for (let i = 0; i < 8; i++)
        attacker.push((await login('ADMIN@sec.example', `wrong-${i}-xxxx`, '10.1.1.1')).statusCode);
      assert.deepEqual(attacker.slice(0, 5), [401, 401, 401, 401, 401]);
      assert.ok(
        attacker.slice(5).every((s) => s === 429),
        attacker.join(','),
      );
      // …and the attacker itself now waits, the right password included
      const waiting = problem(
        await login('admin@sec.example', 'admin-password-1', '10.1.1.1'),
        429,
      );
      assert.equal(waiting.code, 'registry.tooManyLogins');
      // the victim, from its own address, is not locked out
      assert.equal(
        (await login('admin@sec.example', 'admin-password-1', '10.2.2.2')).statusCode,
        200,
      );
      // many failures with many e-mails from one address do not shut that address out
      for (let i = 0; i < 12; i++)
        assert.equal(
          (await login(`nobody${i}@sec.example`, 'wrong-pass-xx', '10.3.3.3')).statusCode,
          401,
        );
      assert.equal(
        (await login('operator@sec.example', 'operator-password-1', '10.3.3.3')).statusCode,
        200,
      );
    });
  });
