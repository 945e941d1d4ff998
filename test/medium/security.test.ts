// One test per finding of the security review (shared/reviews/2026-11-29-security.md), named
// after its ID, against real SQLite and PostgreSQL through the HTTP server (app.inject).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { type AddressInfo, connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listEvents } from '../../src/journal/index.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { passwordHashesMade } from '../../src/registry/passwords.ts';
import { buildServer } from '../../src/server/app.ts';
import { applyServerTimeouts, defaultTimeouts } from '../../src/server/timeouts.ts';
import { eachDialect, sqliteDatabase, type TestDatabase } from './dialects.ts';
import { organisationInput, signedIn, signedInOperator, siteKemerovo } from './fixtures.ts';

type Answer = { statusCode: number; headers: Record<string, unknown>; body: string };

function problem(res: Answer, status: number) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  return JSON.parse(res.body) as {
    code: string;
    detail: string;
    errors?: Array<{ field: string; code: string; message?: string; label?: string }>;
  };
}

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
      adminCookie = (
        await signedIn(p, 'sec-co', {
          email: 'admin@sec.example',
          name: 'Админ',
          role: 'org_admin',
          password: 'admin-password-1',
        })
      ).cookie;
      operatorCookie = (await signedInOperator(p, 'sec')).cookie;
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
      // A made-up invitation token and an application naming a member's id are refused
      // before any argon2id hash is made (counted, not timed).
      const badAccept = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/invitations/accept',
          payload: { token: 'x'.repeat(43), password: 'Bogus-pass-1x' },
        });
      const takenId = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          payload: {
            organisation: { ...organisationInput(), id: 'sec-co' },
            admin: { email: 'someone@new.example', name: 'Новый', password: 'new-password-1' },
            consent: true,
          },
        });
      const hashesBefore = passwordHashesMade();
      const accept = await badAccept();
      assert.equal(accept.statusCode, 400, accept.body);
      const taken = await takenId();
      assert.equal(taken.statusCode, 409, taken.body);
      assert.equal(passwordHashesMade(), hashesBefore, 'no argon2 hash for a refused request');
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
    test('F10: deeply nested JSON gets 400, not 500, on an ordinary route and on the import', async () => {
      const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
      const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
      for (const [url, payload, type] of [
        ['/api/v1/organisations/sec-co/sites', deepObject, 'application/json'],
        ['/api/v1/listings', deep, 'application/json'],
        ['/api/v1/registry/import?format=json', deep, 'application/json'],
        ['/api/v1/registry/import?format=json', deepObject, 'application/octet-stream'],
      ] as const) {
        const res = await app.inject({
          method: 'POST',
          url,
          headers: { cookie: operatorCookie, 'content-type': type },
          payload,
        });
        assert.ok(
          res.statusCode >= 400 && res.statusCode < 500,
          `${url}: ${res.statusCode} ${res.body.slice(0, 200)}`,
        );
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      }
      const nested = problem(
        await app.inject({
          method: 'POST',
          url: '/api/v1/organisations/sec-co/sites',
          headers: { cookie: adminCookie, 'content-type': 'application/json' },
          payload: deepObject,
        }),
        400,
      );
      assert.equal(nested.code, 'server.tooDeep');
    });

    test('F11: a NUL byte in text gets 400 naming the field, and nothing is stored', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations/sec-co/sites',
        headers: { cookie: adminCookie },
        payload: { ...siteKemerovo, id: 'nul-site', name: 'ab\u0000cd' },
      });
      const body = problem(res, 400);
      assert.deepEqual(
        body.errors?.map((e) => [e.field, e.code]),
        [['name', 'server.controlCharacter']],
      );
      const patch = problem(
        await app.inject({
          method: 'PATCH',
          url: '/api/v1/organisations/sec-co',
          headers: { cookie: adminCookie },
          payload: { address: { note: 'x\u0001y' }, name: 'ok' },
        }),
        400,
      );
      assert.equal(patch.errors?.[0].code, 'server.controlCharacter');
      // in a path id as well, the same answer on both databases
      const path = problem(
        await app.inject({
          url: '/api/v1/organisations/sec%00co',
          headers: { cookie: adminCookie },
        }),
        400,
      );
      assert.equal(path.errors?.[0].field, 'params.id');
      const sites = await p.registry.sitesOf(systemActor, 'sec-co');
      assert.ok(!sites.some((x) => x.id === 'nul-site'));
      // line breaks and tabs in free text are fine
      const ok = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations/sec-co/sites',
        headers: { cookie: adminCookie },
        payload: { ...siteKemerovo, id: 'tab-site', name: 'Цех\t1' },
      });
      assert.equal(ok.statusCode, 201, ok.body);
    });

    test('F12: the import accepts only its content types', async () => {
      const file = await p.transfer.exportRegistry(systemActor, 'json');
      const post = (type: string, format = 'json') =>
        app.inject({
          method: 'POST',
          url: `/api/v1/registry/import?format=${format}`,
          headers: { cookie: operatorCookie, 'content-type': type },
          payload: file,
        });
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ])
        problem(await post(type), 415);
      const mismatch = problem(await post('text/csv'), 415);
      assert.equal(mismatch.code, 'registry.unsupportedImportType');
      assert.equal((await post('application/json')).statusCode, 200);
      assert.equal((await post('application/octet-stream')).statusCode, 200);
    });

    test('a broken file is refused as a whole: no placeholder field or line 0 in the problem', async () => {
      const broken = problem(
        await app.inject({
          method: 'POST',
          url: '/api/v1/registry/import?format=json',
          headers: {
            cookie: operatorCookie,
            'content-type': 'application/json',
            'accept-language': 'ru',
          },
          payload: '{"organisations": [',
        }),
        400,
      );
      assert.equal(broken.detail, 'Ошибок в файле: 1; ничего не импортировано');
      const errors = broken.errors ?? [];
      assert.deepEqual(
        errors.map((e) => [e.field, (e as { line?: number }).line]),
        [['', undefined]],
      );
      assert.match(errors[0]?.message ?? '', /файл обрывается/);
    });

    test("an import's problems name the file's columns («Наименование»), not the form's words", async () => {
      const csv = (await p.transfer.exportRegistry(systemActor, 'csv', 'ru')).toString('utf8');
      const lines = csv.split(/\r?\n/);
      const header = lines[0].replace(/^\uFEFF/, '').split(';');
      const at = lines.findIndex((l) => /^"?organisation"?;/.test(l));
      const cells = lines[at].split(';');
      cells[header.indexOf('Наименование')] = 'Я'.repeat(300);
      lines[at] = cells.join(';');
      for (const [lang, word] of [
        ['ru', 'Наименование'],
        ['en', 'Name'],
      ]) {
        const refused = problem(
          await app.inject({
            method: 'POST',
            url: '/api/v1/registry/import?format=csv&dryRun=true',
            headers: {
              cookie: operatorCookie,
              'content-type': 'text/csv',
              'accept-language': lang,
            },
            payload: lines.join('\r\n'),
          }),
          400,
        );
        assert.deepEqual(
          refused.errors?.map((e) => [e.field, e.label]),
          [['name', word]],
          JSON.stringify(refused),
        );
      }
    });

    test('F15: re-admission does not revive the API keys of a former or rejected organisation', async () => {
      const m = await p.registry
        .addMembership(systemActor, 'sec-co', {
          role: 'core',
          joinedOn: '2021-01-01',
        })
        .catch(async () => {
          // already a member from before(): find the open membership
          const all = await p.registry.listMemberships(systemActor, 'sec-co');
          return all.find((x) => !x.leftOn) as { id: string };
        });
      const key = await p.users.createApiKey(systemActor, 'sec-co', { name: 'gw', role: 'member' });
      const addSite = (id: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/organisations/sec-co/sites',
          headers: { authorization: `Bearer ${key.secret}` },
          payload: { ...siteKemerovo, id },
        });
      assert.equal((await addSite('key-site-1')).statusCode, 201);
      await p.registry.endMembership(systemActor, m.id, { leftOn: '2026-01-01' });
      assert.equal((await addSite('key-site-2')).statusCode, 401);
      await p.registry.addMembership(systemActor, 'sec-co', {
        role: 'core',
        joinedOn: '2026-02-01',
      });
      assert.equal((await addSite('key-site-3')).statusCode, 401, 'the old key stays revoked');
      const keys = await p.users.listApiKeys(systemActor, 'sec-co');
      assert.ok(keys.find((k) => k.id === key.apiKey.id)?.revokedAt);
      const events = await listEvents(p.store, {
        organisationId: 'sec-co',
        type: 'apikey.revoked',
      });
      assert.equal(events.length, 1, 'the revocation is journaled');
      // a rejected applicant's key (made by the operator) is revoked with the rejection
      const anon = {
        kind: 'anonymous' as const,
        id: 'anonymous',
        organisationId: null,
        role: null,
      };
      const application = await p.registry.submitApplication(anon, {
        organisation: { ...organisationInput(), id: 'sec-applicant' },
        admin: { email: 'boss@applicant.example', name: 'Заявитель', password: 'applicant-pass-1' },
        consent: true,
      });
      const applicantKey = await p.users.createApiKey(systemActor, 'sec-applicant', {
        name: 'early',
        role: 'member',
      });
      await p.registry.decideApplication(systemActor, application.id, false, { note: 'нет' });
      const after = await p.users.listApiKeys(systemActor, 'sec-applicant');
      assert.ok(after.find((k) => k.id === applicantKey.apiKey.id)?.revokedAt);
    });
    test('F8: the application form does not tell registered e-mails or hidden organisations', async () => {
      const apply = (organisation: object, email: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          remoteAddress: '10.8.8.8',
          payload: {
            organisation,
            admin: { email, name: 'Заявитель', password: 'applicant-pass-1' },
            consent: true,
          },
        });
      const hiddenOrg = organisationInput();
      const first = await apply({ ...hiddenOrg, id: 'hidden-applicant' }, 'first@new.example');
      assert.equal(first.statusCode, 201, first.body);
      const shape = (r: Answer) => Object.keys(JSON.parse(r.body)).sort();
      // a registered e-mail, a hidden organisation's id, INN and OGRN: all answer as a new application
      const probes = [
        await apply({ ...organisationInput(), id: 'probe-1' }, 'admin@sec.example'),
        await apply({ ...organisationInput(), id: 'hidden-applicant' }, 'p2@new.example'),
        await apply(
          { ...organisationInput(), inn: hiddenOrg.inn, id: 'probe-3' },
          'p3@new.example',
        ),
        await apply(
          { ...organisationInput(), ogrn: hiddenOrg.ogrn, id: 'probe-4' },
          'p4@new.example',
        ),
      ];
      for (const r of probes) {
        assert.equal(r.statusCode, 201, r.body);
        assert.deepEqual(shape(r), shape(first));
        assert.equal(JSON.parse(r.body).status, 'pending');
      }
      // …but nothing of them is stored: the operator finds them in the journal
      const applications = await p.registry.listApplications(systemActor);
      assert.ok(
        !applications.some((x) => ['probe-1', 'probe-3', 'probe-4'].includes(x.organisationId)),
      );
      assert.equal(applications.filter((x) => x.organisationId === 'hidden-applicant').length, 1);
      const duplicates = await listEvents(p.store, { type: 'application.duplicate' });
      assert.deepEqual(
        duplicates.map((e) => (e.payload as { duplicates: string }).duplicates),
        ['admin.email', 'organisation.id', 'organisation.inn', 'organisation.ogrn'],
      );
      // what the public directory shows may still be named at its field
      const member = await p.registry.getOrganisation(systemActor, 'sec-co');
      const byId = problem(
        await apply({ ...organisationInput(), id: 'sec-co' }, 'p5@new.example'),
        409,
      );
      assert.deepEqual(
        byId.errors?.map((e) => e.field),
        ['organisation.id'],
      );
      const byInn = problem(
        await apply({ ...organisationInput(), inn: member.inn, id: 'probe-6' }, 'p6@new.example'),
        409,
      );
      assert.deepEqual(
        byInn.errors?.map((e) => e.field),
        ['organisation.inn'],
      );
    });
    test('F15 accounts: change my password, end my other sessions, a new session id at every login', async () => {
      await p.users.createUser(systemActor, 'sec-co', {
        email: 'acc@sec.example',
        name: 'Учётная запись',
        role: 'member',
        password: 'account-pass-1',
      });
      const login = async (password: string, cookie?: string) => {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.6.6.6',
          headers: cookie ? { cookie } : {},
          payload: { email: 'acc@sec.example', password },
        });
        return {
          status: r.statusCode,
          cookie: String(r.headers['set-cookie'] ?? '').split(';')[0],
        };
      };
      const me = async (cookie: string) =>
        JSON.parse((await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).body).user
          ?.email ?? null;
      const a = await login('account-pass-1');
      // logging in again, even with a session cookie, gives a new id; the old session stays
      const b = await login('account-pass-1', a.cookie);
      assert.equal(b.status, 200);
      assert.notEqual(b.cookie, a.cookie);
      assert.equal(await me(a.cookie), 'acc@sec.example');
      assert.equal(await me(b.cookie), 'acc@sec.example');
      const change = (
        cookie: string,
        currentPassword: string,
        headers = {},
        newPassword = 'account-pass-2-new',
      ) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/password',
          headers: { cookie, ...headers },
          payload: { currentPassword, newPassword },
        });
      const wrong = problem(await change(a.cookie, 'not-the-password'), 400);
      assert.deepEqual(
        wrong.errors?.map((e) => e.field),
        ['currentPassword'],
      );
      // the detail names the field by the form's words, not the API's, and once: it says
      // «Текущий пароль» already (a user walk read «Текущий пароль неверен: Текущий пароль»)
      const worded = problem(
        await change(a.cookie, 'not-the-password', { 'accept-language': 'ru' }),
        400,
      );
      assert.equal(worded.detail, 'Текущий пароль неверен');
      assert.deepEqual(
        worded.errors?.map((e) => [e.field, e.label]),
        [['currentPassword', 'Текущий пароль']],
      );
      // the current password as the new one changes nothing: refused, no session ends
      const same = problem(
        await change(a.cookie, 'account-pass-1', { 'accept-language': 'ru' }, 'account-pass-1'),
        400,
      );
      assert.deepEqual(
        same.errors?.map((e) => [e.field, e.message]),
        [['newPassword', 'совпадает с текущим паролем: выберите другой']],
      );
      assert.match(same.detail ?? '', /Новый пароль$/);
      assert.equal(await me(b.cookie), 'acc@sec.example');
      assert.equal((await change(a.cookie, 'account-pass-1')).statusCode, 200);
      // the other session ended, this one stays; the new password works, the old does not
      assert.equal(await me(a.cookie), 'acc@sec.example');
      assert.equal(await me(b.cookie), null);
      assert.equal((await login('account-pass-1')).status, 401);
      const c = await login('account-pass-2-new');
      const d2 = await login('account-pass-2-new');
      assert.equal(c.status, 200);
      const ended = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sessions/end-others',
        headers: { cookie: c.cookie },
      });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal(JSON.parse(ended.body).ended, 2);
      assert.equal(await me(c.cookie), 'acc@sec.example');
      assert.equal(await me(a.cookie), null);
      assert.equal(await me(d2.cookie), null);
      const events = await listEvents(p.store, { type: 'user.passwordChanged' });
      assert.equal(events.length, 1);
      assert.ok(!JSON.stringify(events[0].payload).includes('argon2'), 'no hash in the journal');
      // an API key has no password to change; an anonymous caller is refused before the body
      const key = await p.users.createApiKey(systemActor, 'sec-co', {
        name: 'gateway',
        role: 'member',
      });
      problem(
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/password',
          headers: { authorization: `Bearer ${key.secret}` },
          payload: { currentPassword: 'x', newPassword: 'account-pass-3-new' },
        }),
        403,
      );
      problem(await app.inject({ method: 'POST', url: '/api/v1/auth/sessions/end-others' }), 401);
    });
    test('F8: an invitation does not tell whether an e-mail is registered elsewhere', async () => {
      const invite = (email: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/organisations/sec-co/invitations',
          headers: { cookie: adminCookie },
          payload: { email, name: 'Коллега', role: 'member' },
        });
      // a person's name is «Имя» in the refusal, not an organisation's «Название»
      const nameless = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations/sec-co/invitations',
        headers: { cookie: adminCookie, 'accept-language': 'ru' },
        payload: { email: 'x@sec.example', name: 'К', role: 'member' },
      });
      const refused = problem(nameless, 400);
      assert.deepEqual(
        refused.errors?.map((e) => [e.field, e.label]),
        [['name', 'Имя']],
      );
      assert.match(refused.detail ?? '', /: Имя$/);
      const fresh = await invite('colleague@sec.example');
      const elsewhere = await invite('operator@sec.example');
      assert.equal(fresh.statusCode, 201, fresh.body);
      assert.equal(elsewhere.statusCode, 201, elsewhere.body);
      const keys = (r: Answer) => JSON.stringify(Object.keys(JSON.parse(r.body)).sort());
      assert.equal(keys(elsewhere), keys(fresh));
      assert.equal(JSON.parse(elsewhere.body).user.email, 'operator@sec.example');
      // its token opens nothing, and the operator's account is untouched
      const accept = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token: JSON.parse(elsewhere.body).token, password: 'taken-over-1x' },
      });
      assert.equal(accept.statusCode, 400, accept.body);
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'operator@sec.example', password: 'operator-password-1' },
      });
      assert.equal(login.statusCode, 200);
      const events = await listEvents(p.store, { type: 'user.inviteDuplicate' });
      assert.equal(events.length, 1);
      // a colleague of one's own organisation may be named
      problem(await invite('admin@sec.example'), 409);
      // one invited and not yet joined is said to be invited, not «registered»
      const again = problem(await invite('colleague@sec.example'), 409);
      assert.deepEqual(
        again.errors?.map((e) => [e.field, e.code]),
        [['email', 'registry.invitedAlready']],
      );
    });
  });

