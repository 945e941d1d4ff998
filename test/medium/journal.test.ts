// Every mutating service writes exactly one journal event in its own transaction, and
// `digicluster journal verify` detects rows altered, deleted, inserted or reordered in the
// database directly — on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { journalHeadSeq, listEvents, verifyJournal } from '../../src/journal/index.ts';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo, siteMyski } from './fixtures.ts';

const taxonomy = {
  properties: [{ id: 'ash', name: { ru: 'Зольность', en: 'Ash' }, symbol: 'Ad', unit: '%' }],
  uses: [{ id: 'backfill', name: { ru: 'Закладка', en: 'Backfill' } }],
  materials: [
    {
      id: 'fly-ash',
      name: { ru: 'Зола-унос', en: 'Fly ash' },
      category: 'combustion_residue',
      unit: 't',
      waste: true,
      fkko: ['6 11 100 01 40 4'],
      ewc: ['10 01 02'],
      properties: ['ash'],
      uses: ['backfill'],
    },
  ],
};

const head = (p: Platform) => journalHeadSeq(p.store);

for (const d of await eachDialect()) {
  describe(`journal on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    before(async () => {
      db = await d.make();
      p = await db.open();
    });
    after(async () => {
      await p?.close();
      await db?.drop();
    });

    /**
     * Runs one change and asserts it left exactly one event of the given type; with `state`,
     * that the event carries the full new state of the record it changed, as read back
     * (`pick` picks the record out of an event that carries several).
     */
    async function oneEvent<T>(
      type: string,
      change: () => Promise<T>,
      state?: (result: T) => Promise<unknown>,
      pick: (payload: Record<string, unknown>) => unknown = (x) => x,
    ): Promise<T> {
      const before = await head(p);
      const result = await change();
      const events = await listEvents(p.store, { afterSeq: before });
      assert.deepEqual(
        events.map((e) => e.type),
        [type],
        `${type}: exactly one event`,
      );
      if (state) {
        const carried = JSON.parse(
          JSON.stringify(pick(events[0].payload as Record<string, unknown>)),
        );
        assert.deepEqual(
          carried,
          JSON.parse(JSON.stringify(await state(result))),
          `${type} carries the state`,
        );
      }
      return result;
    }
    const organisationNow = (id: string) => p.registry.getOrganisation(systemActor, id);
    const siteNow = async (id: string) =>
      (await p.registry.listSites(systemActor)).find((s) => s.id === id);
    const userNow = async (organisationId: string, id: string) =>
      (await p.users.listUsers(systemActor, organisationId)).find((u) => u.id === id);
    const keyNow = async (organisationId: string, id: string) =>
      (await p.users.listApiKeys(systemActor, organisationId)).find((k) => k.id === id);
    const membershipNow = async (id: string) =>
      (await p.registry.listMemberships(systemActor)).find((m) => m.id === id);

    test('every mutating service writes exactly one event per change', async () => {
      await oneEvent('taxonomy.defined', () => p.registry.defineTaxonomy(systemActor, taxonomy));
      await oneEvent('material.defined', () =>
        p.registry.defineMaterial(systemActor, {
          ...taxonomy.materials[0],
          id: 'bottom-slag',
          name: { ru: 'Шлак', en: 'Slag' },
          fkko: ['6 11 200 01 21 4'],
        }),
      );
      const org = await oneEvent(
        'organisation.registered',
        () => p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'pit-a' }),
        (o) => organisationNow(o.id),
      );
      await oneEvent(
        'organisation.updated',
        () => p.registry.updateOrganisation(systemActor, org.id, { employees: 1500 }),
        () => organisationNow(org.id),
      );
      const m = await oneEvent(
        'membership.started',
        () =>
          p.registry.addMembership(systemActor, org.id, { role: 'core', joinedOn: '2019-05-01' }),
        (x) => membershipNow(x.id),
        (e) => e.membership,
      );
      const site = await oneEvent(
        'site.added',
        () => p.registry.addSite(systemActor, org.id, siteMyski),
        (x) => siteNow(x.id),
      );
      // the request's holder: another organisation (its own offer would be internal reuse)
      const taker = await oneEvent(
        'organisation.registered',
        () => p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'plant-b' }),
        (o) => organisationNow(o.id),
      );
      await oneEvent(
        'membership.started',
        () =>
          p.registry.addMembership(systemActor, taker.id, { role: 'core', joinedOn: '2019-05-01' }),
        (x) => membershipNow(x.id),
        (e) => e.membership,
      );
      const takerSite = await oneEvent(
        'site.added',
        () => p.registry.addSite(systemActor, taker.id, siteMyski),
        (x) => siteNow(x.id),
      );
      // The exchange: a listing's lifecycle, a saved plan, each decision on its match. The
      // second acceptance agrees the match: match.accepted and match.agreed in one transaction.
      const listing = {
        organisationId: org.id,
        siteId: site.id,
        materialId: 'fly-ash',
        quantityPerYear: 100,
        unit: 't',
        availableFrom: '2026-01-01',
        availableTo: '2099-12-31',
        transportModes: ['road'],
        visibility: 'public',
      };
      const offer = await oneEvent('listing.created', () =>
        p.exchange.createListing(systemActor, {
          ...listing,
          side: 'offer',
          quality: { ash: 10 },
          disposalCostKopecksPerUnit: 100_00,
          legalStatus: 'waste',
          fkko: '6 11 100 01 40 4',
        }),
      );
      await oneEvent('listing.updated', () =>
        p.exchange.updateListing(systemActor, offer.id, { quantityPerYear: 120 }),
      );
      await oneEvent('listing.published', () => p.exchange.publishListing(systemActor, offer.id));
      const request = await oneEvent('listing.created', () =>
        p.exchange.createListing(systemActor, {
          ...listing,
          organisationId: taker.id,
          siteId: takerSite.id,
          side: 'request',
          useId: 'backfill',
          quality: { ash: { max: 20 } },
          priceKopecksPerUnit: 500_00,
          status: 'active',
        }),
      );
      const first = await oneEvent('plan.saved', () => p.exchange.savePlan(systemActor, {}));
      const [proposed] = await p.exchange.listMatches(systemActor, { planId: first.id! });
      await oneEvent('match.accepted', () =>
        p.exchange.decideMatch(systemActor, proposed.id, true, { side: 'supply' }),
      );
      await oneEvent('match.declined', () =>
        p.exchange.decideMatch(systemActor, proposed.id, false, { side: 'demand' }),
      );
      // a declined pair is proposed again only once a listing's terms change
      await oneEvent('listing.updated', () =>
        p.exchange.updateListing(systemActor, request.id, { priceKopecksPerUnit: 600_00 }),
      );
      const second = await oneEvent('plan.saved', () => p.exchange.savePlan(systemActor, {}));
      const [again] = await p.exchange.listMatches(systemActor, { planId: second.id! });
      const beforeAgreement = await head(p);
      await p.exchange.decideMatch(systemActor, again.id, true);
      assert.deepEqual(
        (await listEvents(p.store, { afterSeq: beforeAgreement })).map((e) => e.type),
        ['match.accepted', 'match.agreed'],
      );
      // withdrawing a listing closes its open proposals, one match.closed each
      const openOfRequest = (await p.exchange.listMatches(systemActor)).filter(
        (m) => m.status === 'proposed' && m.demand.listingId === request.id,
      ).length;
      const beforeWithdrawal = await head(p);
      await p.exchange.withdrawListing(systemActor, request.id);
      assert.deepEqual(
        (await listEvents(p.store, { afterSeq: beforeWithdrawal })).map((e) => e.type),
        ['listing.withdrawn', ...Array(openOfRequest).fill('match.closed')],
      );
      await oneEvent(
        'site.updated',
        () => p.registry.updateSite(systemActor, site.id, { name: 'Участок Мыски-2' }),
        () => siteNow(site.id),
      );
      await oneEvent(
        'site.closed',
        () => p.registry.closeSite(systemActor, site.id, '2026-01-31'),
        () => siteNow(site.id),
      );
      const admin = await oneEvent(
        'user.created',
        () =>
          p.users.createUser(systemActor, org.id, {
            email: 'admin@pit-a.example',
            name: 'Админ',
            role: 'org_admin',
            password: 'long-password-1',
          }),
        (u) => userNow(org.id, u.id),
      );
      const adminActor: Actor = {
        kind: 'user',
        id: admin.id,
        organisationId: org.id,
        role: 'org_admin',
      };
      const inv = await oneEvent('user.invited', () =>
        p.users.invite(adminActor, org.id, {
          email: 'eng@pit-a.example',
          name: 'Инженер',
          role: 'member',
        }),
      );
      const joined = await oneEvent(
        'user.joined',
        () => p.users.acceptInvitation({ token: inv.token, password: 'another-password-2' }),
        (u) => userNow(org.id, u.id),
      );
      await oneEvent(
        'user.updated',
        () => p.users.updateUser(adminActor, joined.id, { role: 'observer' }),
        () => userNow(org.id, joined.id),
      );
      const key = await oneEvent(
        'apikey.created',
        () => p.users.createApiKey(adminActor, org.id, { name: 'SCADA gateway' }),
        (k) => keyNow(org.id, k.apiKey.id),
      );
      await oneEvent(
        'apikey.revoked',
        () => p.users.revokeApiKey(adminActor, key.apiKey.id),
        () => keyNow(org.id, key.apiKey.id),
      );
      await oneEvent(
        'membership.ended',
        () => p.registry.endMembership(adminActor, m.id, { leftOn: '2025-12-31' }),
        () => membershipNow(m.id),
        (e) => e.membership,
      );
      const anonymous: Actor = {
        kind: 'anonymous',
        id: 'anonymous',
        organisationId: null,
        role: null,
      };
      const appA = await oneEvent('application.submitted', () =>
        p.registry.submitApplication(anonymous, {
          organisation: organisationInput({ kind: 'waste_processor' }),
          requestedRole: 'niche',
          admin: { email: 'a@new-a.example', name: 'Заявитель А', password: 'applicant-pass-1' },
          consent: true,
        }),
      );
      await oneEvent(
        'application.admitted',
        () => p.registry.decideApplication(systemActor, appA.id, true, { role: 'niche' }),
        (a) => organisationNow(a.organisationId),
        (e) => e.organisation,
      );
      const appB = await oneEvent('application.submitted', () =>
        p.registry.submitApplication(anonymous, {
          organisation: organisationInput({ kind: 'logistics' }),
          admin: { email: 'b@new-b.example', name: 'Заявитель Б', password: 'applicant-pass-2' },
          consent: true,
        }),
      );
      await oneEvent('application.rejected', () =>
        p.registry.decideApplication(systemActor, appB.id, false, {
          note: 'no sites in the region',
        }),
      );
      const exported = await p.transfer.exportRegistry(systemActor, 'json');
      await oneEvent('registry.imported', () =>
        p.transfer.importRegistry(systemActor, exported, 'json'),
      );
      // Logins and reads are not events.
      const before = await head(p);
      const session = await p.users.openSession(admin.id);
      await p.users.actorForSession(session.token);
      await p.users.closeSession(session.token);
      assert.equal(await head(p), before);
      assert.deepEqual(await verifyJournal(p.store), { ok: true, count: before, headSeq: before });
    });

    test('concurrent writers get consecutive sequence numbers and an intact chain', async () => {
      const before = await head(p);
      const sites = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          p.registry.addSite(systemActor, 'pit-a', { ...siteKemerovo, name: `Площадка ${i}` }),
        ),
      );
      assert.equal(sites.length, 12);
      const events = await listEvents(p.store, { afterSeq: before });
      assert.deepEqual(
        events.map((e) => e.seq),
        Array.from({ length: 12 }, (_, i) => before + i + 1),
      );
      assert.equal((await verifyJournal(p.store)).ok, true);
    });

    test('a change whose event cannot be written is rolled back with it', async () => {
      const next = (await head(p)) + 1;
      // Occupy the next sequence number behind the journal's back: the event insert must fail.
      await p.store.db
        .insertInto('journal')
        .values({
          seq: next,
          at: 'x',
          actor: 'x',
          organisation_id: null,
          type: 'x',
          payload: '{}',
          hash: 'x',
        })
        .execute();
      await assert.rejects(
        p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'never-there' }),
      );
      const row = await p.store.db
        .selectFrom('organisation')
        .select('id')
        .where('id', '=', 'never-there')
        .executeTakeFirst();
      assert.equal(row, undefined);
      await p.store.db.deleteFrom('journal').where('seq', '=', next).execute();
    });

    test('failed validation writes neither the change nor an event', async () => {
      const before = await head(p);
      await assert.rejects(p.registry.addSite(systemActor, 'pit-a', { ...siteKemerovo, lat: 123 }));
      assert.equal(await head(p), before);
    });

    describe('journal verify (the CLI) names the first bad event', () => {
      const cli = () =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
          execFile(
            process.execPath,
            ['bin/digicluster.js', 'journal', 'verify'],
            { env: { ...process.env, ...db.env }, encoding: 'utf8' },
            (error, stdout, stderr) =>
              resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
          ),
        );
      const rowsCount = async () =>
        Number(
          (await sql<{ n: number }>`select count(*) as n from journal`.execute(p.store.db)).rows[0]
            .n,
        );

      test('intact: exit 0', async () => {
        const r = await cli();
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /journal intact/);
      });

      async function expectBroken(seq: number) {
        const r = await cli();
        assert.equal(r.status, 1, r.stdout);
        assert.match(r.stderr, new RegExp(`broken at event ${seq}\\b`));
        const v = await verifyJournal(p.store);
        assert.equal(v.ok, false);
        assert.equal((v as { seq: number }).seq, seq);
      }

      test('an altered payload', async () => {
        const row = await p.store.db
          .selectFrom('journal')
          .selectAll()
          .where('seq', '=', 5)
          .executeTakeFirstOrThrow();
        const tampered = JSON.stringify({ ...JSON.parse(row.payload), tampered: true });
        await p.store.db
          .updateTable('journal')
          .set({ payload: tampered })
          .where('seq', '=', 5)
          .execute();
        await expectBroken(5);
        await p.store.db
          .updateTable('journal')
          .set({ payload: row.payload })
          .where('seq', '=', 5)
          .execute();
        assert.equal((await verifyJournal(p.store)).ok, true);
      });

      test('an altered actor, time or type', async () => {
        const row = await p.store.db
          .selectFrom('journal')
          .selectAll()
          .where('seq', '=', 3)
          .executeTakeFirstOrThrow();
        for (const change of [
          { actor: 'someone-else' },
          { at: '2020-01-01T00:00:00.000Z' },
          { type: 'organisation.deleted' },
        ]) {
          await p.store.db.updateTable('journal').set(change).where('seq', '=', 3).execute();
          await expectBroken(3);
          await p.store.db.updateTable('journal').set(row).where('seq', '=', 3).execute();
        }
        assert.equal((await verifyJournal(p.store)).ok, true);
      });

      test('a deleted middle row', async () => {
        const row = await p.store.db
          .selectFrom('journal')
          .selectAll()
          .where('seq', '=', 7)
          .executeTakeFirstOrThrow();
        await p.store.db.deleteFrom('journal').where('seq', '=', 7).execute();
        await expectBroken(7);
        await p.store.db.insertInto('journal').values(row).execute();
      });

      test('the newest row deleted (caught by the head kept outside the table)', async () => {
        const n = await rowsCount();
        const row = await p.store.db
          .selectFrom('journal')
          .selectAll()
          .where('seq', '=', n)
          .executeTakeFirstOrThrow();
        await p.store.db.deleteFrom('journal').where('seq', '=', n).execute();
        await expectBroken(n);
        await p.store.db.insertInto('journal').values(row).execute();
      });

      test('an inserted row', async () => {
        const n = await rowsCount();
        const last = await p.store.db
          .selectFrom('journal')
          .selectAll()
          .where('seq', '=', n)
          .executeTakeFirstOrThrow();
        await p.store.db
          .insertInto('journal')
          .values({ ...last, seq: n + 1, type: 'organisation.registered' })
          .execute();
        await expectBroken(n + 1);
        await p.store.db
          .deleteFrom('journal')
          .where('seq', '=', n + 1)
          .execute();
      });

      test('two rows reordered', async () => {
        const a = await p.store.db
          .selectFrom('journal')
          .selectAll()
          .where('seq', '=', 10)
          .executeTakeFirstOrThrow();
        const b = await p.store.db
          .selectFrom('journal')
          .selectAll()
          .where('seq', '=', 11)
          .executeTakeFirstOrThrow();
        await p.store.db.transaction().execute(async (t) => {
          await t.updateTable('journal').set({ seq: -1 }).where('seq', '=', 10).execute();
          await t.updateTable('journal').set({ seq: 10 }).where('seq', '=', 11).execute();
          await t.updateTable('journal').set({ seq: 11 }).where('seq', '=', -1).execute();
        });
        await expectBroken(10);
        await p.store.db.deleteFrom('journal').where('seq', 'in', [10, 11]).execute();
        await p.store.db.insertInto('journal').values([a, b]).execute();
        assert.equal((await cli()).status, 0);
      });
    });
  });
}
