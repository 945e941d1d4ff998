// The `digicluster` command as users run it: a child process per call, on both dialects.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { environment } from '../../src/config.ts';
import type { Plan } from '../../src/exchange/schema.ts';
import { eachDialect, sqliteDatabase } from './dialects.ts';

/**
 * Runs the command as a child process without blocking the event loop (a synchronous spawn
 * here once starved the PostgreSQL probe of other files into a false "not reachable").
 */
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

// Which databases to run on is settled before any test starts.
const dialects = await eachDialect();

test('--help lists every command and environment variable', async () => {
  const r = await cli(['--help'], {});
  assert.equal(r.status, 0);
  for (const [name] of environment) assert.match(r.stdout, new RegExp(`\\b${name}\\b`));
  for (const command of [
    'serve',
    'demo [--reset]',
    'journal verify',
    'journal checkpoint',
    'journal replay',
    'import FILE',
    'export',
    'match FILE',
  ])
    assert.ok(r.stdout.includes(command), command);
  const bad = await cli(['frobnicate'], {});
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown command "frobnicate"/);
});

for (const d of dialects) {
  describe(`cli on ${d.name}`, { skip: d.skip }, () => {
    const made = d.make();
    after(async () => (await made).drop());

    test('demo seeds once, refuses a second time, --reset reseeds; the journal verifies', async () => {
      const { env } = await made;
      const first = await cli(['demo'], env);
      assert.equal(first.status, 0, first.stderr);
      const m = first.stdout.match(/(\d+) organisations, (\d+) sites, (\d+) users/);
      assert.ok(m && Number(m[1]) >= 25 && Number(m[1]) <= 35, first.stdout);
      const again = await cli(['demo'], env);
      assert.equal(again.status, 1);
      assert.match(again.stderr, /--reset/);
      const reset = await cli(['demo', '--reset'], env);
      assert.equal(reset.status, 0, reset.stderr);
      assert.equal(reset.stdout.match(/(\d+) organisations/)?.[1], m[1]);
      const verify = await cli(['journal', 'verify'], env);
      assert.equal(verify.status, 0, verify.stderr);
      // replay hands over only an event its subscriber parked
      const bare = await cli(['journal', 'replay'], env);
      assert.equal(bare.status, 2);
      assert.match(bare.stderr, /--subscriber NAME and --seq N/);
      // 0x10 is not event 16 (Number() would read it so)
      const hex = await cli(
        ['journal', 'replay', '--subscriber', 'deals.open-deal-from-agreed-match', '--seq', '0x10'],
        env,
      );
      assert.equal(hex.status, 2, hex.stderr);
      assert.match(hex.stderr, /--seq N/);
      const notParked = await cli(
        ['journal', 'replay', '--subscriber', 'deals.open-deal-from-agreed-match', '--seq', '1'],
        env,
      );
      assert.equal(notParked.status, 1, notParked.stderr);
      assert.match(notParked.stderr, /has not parked event 1/);
    });

    test('match --cluster plans over the seeded listings', async () => {
      const { env } = await made;
      const r = await cli(['match', '--cluster', '--json'], env);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.plan.status, 'optimal');
      assert.ok(out.plan.flows.length > 0);
      const recomputed = out.plan.flows.reduce(
        (s: number, f: { savingsKopecks: number }) => s + f.savingsKopecks,
        0,
      );
      assert.equal(recomputed, out.plan.objectiveKopecks);
      assert.ok(out.impact.divertedT.value > 0);
      const text = await cli(['match', '--cluster'], env);
      assert.equal(text.status, 0);
      assert.match(text.stdout, /optimal/);
    });

    test('match --cluster --factors FILE overrides factors; an unknown key exits 2 naming it', async () => {
      const { env } = await made;
      const dir = mkdtempSync(join(tmpdir(), 'dc-factors-'));
      const base = JSON.parse((await cli(['match', '--cluster', '--json'], env)).stdout);
      const road = base.factors.find(
        (f: { key: string }) => f.key === 'emissions.transport.roadKgCo2PerTkm',
      );
      const rail = base.factors.find(
        (f: { key: string }) => f.key === 'emissions.transport.railKgCo2PerTkm',
      );
      const file = join(dir, 'factors.json');
      writeFileSync(
        file,
        JSON.stringify({ [road.key]: road.value * 2, [rail.key]: rail.value * 2 }),
      );
      const r = await cli(['match', '--cluster', '--json', '--factors', file], env);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.plan.objectiveKopecks, base.plan.objectiveKopecks);
      assert.ok(
        Math.abs(out.impact.transportCo2eT.value - 2 * base.impact.transportCo2eT.value) < 0.01,
      );
      assert.equal(out.factors.find((f: { key: string }) => f.key === road.key).overridden, true);
      const unknown = join(dir, 'unknown.json');
      writeFileSync(unknown, JSON.stringify({ 'transport.road.teleport': 1 }));
      const bad = await cli(['match', '--cluster', '--factors', unknown], env);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /transport\.road\.teleport/);
      writeFileSync(unknown, JSON.stringify({ 'transport.road.speedKmh': 'fast' }));
      const notNumber = await cli(['match', '--cluster', '--factors', unknown], env);
      assert.equal(notNumber.status, 2);
      assert.match(notNumber.stderr, /must be a number/);
    });

    test('match --cluster --json: no flow to oneself, each flow its baseline, totals the sums of flows', async () => {
      const { env } = await made;
      const r = await cli(['match', '--cluster', '--json'], env);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Plan;
      const flows = out.plan.flows;
      assert.ok(flows.length > 0);
      for (const f of flows) {
        assert.notEqual(f.from.organisationId, f.to.organisationId, `${f.supply}→${f.demand}`);
        assert.ok(f.counterfactual, `${f.supply} names its counterfactual`);
        assert.ok(f.substitute, `${f.demand} names its substitute`);
      }
      const sum = (k: (f: (typeof flows)[number]) => number) => flows.reduce((s, f) => s + k(f), 0);
      assert.equal(
        out.impact.savings.valueKopecks,
        sum((f) => f.savingsKopecks),
      );
      assert.equal(
        out.plan.objectiveKopecks,
        sum((f) => f.savingsKopecks),
      );
      assert.equal(
        out.impact.tradeValue?.valueKopecks,
        sum((f) => f.tradeValueKopecks ?? 0),
      );
      assert.ok(Math.abs(out.impact.co2eAvoidedT.value - sum((f) => f.co2eAvoidedT)) < 1e-2);
      // the review's cases: coal-bed methane is sold, not vented; EkoZola resells
      const cbm = flows.find((f) => f.supply === 'l-cbm-metan');
      if (cbm) {
        assert.equal(cbm.counterfactual, 'sold');
        assert.equal(cbm.co2eAvoidedT, 0);
        assert.ok((cbm.tradeValueKopecks ?? 0) > 0);
      }
      for (const f of flows.filter((f) => f.demand === 'l-req-fly-ash-ekozola'))
        assert.equal(f.co2eAvoidedT, 0);
      // the Stepnoy pit's own overburden for its own reclamation: internal reuse, apart
      assert.ok(
        !flows.some(
          (f) => f.supply === 'l-anon-overburden-1' && f.demand === 'l-anon-req-reclamation-1',
        ),
      );
      assert.ok(
        out.internalReuse?.pairs.some(
          (p) => p.supply === 'l-anon-overburden-1' && p.demand === 'l-anon-req-reclamation-1',
        ),
      );
    });

    test('export and import through the CLI; a bad row is reported with its line', async () => {
      const { env } = await made;
      const dir = mkdtempSync(join(tmpdir(), 'dc-cli-'));
      const file = join(dir, 'registry.csv');
      assert.equal((await cli(['export', '--format', 'csv', '--output', file], env)).status, 0);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.startsWith('\uFEFFЗапись;'));
      const dry = await cli(['import', file, '--dry-run'], env);
      assert.equal(dry.status, 0, dry.stderr);
      assert.match(dry.stdout, /dry run: nothing written/);
      assert.match(dry.stdout, /organisations: 0 created, 0 updated, \d+ unchanged/);
      const ok = await cli(['import', file], env);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /imported\n {2}organisations: 0 created, 0 updated, \d+ unchanged/);
      const lines = text.split('\r\n');
      lines[2] = lines[2].replace(/;(\d{10});/, ';1234567890;');
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, lines.join('\r\n'));
      const r = await cli(['import', bad], env);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /organisations line 3: inn:/);
      const json = await cli(['export', '--format', 'geojson'], env);
      assert.equal(JSON.parse(json.stdout).type, 'FeatureCollection');
    });
  });
}

