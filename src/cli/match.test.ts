// The `match` command as users run it (`digicluster match FILE`), a child process per
// call: exit codes, JSON-only stdout, one-line errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/digicluster.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'digicluster-match-'));

function run(problem: unknown, ...args: string[]) {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof problem === 'string' ? problem : JSON.stringify(problem));
  const r = spawnSync(process.execPath, [bin, 'match', file, ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const transport = {
  supplies: [{ id: 's1', quantity: 10, disposalCost: 2 }],
  demands: [{ id: 'd1', quantity: 4, value: 5 }],
  links: [{ supply: 's1', demand: 'd1', cost: 1 }],
};

describe('digicluster match', () => {
  test('--json prints only the output object', () => {
    const r = run(transport, '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.status, 'optimal');
    assert.equal(out.engine, 'network-simplex');
    assert.equal(out.objective, 24);
    assert.deepEqual(out.flows[0], {
      supply: 's1',
      demand: 'd1',
      quantity: 4,
      delivered: 4,
      value: 20,
      avoidedDisposal: 8,
      transport: 4,
    });
  });

  test('--engine highs and --time-limit are honoured', () => {
    const r = run(transport, '--json', '--engine', 'highs', '--time-limit', '5');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).engine, 'highs');
    assert.equal(JSON.parse(r.stdout).objective, 24);
  });

  test('without --json a readable summary', () => {
    const r = run(transport);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^status\s+optimal/m);
    assert.match(r.stdout, /^objective\s+24$/m);
    assert.match(r.stdout, /^s1\s+d1\s+4\s+4\s+20\s+8\s+4$/m);
  });

  test('bad input: one line on stderr naming the item, exit 2', () => {
    const r = run({ ...transport, links: [{ supply: 'nope', demand: 'd1' }] }, '--json');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /link nope→d1: unknown supply "nope"/);
  });

  test('unreadable JSON and unknown options exit 2', () => {
    assert.equal(run('{ not json').code, 2);
    assert.equal(run(transport, '--engine', 'simplex').code, 2);
    assert.equal(run(transport, '--frobnicate').code, 2);
  });

  test('infeasible: exit 1, message names the item', () => {
    const r = run(
      { ...transport, supplies: [{ id: 's1', quantity: 10, minQuantity: 8 }] },
      '--json',
    );
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.status, 'infeasible');
    assert.match(out.message, /supply s1/);
    assert.match(r.stderr, /infeasible: .*supply s1/);
  });
});