describe('slow clients', () => {
  test('F13: a connection that sends its headers slowly is closed', async () => {
    const d = sqliteDatabase();
    const pl = await d.open();
    const server = await buildServer(pl);
    // short limits for the test; serve.ts applies the defaults (20 s for headers)
    applyServerTimeouts(server.server, {
      headersTimeout: 1000,
      requestTimeout: 2000,
      keepAliveTimeout: 1000,
    });
    assert.equal(defaultTimeouts.headersTimeout > 0 && defaultTimeouts.requestTimeout > 0, true);
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as AddressInfo;
    try {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
      // one header line every 300 ms, never the blank line that ends them
      const drip = setInterval(() => socket.write(`X-Slow-${Date.now()}: 1\r\n`), 300);
      let answer = '';
      socket.on('data', (b) => {
        answer += b.toString();
      });
      // Node checks the limits every 30 s (connectionsCheckingInterval), so allow for that
      const closed = await Promise.race([
        once(socket, 'close').then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 45_000)),
      ]);
      clearInterval(drip);
      socket.destroy();
      assert.ok(closed, 'the slow connection is still open after 45 s');
      assert.ok(Date.now() - started < 45_000);
      assert.match(answer, /^HTTP\/1\.1 408|^$/, answer.slice(0, 100));
    } finally {
      await server.close();
      await pl.close();
      await d.drop();
    }
  });
});
