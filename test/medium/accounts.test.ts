// Accounts beyond the password change (issue 9, user walk L11): the operator's password-reset
// link and the invitation that logs the new user in, through the HTTP server on both dialects.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listEvents } from '../../src/journal/index.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { SESSION_COOKIE, UserService } from '../../src/registry/index.ts';
import { passwordHashesMade } from '../../src/registry/passwords.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, signedIn, signedInOperator } from './fixtures.ts';

type Answer = { statusCode: number; headers: Record<string, unknown>; body: string };
const json = (r: Answer) => JSON.parse(r.body);
const cookieOf = (r: Answer) => String(r.headers['set-cookie'] ?? '').split(';')[0];

for (const d of await eachDialect())
  describe(`accounts on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let operatorCookie = '';
    let adminCookie = '';
    let userId = '';
    // distinct addresses per test keep the per-address limits of the public routes apart
    let address = 10;
    const nextAddress = () => `10.7.0.${address++}`;

    const login = async (email: string, password: string) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: nextAddress(),
        payload: { email, password },
      });
      return { status: r.statusCode, cookie: cookieOf(r) };
    };
    const me = async (cookie: string) =>
      json(await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).user?.email ?? null;
    const issue = (cookie: string, id = userId) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/users/${id}/password-reset`,
        headers: { cookie },
      });
    const accept = (token: string, password: string, remoteAddress = nextAddress()) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/password-resets/accept',
        remoteAddress,
        payload: { token, password },
      });

    before(async () => {
      db = await d.make();
      p = await db.open();
      await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'acc-co' });
      await p.registry.addMembership(systemActor, 'acc-co', {
        role: 'core',
        joinedOn: '2020-01-01',
      });
      adminCookie = (
        await signedIn(p, 'acc-co', {
          email: 'admin@acc.example',
          name: 'Админ',
          role: 'org_admin',
          password: 'admin-password-1',
        })
      ).cookie;
      const user = await p.users.createUser(systemActor, 'acc-co', {
        email: 'forgetful@acc.example',
        name: 'Забывчивый',
        role: 'member',
        password: 'old-password-1',
      });
      userId = user.id;
      operatorCookie = (await signedInOperator(p, 'acc')).cookie;
      app = await buildServer(p);
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('Accounts: only the operator issues a reset link; an org admin and anonymous callers are refused', async () => {
      const byAdmin = await issue(adminCookie);
      assert.equal(byAdmin.statusCode, 403, byAdmin.body);
      const anonymous = await app.inject({
        method: 'POST',
        url: `/api/v1/users/${userId}/password-reset`,
      });
      assert.equal(anonymous.statusCode, 401, anonymous.body);
      const unknown = await issue(operatorCookie, 'no-such-user');
      assert.equal(unknown.statusCode, 404, unknown.body);
      assert.equal((await listEvents(p.store, { type: 'user.passwordResetIssued' })).length, 0);
    });

    test('Accounts: a reset link sets a new password once and ends every session of the user', async () => {
      const before1 = await login('forgetful@acc.example', 'old-password-1');
      const before2 = await login('forgetful@acc.example', 'old-password-1');
      assert.equal(await me(before1.cookie), 'forgetful@acc.example');
      const issued = await issue(operatorCookie);
      assert.equal(issued.statusCode, 201, issued.body);
      const { token, expiresAt, user } = json(issued);
      assert.equal(user.email, 'forgetful@acc.example');
      const hours = (Date.parse(expiresAt) - Date.now()) / 3600_000;
      assert.ok(hours > 23 && hours <= 24, `expires in ${hours} h`);
      const used = await accept(token, 'new-password-22');
      assert.equal(used.statusCode, 200, used.body);
      assert.equal(json(used).email, 'forgetful@acc.example');
      // every session of the user ended; the old password no longer works, the new one does
      assert.equal(await me(before1.cookie), null);
      assert.equal(await me(before2.cookie), null);
      assert.equal((await login('forgetful@acc.example', 'old-password-1')).status, 401);
      assert.equal((await login('forgetful@acc.example', 'new-password-22')).status, 200);
      // the link works once
      const again = await accept(token, 'third-password-3');
      assert.equal(again.statusCode, 400, again.body);
      assert.deepEqual(
        json(again).errors.map((e: { field: string }) => e.field),
        ['token'],
      );
      assert.equal((await login('forgetful@acc.example', 'third-password-3')).status, 401);
      // the journal has both events, neither carries the token or a hash
      const events = [
        ...(await listEvents(p.store, { type: 'user.passwordResetIssued' })),
        ...(await listEvents(p.store, { type: 'user.passwordReset' })),
      ];
      assert.equal(events.length, 2);
      for (const e of events) {
        const text = JSON.stringify(e.payload);
        assert.ok(!text.includes(token), 'no token in the journal');
        assert.ok(!text.includes('argon2'), 'no hash in the journal');
      }
    });

    test('Accounts: a wrong reset token is refused before any argon2 hash; a newer link retires the older', async () => {
      const hashes = passwordHashesMade();
      const wrong = await accept('z'.repeat(43), 'whatever-pass-1');
      assert.equal(wrong.statusCode, 400, wrong.body);
      assert.equal(json(wrong).code, 'registry.resetInvalid');
      assert.equal(passwordHashesMade(), hashes, 'no argon2 hash for a made-up token');
      const first = json(await issue(operatorCookie)).token;
      const second = json(await issue(operatorCookie)).token;
      assert.equal((await accept(first, 'older-link-pass-1')).statusCode, 400);
      assert.equal((await accept(second, 'newer-link-pass-1')).statusCode, 200);
      // the wording follows the caller's language
      const ru = await app.inject({
        method: 'POST',
        url: '/api/v1/password-resets/accept',
        remoteAddress: nextAddress(),
        headers: { 'accept-language': 'ru' },
        payload: { token: second, password: 'once-more-pass-1' },
      });
      assert.match(json(ru).detail, /Ссылка для смены пароля/);
      // the public route is rate-limited per address, like the invitation's
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++)
        statuses.push((await accept('q'.repeat(43), 'flood-pass-1', '10.7.9.9')).statusCode);
      assert.ok(statuses.includes(429), statuses.join(','));
    });

    test('Accounts: a reset link expires (the service clock a day and a minute later)', async () => {
      const issued = json(await issue(operatorCookie));
      const later = new UserService(p.store, { sessionTtlHours: 12 }, () => {
        return new Date(Date.parse(issued.expiresAt) + 60_000);
      });
      await assert.rejects(
        later.acceptPasswordReset({ token: issued.token, password: 'too-late-pass-1' }),
        (e: { code?: string }) => e.code === 'registry.resetInvalid',
      );
      // a minute before its expiry it still works
      const inTime = new UserService(p.store, { sessionTtlHours: 12 }, () => {
        return new Date(Date.parse(issued.expiresAt) - 60_000);
      });
      const user = await inTime.acceptPasswordReset({
        token: issued.token,
        password: 'in-time-pass-1',
      });
      assert.equal(user.email, 'forgetful@acc.example');
    });

    test('Accounts: a reset link is not issued for a disabled user', async () => {
      await p.users.updateUser(systemActor, userId, { status: 'disabled' });
      const r = await issue(operatorCookie);
      assert.equal(r.statusCode, 409, r.body);
      await p.users.updateUser(systemActor, userId, { status: 'active' });
    });

    test('Accounts: accepting an invitation logs the new user in with a new session', async () => {
      const invited = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations/acc-co/invitations',
        headers: { cookie: adminCookie },
        payload: { email: 'newcomer@acc.example', name: 'Новичок', role: 'member' },
      });
      assert.equal(invited.statusCode, 201, invited.body);
      // the link's page reads what it invites to, by the token in the body
      const preview = (token: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/invitations/preview',
          remoteAddress: nextAddress(),
          payload: { token },
        });
      const shown = await preview(json(invited).token);
      assert.equal(shown.statusCode, 200, shown.body);
      const org = json(
        await app.inject({ url: '/api/v1/organisations/acc-co', headers: { cookie: adminCookie } }),
      );
      assert.deepEqual(json(shown), {
        email: 'newcomer@acc.example',
        name: 'Новичок',
        role: 'member',
        organisation: { id: 'acc-co', name: org.name, nameEn: org.nameEn },
        expiresAt: json(invited).expiresAt,
      });
      assert.equal((await preview('x'.repeat(43))).statusCode, 400);
      // the browser still carries the admin's session: accepting gives a new one, not it
      const accepted = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        remoteAddress: nextAddress(),
        headers: { cookie: adminCookie },
        payload: { token: json(invited).token, password: 'newcomer-pass-1' },
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const cookie = cookieOf(accepted);
      assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=.{20,}`));
      assert.notEqual(cookie, adminCookie);
      assert.match(String(accepted.headers['set-cookie']), /HttpOnly/i);
      assert.match(String(accepted.headers['set-cookie']), /SameSite=Strict/i);
      assert.equal(await me(cookie), 'newcomer@acc.example');
      // a refused acceptance sets no cookie
      const refused = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        remoteAddress: nextAddress(),
        payload: { token: json(invited).token, password: 'newcomer-pass-2' },
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.headers['set-cookie'], undefined);
      // an accepted invitation's page has nothing left to show
      const used = await preview(json(invited).token);
      assert.equal(used.statusCode, 400, used.body);
      assert.equal(json(used).code, 'registry.invitationInvalid');
    });

    test('Accounts: an admin withdraws an invitation not yet accepted; its link then opens nothing', async () => {
      const invite = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/organisations/acc-co/invitations',
          headers: { cookie: adminCookie },
          payload: { email: 'maybe@acc.example', name: 'Возможно', role: 'member' },
        });
      const invited = await invite();
      assert.equal(invited.statusCode, 201, invited.body);
      const { user, token } = json(invited);
      const withdraw = (id: string, cookie = adminCookie) =>
        app.inject({
          method: 'DELETE',
          url: `/api/v1/users/${id}/invitation`,
          headers: { cookie },
        });
      const done = await withdraw(user.id);
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(json(done).email, 'maybe@acc.example');
      const listed = json(
        await app.inject({
          url: '/api/v1/organisations/acc-co/users',
          headers: { cookie: adminCookie },
        }),
      );
      assert.ok(!listed.some((u: { email: string }) => u.email === 'maybe@acc.example'));
      const late = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        remoteAddress: nextAddress(),
        payload: { token, password: 'maybe-pass-2026' },
      });
      assert.equal(late.statusCode, 400, late.body);
      const events = await listEvents(p.store, { type: 'user.invitationWithdrawn' });
      assert.equal(events.length, 1);
      assert.equal((events[0].payload as { user: { id: string } }).user.id, user.id);
      // the address is free again; a joined user is disabled, not withdrawn
      assert.equal((await invite()).statusCode, 201);
      assert.equal((await withdraw(userId)).statusCode, 409);
      assert.equal((await withdraw('no-such-user')).statusCode, 404);
      // another organisation's admin may not withdraw it
      await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'acc-other' });
      const stranger = await signedIn(p, 'acc-other', {
        email: 'stranger@acc.example',
        name: 'Чужой',
        role: 'org_admin',
        password: 'stranger-pass-1',
      });
      const again = json(
        await app.inject({
          url: '/api/v1/organisations/acc-co/users',
          headers: { cookie: adminCookie },
        }),
      ).find((u: { email: string }) => u.email === 'maybe@acc.example');
      assert.equal((await withdraw(again.id, stranger.cookie)).statusCode, 403);
    });

    test("Accounts: an organisation's last active admin keeps the role, unless the operator changes it", async () => {
      const admin = json(
        await app.inject({
          url: '/api/v1/organisations/acc-co/users',
          headers: { cookie: adminCookie },
        }),
      ).find((u: { email: string }) => u.email === 'admin@acc.example');
      const patch = (body: object, cookie = adminCookie, id = admin.id) =>
        app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${id}`,
          headers: { cookie, 'accept-language': 'ru' },
          payload: body,
        });
      const demoted = await patch({ role: 'member' });
      assert.equal(demoted.statusCode, 409, demoted.body);
      assert.match(json(demoted).detail, /Последний активный администратор/);
      assert.equal((await patch({ status: 'disabled' })).statusCode, 409);
      // with a second admin, the first may step down
      const promoted = await patch({ role: 'org_admin' }, adminCookie, userId);
      assert.equal(promoted.statusCode, 200, promoted.body);
      const stepped = await patch({ role: 'member' });
      assert.equal(stepped.statusCode, 200, stepped.body);
      // the other is now the last: the operator may still change it
      assert.equal((await patch({ role: 'member' }, operatorCookie, userId)).statusCode, 200);
      await p.users.updateUser(systemActor, admin.id, { role: 'org_admin' });
    });
  });
