// Knowledge on both dialects over the seeded example: Russian and English morphology through
// `digicluster search --json`, the same ranked lists on SQLite and PostgreSQL for ten queries,
// the visibility matrix (viewer kinds × visibility) in search and in reads, "who can help"
// whose every reason names an existing competence, project or deal, and the knowledge
// exchange journaled with views counted in the module's own table.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { seedExample } from '../../src/example/seed.ts';
import { listEvents } from '../../src/journal/index.ts';
import { competence } from '../../src/knowledge/index.ts';
import * as fleetingVowels from '../../src/knowledge/migrations/2026-12-08-20-fleeting-vowels.ts';
import { type Actor, anonymousActor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { signedIn } from './fixtures.ts';

const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/digicluster.js', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

/** Ten queries, Russian and English, one-word and phrases, with and without filters. */
const tenQueries: Array<Record<string, unknown>> = [
  { q: 'золошлаковые отходы' },
  { q: 'coal slurries' },
  { q: 'сорбенты' },
  { q: 'рекультивация отвалов' },
  { q: 'шахтный метан электроэнергия' },
  { q: 'fly ash cement' },
  { q: 'флотация шламов', type: 'asset' },
  { q: 'зола', trlMin: 5 },
  { q: 'уголь', organisationId: 'frc-ccc' },
  { q: 'редкоземельные элементы', materialId: 'fly-ash' },
];

const member = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'member',
});

const viewers: Record<string, Actor> = {
  visitor: anonymousActor,
  // logged in, but of an organisation that is not (or no longer) a member of the cluster
  outsider: {
    kind: 'user',
    id: 'u-out',
    organisationId: 'applicant-org',
    role: 'org_admin',
    member: false,
  },
  otherMember: member('tsement-tom'),
  namedMember: member('kemsu'),
  owner: member('kuzstu'),
  operator: systemActor,
};

/** Who sees which visibility: the matrix the tests check, row by row. */
const sees: Record<string, Record<'public' | 'members' | 'organisations', boolean>> = {
  visitor: { public: true, members: false, organisations: false },
  outsider: { public: true, members: false, organisations: false },
  otherMember: { public: true, members: true, organisations: false },
  namedMember: { public: true, members: true, organisations: true },
  owner: { public: true, members: true, organisations: true },
  operator: { public: true, members: true, organisations: true },
};

const rankedLists = new Map<string, unknown[]>();
const dialects = await eachDialect();

