// An organisation's own alarm rules of a profile on real databases: read (the shipped set
// until it sets its own), set through HTTP by an org admin only, refused field by field when
// wrong, journaled with the set's full state; the evaluation then trips by the organisation's
// rules (a lower ash limit, a rule turned off, a shorter silence on an injected clock) while
// another organisation's devices of the same profile keep the shipped ones.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { listEvents, verifyState } from '../../src/journal/index.ts';
import {
  type AlarmRuleSet,
  ManualClock,
  openMachines,
  stateReaders,
} from '../../src/machines/index.ts';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo, siteMyski } from './fixtures.ts';

const dialects = await eachDialect();

const ORG = 'ar-plant';
const OTHER = 'ar-other';
const SITE = 'ar-plant-site';
const OTHER_SITE = 'ar-other-site';
const member = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'member',
});

for (const d of dialects) {
  describe(`alarm rules of an organisation on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies: Record<string, string> = {};
    let serial = 0;

    const session = async (org: string, role: 'member' | 'org_admin') => {
      const u = await p.users.createUser(systemActor, org, {
        email: `${role}-${randomBytes(3).toString('hex')}@${org}.example`,
        name: role,
        role,
        password: 'password-for-tests',
      });
      return `${SESSION_COOKIE}=${(await p.users.openSession(u.id)).token}`;
    };
    const rulesUrl = '/api/v1/device-profiles/ash-analyser/alarm-rules';
    const put = (cookie: string, rules: unknown[]) =>
      app.inject({ method: 'PUT', url: rulesUrl, headers: { cookie }, payload: { rules } });
    const ash = async (device: { id: string; token: string }, value: number) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/telemetry',
        headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({
          device: device.id,
          points: [
            {
              id: `a-${serial++}`,
              ts: new Date(Date.now() - 60_000 + serial).toISOString(),
              values: { ash_pct: value },
            },
          ],
        }),
      });
      assert.equal(r.statusCode, 200, r.body);
    };
    const openRules = async (org: string, deviceId: string) =>
      (await p.alarms.list(member(org), { status: 'open', device: deviceId }))
        .map((a) => a.rule.id)
        .sort();

    before(async () => {
      db = await d.make();
      p = await db.open();
      for (const id of [ORG, OTHER]) {
        await p.registry.createOrganisation(systemActor, { ...organisationInput(), id });
        await p.registry.addMembership(systemActor, id, { role: 'core', joinedOn: '2021-01-01' });
      }
      await p.registry.addSite(systemActor, ORG, { ...siteKemerovo, id: SITE });
      await p.registry.addSite(systemActor, OTHER, { ...siteMyski, id: OTHER_SITE });
      app = await buildServer(p, { checkResponses: true });
      cookies.member = await session(ORG, 'member');
      cookies.admin = await session(ORG, 'org_admin');
      cookies.otherAdmin = await session(OTHER, 'org_admin');
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('the shipped set until the organisation sets its own; only an org admin sets it, checked field by field', async () => {
      let r = await app.inject({ url: rulesUrl, headers: { cookie: cookies.member } });
      assert.equal(r.statusCode, 200, r.body);
      const shipped = r.json() as AlarmRuleSet;
      assert.equal(shipped.custom, false);
      assert.equal(shipped.organisationId, ORG);
      assert.deepEqual(shipped.rules, shipped.defaults);
      assert.deepEqual(
        shipped.rules.map((x) => [x.id, x.kind, x.enabled]),
        [
          ['ash-high', 'threshold', true],
          ['ash-above-target', 'threshold', true],
          ['ash-no-data', 'no-data', true],
        ],
      );
      // the shipped ash limits are offsets from the plant's target
      assert.deepEqual(
        shipped.rules.filter((x) => x.kind === 'threshold').map((x) => [x.relativeTo, x.max]),
        [
          ['target', 1.5],
          ['target', 1],
        ],
      );
      // anonymous: 401; an unknown profile: 404
      assert.equal((await app.inject({ url: rulesUrl })).statusCode, 401);
      r = await app.inject({
        url: '/api/v1/device-profiles/no-such/alarm-rules',
        headers: { cookie: cookies.member },
      });
      assert.equal(r.statusCode, 404);
      // a member may read but not set
      r = await put(cookies.member, shipped.rules);
      assert.equal(r.statusCode, 403, r.body);
      // wrong rules: each problem named by its field
      r = await put(cookies.admin, [
        {
          id: 'ash-high',
          key: 'ash_pct',
          severity: 'critical',
          kind: 'threshold',
          min: 12,
          max: 11,
        },
        { id: 'ash-high', key: 'ash_pct', severity: 'warning', kind: 'no-data', minutes: 0 },
        { id: 'jump', key: 'throughput_tph', severity: 'warning', kind: 'rate', perMinute: -1 },
        {
          id: 'band',
          key: 'ash_pct',
          severity: 'warning',
          kind: 'threshold',
          min: 5,
          max: 6,
          hysteresis: 2,
        },
        { id: 'none', key: 'ash_pct', severity: 'warning', kind: 'threshold' },
        // moisture has no target a plant sets
        {
          id: 'wet',
          key: 'moisture_pct',
          severity: 'warning',
          kind: 'threshold',
          relativeTo: 'target',
          max: 2,
        },
      ]);
      assert.equal(r.statusCode, 400, r.body);
      const fields = (r.json().errors as Array<{ field: string }>).map(
        (f: { field: string }) => f.field,
      );
      assert.deepEqual(fields.sort(), [
        'rules.0.max',
        'rules.1.id',
        'rules.1.minutes',
        'rules.2.key',
        'rules.2.perMinute',
        'rules.3.hysteresis',
        'rules.4.max',
        'rules.5.relativeTo',
      ]);
      // nothing was stored by the refused set
      r = await app.inject({ url: rulesUrl, headers: { cookie: cookies.admin } });
      assert.equal(r.json().custom, false);
      // the messages are worded in the caller's language
      r = await app.inject({
        method: 'PUT',
        url: rulesUrl,
        headers: { cookie: cookies.admin, 'accept-language': 'ru' },
        payload: {
          rules: [
            { id: 'x', key: 'ash_pct', severity: 'warning', kind: 'threshold', min: 3, max: 2 },
          ],
        },
      });
      assert.equal(r.statusCode, 400);
      assert.match(r.body, /максимум должен быть больше минимума/);
    });

    test('an override changes what trips, for its organisation only; journaled with its full state', async () => {
      const mine = await p.machines.createDevice(systemActor, {
        organisationId: ORG,
        siteId: SITE,
        profileId: 'ash-analyser',
      });
      const theirs = await p.machines.createDevice(systemActor, {
        organisationId: OTHER,
        siteId: OTHER_SITE,
        profileId: 'ash-analyser',
      });
      // the other organisation's analyser is its plant's, made to Ad 10 %
      const belt = () =>
        p.machines.createDevice(systemActor, {
          organisationId: OTHER,
          siteId: OTHER_SITE,
          profileId: 'belt-scale',
        });
      await p.plant.configure(systemActor, OTHER_SITE, {
        feedDeviceId: (await belt()).id,
        productDeviceId: (await belt()).id,
        ashDeviceId: theirs.id,
        ashTargetPct: 10,
      });
      // the shipped rules follow a plant's target; this analyser is no plant's: nothing trips
      await ash(mine, 10.5);
      assert.deepEqual(await openRules(ORG, mine.id), []);
      // the organisation sells a low-ash grade: its limit 10 %, cleared at 9.7 % or below
      const r = await put(cookies.admin, [
        {
          id: 'ash-high',
          key: 'ash_pct',
          severity: 'critical',
          kind: 'threshold',
          max: 10,
          hysteresis: 0.3,
          // a form sends every field; those of other kinds are dropped
          minutes: 5,
        },
        { id: 'ash-no-data', key: 'ash_pct', severity: 'warning', kind: 'no-data', minutes: 3 },
      ]);
      assert.equal(r.statusCode, 200, r.body);
      const set = r.json() as AlarmRuleSet;
      assert.equal(set.custom, true);
      assert.deepEqual(set.rules[0], {
        id: 'ash-high',
        key: 'ash_pct',
        severity: 'critical',
        kind: 'threshold',
        max: 10,
        hysteresis: 0.3,
        enabled: true,
      });
      await ash(mine, 10.5);
      assert.deepEqual(await openRules(ORG, mine.id), ['ash-high']);
      // the header's summary counts it; acknowledged, it is no longer counted
      const summary = async () =>
        (
          await app.inject({ url: '/api/v1/alarms/summary', headers: { cookie: cookies.member } })
        ).json() as {
          active: number;
          critical: number;
          latestCritical: { id: string; keyLabel: { ru: string; en: string } | null } | null;
        };
      const raised = await summary();
      assert.deepEqual([raised.active, raised.critical], [1, 1]);
      // the reading by its profile's name, for the header's toast (the key is an id)
      assert.deepEqual(raised.latestCritical?.keyLabel, { ru: 'Зольность Ad', en: 'Ash Ad' });
      const ack = await app.inject({
        method: 'POST',
        url: `/api/v1/alarms/${raised.latestCritical?.id}/acknowledge`,
        headers: { cookie: cookies.member },
      });
      assert.equal(ack.statusCode, 200, ack.body);
      assert.deepEqual(await summary(), { active: 0, critical: 0, latestCritical: null });
      // hysteresis: 9.8 is below the limit but not 0.3 inside it
      await ash(mine, 9.8);
      assert.deepEqual(await openRules(ORG, mine.id), ['ash-high']);
      await ash(mine, 9.6);
      assert.deepEqual(await openRules(ORG, mine.id), []);
      // the other organisation keeps the shipped rules, against its plant's target
      await ash(theirs, 10.5);
      assert.deepEqual(await openRules(OTHER, theirs.id), []);
      await ash(theirs, 12);
      assert.deepEqual(await openRules(OTHER, theirs.id), ['ash-above-target', 'ash-high']);
      // a rule turned off raises nothing
      const off = await put(cookies.admin, [{ ...set.rules[0], enabled: false }, set.rules[1]]);
      assert.equal(off.statusCode, 200, off.body);
      await ash(mine, 15);
      assert.deepEqual(await openRules(ORG, mine.id), []);
      // each change one event carrying the set; the stored state matches the journal
      const events = (await listEvents(p.store, { type: 'alarm-rules.set' })).filter(
        (e) => (e.payload as AlarmRuleSet).organisationId === ORG,
      );
      assert.equal(events.length, 2);
      assert.equal((events[1].payload as AlarmRuleSet).rules[0].enabled, false);
      const report = await verifyState(p.store, stateReaders);
      assert.equal(report.differences, 0, JSON.stringify(report.first));
    });

    test("no data: the organisation's shorter silence trips on the injected clock", async () => {
      const clock = new ManualClock(Date.now());
      // services of their own on the clock, reading the set stored by the previous test
      const s = openMachines(p.store, clock.now);
      const mine = await s.machines.createDevice(systemActor, {
        organisationId: ORG,
        siteId: SITE,
        profileId: 'ash-analyser',
      });
      const theirs = await s.machines.createDevice(systemActor, {
        organisationId: OTHER,
        siteId: OTHER_SITE,
        profileId: 'ash-analyser',
      });
      const stop = s.alarms.startSilenceChecks(clock, 60_000);
      await clock.advance(2 * 60_000);
      assert.deepEqual(await openRules(ORG, mine.id), []);
      await clock.advance(60_000);
      // three minutes: the organisation's rule; the other's shipped rule waits ten
      assert.deepEqual(await openRules(ORG, mine.id), ['ash-no-data']);
      assert.deepEqual(await openRules(OTHER, theirs.id), []);
      await clock.advance(7 * 60_000);
      assert.deepEqual(await openRules(OTHER, theirs.id), ['ash-no-data']);
      stop();
    });
  });
}
