// Runs node:test over the suite. Node 20 expands no globs, so the files are listed here.
// Usage: node scripts/test.mjs [unit|medium|e2e]...   (no argument: all three)
import { spawnSync } from 'node:child_process';
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
const files = [];
if (want.includes('unit'))
  files.push(...find('src', /\.test\.ts$/), ...find('test/unit', /\.test\.ts$/));
if (want.includes('medium')) files.push(...find('test/medium', /\.test\.ts$/));
if (want.includes('e2e')) files.push(...find('test/e2e', /\.test\.ts$/));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// The match command runs from its bundle when fresh (bin/digicluster.js): build it.
const bundle = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
if (bundle.status !== 0) process.exit(bundle.status ?? 1);
// The browser tests drive the built web app: build it first, as `npm start` does.
if (want.includes('e2e') && find('test/e2e', /\.test\.ts$/).length) {
  const build = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
