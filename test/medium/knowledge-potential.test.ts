// Knowledge over HTTP on both dialects, seeded with the Kuzbass example: human potential (the
// courses of the universities, internships and vacancies of the enterprises; the competence gaps
// the expertise directory reveals and the openings that close them; one person's development),
// changes of profiles, projects and openings by their owners only (journaled with the full
// state, refused in Russian and English), and the visibility matrix of assets by viewer kind.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedExample } from '../../src/example/seed.ts';
import { listEvents } from '../../src/journal/index.ts';
import { competence } from '../../src/knowledge/index.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, signedIn, signedInOperator } from './fixtures.ts';

type Server = Awaited<ReturnType<typeof buildServer>>;
type Json = Record<string, unknown>;
interface Problem {
  title: string;
  errors: Array<{ field: string; message: string }>;
}

interface Gap {
  competence: string;
  competenceName: string;
  organisationId: string | null;
  demanded: number;
  present: number;
  holders: number;
  demands: Array<{ source: string; id: string }>;
}
interface Ranked {
  id: string;
  kind: string;
  title: string;
  score: number;
  reasons: Array<{ kind: string; competence: string; level: number; text: string } & Json>;
}

for (const d of await eachDialect()) {
  describe(`knowledge over HTTP on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: Server;
    const cookies: Record<string, string> = {};

    const call = async (
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      who?: string,
      payload?: unknown,
      lang: 'ru' | 'en' = 'en',
    ) => {
      const r = await app.inject({
        method,
        url,
        headers: { 'accept-language': lang, ...(who ? { cookie: cookies[who] } : {}) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: r.statusCode, body: r.body, json: <T = Json>() => JSON.parse(r.body) as T };
    };

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      app = await buildServer(p);
      const user = async (key: string, org: string, role: 'member' | 'observer') =>
        (cookies[key] = (
          await signedIn(p, org, { email: `${key}@kn-http.example`, name: 'Тест', role })
        ).cookie);
      await user('owner', 'kuzstu', 'member');
      await user('named', 'kemsu', 'member');
      await user('other', 'tsement-tom', 'member');
      await user('observer', 'tsement-tom', 'observer');
      await user('gof', 'gof-stepnaya', 'member');
      // an organisation that is not a member of the cluster: its user reads as the public
      const outside = await p.registry.createOrganisation(systemActor, organisationInput());
      await user('outsider', outside.id, 'member');
      cookies.operator = (await signedInOperator(p, 'kn-http')).cookie;
      for (const visibility of ['public', 'members', 'organisations'] as const) {
        const r = await call('POST', '/api/v1/knowledge/assets', 'owner', {
          id: `ka-http-${visibility}`,
          type: 'method',
          titleRu: `Методика для матрицы видимости ${visibility}`,
          trl: 4,
          visibility,
          ...(visibility === 'organisations' ? { audience: ['kemsu'] } : {}),
        });
        assert.equal(r.status, 201, r.body);
      }
    });

    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('low readiness answers become the organisation’s own competence gaps, seen by it alone', async () => {
      const bands = {
        connectivity: 4,
        automation: 4,
        intelligence: 1,
        vertical_integration: 4,
        horizontal_integration: 4,
        workforce_learning: 1,
        leadership: 3,
        strategy: 3,
      };
      const answered = await call('POST', '/api/v1/assessment/readiness/gof-stepnaya', 'gof', {
        bands,
      });
      assert.equal(answered.status, 201, answered.body);
      const own = (
        await call('GET', '/api/v1/knowledge/gaps?organisationId=gof-stepnaya', 'gof')
      ).json<{
        organisations: Gap[];
      }>();
      const analysis = own.organisations.find((g) => g.competence === 'data-analysis');
      assert.ok(analysis, JSON.stringify(own.organisations.map((g) => g.competence)));
      assert.ok(analysis.demands.some((x) => x.source === 'readiness' && x.id === 'intelligence'));
      // workforce learning names no competence; connectivity at band 4 asks for nothing
      assert.ok(
        !own.organisations.some((g) => g.demands.some((x) => x.id === 'workforce_learning')),
      );
      // another organisation's user does not learn the answers through the gaps
      const seen = (
        await call('GET', '/api/v1/knowledge/gaps?organisationId=gof-stepnaya', 'other')
      ).json<{
        organisations: Gap[];
        cluster: Gap[];
      }>();
      for (const g of [...seen.organisations, ...seen.cluster])
        assert.ok(!g.demands.some((x) => x.source === 'readiness'), JSON.stringify(g));
    });

    test('openings: the courses of the universities and the vacancies of the enterprises, in both languages', async () => {
      const all = (await call('GET', '/api/v1/knowledge/openings', 'other')).json() as Json[];
      const kinds = new Set(all.map((o) => o.kind));
      for (const k of ['course', 'programme', 'internship', 'vacancy']) assert.ok(kinds.has(k), k);
      assert.ok(all.some((o) => o.organisationId === 'kuzstu' && o.kind === 'course'));
      assert.ok(all.some((o) => o.organisationId === 'kemsu' && o.kind === 'course'));
      for (const o of all) {
        assert.match(String(o.titleRu), /[а-яё]/i);
        assert.match(String(o.titleEn), /^[\x20-\x7e«»–—’]+$/);
        assert.ok(o.organisationName, String(o.id));
      }
      const courses = (
        await call('GET', '/api/v1/knowledge/openings?kind=course&organisationId=kemsu')
      ).json() as Json[];
      assert.ok(courses.length > 0);
      assert.ok(courses.every((o) => o.kind === 'course' && o.organisationId === 'kemsu'));
      // members-only openings stay with the members
      const visitor = (await call('GET', '/api/v1/knowledge/openings')).json() as Json[];
      assert.ok(visitor.every((o) => o.visibility === 'public'));
      assert.ok(visitor.length < all.length);
      const hidden = all.find((o) => o.visibility === 'members');
      assert.ok(hidden);
      assert.equal((await call('GET', `/api/v1/knowledge/openings/${hidden.id}`)).status, 404);
      assert.equal(
        (await call('GET', `/api/v1/knowledge/openings/${hidden.id}`, 'outsider')).status,
        404,
      );
      assert.equal(
        (await call('GET', `/api/v1/knowledge/openings/${hidden.id}`, 'other')).status,
        200,
      );
    });

    test('gaps: demanded above the levels the profiles hold, per organisation and cluster-wide; reasons name the competence', async () => {
      const profiles = (
        await p.knowledge.search(systemActor, { q: '', type: 'profile', limit: 100 })
      ).results;
      const held: Array<{ organisationId: string; competence: string; level: number }> = [];
      for (const r of profiles)
        for (const c of (await p.knowledge.getProfile(systemActor, r.id, 'created')).competences)
          held.push({ organisationId: r.organisationId, ...c });
      const presentIn = (c: string, org: string | null) =>
        Math.max(
          0,
          ...held
            .filter((h) => h.competence === c && (!org || h.organisationId === org))
            .map((h) => h.level),
        );
      for (const lang of ['ru', 'en'] as const) {
        const r = await call('GET', '/api/v1/knowledge/gaps', 'operator', undefined, lang);
        assert.equal(r.status, 200, r.body);
        const report = r.json() as { cluster: Gap[]; organisations: Gap[]; openings: Ranked[] };
        assert.ok(report.organisations.length > 0);
        for (const g of [...report.cluster, ...report.organisations]) {
          assert.equal(g.competenceName, competence(g.competence)?.[lang]);
          assert.equal(g.present, presentIn(g.competence, g.organisationId), JSON.stringify(g));
          assert.ok(g.present < g.demanded || g.holders < g.demands.length, JSON.stringify(g));
          assert.ok(g.demands.length > 0);
        }
        // the preparation plant asks for data analysis (its vacancy, its project) and holds none
        const gof = report.organisations.find(
          (g) => g.organisationId === 'gof-stepnaya' && g.competence === 'data-analysis',
        );
        assert.ok(gof);
        assert.equal(gof.present, 0);
        assert.ok(
          gof.demands.some((x) => x.source === 'vacancy' && x.id === 'ko-gof-data-vacancy'),
        );
        assert.ok(report.openings.length > 0);
        assert.ok(
          report.openings.every((o, k) => k === 0 || report.openings[k - 1].score >= o.score),
        );
        for (const o of report.openings) {
          assert.notEqual(o.kind, 'vacancy');
          for (const x of o.reasons) {
            const gap = [...report.cluster, ...report.organisations].find(
              (g) =>
                g.competence === x.competence && g.organisationId === (x.organisationId ?? null),
            );
            assert.ok(gap, `${o.id}: ${x.text}`);
            assert.ok(x.level > gap.present);
            assert.ok(x.text.includes(`«${competence(x.competence)?.[lang]}»`), x.text);
            // teaching below the level asked narrows the gap; only reaching it closes it
            const closes = x.level >= gap.demanded;
            const word = {
              ru: closes ? /^закрывает дефицит/ : /^сокращает дефицит/,
              en: closes ? /^closes the gap/ : /^narrows the gap/,
            }[lang];
            assert.match(x.text, word);
          }
        }
        const mark = lang === 'ru' ? /дефицит/ : /(closes|narrows) the gap/;
        assert.match(report.openings[0].reasons[0].text, mark);
      }
      // one organisation: its gaps only, and the KuzSTU IoT course closes the plant's data gap
      const one = (
        await call('GET', '/api/v1/knowledge/gaps?organisationId=gof-stepnaya', 'gof')
      ).json() as { organisations: Gap[]; openings: Ranked[] };
      assert.ok(one.organisations.every((g) => g.organisationId === 'gof-stepnaya'));
      const iot = one.openings.find((o) => o.id === 'ko-kuzstu-iot-course');
      assert.ok(iot);
      assert.ok(iot.reasons.some((x) => x.competence === 'data-analysis'));
    });

    test('development of one person: what they lack, what teaches it, which vacancies fit', async () => {
      const r = await call(
        'GET',
        '/api/v1/knowledge/profiles/kx-gromov/development',
        'other',
        undefined,
        'ru',
      );
      assert.equal(r.status, 200, r.body);
      const dev = r.json() as {
        missing: Array<{ competence: string; level: number; competenceName: string }>;
        learn: Ranked[];
        apply: Ranked[];
      };
      const profile = await p.knowledge.getProfile(systemActor, 'kx-gromov', 'created');
      const has = new Map(profile.competences.map((c) => [c.competence, c.level]));
      assert.ok(dev.missing.length > 0);
      for (const x of dev.missing) {
        assert.ok((has.get(x.competence) ?? 0) < x.level);
        assert.equal(x.competenceName, competence(x.competence)?.ru);
      }
      const missing = new Set(dev.missing.map((x) => x.competence));
      for (const o of dev.learn)
        for (const x of o.reasons) {
          assert.equal(x.kind, 'missing');
          assert.ok(missing.has(x.competence));
          assert.ok(x.level > (has.get(x.competence) ?? 0));
          assert.ok(x.text.includes(`«${competence(x.competence)?.ru}»`), x.text);
        }
      // the plant's own flotation vacancy asks what the plant's chief technologist holds
      const vacancy = dev.apply.find((o) => o.id === 'ko-cof-flotation-vacancy');
      assert.ok(vacancy);
      assert.equal(vacancy.score, 1);
      assert.ok(dev.apply.every((o) => o.kind === 'vacancy' || o.kind === 'internship'));
      assert.equal(
        (await call('GET', '/api/v1/knowledge/profiles/kx-nobody/development')).status,
        404,
      );
    });

    test('openings: offered and changed by their organisation only, journaled with the full state', async () => {
      const course = {
        id: 'ko-kemsu-http',
        kind: 'course',
        titleRu: 'Курс по флотации для проверки',
        titleEn: 'Flotation course for the check',
        competences: [{ competence: 'flotation', level: 3 }],
        hours: 40,
      };
      assert.equal(
        (
          await call('POST', '/api/v1/knowledge/openings', 'other', {
            ...course,
            organisationId: 'kemsu',
          })
        ).status,
        403,
      );
      assert.equal(
        (await call('POST', '/api/v1/knowledge/openings', undefined, course)).status,
        401,
      );
      const created = await call('POST', '/api/v1/knowledge/openings', 'named', course);
      assert.equal(created.status, 201, created.body);
      assert.equal(created.json().organisationId, 'kemsu');
      const bad = await call(
        'POST',
        '/api/v1/knowledge/openings',
        'named',
        { ...course, id: undefined, competences: [] },
        'ru',
      );
      assert.equal(bad.status, 400);
      assert.match(bad.json<Problem>().title, /[а-я]/);
      assert.ok(bad.json<Problem>().errors.some((e) => e.field === 'competences'));
      const patched = await call('PATCH', '/api/v1/knowledge/openings/ko-kemsu-http', 'named', {
        hours: 48,
      });
      assert.equal(patched.status, 200, patched.body);
      assert.equal(patched.json().hours, 48);
      assert.equal(patched.json().titleRu, course.titleRu);
      assert.equal(
        (await call('PATCH', '/api/v1/knowledge/openings/ko-kemsu-http', 'other', { hours: 1 }))
          .status,
        403,
      );
      const events = await listEvents(p.store, { type: 'knowledge.opening.updated', limit: 5000 });
      const last = events.filter((e) => (e.payload as Json).id === 'ko-kemsu-http').at(-1);
      assert.ok(last);
      const stored = await p.knowledge.getOpening(systemActor, 'ko-kemsu-http');
      const { organisationName: _n, organisationNameEn: _e, ...state } = stored;
      assert.deepEqual(last.payload, state);
    });

    test('profiles and projects: PATCH by the owner only, journaled with the full state, refused in both languages', async () => {
      const before = await p.knowledge.getProfile(systemActor, 'kx-sokolov', 'created');
      const profile = await call('PATCH', '/api/v1/knowledge/profiles/kx-sokolov', 'owner', {
        aboutEn: 'Ash and slag at KuzSTU',
        competences: [
          { competence: 'ash-utilisation', level: 5 },
          { competence: 'rare-earths', level: 4 },
        ],
      });
      assert.equal(profile.status, 200, profile.body);
      assert.equal(profile.json().personName, before.personName);
      assert.equal(profile.json().position, before.position);
      assert.equal(profile.json().aboutEn, 'Ash and slag at KuzSTU');
      assert.equal(profile.json<{ competences: unknown[] }>().competences.length, 2);
      assert.equal(
        (await call('PATCH', '/api/v1/knowledge/profiles/kx-sokolov', 'other', { aboutEn: 'x' }))
          .status,
        403,
      );
      assert.equal(
        (await call('PATCH', '/api/v1/knowledge/profiles/kx-sokolov', undefined, { aboutEn: 'x' }))
          .status,
        401,
      );
      for (const [lang, mark] of [
        ['ru', /[а-я]/],
        ['en', /^[\x20-\x7e]+$/],
      ] as const) {
        const bad = await call(
          'PATCH',
          '/api/v1/knowledge/profiles/kx-sokolov',
          'owner',
          { competences: [{ competence: 'astrology', level: 9 }] },
          lang,
        );
        assert.equal(bad.status, 400);
        assert.match(bad.json<Problem>().title, mark);
      }
      const project = await call(
        'PATCH',
        '/api/v1/knowledge/projects/kp-ash-to-concrete',
        'owner',
        {},
      );
      // KuzSTU is a participant, not the lead: the lead's members change the project
      assert.equal(project.status, 403);
      const myski = (
        await signedIn(p, 'myski-gres', {
          email: 'lead@kn-http.example',
          name: 'Лид',
          role: 'member',
        })
      ).cookie;
      cookies.myski = myski;
      const changed = await call(
        'PATCH',
        '/api/v1/knowledge/projects/kp-ash-to-concrete',
        'myski',
        {
          status: 'completed',
          goalEn: 'Ash into concrete: done',
        },
      );
      assert.equal(changed.status, 200, changed.body);
      assert.equal(changed.json().status, 'completed');
      assert.equal(changed.json<{ participants: unknown[] }>().participants.length, 4);
      const noLead = await call(
        'PATCH',
        '/api/v1/knowledge/projects/kp-ash-to-concrete',
        'myski',
        {
          participants: [{ organisationId: 'myski-gres', role: 'partner' }],
        },
        'ru',
      );
      assert.equal(noLead.status, 400);
      assert.ok(
        noLead.json<Problem>().errors.some((e) => /руководител/.test(e.message)),
        noLead.body,
      );
      for (const [type, id] of [
        ['knowledge.profile.updated', 'kx-sokolov'],
        ['knowledge.project.updated', 'kp-ash-to-concrete'],
      ]) {
        const last = (await listEvents(p.store, { type, limit: 5000 }))
          .filter((e) => (e.payload as Json).id === id)
          .at(-1);
        assert.ok(last, type);
        const read =
          type === 'knowledge.profile.updated'
            ? await p.knowledge.getProfile(systemActor, id, 'created')
            : await p.knowledge.getProject(systemActor, id, 'created');
        const { organisationName: _n, organisationNameEn: _e, views: _v, ...state } = read;
        assert.deepEqual(last.payload, state);
      }
      // the changed project is found by its new words
      const found = await p.knowledge.search(systemActor, { q: 'concrete done', type: 'project' });
      assert.equal(found.results[0]?.id, 'kp-ash-to-concrete');
    });

    /** Viewer kinds × visibility of an asset of KuzSTU named to KemSU, through HTTP. */
    const matrix: Record<string, Record<'public' | 'members' | 'organisations', boolean>> = {
      anonymous: { public: true, members: false, organisations: false },
      outsider: { public: true, members: false, organisations: false },
      observer: { public: true, members: true, organisations: false },
      other: { public: true, members: true, organisations: false },
      named: { public: true, members: true, organisations: true },
      owner: { public: true, members: true, organisations: true },
      operator: { public: true, members: true, organisations: true },
    };
    for (const [viewer, row] of Object.entries(matrix))
      test(`visibility of assets through HTTP: ${viewer}`, async () => {
        const who = viewer === 'anonymous' ? undefined : viewer;
        const q = encodeURIComponent('методика для матрицы видимости');
        const search = await call('GET', `/api/v1/knowledge/search?q=${q}`, who);
        assert.equal(search.status, 200, search.body);
        const found = new Set((search.json().results as Json[]).map((r) => r.id));
        for (const [visibility, visible] of Object.entries(row)) {
          const id = `ka-http-${visibility}`;
          assert.equal(found.has(id), visible, `${viewer} searching ${visibility}`);
          const read = await call('GET', `/api/v1/knowledge/assets/${id}`, who);
          assert.equal(read.status, visible ? 200 : 404, `${viewer} reading ${visibility}`);
          if (!visible) assert.ok(!read.body.includes('Методика'));
        }
      });
  });
}
