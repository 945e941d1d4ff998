#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so a clean clone needs no build step. The one
// exception is `match FILE`, whose start-up time matters: it runs from a bundle made by
// scripts/build-cli.mjs when that bundle is newer than every source it was made from.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function freshMatchBundle() {
  try {
    const bundle = statSync(join(root, 'dist/match.mjs')).mtimeMs;
    const solve = join(root, 'src/exchange/engine/solve');
    const sources = [
      join(root, 'src/cli/match.ts'),
      ...readdirSync(solve).map((f) => join(solve, f)),
    ];
    return sources.every((f) => statSync(f).mtimeMs <= bundle);
  } catch {
    return false;
  }
}

if (args[0] === 'match' && !args.includes('--cluster') && freshMatchBundle()) {
  const { runMatch } = await import('../dist/match.mjs');
  process.exitCode = await runMatch(args.slice(1));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
