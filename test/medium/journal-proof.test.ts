// The journal beyond its hash chain (issue 9, security review F14): signed checkpoints catch
// the rewrites the chain alone lets through (newest rows deleted with the head, the whole
// chain re-hashed, an early edit), on both dialects, through the CLI as operators run it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import {
  canonicalJson,
  eventHash,
  GENESIS_HASH,
  inTransaction,
  recordEvent,
} from '../../src/journal/index.ts';
import { systemActor } from '../../src/model/index.ts';
import { openPlatform, type Platform } from '../../src/platform.ts';
import { registryQueries } from '../../src/registry/index.ts';
import { eachDialect, PG_ADMIN_URL, type TestDatabase } from './dialects.ts';

/** The CLI as a child process, without blocking the event loop (see cli.test.ts). */
const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/digicluster.js', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          status: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });

interface Row {
  seq: number;
  at: string;
  actor: string;
  organisation_id: string | null;
  type: string;
  payload: string;
  hash: string;
}

const dialects = await eachDialect();

test('--help names the checkpoint and state commands; bad arguments exit 2', async () => {
  const r = await cli(['--help'], {});
  assert.equal(r.status, 0);
  for (const line of [
    'journal checkpoint [--json]',
    'journal verify --checkpoint FILE',
    'journal verify --state',
    'JOURNAL_KEY_FILE',
  ])
    assert.ok(r.stdout.includes(line), line);
  for (const args of [
    ['journal', 'verify', '--frobnicate'],
    ['journal', 'verify', '--public-key', 'x.pem'],
    ['journal', 'checkpoint', '--yaml'],
  ]) {
    const bad = await cli(args, {});
    assert.equal(bad.status, 2, args.join(' '));
    assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
  }
});

