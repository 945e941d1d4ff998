// Sharing between companies on real databases (SQLite and PostgreSQL), through HTTP: an
// owner grants another organisation chosen keys of a device for a window and a purpose; the
// grantee reads only those keys inside the window, each read logged (N reads, N rows); a
// key not granted, a range outside the window, a third organisation and a revoked grant are
// refused; the journal carries each grant's full state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listEvents, verifyState } from '../../src/journal/index.ts';
import { HOUR_MS, stateReaders } from '../../src/machines/index.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, signedIn, siteKemerovo } from './fixtures.ts';

const dialects = await eachDialect();

const OWNER = 'gr-plant';
const GRANTEE = 'gr-buyer';
const THIRD = 'gr-third';
const HOUR = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 3 * HOUR_MS;
const at = (ms: number) => new Date(HOUR + ms).toISOString();
const q = (key: string, from: number, to: number) =>
  `key=${key}&from=${encodeURIComponent(at(from))}&to=${encodeURIComponent(at(to))}`;

for (const d of dialects) {
  describe(`device grants on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies: Record<string, string> = {};
    let deviceId: string;

    const call = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
      app.inject({
        method,
        url,
        headers: { cookie: cookies[who], 'accept-language': 'en' },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    before(async () => {
      db = await d.make();
      p = await db.open();
      for (const id of [OWNER, GRANTEE, THIRD]) {
        await p.registry.createOrganisation(systemActor, { ...organisationInput(), id });
        await p.registry.addMembership(systemActor, id, { role: 'core', joinedOn: '2021-01-01' });
      }
      await p.registry.addSite(systemActor, OWNER, { ...siteKemerovo, id: 'gr-site' });
      app = await buildServer(p, { checkResponses: true });
      const people: Array<[string, string, 'org_admin' | 'member']> = [
        ['ownerAdmin', OWNER, 'org_admin'],
        ['ownerMember', OWNER, 'member'],
        ['grantee', GRANTEE, 'member'],
        ['granteeAdmin', GRANTEE, 'org_admin'],
        ['third', THIRD, 'org_admin'],
      ];
      for (const [name, org, role] of people)
        cookies[name] = (
          await signedIn(p, org, { email: `${name}@${org}.example`, name, role })
        ).cookie;
      const dev = await p.machines.createDevice(systemActor, {
        organisationId: OWNER,
        siteId: 'gr-site',
        profileId: 'ash-analyser',
      });
      deviceId = dev.id;
      const device = (await p.machines.findDevice(dev.id))!;
      // ash and moisture each minute for two hours
      await p.machines.ingest(device, {
        points: Array.from({ length: 120 }, (_, i) => ({
          id: `a-${i}`,
          ts: at(i * 60_000),
          values: { ash_pct: 10 + (i % 7), moisture_pct: 5 + (i % 3) },
        })),
      });
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('grant, N reads give N usage rows, refusals, revoke', async () => {
      const base = `/api/v1/devices/${deviceId}`;
      const input = {
        organisationId: GRANTEE,
        keys: ['ash_pct'],
        from: at(0),
        to: at(HOUR_MS),
        purpose: 'Контроль зольности поставок',
      };
      // only the owner's administrators share; the others as the access rules say
      assert.equal((await call('POST', `${base}/grants`, 'ownerMember', input)).statusCode, 403);
      assert.equal((await call('POST', `${base}/grants`, 'granteeAdmin', input)).statusCode, 404);
      for (const [bad, field] of [
        [{ ...input, keys: ['ash_pct', 'no_such_key'] }, 'keys'],
        [{ ...input, to: at(-1) }, 'to'],
        [{ ...input, organisationId: OWNER }, 'organisationId'],
        [{ ...input, organisationId: 'gr-nobody' }, 'organisationId'],
      ] as const) {
        const r = await call('POST', `${base}/grants`, 'ownerAdmin', bad);
        assert.equal(r.statusCode, 400, r.body);
        assert.equal(r.json().errors[0].field, field);
      }
      let r = await call('POST', `${base}/grants`, 'ownerAdmin', input);
      assert.equal(r.statusCode, 201, r.body);
      const grant = r.json();
      assert.equal(grant.granteeOrganisationId, GRANTEE);
      assert.deepEqual(grant.keys, ['ash_pct']);
      assert.equal(grant.revokedAt, null);

      // before any grant-read: a third organisation sees no device, no grant, no usage
      assert.equal(
        (await call('GET', `${base}/telemetry?${q('ash_pct', 0, 600_000)}`, 'third')).statusCode,
        404,
      );
      assert.equal((await call('GET', `${base}/latest`, 'third')).statusCode, 404);
      assert.equal((await call('GET', `/api/v1/grants/${grant.id}`, 'third')).statusCode, 404);
      assert.equal(
        (await call('GET', `/api/v1/grants/${grant.id}/usage`, 'third')).statusCode,
        404,
      );

      // N reads under the grant: N usage rows, each with its key, range and point count
      const N = 5;
      const counts: number[] = [];
      for (let i = 0; i < N; i++) {
        const from = i * 600_000;
        const query =
          i === N - 1
            ? `${q('ash_pct', from, HOUR_MS)}&bucket=1m&agg=max`
            : q('ash_pct', from, from + 300_000 * (i + 1));
        r = await call('GET', `${base}/telemetry?${query}`, 'grantee');
        assert.equal(r.statusCode, 200, r.body);
        counts.push(r.json().points.length);
        assert.ok(r.json().points.length > 0);
      }
      // the owner's own reads are not reads under a grant
      r = await call(
        'GET',
        `${base}/telemetry?${q('moisture_pct', 0, 2 * HOUR_MS)}`,
        'ownerMember',
      );
      assert.equal(r.statusCode, 200);
      r = await call('GET', `/api/v1/grants/${grant.id}/usage`, 'ownerMember');
      assert.equal(r.statusCode, 200, r.body);
      const usage = r.json() as Array<{
        key: string;
        points: number;
        readerOrganisationId: string;
        read: string;
        from: string;
        to: string;
      }>;
      assert.equal(usage.length, N);
      // newest first
      assert.deepEqual(usage.map((u) => u.points).reverse(), counts);
      for (const u of usage) {
        assert.equal(u.key, 'ash_pct');
        assert.equal(u.readerOrganisationId, GRANTEE);
        assert.equal(u.read, 'telemetry');
      }
      assert.equal(usage[0].to, at(HOUR_MS));
      assert.equal(usage.at(-1)?.from, at(0));

      // a key not granted, a range reaching outside the window: refused, and not logged
      r = await call('GET', `${base}/telemetry?${q('moisture_pct', 0, 600_000)}`, 'grantee');
      assert.equal(r.statusCode, 403, r.body);
      assert.equal(r.json().code, 'machines.keyNotGranted');
      for (const [from, to] of [
        [HOUR_MS, HOUR_MS + 600_000],
        [-600_000, 600_000],
        [0, HOUR_MS + 1],
      ]) {
        r = await call('GET', `${base}/telemetry?${q('ash_pct', from, to)}`, 'grantee');
        assert.equal(r.statusCode, 403, `${from} ${to}: ${r.body}`);
        assert.equal(r.json().code, 'machines.outsideGrant');
      }
      // the owner's device list, its rejections, its grants: still the owner's only
      assert.equal((await call('GET', base, 'grantee')).statusCode, 404);
      assert.equal((await call('GET', `${base}/grants`, 'grantee')).statusCode, 404);

      // latest: only granted keys whose latest time is in the window (here: none, the
      // latest ash point is in the second hour); a second grant covering it shows it
      r = await call('GET', `${base}/latest`, 'grantee');
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), []);
      r = await call('POST', `${base}/grants`, 'ownerAdmin', {
        ...input,
        from: at(HOUR_MS),
        to: at(3 * HOUR_MS),
        purpose: 'Текущее качество',
      });
      assert.equal(r.statusCode, 201, r.body);
      const second = r.json();
      r = await call('GET', `${base}/latest`, 'grantee');
      assert.deepEqual(
        r.json().map((x: { key: string }) => x.key),
        ['ash_pct'],
      );
      r = await call('GET', `/api/v1/grants/${second.id}/usage`, 'ownerAdmin');
      assert.deepEqual(
        r
          .json()
          .map((u: { read: string; key: string; points: number }) => [u.read, u.key, u.points]),
        [['latest', 'ash_pct', 1]],
      );

      // listings: given for the owner, received for the grantee
      r = await call('GET', '/api/v1/grants?role=received', 'grantee');
      assert.deepEqual(
        new Set(r.json().map((x: { id: string }) => x.id)),
        new Set([grant.id, second.id]),
      );
      // with the device a grantee cannot look up: its name (none given here) and profile
      for (const x of r.json())
        assert.deepEqual(
          [x.deviceId, x.deviceName, x.deviceProfileId],
          [deviceId, null, 'ash-analyser'],
        );
      r = await call('GET', '/api/v1/grants?role=received', 'ownerAdmin');
      assert.deepEqual(r.json(), []);
      r = await call('GET', `${base}/grants`, 'ownerMember');
      assert.equal(r.json().length, 2);

      // revoke: not by the grantee nor an owner's member; then refused as if not shared
      assert.equal(
        (await call('POST', `/api/v1/grants/${grant.id}/revoke`, 'granteeAdmin')).statusCode,
        403,
      );
      assert.equal(
        (await call('POST', `/api/v1/grants/${grant.id}/revoke`, 'ownerMember')).statusCode,
        403,
      );
      r = await call('POST', `/api/v1/grants/${grant.id}/revoke`, 'ownerAdmin');
      assert.equal(r.statusCode, 200, r.body);
      assert.ok(r.json().revokedAt);
      assert.equal(
        (await call('POST', `/api/v1/grants/${grant.id}/revoke`, 'ownerAdmin')).statusCode,
        409,
      );
      r = await call('GET', `${base}/telemetry?${q('ash_pct', 0, 600_000)}`, 'grantee');
      assert.equal(r.statusCode, 403, 'the other grant is still in force, but not for this window');
      r = await call('POST', `/api/v1/grants/${second.id}/revoke`, 'ownerAdmin');
      assert.equal(r.statusCode, 200);
      r = await call(
        'GET',
        `${base}/telemetry?${q('ash_pct', HOUR_MS, HOUR_MS + 600_000)}`,
        'grantee',
      );
      assert.equal(r.statusCode, 404, r.body);
      assert.equal((await call('GET', `${base}/latest`, 'grantee')).statusCode, 404);
      // refused reads were not logged; the log stays readable to both sides
      r = await call('GET', `/api/v1/grants/${grant.id}/usage`, 'granteeAdmin');
      assert.equal(r.json().length, N);

      // a bucket answers for its whole span: an hour's bucket reaches past a half-hour window
      r = await call('POST', `${base}/grants`, 'ownerAdmin', {
        ...input,
        to: at(1_800_000),
        purpose: 'Полчаса',
      });
      assert.equal(r.statusCode, 201, r.body);
      r = await call('GET', `${base}/telemetry?${q('ash_pct', 0, 600_000)}&bucket=1h`, 'grantee');
      assert.equal(r.statusCode, 403, r.body);
      assert.equal(r.json().code, 'machines.outsideGrant');
      r = await call('GET', `${base}/telemetry?${q('ash_pct', 0, 600_000)}&bucket=1m`, 'grantee');
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().points.length, 10);

      // the journal: each grant's full state; `journal verify --state` agrees
      const events = await listEvents(p.store, { type: 'device-grant.revoked' });
      const last = events.find((e) => (e.payload as { id: string }).id === grant.id);
      assert.ok(last);
      const row = await p.machines.grants.get(
        { kind: 'user', id: 'x', organisationId: OWNER, role: 'member' },
        grant.id,
      );
      assert.deepEqual(last.payload, row);
      assert.ok(row.revokedAt);
      assert.equal((await listEvents(p.store, { type: 'device-grant.created' })).length, 3);
      const report = await verifyState(p.store, stateReaders);
      assert.equal(report.differences, 0, JSON.stringify(report.first));
    });
  });
}