for (const d of dialects) {
  describe(`knowledge on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      for (const visibility of ['public', 'members', 'organisations'] as const)
        await p.knowledge.createAsset(viewers.owner, {
          id: `ka-matrix-${visibility}`,
          type: 'method',
          titleRu: `Проверочная методика видимости ${visibility}`,
          trl: 3,
          visibility,
          ...(visibility === 'organisations' ? { audience: ['kemsu'] } : {}),
        });
    });

    after(async () => {
      await p?.close();
      await db?.drop();
    });

    test('Russian case forms give the same top result through the CLI (ash and slag waste)', async () => {
      const tops: string[] = [];
      const forms = ['золошлаковые отходы', 'золошлаковых отходов', 'золошлаковыми отходами'];
      const runs = await Promise.all(forms.map((q) => cli(['search', q, '--json'], db.env)));
      for (const [k, q] of forms.entries()) {
        const r = runs[k];
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as {
          results: Array<{ type: string; id: string; title: string; score: number }>;
        };
        assert.ok(out.results.length > 0, q);
        for (const x of out.results) {
          assert.deepEqual(Object.keys(x).sort(), ['id', 'score', 'title', 'type']);
          assert.equal(typeof x.score, 'number');
        }
        assert.ok(out.results.every((x, k) => k === 0 || out.results[k - 1].score >= x.score));
        tops.push(`${out.results[0].type}:${out.results[0].id}`);
        // «переработка золошлаковых отходов» is found by each form
        assert.ok(
          out.results.some((x) => x.id === 'ka-ash-slag-processing'),
          q,
        );
      }
      assert.equal(new Set(tops).size, 1, tops.join(', '));
      assert.equal(tops[0], 'asset:ka-ash-slag-processing');
    });

    test('«уголь» finds what «угля» finds: the fleeting vowel is one stem', async () => {
      const found = async (q: string) =>
        (await p.knowledge.search(systemActor, { q, limit: 100 })).results.map((x) => x.id).sort();
      const nominative = await found('уголь');
      assert.ok(nominative.length >= 5, nominative.join(', '));
      assert.deepEqual(nominative, await found('угля'));
      assert.deepEqual(nominative, await found('углём'));
    });

    test('the upgrade moves the terms indexed under a nominative stem to the others, summing weights', async () => {
      const db = p.store.db;
      const row = (record_id: string, term: string, weight: number) => ({
        record_type: 'asset',
        record_id,
        term,
        weight,
      });
      // as an index written before: one record with the old stem alone, one with both
      await db
        .insertInto('knowledge_term')
        .values([row('x-old', 'угол', 3), row('x-both', 'угол', 2), row('x-both', 'угл', 5)])
        .execute();
      await fleetingVowels.up(db as Kysely<unknown>);
      const left = await db
        .selectFrom('knowledge_term')
        .select(['record_id', 'term', 'weight'])
        .where('record_id', 'in', ['x-old', 'x-both'])
        .orderBy('record_id')
        .execute();
      assert.deepEqual(
        left.map((r) => [r.record_id, r.term, Number(r.weight)]),
        [
          ['x-both', 'угл', 7],
          ['x-old', 'угл', 3],
        ],
      );
      await db.deleteFrom('knowledge_term').where('record_id', 'in', ['x-old', 'x-both']).execute();
    });

    test('English plural and singular give the same top result through the CLI (coal slurry)', async () => {
      const tops: string[] = [];
      const forms = ['coal slurries', 'coal slurry'];
      const runs = await Promise.all(forms.map((q) => cli(['search', q, '--json'], db.env)));
      for (const [k, q] of forms.entries()) {
        const r = runs[k];
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as { results: Array<{ type: string; id: string }> };
        assert.ok(out.results.length > 0, q);
        tops.push(`${out.results[0].type}:${out.results[0].id}`);
      }
      assert.equal(tops[0], tops[1]);
      assert.equal(tops[0], 'asset:ka-coal-water-fuel');
    });

    test('ten queries: ranked lists kept for the comparison between dialects', async () => {
      const lists = [];
      for (const q of tenQueries) {
        const { results } = await p.knowledge.search(systemActor, q);
        assert.ok(results.length > 0, JSON.stringify(q));
        lists.push(results.map((r) => [r.type, r.id, r.score]));
      }
      rankedLists.set(d.name, lists);
    });

    test('filters: type, asset type, material, TRL and organisation hold for every result', async () => {
      const byType = await p.knowledge.search(systemActor, { q: 'зола', type: 'profile' });
      assert.ok(byType.results.length > 0);
      assert.ok(byType.results.every((r) => r.type === 'profile'));
      const trl = await p.knowledge.search(systemActor, { q: 'зола', trlMin: 6, trlMax: 8 });
      assert.ok(trl.results.length > 0);
      assert.ok(
        trl.results.every((r) => r.type === 'asset' && r.trl !== null && r.trl >= 6 && r.trl <= 8),
      );
      const course = await p.knowledge.search(systemActor, {
        q: 'курс программа',
        assetType: 'course',
      });
      assert.ok(course.results.length > 0);
      assert.ok(course.results.every((r) => r.kind === 'course'));
      const org = await p.knowledge.search(systemActor, { q: 'уголь', organisationId: 'frc-ccc' });
      assert.ok(org.results.length > 0);
      for (const r of org.results) {
        if (r.type === 'project') {
          const project = await p.knowledge.getProject(systemActor, r.id);
          assert.ok(project.participants.some((x) => x.organisationId === 'frc-ccc'));
        } else assert.equal(r.organisationId, 'frc-ccc');
      }
      const material = await p.knowledge.search(systemActor, {
        q: 'зола',
        materialId: 'cenospheres',
      });
      assert.deepEqual(
        material.results.map((r) => r.id),
        ['ka-ash-slag-processing'],
      );
    });

    for (const [viewer, row] of Object.entries(sees))
      test(`visibility matrix: ${viewer}`, async () => {
        const actor = viewers[viewer];
        const { results } = await p.knowledge.search(actor, {
          q: 'проверочная методика видимости',
        });
        const found = new Set(results.map((r) => r.id));
        for (const [visibility, visible] of Object.entries(row)) {
          const id = `ka-matrix-${visibility}`;
          assert.equal(found.has(id), visible, `${viewer} searching for ${visibility}`);
          const read = p.knowledge.getAsset(actor, id);
          if (visible) assert.equal((await read).id, id);
          else await assert.rejects(read, (e: Error & { kind?: string }) => e.kind === 'not_found');
        }
      });

    test('the answer says which words it searched; a query of signs alone has none and lists unranked', async () => {
      const found = await p.knowledge.search(member('sibdata'), { q: 'золошлаковыми отходами' });
      assert.equal(found.terms.length, 2);
      assert.ok(found.results.every((r) => r.score > 0));
      const signs = await p.knowledge.search(member('sibdata'), { q: '%_ ;' });
      assert.deepEqual(signs.terms, []);
      assert.ok(signs.results.length > 0);
      assert.ok(signs.results.every((r) => r.score === 0));
    });

    test('every record found is reachable: the total in all, pages by offset, none twice or lost', async () => {
      for (const q of ['', 'уголь зола отходы']) {
        const whole = await p.knowledge.search(member('sibdata'), { q, limit: 100 });
        assert.equal(whole.total, whole.results.length, `${q}: under 100 in all`);
        assert.ok(whole.total > 7, `${q}: more than a page of 7`);
        const paged: string[] = [];
        for (let offset = 0; offset < whole.total; offset += 7) {
          const page = await p.knowledge.search(member('sibdata'), { q, limit: 7, offset });
          assert.equal(page.total, whole.total, 'the same total on every page');
          assert.equal(page.results.length, Math.min(7, whole.total - offset));
          paged.push(...page.results.map((r) => `${r.type}/${r.id}`));
        }
        // in the same order as the one answer: ranked, or by type and id when unranked
        assert.deepEqual(
          paged,
          whole.results.map((r) => `${r.type}/${r.id}`),
        );
        const beyond = await p.knowledge.search(member('sibdata'), { q, offset: whole.total });
        assert.deepEqual(beyond.results, []);
        assert.equal(beyond.total, whole.total);
      }
    });

    test('a project of named organisations: its participants see it, others do not', async () => {
      const ids = async (actor: Actor) =>
        (await p.knowledge.search(actor, { q: 'умная обогатительная фабрика' })).results.map(
          (r) => r.id,
        );
      assert.ok((await ids(member('sibdata'))).includes('kp-smart-plant'), 'a participant');
      assert.ok((await ids(member('kuzstu'))).includes('kp-smart-plant'), 'the named audience');
      assert.ok(!(await ids(member('tsement-tom'))).includes('kp-smart-plant'), 'another member');
      assert.ok(!(await ids(anonymousActor)).includes('kp-smart-plant'), 'a visitor');
    });

    test('the HTTP search and reads keep members-only assets from a visitor', async () => {
      const app = await buildServer(p);
      try {
        const r = await app.inject({
          method: 'GET',
          url: `/api/v1/knowledge/search?q=${encodeURIComponent('проверочная методика')}`,
        });
        assert.equal(r.statusCode, 200);
        const ids = (r.json() as { results: Array<{ id: string }> }).results.map((x) => x.id);
        assert.deepEqual(ids, ['ka-matrix-public']);
        const hidden = await app.inject({
          method: 'GET',
          url: '/api/v1/knowledge/assets/ka-matrix-members',
        });
        assert.equal(hidden.statusCode, 404);
        assert.ok(!hidden.body.includes('Проверочная'));
        const helpers = await app.inject({
          method: 'GET',
          url: '/api/v1/knowledge/projects/kp-ash-to-concrete/helpers',
          headers: { 'accept-language': 'ru' },
        });
        assert.equal(helpers.statusCode, 200);
        assert.ok((helpers.json() as { helpers: unknown[] }).helpers.length > 0);
      } finally {
        await app.close();
      }
    });

    test('publishing an asset answers it with no view counted; opening it counts one', async () => {
      const app = await buildServer(p);
      try {
        const { cookie } = await signedIn(p, 'tsement-tom', {
          email: 'author@knowledge-views.example',
          name: 'Автор',
          role: 'member',
        });
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/knowledge/assets',
          headers: { cookie },
          payload: { type: 'lesson', titleRu: 'Урок о подсчёте просмотров', trl: 5 },
        });
        assert.equal(created.statusCode, 201, created.body);
        const asset = created.json() as { id: string; views: number };
        assert.equal(asset.views, 0);
        const opened = await app.inject({
          method: 'GET',
          url: `/api/v1/knowledge/assets/${asset.id}`,
          headers: { cookie },
        });
        assert.equal((opened.json() as { views: number }).views, 1);
      } finally {
        await app.close();
      }
    });

    test('who can help: every reason names an existing shared competence, project or deal', async () => {
      const [profiles, projectIds] = [
        new Map<string, Awaited<ReturnType<Platform['knowledge']['getProfile']>>>(),
        ['kp-ash-to-concrete', 'kp-smart-plant', 'kp-slimes-fuel'],
      ];
      const subjects = [
        ...projectIds.map((projectId) => ({ projectId })),
        { listingId: 'l-ash-myski' },
        { listingId: 'l-slimes-yuzhnaya' },
        { listingId: 'l-req-methane-teplo' },
      ];
      let reasonsSeen = 0;
      for (const subject of subjects) {
        const answer = await p.knowledge.whoCanHelp(systemActor, subject, 'ru');
        assert.ok(answer.helpers.length > 0, JSON.stringify(subject));
        const asking =
          'projectId' in subject
            ? (await p.knowledge.getProject(systemActor, subject.projectId)).participants.map(
                (x) => x.organisationId,
              )
            : [(await p.exchange.getListing(systemActor, subject.listingId)).organisationId];
        for (const h of answer.helpers) {
          assert.ok(h.reasons.length > 0);
          assert.ok(!asking.includes(h.organisationId), 'the asking side does not help itself');
          const held = new Set<string>();
          if (h.kind === 'person') {
            const prof = profiles.get(h.id) ?? (await p.knowledge.getProfile(systemActor, h.id));
            profiles.set(h.id, prof);
            assert.equal(h.name, prof.personName);
            for (const c of prof.competences) held.add(c.competence);
          } else {
            for (const r of h.reasons) if (r.competence) held.add(r.competence);
            const found = await p.knowledge.search(systemActor, {
              q: '',
              type: 'profile',
              organisationId: h.id,
              limit: 100,
            });
            const all = new Set<string>();
            for (const f of found.results)
              for (const c of (await p.knowledge.getProfile(systemActor, f.id)).competences)
                all.add(c.competence);
            for (const c of held) assert.ok(all.has(c), `${h.id} holds ${c}`);
          }
          for (const r of h.reasons) {
            reasonsSeen++;
            if (r.kind === 'competence' || r.kind === 'complements') {
              assert.ok(r.competence && held.has(r.competence));
              assert.ok(answer.competences.includes(r.competence));
              assert.ok(r.text.includes(competence(r.competence)?.ru ?? '?'), r.text);
            } else if (r.kind === 'project') {
              const project = await p.knowledge.getProject(systemActor, r.projectId ?? '');
              const orgs = project.participants.map((x) => x.organisationId);
              assert.ok(
                orgs.includes(h.organisationId) && orgs.includes(r.withOrganisationId ?? ''),
              );
              assert.ok(r.text.includes(project.titleRu ?? ''), r.text);
            } else {
              assert.equal(r.kind, 'deal');
              const deal = (await p.exchange.listMatches(systemActor)).find(
                (x) => x.id === r.dealId,
              );
              assert.ok(deal, r.dealId);
            }
          }
        }
      }
      assert.ok(reasonsSeen > 10);
      // the university that worked on the ash project with the plant is among the helpers of the plant's ash
      const ash = await p.knowledge.whoCanHelp(systemActor, { listingId: 'l-ash-myski' }, 'en');
      const kuzstu = ash.helpers.find((h) => h.kind === 'organisation' && h.id === 'kuzstu');
      assert.ok(kuzstu);
      assert.ok(
        kuzstu.reasons.some((r) => r.kind === 'project' && r.projectId === 'kp-ash-to-concrete'),
      );
    });

    test('who can help with an anonymous listing: no "lacks it" claim about a holder the viewer may not know', async () => {
      const viewer = member('tsement-tom');
      const answer = await p.knowledge.whoCanHelp(viewer, { listingId: 'l-anon-fly-ash-1' }, 'ru');
      assert.equal(answer.askingSideHidden, true);
      assert.ok(answer.helpers.length > 0);
      for (const h of answer.helpers)
        for (const r of h.reasons) assert.equal(r.kind, 'competence', `${h.id}: ${r.text}`);
      // the operator sees the holder: it is the asking side, left out, and complements are claimed
      const operator = await p.knowledge.whoCanHelp(
        systemActor,
        { listingId: 'l-anon-fly-ash-1' },
        'ru',
      );
      assert.equal(operator.askingSideHidden, false);
      assert.ok(!operator.helpers.some((h) => h.organisationId === 'inskaya-gres'));
      // a listing with a shown holder is not flagged
      const shown = await p.knowledge.whoCanHelp(viewer, { listingId: 'l-ash-myski' }, 'ru');
      assert.equal(shown.askingSideHidden, false);
    });

    test('knowledge exchange is journaled; views are counted in the module table, not journaled', async () => {
      const asker = member('tsement-tom');
      const headBefore = (await listEvents(p.store, { limit: 5000 })).length;
      const v1 = (await p.knowledge.getAsset(asker, 'ka-ash-slag-processing')).views;
      const v2 = (await p.knowledge.getAsset(asker, 'ka-ash-slag-processing')).views;
      assert.equal(v2, v1 + 1);
      assert.equal((await listEvents(p.store, { limit: 5000 })).length, headBefore);
      await p.knowledge.requestAsset(asker, 'ka-ash-slag-processing', 'Просим опытную партию');
      await p.knowledge.requestConsultation(asker, 'kx-sokolov', 'Нужна консультация');
      await p.knowledge.grantLicence(member('kuzstu'), 'ka-ash-slag-processing', {
        organisationId: 'tsement-tom',
      });
      const types = (await listEvents(p.store, { afterSeq: 0, limit: 5000 })).map((e) => e.type);
      for (const t of [
        'knowledge.asset.requested',
        'knowledge.consultation.requested',
        'knowledge.licence.granted',
        'knowledge.project.created',
      ])
        assert.ok(types.includes(t), t);
      // a visitor may not ask, and an asset hidden from the asker cannot be asked for
      await assert.rejects(p.knowledge.requestAsset(anonymousActor, 'ka-ash-slag-processing'));
      await assert.rejects(p.knowledge.requestAsset(asker, 'ka-matrix-organisations'));
      // nor one's own organisation's: no tie between organisations (a user walk found it taken)
      await assert.rejects(
        p.knowledge.requestAsset(member('kuzstu'), 'ka-ash-slag-processing'),
        (e: Error & { status?: number; code?: string }) =>
          e.status === 409 && e.code === 'knowledge.askingOwnOrganisation',
      );
    });
  });
}

describe('knowledge search across dialects', () => {
  test('the ten ranked lists are identical on SQLite and PostgreSQL', (t) => {
    if (dialects.some((d) => d.skip)) {
      t.skip('PostgreSQL is not available');
      return;
    }
    const sqlite = rankedLists.get('sqlite');
    const postgres = rankedLists.get('postgres');
    assert.ok(sqlite && postgres);
    assert.equal(sqlite.length, 10);
    assert.deepEqual(postgres, sqlite);
  });
});
