// The registry's repository and services against a real database, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Actor, DomainError, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { registryQueries as q } from '../../src/registry/index.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo, siteMyski, siteNovosibirsk } from './fixtures.ts';

const rejectsWith = (status: number) => (e: unknown) =>
  e instanceof DomainError && e.status === status;

for (const d of await eachDialect()) {
  describe(`registry on ${d.name}`, { skip: d.skip }, () => {
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

    test('organisations with identifiers; duplicates and bad checksums are refused', async () => {
      const input = organisationInput({
        kind: 'power_plant',
        region: 'Кемеровская область — Кузбасс',
      });
      const o = await p.registry.createOrganisation(systemActor, { ...input, id: 'gres-a' });
      assert.equal(o.status, 'applicant');
      const read = await q.findOrganisation(p.store, 'gres-a');
      assert.equal(read?.inn, input.inn);
      assert.equal(read?.identifiersGenerated, true);
      await assert.rejects(
        p.registry.createOrganisation(systemActor, { ...organisationInput(), inn: input.inn }),
        rejectsWith(409),
      );
      await assert.rejects(
        p.registry.createOrganisation(systemActor, {
          ...organisationInput(),
          ogrn: '1027700132196',
        }),
        rejectsWith(400),
      );
      await assert.rejects(
        p.registry.updateOrganisation(systemActor, 'gres-a', { knowledgeWorkers: 99999 }),
        rejectsWith(400),
      );
    });

    test('sites get their agglomeration from the nearest city; outside the region none', async () => {
      await p.registry.createOrganisation(systemActor, {
        ...organisationInput({ region: 'Новосибирская область' }),
        id: 'nsk-it',
      });
      const a = await p.registry.addSite(systemActor, 'gres-a', siteMyski);
      const b = await p.registry.addSite(systemActor, 'gres-a', siteKemerovo);
      const c = await p.registry.addSite(systemActor, 'nsk-it', siteNovosibirsk);
      assert.equal(a.agglomeration, 'novokuznetsk');
      assert.equal(b.agglomeration, 'kemerovo');
      assert.deepEqual([c.agglomeration, c.inRegion], [null, false]);
      const moved = await p.registry.updateSite(systemActor, b.id, { lat: 54.42, lon: 86.3 });
      assert.equal(moved.agglomeration, 'leninsk-belovo');
      assert.deepEqual(
        (await q.findSites(p.store, { agglomeration: 'leninsk-belovo' })).map((s) => s.id),
        [b.id],
      );
      assert.equal((await q.findSites(p.store, { organisationId: 'gres-a' })).length, 2);
      const stored = await q.findSite(p.store, a.id);
      assert.equal(stored?.lat, siteMyski.lat);
      // an English name, and cleared again: an empty one is none (the pages show the Russian)
      await p.registry.updateSite(systemActor, a.id, { nameEn: 'Myski, ash dump' });
      assert.equal((await q.findSite(p.store, a.id))?.nameEn, 'Myski, ash dump');
      await p.registry.updateSite(systemActor, a.id, { nameEn: '' });
      assert.equal((await q.findSite(p.store, a.id))?.nameEn, undefined);
    });

    test('a patch changes only the fields it names', async () => {
      await p.registry.createOrganisation(systemActor, {
        ...organisationInput({ provenance: { employees: { kind: 'estimate' } } }),
        id: 'patched',
      });
      const before = await q.findOrganisation(p.store, 'patched');
      const after = await p.registry.updateOrganisation(systemActor, 'patched', {
        website: 'https://example.ru',
      });
      assert.deepEqual({ ...after, website: undefined }, { ...before, website: undefined });
      // an empty website removes it (the profile form's cleared box); a bad one is still refused
      await assert.rejects(
        p.registry.updateOrganisation(systemActor, 'patched', { website: 'не сайт' }),
        (e: Error & { fields?: Array<{ field: string }> }) =>
          e.fields?.map((f) => f.field).join() === 'website',
      );
      const cleared = await p.registry.updateOrganisation(systemActor, 'patched', { website: '' });
      assert.equal(cleared.website, undefined);
      assert.equal((await q.findOrganisation(p.store, 'patched'))?.website, undefined);
      assert.deepEqual((await q.findOrganisation(p.store, 'patched'))?.provenance, {
        employees: { kind: 'estimate' },
      });
      const site = await p.registry.addSite(systemActor, 'patched', {
        ...siteKemerovo,
        kind: 'dump',
      });
      const moved = await p.registry.updateSite(systemActor, site.id, {
        address: 'Мыски, золоотвал',
      });
      assert.equal(moved.kind, 'dump');
      assert.equal((await q.findSite(p.store, site.id))?.kind, 'dump');
    });

    test('memberships: history kept, one open at a time, never deleted', async () => {
      await p.registry.addMembership(
        systemActor,
        'gres-a',
        { role: 'core', joinedOn: '2013-03-01' },
        '2017-12-31',
      );
      assert.equal((await q.findOrganisation(p.store, 'gres-a'))?.status, 'former');
      const m = await p.registry.addMembership(systemActor, 'gres-a', {
        role: 'keystone',
        joinedOn: '2021-01-01',
      });
      await assert.rejects(
        p.registry.addMembership(systemActor, 'gres-a', { role: 'core', joinedOn: '2022-01-01' }),
        rejectsWith(409),
      );
      const o = await q.findOrganisation(p.store, 'gres-a');
      assert.deepEqual([o?.status, o?.role], ['member', 'keystone']);
      await assert.rejects(
        p.registry.endMembership(systemActor, m.id, { leftOn: '2020-01-01' }),
        rejectsWith(400),
      );
      await p.registry.endMembership(systemActor, m.id, { leftOn: '2025-06-30' });
      const history = await q.findMemberships(p.store, 'gres-a');
      assert.deepEqual(
        history.map((h) => [h.role, h.joinedOn, h.leftOn]),
        [
          ['core', '2013-03-01', '2017-12-31'],
          ['keystone', '2021-01-01', '2025-06-30'],
        ],
      );
      assert.equal((await q.findOrganisation(p.store, 'gres-a'))?.status, 'former');
      assert.ok(await q.findOrganisation(p.store, 'gres-a'), 'the organisation stays');
    });

    test('directory filters: text, kind, region, agglomeration, role', async () => {
      await p.registry.addMembership(systemActor, 'nsk-it', {
        role: 'niche',
        joinedOn: '2024-01-01',
      });
      assert.deepEqual(
        (await q.findOrganisations(p.store, { kind: 'power_plant' })).map((o) => o.id),
        ['gres-a'],
      );
      assert.deepEqual(
        (await q.findOrganisations(p.store, { region: 'Новосибирская область' })).map((o) => o.id),
        ['nsk-it'],
      );
      assert.deepEqual(
        (await q.findOrganisations(p.store, { role: 'niche' })).map((o) => o.id),
        ['nsk-it'],
      );
      assert.deepEqual(
        (await q.findOrganisations(p.store, { agglomeration: 'novokuznetsk' })).map((o) => o.id),
        ['gres-a'],
      );
      assert.deepEqual(
        (await q.findOrganisations(p.store, { q: 'nsk-IT' })).map((o) => o.id),
        ['nsk-it'],
      );
    });

    test('an admin who applied in English first logs in to English', async () => {
      const anon: Actor = { kind: 'anonymous', id: 'anonymous', organisationId: null, role: null };
      const a = await p.registry.submitApplication(
        anon,
        {
          organisation: organisationInput({ kind: 'chemical' }),
          admin: {
            email: 'lead@english.example',
            name: 'Lead Applicant',
            password: 'english-pass-1',
          },
          consent: true,
        },
        'en',
      );
      await p.registry.decideApplication(systemActor, a.id, true, {
        role: 'niche',
        joinedOn: '2026-11-01',
      });
      const user = await p.users.authenticate('lead@english.example', 'english-pass-1');
      assert.equal(user?.locale, 'en');
    });

    test('applications: submit, admit, then the admin logs in; rejected ones cannot', async () => {
      const anon: Actor = { kind: 'anonymous', id: 'anonymous', organisationId: null, role: null };
      const a = await p.registry.submitApplication(anon, {
        organisation: organisationInput({ kind: 'chemical' }),
        requestedRole: 'niche',
        admin: { email: 'Boss@Chem.example', name: 'Директор', password: 'chem-password-1' },
        consent: true,
      });
      assert.equal(a.status, 'pending');
      await assert.rejects(
        p.users.authenticate('boss@chem.example', 'chem-password-1'),
        rejectsWith(403),
        'pending users cannot log in (and are told why)',
      );
      assert.deepEqual(
        (await p.registry.listApplications(systemActor, 'pending')).map((x) => x.id),
        [a.id],
      );
      const admitted = await p.registry.decideApplication(systemActor, a.id, true, {
        role: 'core',
        joinedOn: '2026-11-01',
      });
      assert.equal(admitted.status, 'admitted');
      const user = await p.users.authenticate('boss@chem.example', 'chem-password-1');
      assert.equal(user?.role, 'org_admin');
      assert.equal(user?.locale, 'ru', 'applied with no language named: Russian');
      assert.equal((await q.findOrganisation(p.store, a.organisationId))?.role, 'core');
      await assert.rejects(
        p.registry.decideApplication(systemActor, a.id, false, { note: 'too late' }),
        rejectsWith(409),
      );
      const b = await p.registry.submitApplication(anon, {
        organisation: organisationInput(),
        admin: { email: 'no@pe.example', name: 'Нет', password: 'nope-password' },
        consent: true,
      });
      // a rejection says why: without a reason (or with blanks only) nothing is decided
      for (const input of [{}, { note: '  ' }])
        await assert.rejects(
          p.registry.decideApplication(systemActor, b.id, false, input),
          (e: DomainError) => e.status === 400 && e.fields[0]?.field === 'note',
        );
      assert.equal((await q.findOrganisation(p.store, b.organisationId))?.status, 'applicant');
      await p.registry.decideApplication(systemActor, b.id, false, { note: 'outside the cluster' });
      await assert.rejects(
        p.users.authenticate('no@pe.example', 'nope-password'),
        rejectsWith(403),
      );
      assert.equal((await q.findOrganisation(p.store, b.organisationId))?.status, 'rejected');
    });

    test('sessions expire and API keys are stored hashed and revocable', async () => {
      const u = await p.users.createUser(systemActor, 'gres-a', {
        email: 'eco@gres-a.example',
        name: 'Эколог',
        role: 'member',
        password: 'ecologist-pass',
      });
      const s = await p.users.openSession(u.id);
      assert.equal((await p.users.actorForSession(s.token))?.actor.id, u.id);
      await p.store.db
        .updateTable('session')
        .set({ expires_at: '2000-01-01T00:00:00.000Z' })
        .where('user_id', '=', u.id)
        .execute();
      assert.equal(await p.users.actorForSession(s.token), null);
      const k = await p.users.createApiKey(systemActor, 'gres-a', {
        name: 'ASU TP',
        role: 'member',
      });
      const stored = await p.store.db
        .selectFrom('api_key')
        .selectAll()
        .where('id', '=', k.apiKey.id)
        .executeTakeFirstOrThrow();
      assert.notEqual(stored.key_hash, k.secret);
      assert.ok(!JSON.stringify(stored).includes(k.secret), 'the secret is not stored');
      assert.equal((await p.users.actorForApiKey(k.secret))?.organisationId, 'gres-a');
      await p.users.revokeApiKey(systemActor, k.apiKey.id);
      assert.equal(await p.users.actorForApiKey(k.secret), null);
    });

    test('taxonomy: FKKO codes are checked against the 2026 catalogue', async () => {
      const t = {
        properties: [{ id: 'ash', name: { ru: 'Зольность', en: 'Ash' }, symbol: 'Ad', unit: '%' }],
        uses: [{ id: 'road-base', name: { ru: 'Основание дорог', en: 'Road base' } }],
        materials: [
          {
            id: 'slag',
            name: { ru: 'Шлак', en: 'Slag' },
            category: 'combustion_residue',
            unit: 't',
            waste: true,
            fkko: ['6 11 200 01 21 4'],
            properties: ['ash'],
            uses: ['road-base'],
          },
        ],
      };
      await p.registry.defineTaxonomy(systemActor, t);
      assert.deepEqual(
        (await q.findMaterials(p.store)).map((m) => [m.id, m.fkko]),
        [['slag', ['6 11 200 01 21 4']]],
      );
      await assert.rejects(
        p.registry.defineTaxonomy(systemActor, {
          ...t,
          materials: [{ ...t.materials[0], fkko: ['6 11 200 01 21 5'] }],
        }),
        (e: DomainError) => e.status === 400 && e.fields[0].field === 'fkko.0',
      );
      await assert.rejects(
        p.registry.defineMaterial(systemActor, {
          ...t.materials[0],
          id: 'x-ash',
          uses: ['flying'],
        }),
        rejectsWith(400),
      );
    });
  });
}
