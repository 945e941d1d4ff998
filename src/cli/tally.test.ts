// The `tally` command as users run it (`digicluster tally FILE --json`): JSON-only stdout in
// the format, exit 0 with any result, 2 with one clear line on bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/digicluster.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'digicluster-tally-'));

function run(input: unknown, ...args: string[]) {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  const r = spawnSync(process.execPath, [bin, 'tally', file, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('digicluster tally', () => {
  test('--json prints exactly the result object', () => {
    const r = run(
      {
        method: 'irv',
        candidates: ['a', 'b', 'c'],
        ballots: [
          { voter: 'v1', ranking: ['a'] },
          { voter: 'v2', ranking: ['b'] },
          { voter: 'v3', ranking: ['c', 'b'] },
        ],
        electorate: ['v1', 'v2', 'v3'],
        quorum: 0.5,
      },
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), {
      status: 'passed',
      winner: 'b',
      turnout: 1,
      rounds: [{ counts: { a: 1, b: 1, c: 1 }, eliminated: 'c' }, { counts: { a: 1, b: 2 } }],
    });
  });

  test('delegation and turnout as in the issue: 2 of 3, 0.67', () => {
    const r = run(
      {
        method: 'plurality',
        candidates: ['a', 'b'],
        ballots: [{ voter: 'v1', choice: 'a' }],
        delegations: [{ from: 'v2', to: 'v1' }],
        electorate: ['v1', 'v2', 'v3'],
        quorum: 0.5,
        threshold: 0.5,
      },
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      status: 'passed',
      winner: 'a',
      turnout: 0.67,
      rounds: [{ counts: { a: 2, b: 0 } }],
    });
  });

  test('a result that is not passed still exits 0', () => {
    const r = run(
      { method: 'consent', ballots: [{ voter: 'v1', position: 'block', reason: 'unsafe' }] },
      '--json',
    );
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).status, 'failed');
  });

  test('without --json a readable summary', () => {
    const r = run({
      method: 'approval',
      candidates: ['a', 'b'],
      ballots: [{ voter: 'v', approve: ['b'] }],
    });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^status\s+passed$/m);
    assert.match(r.stdout, /^winner\s+b$/m);
    assert.match(r.stdout, /^round 1\s+a 0, b 1$/m);
  });

  test('bad input: exit 2, one line naming the field, nothing on stdout', () => {
    const r = run(
      { method: 'irv', candidates: ['a'], ballots: [{ voter: 'v', ranking: ['x'] }] },
      '--json',
    );
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'digicluster tally: bad input: ballots.0.ranking.0: "x" is not a candidate\n',
    );
  });

  test('not JSON, a missing file, no FILE: exit 2', () => {
    assert.equal(run('{not json').code, 2);
    const missing = spawnSync(process.execPath, [bin, 'tally', join(dir, 'nope.json')], {
      encoding: 'utf8',
    });
    assert.equal(missing.status, 2);
    const none = spawnSync(process.execPath, [bin, 'tally', '--json'], { encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /missing FILE/);
  });
});