for (const d of dialects) {
  describe(`journal checkpoints on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let env: Record<string, string>;
    let dir: string;
    let cpFile: string;
    let cp: { seq: number; hash: string; publicKey: string; signature: string };
    let original: Row[];

    /** Puts the journal and its head back as they were, between attacks. */
    async function restore() {
      await p.store.db.deleteFrom('journal').execute();
      for (let i = 0; i < original.length; i += 200)
        await p.store.db
          .insertInto('journal')
          .values(original.slice(i, i + 200))
          .execute();
      const last = original[original.length - 1];
      await p.store.db
        .updateTable('journal_head')
        .set({ seq: last.seq, hash: last.hash })
        .where('id', '=', 1)
        .execute();
    }

    before(async () => {
      db = await d.make();
      dir = mkdtempSync(join(tmpdir(), 'digicluster-proof-'));
      env = { ...db.env, JOURNAL_KEY_FILE: join(dir, 'key.pem') };
      const seeded = await cli(['demo'], env);
      assert.equal(seeded.status, 0, seeded.stderr);
      const made = await cli(['journal', 'checkpoint', '--json'], env);
      assert.equal(made.status, 0, made.stderr);
      cp = JSON.parse(made.stdout);
      cpFile = join(dir, 'checkpoint.json');
      writeFileSync(cpFile, made.stdout);
      p = await db.open();
      original = (await p.store.db.selectFrom('journal').selectAll().orderBy('seq').execute()).map(
        (r) => ({ ...r, seq: Number(r.seq) }),
      );
    });
    after(async () => {
      await p?.close();
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('checkpoint signs the head with a key made 0600 outside the database', async () => {
      assert.equal(cp.seq, original.length);
      assert.equal(cp.hash, original[original.length - 1].hash);
      assert.equal(statSync(env.JOURNAL_KEY_FILE).mode & 0o777, 0o600);
      const ok = await cli(['journal', 'verify', '--checkpoint', cpFile], env);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, new RegExp(`checkpoint holds: event ${cp.seq}`));
      // a member with only the public key the checkpoint printed verifies it too
      const pub = join(dir, 'member.pub');
      writeFileSync(pub, `${cp.publicKey}\n`);
      const member = await cli(['journal', 'verify', '--checkpoint', cpFile, '--public-key', pub], {
        ...env,
        JOURNAL_KEY_FILE: join(dir, 'absent.pem'),
      });
      assert.equal(member.status, 0, member.stderr);
      const human = await cli(['journal', 'checkpoint'], env);
      assert.equal(human.status, 0, human.stderr);
      assert.ok(human.stdout.includes(cp.publicKey));
      // the key never reaches the database: the journal did not grow
      assert.equal(
        Number(
          (await sql<{ n: number }>`select count(*) as n from journal`.execute(p.store.db)).rows[0]
            .n,
        ),
        original.length,
      );
    });

    test('a forged signature or a checkpoint by another key fails with exit 1', async () => {
      const forged = join(dir, 'forged.json');
      writeFileSync(forged, JSON.stringify({ ...cp, seq: cp.seq - 1 }));
      const f = await cli(['journal', 'verify', '--checkpoint', forged], env);
      assert.equal(f.status, 1);
      assert.match(f.stderr, /signature is not valid/);
      // someone else's key: his checkpoint is well signed but not by the trusted key
      const other = join(dir, 'other.pem');
      writeFileSync(
        other,
        generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }),
      );
      const theirs = await cli(['journal', 'checkpoint', '--json'], {
        ...env,
        JOURNAL_KEY_FILE: other,
      });
      assert.equal(theirs.status, 0, theirs.stderr);
      const theirsFile = join(dir, 'theirs.json');
      writeFileSync(theirsFile, theirs.stdout);
      const m = await cli(['journal', 'verify', '--checkpoint', theirsFile], env);
      assert.equal(m.status, 1);
      assert.match(m.stderr, /another key than the trusted one/);
      const bad = await cli(['journal', 'verify', '--checkpoint'], env);
      assert.equal(bad.status, 2);
      assert.equal(bad.stderr.trim().split('\n').length, 1);
    });

    test('deleting the newest events with the head passes the chain, not the checkpoint', async () => {
      const keep = cp.seq - 3;
      try {
        await p.store.db.deleteFrom('journal').where('seq', '>', keep).execute();
        await p.store.db
          .updateTable('journal_head')
          .set({ seq: keep, hash: original[keep - 1].hash })
          .where('id', '=', 1)
          .execute();
        const plain = await cli(['journal', 'verify'], env);
        assert.equal(plain.status, 0, 'the chain alone cannot see this');
        const r = await cli(['journal', 'verify', '--checkpoint', cpFile], env);
        assert.equal(r.status, 1);
        assert.match(r.stderr, new RegExp(`event ${keep + 1} is missing`));
        assert.equal(r.stdout, '');
      } finally {
        await restore();
      }
    });

    test('re-hashing the whole chain after an edit passes the chain, not the checkpoint', async () => {
      try {
        let previous = GENESIS_HASH;
        for (const row of original) {
          const payload = JSON.parse(row.payload);
          if (row.seq === 5) payload.tampered = true;
          const hash = eventHash(previous, {
            seq: row.seq,
            at: row.at,
            actor: row.actor,
            organisation: row.organisation_id,
            type: row.type,
            payload,
          });
          await p.store.db
            .updateTable('journal')
            .set({ payload: canonicalJson(payload), hash })
            .where('seq', '=', row.seq)
            .execute();
          previous = hash;
        }
        await p.store.db
          .updateTable('journal_head')
          .set({ hash: previous })
          .where('id', '=', 1)
          .execute();
        const plain = await cli(['journal', 'verify'], env);
        assert.equal(plain.status, 0, 'the chain alone cannot see this');
        const r = await cli(['journal', 'verify', '--checkpoint', cpFile], env);
        assert.equal(r.status, 1);
        assert.match(r.stderr, new RegExp(`event ${cp.seq} has another hash than the checkpoint`));
      } finally {
        await restore();
      }
    });

    test('an edit of an early event is named, before the checkpoint', async () => {
      try {
        await p.store.db
          .updateTable('journal')
          .set({ actor: 'someone-else' })
          .where('seq', '=', 3)
          .execute();
        const r = await cli(['journal', 'verify', '--checkpoint', cpFile], env);
        assert.equal(r.status, 1);
        assert.match(r.stderr, /event 3 does not match its hash \(before the checkpoint\)/);
      } finally {
        await restore();
      }
      const ok = await cli(['journal', 'verify', '--checkpoint', cpFile], env);
      assert.equal(ok.status, 0, ok.stderr);
    });

    test('events after the checkpoint leave it holding', async () => {
      await inTransaction(p.store, (tx) =>
        recordEvent(tx, {
          actor: 'system',
          organisationId: null,
          type: 'test.after-checkpoint',
          payload: { n: 1 },
        }),
      );
      const r = await cli(['journal', 'verify', '--checkpoint', cpFile], env);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`journal intact: ${cp.seq + 1} events`));
    });
  });
}

for (const d of dialects) {
  describe(`journal verify --state on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    before(async () => {
      db = await d.make();
      const seeded = await cli(['demo'], db.env);
      assert.equal(seeded.status, 0, seeded.stderr);
      p = await db.open();
    });
    after(async () => {
      await p?.close();
      await db?.drop();
    });

    test('a freshly seeded example matches its journal, also after a change through the registry', async () => {
      const r = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(r.status, 0, r.stderr);
      const m = r.stdout.match(/(\d+) records compared, (\d+) not comparable/);
      assert.ok(m, r.stdout);
      // 32 organisations, 41 sites, 34 memberships, 10 users, 34 listings at least
      assert.ok(Number(m[1]) >= 150, r.stdout);
      assert.equal(m[2], '0');
      await p.registry.updateOrganisation(systemActor, 'sibdata', { employees: 90 });
      const again = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(again.status, 0, again.stderr);
    });

    test('an UPDATE behind the journal is named: kind, id, field, both values', async () => {
      const { employees } = await p.store.db
        .selectFrom('organisation')
        .select('employees')
        .where('id', '=', 'sibdata')
        .executeTakeFirstOrThrow();
      await p.store.db
        .updateTable('organisation')
        .set({ employees: employees + 1 })
        .where('id', '=', 'sibdata')
        .execute();
      const r = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `organisation sibdata, field employees: event \\d+ says ${employees}, the row has ${employees + 1} \\(1 record\\(s\\) differ\\)`,
        ),
      );
      await p.store.db
        .updateTable('organisation')
        .set({ employees })
        .where('id', '=', 'sibdata')
        .execute();
      const listing = await p.store.db
        .selectFrom('exchange_listing')
        .select(['id', 'status'])
        .where('status', '=', 'active')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await p.store.db
        .updateTable('exchange_listing')
        .set({ status: 'withdrawn' })
        .where('id', '=', listing.id)
        .execute();
      const l = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(l.status, 1);
      assert.ok(
        l.stderr.includes(`listing ${listing.id}, field status: event`) &&
          l.stderr.includes('says "active", the row has "withdrawn"'),
        l.stderr,
      );
      await p.store.db
        .updateTable('exchange_listing')
        .set({ status: 'active' })
        .where('id', '=', listing.id)
        .execute();
      // a deleted row is named too (a site no listing stands on, so no foreign key objects)
      const site = await p.store.db
        .selectFrom('site')
        .select('id')
        .where('id', 'not in', (eb) => eb.selectFrom('exchange_listing').select('site_id'))
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const saved = await p.store.db
        .selectFrom('site')
        .selectAll()
        .where('id', '=', site.id)
        .executeTakeFirstOrThrow();
      await p.store.db.deleteFrom('site').where('id', '=', site.id).execute();
      const gone = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(gone.status, 1);
      assert.match(
        gone.stderr,
        new RegExp(`site ${site.id}, field \\(record\\):.*the row has null`),
      );
      await p.store.db.insertInto('site').values(saved).execute();
      const clean = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(clean.status, 0, clean.stderr);
    });

    test("a state journaled before a field existed reads as the migration's value for it", async () => {
      // as the release before the VAT regime (and before the sites' territory) journaled them
      const org = await registryQueries.findOrganisation(p.store, 'sibdata');
      const site = (await registryQueries.findSites(p.store, { organisationId: 'sibdata' }))[0];
      assert.ok(org && site);
      const { vatRegime: _v, ...orgBefore } = org;
      const { monotown: _m, specialTerritory: _s, territoryProvenance: _t, ...siteBefore } = site;
      await inTransaction(p.store, async (tx) => {
        await recordEvent(tx, {
          actor: 'system',
          organisationId: 'sibdata',
          type: 'organisation.updated',
          payload: orgBefore,
        });
        await recordEvent(tx, {
          actor: 'system',
          organisationId: 'sibdata',
          type: 'site.updated',
          payload: siteBefore,
        });
      });
      const same = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(same.status, 0, same.stderr);
      // the value the migration gave, not "anything": another regime behind the journal is named
      await p.store.db
        .updateTable('organisation')
        .set({ vat_regime: 'usn_5' })
        .where('id', '=', 'sibdata')
        .execute();
      const edited = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(edited.status, 1);
      assert.match(
        edited.stderr,
        /organisation sibdata, field vatRegime: event \d+ says "?general"?, the row has "?usn_5"?/,
      );
      await p.store.db
        .updateTable('organisation')
        .set({ vat_regime: 'general' })
        .where('id', '=', 'sibdata')
        .execute();
      const clean = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(clean.status, 0, clean.stderr);
    });

    test('records an import changed last are not comparable, not differences', async () => {
      const exported = await p.transfer.exportRegistry(systemActor, 'json');
      await p.transfer.importRegistry(systemActor, exported, 'json');
      const imported = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(imported.status, 0, imported.stderr);
      const n = imported.stdout.match(/(\d+) records compared, (\d+) not comparable/);
      assert.ok(n && Number(n[2]) >= 100, imported.stdout);
    });
  });
}

