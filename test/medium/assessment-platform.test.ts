// The assessment over the platform's own data, on SQLite and PostgreSQL: the snapshot the
// example cluster makes (organisations from the registry, ties from what members did on the
// platform), its placement through HTTP and through `digicluster assess --json` (the same body),
// and who may see the ties.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedExample } from '../../src/example/seed.ts';
import { inTransaction, recordEvent } from '../../src/journal/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { signedIn, signedInOperator } from './fixtures.ts';

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

for (const d of await eachDialect()) {
  describe(`assessment over the platform's data on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let member = '';
    let operator = '';

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      app = await buildServer(p);
      member = (
        await signedIn(p, 'tsement-tom', {
          email: 'a@tom.example',
          name: 'Аналитик',
          role: 'member',
        })
      ).cookie;
      operator = (await signedInOperator(p, 'asp')).cookie;
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const get = (url: string, cookie: string) =>
      app.inject({ method: 'GET', url, headers: { cookie } });

    test('the snapshot holds the members and only ties between organisations it holds', async () => {
      const r = await get('/api/v1/assessment/snapshot', operator);
      assert.equal(r.statusCode, 200, r.body);
      const s = r.json();
      const ids = new Set(s.organisations.map((o: { id: string }) => o.id));
      assert.ok(ids.has('tsement-tom'));
      assert.ok(s.organisations.length >= 20, String(s.organisations.length));
      for (const t of s.ties) {
        assert.ok(ids.has(t.source) && ids.has(t.target), JSON.stringify(t));
        assert.notEqual(t.source, t.target);
        assert.equal(t.onPlatform, true);
      }
      // the example's joint R&D projects are knowledge ties between their lead and participants
      assert.ok(s.ties.some((t: { layer: string }) => t.layer === 'knowledge'));
    });

    test('a member sees the placement, not who deals with whom', async () => {
      assert.equal((await get('/api/v1/assessment/snapshot', member)).statusCode, 403);
      const r = await get('/api/v1/assessment/typology?months=12', member);
      assert.equal(r.statusCode, 200, r.body);
      const a = r.json();
      assert.equal(a.characteristics.length, 9);
      assert.ok(!r.body.includes('"source"'));
      const trajectory = await get('/api/v1/assessment/trajectory', member);
      assert.equal(trajectory.statusCode, 200, trajectory.body);
      assert.ok(trajectory.json().length >= 1);
    });

    test('the network: one node per organisation, degree as partners over n − 1, the operator only', async () => {
      assert.equal((await get('/api/v1/assessment/network', member)).statusCode, 403);
      const r = await get('/api/v1/assessment/network', operator);
      assert.equal(r.statusCode, 200, r.body);
      const net = r.json();
      const snapshot = (await get('/api/v1/assessment/snapshot', operator)).json();
      assert.equal(net.nodes.length, snapshot.organisations.length);
      const partners = new Map<string, Set<string>>();
      for (const t of snapshot.ties as Array<{ source: string; target: string }>)
        for (const [a, b] of [
          [t.source, t.target],
          [t.target, t.source],
        ]) {
          const set = partners.get(a) ?? new Set<string>();
          set.add(b);
          partners.set(a, set);
        }
      const n = net.nodes.length;
      for (const node of net.nodes) {
        assert.ok(
          Math.abs(node.degree - (partners.get(node.id)?.size ?? 0) / (n - 1)) < 1e-12,
          node.id,
        );
        assert.ok(['keystone', 'dominator', 'niche'].includes(node.role));
      }
      assert.ok(net.modularity >= -0.5 && net.modularity <= 1);
      // each node named in both languages: the registry's English name, null where none is kept
      const orgs = (await get('/api/v1/organisations', operator)).json() as Array<{
        id: string;
        nameEn?: string;
      }>;
      const english = new Map(orgs.map((o) => [o.id, o.nameEn ?? null]));
      for (const node of net.nodes as Array<{ id: string; nameEn: string | null }>)
        assert.equal(node.nameEn, english.get(node.id) ?? null, node.id);
      assert.ok(net.nodes.some((x: { nameEn: string | null }) => x.nameEn !== null));
      const knowledge = (await get('/api/v1/assessment/network?layer=knowledge', operator)).json();
      assert.ok(knowledge.edges.every((e: { layer: string }) => e.layer === 'knowledge'));
      assert.equal((await get('/api/v1/assessment/network?layer=money', operator)).statusCode, 400);
    });

    test('digicluster assess --json prints what the API answers for the same day', async () => {
      const asOf = new Date().toISOString().slice(0, 10);
      const r = await cli(['assess', '--json', '--as-of', asOf], db.env);
      assert.equal(r.code, 0, r.stderr);
      const api = (await get(`/api/v1/assessment/typology?asOf=${asOf}`, member)).json();
      assert.deepEqual(JSON.parse(r.stdout), api);
    });

    test("ties and decisions are dated by the cluster's day (18:30 UTC on 31 December is New Year's Day in Kemerovo); an asset asked for again is one tie", async () => {
      const evening = new Date('2025-12-31T18:30:00.000Z');
      const askedFor = {
        actor: 'system',
        organisationId: 'tsement-tom',
        type: 'knowledge.asset.requested',
        payload: {
          assetId: 'ka-ash-slag-processing',
          fromOrganisationId: 'tsement-tom',
          toOrganisationId: 'kuzstu',
        },
      };
      await inTransaction(p.store, async (tx) => {
        await recordEvent(tx, askedFor, evening);
        // asked again a week later: a reminder, no second tie (else clicks raise the figures)
        await recordEvent(tx, askedFor, new Date('2026-01-07T10:00:00.000Z'));
        await recordEvent(
          tx,
          { actor: 'system', organisationId: null, type: 'proposal.vetoed', payload: {} },
          evening,
        );
      });
      const s = (await get('/api/v1/assessment/snapshot', operator)).json();
      const asked = s.ties.filter(
        (t: { event: string; source: string; target: string }) =>
          t.event === 'knowledge.asset.requested' &&
          t.source === 'tsement-tom' &&
          t.target === 'kuzstu',
      );
      assert.deepEqual(
        asked.map((t: { at: string }) => t.at),
        ['2026-01-01'],
      );
      const vetoes = s.decisions.filter((d: { by: string }) => d.by === 'keystone_veto');
      assert.ok(
        vetoes.some((d: { at: string }) => d.at === '2026-01-01'),
        JSON.stringify(vetoes),
      );
      assert.ok(!vetoes.some((d: { at: string }) => d.at === '2025-12-31'), JSON.stringify(vetoes));
    });
  });
}
