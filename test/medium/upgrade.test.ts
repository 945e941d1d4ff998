// A database made by the release before the module contract (57d6349, see upgrade/README.md)
// opens with this release and migrates in place, on SQLite and PostgreSQL: nothing lost, money
// converted from roubles to kopecks, the new foreign keys in force, and `down` takes it back.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import {
  agreedMatches,
  listingRecord,
  MatchProposal,
  matchRecord,
  Plan,
} from '../../src/exchange/index.ts';
import { canonicalJson, listEvents, verifyJournal } from '../../src/journal/index.ts';
import { systemActor } from '../../src/model/index.ts';
import { allMigrations, openPlatform, type Platform } from '../../src/platform.ts';
import { openStore, type StoreOptions } from '../../src/store/index.ts';
import { eachDialect, PG_ADMIN_URL } from './dialects.ts';

const fixture = (name: string) =>
  gunzipSync(readFileSync(new URL(`./upgrade/${name}`, import.meta.url)));

/** Roubles as the old release stored them, in kopecks: × 100, half away from zero. */
const kopecksOf = (rub: number) => Math.sign(rub) * Math.round(Math.abs(rub) * 100);

type Json = Record<string, unknown>;
interface OldFlow {
  supply: string;
  demand: string;
  value: number;
  avoidedDisposal: number;
  transport: number;
  transportRubPerUnit: number;
}
interface Before {
  listings: Map<string, Json>;
  plan: {
    id: string;
    flows: OldFlow[];
    impact: Record<string, { factors: Json }>;
    warnings: string[];
  };
  matches: Array<{ id: string; status: string; flow: OldFlow }>;
  journalHead: number;
}

/** What the old release stored, read before anything migrates it. */
async function readBefore(options: StoreOptions): Promise<Before> {
  const store = openStore(options);
  try {
    const listings = await store.db.selectFrom('exchange_listing').select(['id', 'data']).execute();
    const [plan] = await store.db.selectFrom('exchange_plan').select(['id', 'data']).execute();
    const matches = await store.db
      .selectFrom('exchange_match')
      .select(['id', 'status', 'flow'])
      .execute();
    const head = await sql<{ seq: number }>`select max(seq) as seq from journal`.execute(store.db);
    const doc = JSON.parse(plan.data);
    return {
      listings: new Map(listings.map((l) => [l.id, JSON.parse(l.data)])),
      plan: { id: plan.id, flows: doc.plan.flows, impact: doc.impact, warnings: doc.warnings },
      matches: matches.map((m) => ({ id: m.id, status: m.status, flow: JSON.parse(m.flow) })),
      journalHead: Number(head.rows[0].seq),
    };
  } finally {
    await store.close();
  }
}

