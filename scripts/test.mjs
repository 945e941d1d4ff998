// Runs node:test over the suite. Node 20 expands no globs, so the files are listed here.
// Usage: node scripts/test.mjs [unit|medium|e2e]...   (no argument: all three)
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, pattern) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) out.push(...find(p, pattern));
    else if (pattern.test(name)) out.push(p);
  }
  return out.sort();
}

const kinds = process.argv.slice(2);
const want = kinds.length ? kinds : ['unit', 'medium', 'e2e'];
const serverSide = [];
if (want.includes('unit'))
  serverSide.push(
    ...find('src', /\.test\.ts$/),
    ...find('web/src', /\.test\.ts$/),
    ...find('test/unit', /\.test\.ts$/),
  );
if (want.includes('medium')) serverSide.push(...find('test/medium', /\.test\.ts$/));
const browser = want.includes('e2e') ? find('test/e2e', /\.test\.ts$/) : [];
if (serverSide.length + browser.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// The match command runs from its bundle when fresh (bin/digicluster.js): build it.
const bundle = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
if (bundle.status !== 0) process.exit(bundle.status ?? 1);
// The browser tests drive the built web app: build it first, as `npm start` does.
if (browser.length) {
  const build = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const totals = { pass: 0, fail: 0, skipped: 0 };
/** Runs node:test over some files, streaming its report and adding up its closing counts. */
function run(files, concurrency) {
  if (!files.length) return Promise.resolve(0);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        // a failed assert.ok without a message is worded from the stack, not by parsing the file
        '--import',
        './test/assert-message.mjs',
        '--test',
        `--test-concurrency=${concurrency}`,
        '--test-reporter=spec',
        ...files,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // the closing counts are read line by line: a long list of failures follows them
    const counts = {};
    let partial = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ℹ (pass|fail|skipped) (\d+)$/.exec(line);
        if (m) counts[m[1]] = Number(m[2]);
      }
    });
    child.on('close', (code) => {
      for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
      resolve(code ?? 1);
    });
  });
}

// Unit and database tests two files at a time; the browser tests one at a time, each with
// its own server and Chromium, so they do not starve each other on a 2-core machine.
const status = [await run(serverSide, 2), await run(browser, 1)];
console.log(`\ntests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
// Under CI nothing may be skipped: a skip there means a service or the browser was missing.
const ciValue = (process.env.CI ?? '').trim().toLowerCase();
const onCI = ciValue !== '' && ciValue !== 'false' && ciValue !== '0';
if (onCI && totals.skipped > 0) {
  console.error(`CI: ${totals.skipped} test(s) skipped; under CI every test must run`);
  process.exit(1);
}
process.exit(status.some((x) => x !== 0) ? 1 : 0);