const fixture = (name: string) =>
  gunzipSync(readFileSync(new URL(`./upgrade/${name}`, import.meta.url)));

/** A copy of the release-57d6349 database (see upgrade.test.ts) for one dialect. */
async function oldRelease(dialect: 'sqlite' | 'postgres'): Promise<{
  env: Record<string, string>;
  options: { sqliteFile?: string; databaseUrl?: string };
  drop: () => Promise<void>;
}> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'digicluster-proof-old-'));
    const file = join(dir, 'release-57d6349.sqlite');
    writeFileSync(file, fixture('release-57d6349.sqlite.gz'));
    return {
      env: { SQLITE_FILE: file, DATABASE_URL: '' },
      options: { sqliteFile: file },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `dc_proof_${randomBytes(5).toString('hex')}`;
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
    env: { DATABASE_URL: url.toString() },
    options: { databaseUrl: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

for (const d of dialects) {
  describe(`journal verify --state on an upgraded release-57d6349 database on ${d.name}`, {
    skip: d.skip,
  }, () => {
    test('events from before "events carry state" are not comparable, never a failure', async () => {
      const old = await oldRelease(d.name);
      try {
        // opening migrates it in place, as the server does
        const p = await openPlatform({ ...old.options, sessionTtlHours: 1 });
        try {
          const r = await cli(['journal', 'verify', '--state'], old.env);
          assert.equal(r.status, 0, r.stderr);
          const m = r.stdout.match(/(\d+) records compared, (\d+) not comparable/);
          assert.ok(m, r.stdout);
          assert.equal(m[1], '0');
          assert.ok(Number(m[2]) >= 100, r.stdout);
          // a change made by this release carries state: that record becomes comparable
          await p.registry.updateOrganisation(systemActor, 'sibdata', { employees: 86 });
          const after = await cli(['journal', 'verify', '--state'], old.env);
          assert.equal(after.status, 0, after.stderr);
          assert.match(
            after.stdout,
            new RegExp(`1 records compared, ${Number(m[2]) - 1} not comparable`),
          );
          await p.store.db
            .updateTable('organisation')
            .set({ employees: 87 })
            .where('id', '=', 'sibdata')
            .execute();
          const edited = await cli(['journal', 'verify', '--state'], old.env);
          assert.equal(edited.status, 1);
          assert.match(
            edited.stderr,
            /organisation sibdata, field employees: event \d+ says 86, the row has 87/,
          );
        } finally {
          await p.close();
        }
      } finally {
        await old.drop();
      }
    });
  });
}