describe('serve', () => {
  let child: ChildProcess | undefined;
  after(() => child?.kill('SIGTERM'));

  test('seeds an empty database, prints the URL and demo logins, answers /api/health', async () => {
    const db = sqliteDatabase();
    child = spawn(process.execPath, ['bin/digicluster.js', 'serve'], {
      env: { ...process.env, ...db.env, PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1' },
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
      child!.stdout!.on('data', (b) => {
        out += b;
        const m = out.match(/serving (http:\/\/\S+\/)/);
        if (m && out.includes('operator@digicluster.example')) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child!.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    assert.match(out, /Seeded the Kuzbass example/);
    assert.match(out, /Demo logins:/);
    const health = await (await fetch(`${url}api/health`)).json();
    assert.deepEqual([health.status, health.database], ['ok', 'sqlite']);
    assert.ok(health.journalSeq > 30);
    const spec = await (await fetch(`${url}api/openapi.json`)).json();
    assert.equal(spec.openapi, '3.1.0');
    assert.ok(Object.keys(spec.paths).length >= 30);
    const docs = await (await fetch(`${url}api/docs/static/index.html`)).text();
    assert.doesNotMatch(docs, /(src|href)="https?:/, 'the docs page loads nothing from outside');
    child.kill('SIGTERM');
    await db.drop();
  });
});
