// Runs every benchmark in bench/, one after another, each in its own process so that one
// bench's heap and timers do not colour the next. A file that another bench file imports
// is a helper, not a bench. Usage: node --import tsx bench/all.ts [name...] (e.g. `reads`)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const helpers = new Set(
  files.flatMap((f) =>
    [...readFileSync(join(here, f), 'utf8').matchAll(/from '\.\/([\w.-]+\.ts)'/g)].map((m) => m[1]),
  ),
);
const wanted = process.argv.slice(2);
const benches = files.filter(
  (f) =>
    f !== 'all.ts' &&
    !helpers.has(f) &&
    (!wanted.length || wanted.some((w) => f === w || f === `${w}.ts`)),
);
if (!benches.length) {
  console.error(`no bench matches ${wanted.join(' ')}; benches: ${files.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const f of benches) {
  console.log(`\n=== bench/${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench/${f} failed (exit ${r.status ?? r.signal})`);
    failed += 1;
  }
}
process.exit(failed ? 1 : 0);
