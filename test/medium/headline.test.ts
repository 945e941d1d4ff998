// The README's headline goes stale unless a test holds it to what `scripts/headline.ts` prints
// (checks: "Exchange figures a ministry can sign"): the script seeds the example into a
// temporary SQLite file and plans it; its output must be the README's block, byte for byte.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  HEADLINE_END,
  HEADLINE_START,
  readmeBlock,
  withBlock,
} from '../../src/example/headline.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

const script = (args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/headline.ts', ...args],
      { cwd: repo, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

test('the README headline is what scripts/headline.ts prints (rerun it with --write)', async () => {
  const r = await script([]);
  assert.equal(r.status, 0, r.stderr);
  const block = readmeBlock(readFileSync(`${repo}README.md`, 'utf8'));
  assert.ok(block, `README.md has a ${HEADLINE_START} … ${HEADLINE_END} block`);
  // on a difference node:assert shows the lines that differ
  assert.equal(
    block,
    r.stdout.trimEnd(),
    'README.md differs from `node --import tsx scripts/headline.ts`; run it with --write',
  );
  assert.match(block, /\| flows in the plan \| \d+ \|/);
  assert.match(block, /computed for \d{4}-\d{2}-\d{2}/);
});

test('--write replaces only the block; a README without markers is refused', () => {
  const readme = `intro\n\n${HEADLINE_START}\nold\n${HEADLINE_END}\n\nrest $& $1\n`;
  const block = `${HEADLINE_START}\nnew $& table\n${HEADLINE_END}`;
  assert.equal(withBlock(readme, block), `intro\n\n${block}\n\nrest $& $1\n`);
  assert.throws(() => withBlock('no markers here', block), /headline:end/);
});

test('the script refuses arguments it does not know', async () => {
  const r = await script(['--bogus']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: node --import tsx scripts\/headline\.ts/);
});
