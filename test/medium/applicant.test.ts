// The applicant's journey (issue 9; user walk H1, H5, H6, L2, L11): the first site, the
// status link, applying again after a rejection, the login's answers, the consent. Through
// the HTTP server (app.inject) on real SQLite and PostgreSQL, with the journal's state check.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { stateReaders as exchangeReaders } from '../../src/exchange/index.ts';
import { listEvents, verifyState } from '../../src/journal/index.ts';
import type { Platform } from '../../src/platform.ts';
import { stateReaders as registryReaders, SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import {
  organisationInput,
  signedIn,
  signedInOperator,
  siteKemerovo,
  siteMyski,
} from './fixtures.ts';

type Answer = { statusCode: number; headers: Record<string, unknown>; body: string };
const json = (r: Answer, status: number) => {
  assert.equal(r.statusCode, status, r.body);
  return JSON.parse(r.body);
};
let address = 0;
/** each call from its own address: the hashing routes' per-address limit is not what is tested */
const from = () => `10.9.${Math.floor(address / 200)}.${(address++ % 200) + 1}`;

for (const d of await eachDialect())
  describe(`the applicant's journey on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let operatorCookie = '';

    const apply = (body: object, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        remoteAddress: from(),
        headers,
        payload: body,
      });
    const application = (n: number, over: object = {}) => ({
      organisation: organisationInput({ kind: 'waste_processor' }),
      site: siteKemerovo,
      requestedRole: 'niche',
      motivation: 'Переработка золошлаков',
      admin: {
        email: `boss${n}@applicant.example`,
        name: 'Заявитель',
        password: 'applicant-pass-1',
      },
      consent: true,
      ...over,
    });
    const status = (token: string, lang = 'ru') =>
      app.inject({
        url: `/api/v1/application-status/${token}`,
        headers: { 'accept-language': lang },
      });
    const asOperator = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, headers: { cookie: operatorCookie }, payload });
    const login = (email: string, password: string, lang = 'ru') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: from(),
        headers: { 'accept-language': lang },
        payload: { email, password },
      });

    before(async () => {
      db = await d.make();
      p = await db.open();
      operatorCookie = (await signedInOperator(p, 'ap')).cookie;
      app = await buildServer(p);
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('H5 H6 a status link: the right token shows the status, a wrong one is 404, and it opens nothing else', async () => {
      const receipt = json(await apply(application(1)), 201);
      assert.equal(typeof receipt.statusToken, 'string');
      assert.ok(receipt.statusToken.length >= 40, 'a random token of 32 bytes');
      assert.ok(receipt.consentedAt, 'the consent is recorded');
      const seen = json(await status(receipt.statusToken), 200);
      assert.equal(seen.status, 'pending');
      assert.equal(seen.organisationName, receipt.organisationName);
      assert.equal(seen.reapply, null);
      // only the token's hash is kept
      const rows = await p.store.db.selectFrom('application_status_token').selectAll().execute();
      const hash = createHash('sha256').update(receipt.statusToken).digest('hex');
      assert.ok(rows.some((r) => r.token_hash === hash));
      assert.ok(!rows.some((r) => JSON.stringify(r).includes(receipt.statusToken)));
      // a wrong token, or the application's id, is no status link
      json(await status('x'.repeat(43)), 404);
      json(await status(`${receipt.statusToken.slice(0, -2)}AA`), 404);
      json(await status(receipt.id), 404);
      // a link cut short is refused by its own name, not as an invitation
      const short = json(await status('abc'), 400);
      assert.equal(short.detail, 'Неверные данные: Ссылка на заявку');
      assert.equal(short.errors[0].label, 'Ссылка на заявку');
      assert.equal(json(await status('abc', 'en'), 400).detail, 'Invalid input: Status link');
      // the token is not a session, an API key or an invitation
      const me = json(
        await app.inject({
          url: '/api/v1/auth/me',
          headers: { cookie: `${SESSION_COOKIE}=${receipt.statusToken}` },
        }),
        200,
      );
      assert.equal(me.user, null);
      const byKey = await app.inject({
        url: '/api/v1/applications',
        headers: { authorization: `Bearer ${receipt.statusToken}` },
      });
      assert.equal(byKey.statusCode, 401, byKey.body);
      const asInvitation = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        remoteAddress: from(),
        payload: { token: receipt.statusToken, password: 'Some-pass-2026' },
      });
      assert.equal(asInvitation.statusCode, 400, asInvitation.body);
      // the first site waits hidden with its applicant
      const hidden = await app.inject({
        url: `/api/v1/organisations/${receipt.organisationId}/sites`,
      });
      assert.equal(hidden.statusCode, 404, hidden.body);
      // the journal carries the site with the application, never the token
      const [submitted] = (await listEvents(p.store, { type: 'application.submitted' })).filter(
        (e) => (e.payload as { application: { id: string } }).application.id === receipt.id,
      );
      const payload = submitted.payload as { site: { name: string; organisationId: string } };
      assert.equal(payload.site.name, siteKemerovo.name);
      assert.equal(payload.site.organisationId, receipt.organisationId);
      assert.ok(!JSON.stringify(submitted.payload).includes(receipt.statusToken));
    });

    test('H1 an application without a site still works for API clients written before it', async () => {
      const { site: _no, ...withoutSite } = application(2);
      const receipt = json(await apply(withoutSite), 201);
      assert.equal(json(await status(receipt.statusToken), 200).status, 'pending');
    });

    test('F8 a duplicate of a hidden record gets a status link like any other, showing pending', async () => {
      const firstBody = application(3);
      const first = json(await apply(firstBody), 201);
      // the same e-mail again: a duplicate of a hidden record, answered as a new application
      const dup = json(await apply(application(3)), 201);
      assert.deepEqual(Object.keys(dup).sort(), Object.keys(first).sort());
      assert.notEqual(dup.statusToken, first.statusToken);
      const a = json(await status(first.statusToken), 200);
      const b = json(await status(dup.statusToken), 200);
      assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
      assert.deepEqual(
        [b.status, b.decidedAt, b.reapply, b.superseded],
        ['pending', null, null, false],
      );
      // a duplicate by INN with a new admin: logging in with its password answers as a new
      // applicant's login does ("pending"), so the login tells no duplicate either
      const real = json(await login('boss3@applicant.example', 'applicant-pass-1'), 403);
      const probe = json(
        await apply(
          application(11, {
            organisation: { ...organisationInput(), inn: firstBody.organisation.inn },
          }),
        ),
        201,
      );
      assert.equal(json(await status(probe.statusToken), 200).status, 'pending');
      const probeLogin = json(await login('boss11@applicant.example', 'applicant-pass-1'), 403);
      assert.equal(probeLogin.detail, real.detail);
      assert.equal(
        json(await login('boss11@applicant.example', 'other-pass-123'), 401).code,
        json(await login('nobody11@applicant.example', 'other-pass-123'), 401).code,
      );
      // its link cannot apply again either, with the answer a pending application gets
      const again = await app.inject({
        method: 'POST',
        url: `/api/v1/application-status/${dup.statusToken}/reapply`,
        remoteAddress: from(),
        payload: { organisation: organisationInput(), consent: true },
      });
      const pendingAgain = await app.inject({
        method: 'POST',
        url: `/api/v1/application-status/${first.statusToken}/reapply`,
        remoteAddress: from(),
        payload: { organisation: organisationInput(), consent: true },
      });
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(pendingAgain.statusCode, 409, pendingAgain.body);
      assert.equal(JSON.parse(again.body).detail, JSON.parse(pendingAgain.body).detail);
      // the operator is no longer left with the journal alone: both duplicates are listed,
      // newest first, with what they repeat and who holds it now
      const listed = json(await asOperator('GET', '/api/v1/applications/duplicates'), 200);
      const [byInn, byEmail] = listed.filter((x: { contactEmail: string }) =>
        ['boss3@applicant.example', 'boss11@applicant.example'].includes(x.contactEmail),
      );
      assert.equal(byInn.contactEmail, 'boss11@applicant.example');
      assert.deepEqual(byInn.repeats, ['organisation.inn']);
      assert.equal(byInn.inn, firstBody.organisation.inn);
      assert.deepEqual(byInn.existing, [
        {
          organisationId: first.organisationId,
          organisationName: first.organisationName,
          status: 'applicant',
        },
      ]);
      assert.equal(byEmail.contactEmail, 'boss3@applicant.example');
      assert.ok(byEmail.repeats.includes('admin.email'), JSON.stringify(byEmail.repeats));
      assert.ok(
        byEmail.existing.some(
          (x: { organisationId: string }) => x.organisationId === first.organisationId,
        ),
      );
      // and no one else may read them: an applicant's secret is the operator's only
      assert.equal((await app.inject({ url: '/api/v1/applications/duplicates' })).statusCode, 401);
    });

    test('F8 the operator records how a repeated application was answered: once, only the operator', async () => {
      const first = application(30);
      const original = json(await apply(first), 201);
      // the same INN again, by another admin
      const inn = first.organisation.inn;
      json(await apply(application(31, { organisation: { ...organisationInput(), inn } })), 201);
      const waiting = json(await asOperator('GET', '/api/v1/applications/duplicates'), 200);
      const dup = waiting.find(
        (x: { contactEmail: string }) => x.contactEmail === 'boss31@applicant.example',
      );
      assert.equal(dup.answered, null);
      const url = `/api/v1/applications/duplicates/${dup.seq}/answer`;
      // a note is required, in the caller's language, naming the field
      const empty = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: operatorCookie, 'accept-language': 'ru' },
        payload: { note: '   ' },
      });
      assert.equal(empty.statusCode, 400, empty.body);
      assert.match(empty.body, /как ответили заявителю/);
      assert.match(empty.body, /"note"/);
      // only the operator records it
      const member = await signedIn(p, original.organisationId, {
        email: 'member31@applicant.example',
        name: 'Участник',
        role: 'member',
      });
      const byMember = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: member.cookie },
        payload: { note: 'ответил' },
      });
      assert.ok([401, 403].includes(byMember.statusCode), byMember.body);
      assert.equal(
        (await app.inject({ method: 'POST', url, payload: { note: 'x' } })).statusCode,
        401,
      );
      // a number that is not a repeated application is not one
      const notDup = await asOperator(
        'POST',
        `/api/v1/applications/duplicates/${dup.seq - 1}/answer`,
        { note: 'ответил' },
      );
      assert.equal(notDup.statusCode, 404, notDup.body);
      assert.equal(
        (await asOperator('POST', '/api/v1/applications/duplicates/999999/answer', { note: 'x' }))
          .statusCode,
        404,
      );
      const note = 'Написали 3 декабря: организация уже подала заявку, ждите решения';
      const answer = json(await asOperator('POST', url, { note: `  ${note} ` }), 200);
      assert.equal(answer.note, note);
      assert.equal(answer.by, 'Оператор');
      // once: a second answer is refused, the first kept
      const again = await asOperator('POST', url, { note: 'ещё раз' });
      assert.equal(again.statusCode, 409, again.body);
      const listed = json(await asOperator('GET', '/api/v1/applications/duplicates'), 200).find(
        (x: { seq: number }) => x.seq === dup.seq,
      );
      assert.deepEqual(listed.answered, answer);
      // journaled with the operator as its actor
      const [event] = await listEvents(p.store, { type: 'application.duplicate-answered' });
      assert.deepEqual(event.payload, { seq: dup.seq, note });
      assert.equal(event.at, answer.at);
    });

    test('H6 logging in while pending or after a rejection says so; a wrong password stays generic', async () => {
      const receipt = json(await apply(application(4)), 201);
      const email = 'boss4@applicant.example';
      const wrong = json(await login(email, 'not-the-password-1'), 401);
      const unknown = json(await login('nobody@applicant.example', 'applicant-pass-1'), 401);
      assert.equal(wrong.detail, unknown.detail, 'a wrong password tells nothing');
      assert.match(wrong.detail, /Неверный e-mail или пароль/);
      const pending = json(await login(email, 'applicant-pass-1'), 403);
      assert.match(pending.detail, /ещё рассматривается/);
      assert.match(
        json(await login(email, 'applicant-pass-1', 'en'), 403).detail,
        /still being considered/,
      );
      json(
        await asOperator('POST', `/api/v1/applications/${receipt.id}/reject`, { note: 'нет' }),
        200,
      );
      assert.match(json(await login(email, 'applicant-pass-1'), 403).detail, /отклонена/);
      assert.match(json(await login(email, 'applicant-pass-1', 'en'), 403).detail, /was rejected/);
      assert.equal(json(await login(email, 'wrong-password-22'), 401).detail, wrong.detail);
    });

    test('H6 L2 applying again after a rejection, then admitted with the role granted; the site is listed', async () => {
      const first = json(await apply(application(5)), 201);
      const orgId = first.organisationId;
      json(
        await asOperator('POST', `/api/v1/applications/${first.id}/reject`, {
          note: 'Укажите площадку в Мысках',
        }),
        200,
      );
      const rejected = json(await status(first.statusToken), 200);
      assert.equal(rejected.status, 'rejected');
      assert.equal(rejected.decisionNote, 'Укажите площадку в Мысках');
      assert.ok(rejected.decidedAt);
      assert.equal(rejected.reapply.site.name, siteKemerovo.name);
      assert.equal(rejected.reapply.organisation.id, orgId);
      assert.equal(rejected.reapply.contactEmail, 'boss5@applicant.example');
      // the public form still does not tell that this INN belongs to a rejected organisation
      const probe = json(
        await apply(
          application(6, {
            organisation: { ...organisationInput(), inn: rejected.reapply.organisation.inn },
          }),
        ),
        201,
      );
      assert.equal(probe.status, 'pending');
      // consent is asked again
      const noConsent = await app.inject({
        method: 'POST',
        url: `/api/v1/application-status/${first.statusToken}/reapply`,
        remoteAddress: from(),
        payload: { organisation: rejected.reapply.organisation, site: siteMyski },
      });
      assert.equal(noConsent.statusCode, 400, noConsent.body);
      const second = json(
        await app.inject({
          method: 'POST',
          url: `/api/v1/application-status/${first.statusToken}/reapply`,
          remoteAddress: from(),
          payload: {
            organisation: { ...rejected.reapply.organisation, description: 'Теперь с площадкой' },
            site: siteMyski,
            requestedRole: 'niche',
            motivation: 'Вторая попытка',
            consent: true,
          },
        }),
        201,
      );
      assert.equal(second.organisationId, orgId);
      assert.notEqual(second.statusToken, first.statusToken);
      // the old link now says that a newer application exists, and cannot be used again
      const old = json(await status(first.statusToken), 200);
      assert.deepEqual([old.status, old.superseded, old.reapply], ['rejected', true, null]);
      const twice = await app.inject({
        method: 'POST',
        url: `/api/v1/application-status/${first.statusToken}/reapply`,
        remoteAddress: from(),
        payload: { organisation: rejected.reapply.organisation, consent: true },
      });
      assert.equal(twice.statusCode, 409, twice.body);
      assert.equal(json(await status(second.statusToken), 200).status, 'pending');
      assert.match(
        json(await login('boss5@applicant.example', 'applicant-pass-1'), 403).detail,
        /рассматривается/,
      );
      // the operator admits it in another role than asked: the role granted is shown (L2)
      json(
        await asOperator('POST', `/api/v1/applications/${second.id}/admit`, {
          role: 'core',
          note: 'Добро пожаловать',
        }),
        200,
      );
      const admitted = json(await asOperator('GET', '/api/v1/applications?status=admitted'), 200);
      const mine = admitted.find((x: { id: string }) => x.id === second.id);
      assert.deepEqual([mine.requestedRole, mine.grantedRole], ['niche', 'core']);
      const now = json(await status(second.statusToken, 'en'), 200);
      assert.deepEqual(
        [now.status, now.grantedRole, now.decisionNote],
        ['admitted', 'core', 'Добро пожаловать'],
      );
      assert.equal(
        json(await login('boss5@applicant.example', 'applicant-pass-1'), 200).email,
        'boss5@applicant.example',
      );
      // its first site (as given the second time) is a site of the member now
      const sites = json(await app.inject({ url: `/api/v1/organisations/${orgId}/sites` }), 200);
      assert.deepEqual(
        sites.map((s: { name: string; lat: number; agglomeration: string }) => [
          s.name,
          s.lat,
          s.agglomeration,
        ]),
        [[siteMyski.name, siteMyski.lat, 'novokuznetsk']],
      );
      const org = json(await app.inject({ url: `/api/v1/organisations/${orgId}` }), 200);
      assert.deepEqual([org.status, org.description], ['member', 'Теперь с площадкой']);
      const events = await listEvents(p.store, { type: 'application.resubmitted' });
      assert.equal(events.length, 1);
      // events carry state: every record's latest event equals its row
      const report = await verifyState(p.store, [...registryReaders, ...exchangeReaders]);
      assert.equal(report.differences, 0, JSON.stringify(report.first));
      assert.ok(report.compared > 0);
    });

    test('L11 consent to personal-data processing is required; a website needs its scheme', async () => {
      const { consent: _c, ...without } = application(7);
      const missing = json(await apply(without), 400);
      assert.deepEqual(
        missing.errors.map((e: { field: string }) => e.field),
        ['consent'],
      );
      json(await apply({ ...application(8), consent: false }), 400);
      const site = json(
        await apply(
          application(9, {
            organisation: organisationInput({ website: 'sorbcia.example' }),
          }),
          { 'accept-language': 'ru' },
        ),
        400,
      );
      const website = site.errors.find(
        (e: { field: string }) => e.field === 'organisation.website',
      );
      assert.equal(website.code, 'registry.rule.website');
      assert.match(website.message, /https:\/\//);
      json(
        await apply(
          application(10, {
            organisation: organisationInput({ website: 'https://sorbcia.example' }),
          }),
        ),
        201,
      );
    });
  });
