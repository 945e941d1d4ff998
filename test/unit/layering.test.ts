// The layering lint fails on each kind of violation: a tree with one deliberate violation per
// rule is cruised with the project's own .dependency-cruiser.cjs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const tree = mkdtempSync(join(tmpdir(), 'dc-layering-'));
after(() => rmSync(tree, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
}

/** Cruises `dirs` of the fixture tree; returns the violations as `rule: from → to`. */
function cruise(dirs: string[]): Promise<string[]> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [
        join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        ...dirs,
        '--config',
        join(repo, '.dependency-cruiser.cjs'),
        '--output-type',
        'json',
      ],
      { cwd: tree, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        try {
          const out = JSON.parse(stdout) as {
            summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
          };
          resolve(out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`));
        } catch {
          reject(error ?? new Error(stdout));
        }
      },
    ),
  );
}

write('tsconfig.json', JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true } }));
// a clean module: public surface, a pure engine, a service using another module's index
write('src/model/index.ts', 'export const shared = 1;\n');
write('src/store/index.ts', 'export const store = 1;\n');
write('src/alpha/index.ts', "export { alphaService } from './service.ts';\n");
write(
  'src/alpha/schema.ts',
  "import { shared } from '../model/index.ts';\nexport const a = shared;\n",
);
write(
  'src/alpha/service.ts',
  "import { store } from '../store/index.ts';\nexport const alphaService = store;\n",
);
write('src/alpha/engine/index.ts', "import { a } from '../schema.ts';\nexport const pure = a;\n");
write(
  'src/beta/service.ts',
  "import { alphaService } from '../alpha/index.ts';\nexport const b = alphaService;\n",
);
write(
  'src/beta/engine/plan.ts',
  "import { pure } from '../../alpha/engine/index.ts';\nexport const p = pure;\n",
);
write('src/server/app.ts', "import { b } from '../beta/service.ts';\nexport const app = b;\n");
write('src/cli/serve.ts', "import { app } from '../server/app.ts';\nexport const serve = app;\n");

test('the clean tree passes', async () => {
  assert.deepEqual(await cruise(['src']), []);
});

test('each deliberate violation fails the lint with its rule', async () => {
  write(
    'src/beta/engine/io.ts',
    "import { readFileSync } from 'node:fs';\nexport const io = readFileSync;\n",
  );
  write(
    'src/beta/engine/deep.ts',
    "import { alphaService } from '../../alpha/service.ts';\nexport const d = alphaService;\n",
  );
  write(
    'src/beta/sneak.ts',
    "import { alphaService } from '../alpha/service.ts';\nexport const s = alphaService;\n",
  );
  write(
    'src/beta/uses-server.ts',
    "import { app } from '../server/app.ts';\nexport const u = app;\n",
  );
  write(
    'src/server/uses-cli.ts',
    "import { serve } from '../cli/serve.ts';\nexport const c = serve;\n",
  );
  write('src/model/leak.ts', "import { a } from '../alpha/schema.ts';\nexport const l = a;\n");
  write('src/store/knows.ts', "import { a } from '../alpha/schema.ts';\nexport const k = a;\n");
  write(
    'web/src/page.ts',
    "import { alphaService } from '../../src/alpha/index.ts';\nexport const w = alphaService;\n",
  );
  const found = await cruise(['src', 'web']);
  const expect = [
    'engine-is-pure: src/beta/engine/io.ts → fs',
    'engine-is-pure: src/beta/engine/deep.ts → src/alpha/service.ts',
    'module-uses-public-surface: src/beta/sneak.ts → src/alpha/service.ts',
    'nothing-imports-the-shell: src/beta/uses-server.ts → src/server/app.ts',
    'server-does-not-import-cli: src/server/uses-cli.ts → src/cli/serve.ts',
    'model-is-shared-vocabulary: src/model/leak.ts → src/alpha/schema.ts',
    'store-knows-no-module: src/store/knows.ts → src/alpha/schema.ts',
    'web-uses-pure-code-only: web/src/page.ts → src/alpha/index.ts',
  ];
  for (const v of expect) assert.ok(found.includes(v), `${v} in\n${found.join('\n')}`);
});