/** A copy of the fixture for one dialect: where it lives, and how to remove it. */
async function copyOf(dialect: 'sqlite' | 'postgres') {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'digicluster-upgrade-'));
    const file = join(dir, 'release-57d6349.sqlite');
    writeFileSync(file, fixture('release-57d6349.sqlite.gz'));
    return {
      options: { sqliteFile: file },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `dc_upgrade_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(fixture('release-57d6349.postgres.sql.gz').toString('utf8'));
  await client.end();
  return {
    options: { databaseUrl: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

for (const d of await eachDialect()) {
  describe(`upgrade of a release-57d6349 database on ${d.name}`, { skip: d.skip }, () => {
    let copy: Awaited<ReturnType<typeof copyOf>>;
    let old: Before;
    let p: Platform;
    before(async () => {
      copy = await copyOf(d.name);
      old = await readBefore(copy.options);
      p = await openPlatform({ ...copy.options, sessionTtlHours: 1 });
    });
    after(async () => {
      await p?.close();
      await copy?.drop();
    });

    test('every migration is recorded and the journal still verifies', async () => {
      const names = await sql<{
        name: string;
      }>`select name from kysely_migration order by name`.execute(p.store.db);
      assert.deepEqual(
        names.rows.map((r) => r.name),
        Object.keys(allMigrations().migrations).sort(),
      );
      assert.ok(names.rows.some((r) => r.name === '2026-11-29-03-exchange-keys-and-money'));
      assert.deepEqual(await verifyJournal(p.store), {
        ok: true,
        count: old.journalHead,
        headSeq: old.journalHead,
      });
    });

    test('the 34 listings keep every field, their money now in kopecks', async () => {
      const listings = await p.exchange.listListings(systemActor);
      assert.equal(listings.length, 34);
      assert.equal(old.listings.size, 34);
      for (const l of listings) {
        const before = old.listings.get(l.id);
        assert.ok(before, l.id);
        const { disposalCostRubPerUnit, priceRubPerUnit, provenance, ...rest } = before as Json & {
          disposalCostRubPerUnit?: number;
          priceRubPerUnit?: number;
          provenance?: Json;
        };
        assert.equal(
          l.disposalCostKopecksPerUnit,
          disposalCostRubPerUnit === undefined ? undefined : kopecksOf(disposalCostRubPerUnit),
          l.id,
        );
        assert.equal(
          l.priceKopecksPerUnit,
          priceRubPerUnit === undefined ? undefined : kopecksOf(priceRubPerUnit),
          l.id,
        );
        for (const [k, v] of Object.entries(rest))
          assert.deepEqual(l[k as keyof typeof l], v, `${l.id} ${k}`);
        // a figure's source follows the figure to its new name
        const renamed = Object.keys(provenance ?? {}).map((k) =>
          k.replace('RubPerUnit', 'KopecksPerUnit'),
        );
        assert.deepEqual(Object.keys(l.provenance).sort(), renamed.sort(), l.id);
      }
      assert.ok(
        listings.filter((l) => l.disposalCostKopecksPerUnit !== undefined).length > 10 &&
          listings.filter((l) => l.priceKopecksPerUnit !== undefined).length > 10,
        'the fixture has prices on both sides',
      );
    });

    test('the saved plan and its 13 matches read back in the current shapes', async () => {
      const plan = Plan.parse(await p.exchange.getPlan(systemActor, old.plan.id));
      assert.equal(plan.plan.flows.length, 13);
      const oldFlow = new Map(old.plan.flows.map((f) => [`${f.supply}→${f.demand}`, f]));
      for (const f of plan.plan.flows) {
        const was = oldFlow.get(`${f.supply}→${f.demand}`)!;
        assert.equal(f.valueKopecks, kopecksOf(was.value));
        assert.equal(f.avoidedDisposalKopecks, kopecksOf(was.avoidedDisposal));
        assert.equal(f.transportKopecks, kopecksOf(was.transport));
        assert.equal(f.transportKopecksPerUnit, kopecksOf(was.transportRubPerUnit));
        assert.equal(
          f.savingsKopecks,
          f.valueKopecks + f.avoidedDisposalKopecks - f.transportKopecks,
        );
      }
      const sum = plan.plan.flows.reduce((s, f) => s + f.savingsKopecks, 0);
      assert.equal(plan.plan.objectiveKopecks, sum);
      assert.equal(plan.impact.savings.valueKopecks, sum);
      const baseline = old.plan.impact.baselineCostRub.factors as Record<string, number>;
      assert.deepEqual(plan.impact.baselineCost.factorsKopecks, {
        disposal: kopecksOf(baseline.disposal),
        purchases: kopecksOf(baseline.purchases),
      });
      assert.equal(
        plan.impact.baselineCost.valueKopecks - plan.impact.planCost.valueKopecks,
        plan.impact.savings.valueKopecks,
      );

      // its warnings were English text: kept as they were, as messages
      assert.deepEqual(
        plan.warnings.map((w) => [w.code, w.message]),
        old.plan.warnings.map((text) => ['exchange.warning.legacy', text]),
      );
      const ru = await p.exchange.getPlan(systemActor, old.plan.id, 'ru');
      assert.ok(ru.warnings.every((w, i) => w.message.startsWith(old.plan.warnings[i])));

      const matches = await p.exchange.listMatches(systemActor, { planId: old.plan.id });
      assert.equal(matches.length, 13);
      for (const m of matches) {
        MatchProposal.parse(m);
        const was = old.matches.find((x) => x.id === m.id)!;
        assert.equal(m.status, was.status);
        assert.equal(
          m.savingsKopecks,
          kopecksOf(was.flow.value) +
            kopecksOf(was.flow.avoidedDisposal) -
            kopecksOf(was.flow.transport),
        );
      }
    });

    test('the agreed match is listed; accepting another on both sides agrees it once', async () => {
      const agreedBefore = old.matches.filter((m) => m.status === 'accepted').map((m) => m.id);
      assert.equal(agreedBefore.length, 1);
      assert.deepEqual(
        (await agreedMatches(p.store)).map((a) => a.id),
        agreedBefore,
      );
      const live = new Set(
        (await p.exchange.listListings(systemActor, { status: 'active' })).map((l) => l.id),
      );
      const open = (await p.exchange.listMatches(systemActor)).find(
        (m) =>
          m.status === 'proposed' &&
          live.has(m.supply.listingId) &&
          live.has(m.demand.listingId) &&
          m.supply.organisationId !== m.demand.organisationId,
      );
      assert.ok(open, 'an open proposal between live listings');
      await p.exchange.decideMatch(systemActor, open.id, true, { side: 'supply' });
      const done = await p.exchange.decideMatch(systemActor, open.id, true, { side: 'demand' });
      assert.equal(done.status, 'accepted');
      const agreed = (await listEvents(p.store, { afterSeq: old.journalHead })).filter(
        (e) => e.type === 'match.agreed',
      );
      assert.deepEqual(
        agreed.map((e) => (e.payload as { id: string }).id),
        [open.id],
      );
      assert.deepEqual(
        (await agreedMatches(p.store)).map((a) => a.id).sort(),
        [...agreedBefore, open.id].sort(),
      );
      assert.equal((await verifyJournal(p.store)).ok, true);
    });

    test('the new foreign keys hold', async () => {
      const [
        {
          disposal_cost_kopecks_per_unit,
          price_kopecks_per_unit,
          supplier_cost_kopecks_per_unit,
          sale_price_kopecks_per_unit,
          ...row
        },
      ] = await p.store.db.selectFrom('exchange_listing').selectAll().limit(1).execute();
      await assert.rejects(
        p.store.db
          .insertInto('exchange_listing')
          .values({ ...row, id: 'l-nobodys', organisation_id: 'no-such-organisation' })
          .execute(),
      );
      await assert.rejects(
        p.store.db
          .insertInto('exchange_listing')
          .values({ ...row, id: 'l-nowhere', site_id: 'no-such-site' })
          .execute(),
      );
      const [match] = await p.store.db.selectFrom('exchange_match').selectAll().limit(1).execute();
      await assert.rejects(
        p.store.db
          .updateTable('exchange_match')
          .set({ demand_organisation_id: 'no-such-organisation' })
          .where('id', '=', match.id)
          .execute(),
      );
      await assert.rejects(
        p.store.db
          .insertInto('exchange_plan')
          .values({
            id: 'p-nobodys',
            created_at: row.created_at,
            created_by: 'system',
            organisation_id: 'no-such-organisation',
            data: '{}',
          })
          .execute(),
      );
    });

    test('down restores the old shapes, and up again gives the same records', async () => {
      const migrator = new Migrator({
        db: p.store.db,
        provider: { getMigrations: async () => allMigrations().migrations },
      });
      const listingIds = [...old.listings.keys()];
      const matchIds = old.matches.map((m) => m.id);
      const records = async () => ({
        listings: await Promise.all(listingIds.map((id) => listingRecord(p.store, id))),
        matches: await Promise.all(matchIds.map((id) => matchRecord(p.store, id))),
        plan: await p.exchange.getPlan(systemActor, old.plan.id),
      });
      const upgraded = await records();

      const down = await migrator.migrateTo('2026-11-29-02-exchange');
      assert.equal(down.error, undefined, String(down.error));
      const rows = await sql<{
        id: string;
        data: string;
      }>`select id, data from exchange_listing`.execute(p.store.db);
      for (const r of rows.rows) {
        const data = JSON.parse(r.data);
        const was = old.listings.get(r.id);
        if (!was) continue;
        assert.equal(data.disposalCostRubPerUnit, was.disposalCostRubPerUnit, r.id);
        assert.equal(data.priceRubPerUnit, was.priceRubPerUnit, r.id);
        assert.equal(data.disposalCostKopecksPerUnit, undefined);
      }
      const plan = await sql<{
        data: string;
      }>`select data from exchange_plan where id = ${old.plan.id}`.execute(p.store.db);
      const doc = JSON.parse(plan.rows[0].data);
      assert.equal(typeof doc.plan.objective, 'number');
      assert.ok('savingsRub' in doc.impact && 'savingsRub' in doc.plan.flows[0]);

      const up = await migrator.migrateToLatest();
      assert.equal(up.error, undefined, String(up.error));
      assert.equal(canonicalJson(await records()), canonicalJson(upgraded));
    });
  });
}
