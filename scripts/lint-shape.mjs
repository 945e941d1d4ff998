// The module contract's shape, checked by `npm run lint` beside Biome and dependency-cruiser:
// - every module has the contract's files (DESIGN.md, "The module contract");
// - SQL is written only in repositories and migrations;
// - every migration can be rolled back (`down`);
// - no `as unknown as` cast (tables are typed by augmenting store's Database; see DESIGN).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? '.';
const notModules = new Set(['model', 'store', 'work', 'server', 'cli', 'example']);
const contract = [
  'index.ts',
  'schema.ts',
  'repository.ts',
  'migrations/index.ts',
  'routes.ts',
  'messages.ts',
  'service.ts',
];

function files(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

const problems = [];
const src = join(root, 'src');
for (const name of readdirSync(src)) {
  if (notModules.has(name) || !statSync(join(src, name)).isDirectory()) continue;
  for (const file of contract)
    if (!existsSync(join(src, name, file)))
      problems.push(`src/${name}: the module has no ${file} (the module contract)`);
}

const sqlOutsideRepository =
  /\.(insertInto|updateTable|deleteFrom|selectFrom|replaceInto|mergeInto)\(|\bsql`/;
for (const file of files(src)) {
  const rel = relative(root, file);
  if (/\.test\.ts$/.test(rel) || /(^|\/)repository\.ts$/.test(rel) || /\/migrations\//.test(rel))
    continue;
  if (rel === join('src', 'store', 'db.ts')) continue; // the migration table itself
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (sqlOutsideRepository.test(line))
        problems.push(`${rel}:${i + 1}: SQL outside a repository: ${line.trim()}`);
    });
}

// `demo --reset` and the upgrade test roll every migration back: one without `down` stops them
for (const file of files(src)) {
  const rel = relative(root, file);
  if (!/\/migrations\/\d{4}-\d{2}-\d{2}-\d{2}-[^/]+\.ts$/.test(rel) || rel.endsWith('.test.ts'))
    continue;
  if (!/export (async )?function down\b/.test(readFileSync(file, 'utf8')))
    problems.push(`${rel}: the migration has no \`down\``);
}

for (const dir of ['src', 'web/src', 'test', 'bench', 'scripts'])
  for (const file of files(join(root, dir))) {
    if (file.endsWith('lint-shape.mjs')) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/\bas unknown as\b/.test(line))
          problems.push(`${relative(root, file)}:${i + 1}: an \`as unknown as\` cast`);
      });
  }

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} problem(s) with the module shape`);
  process.exit(1);
}
console.log(
  'module shape: every module has the contract, SQL only in repositories, no double casts',
);
