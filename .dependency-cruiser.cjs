// The layering of DESIGN.md ("Dependencies point inward", "The module contract"), checked by
// `npm run lint`. A module is a folder of src/ other than the shell (server, cli, example) and
// the shared layers (model, store, work); its public surface is its index.ts, and the pure part of
// it that the browser and other modules' engines may import: schema.ts, limits.ts,
// messages.ts and engine/index.ts.
const shell = '^src/(server|cli|example)/';
const shared = '^src/(model|store|work)/';
const purePublic = '^src/[^/]+/(schema|limits|messages)\\.ts$|^src/[^/]+/engine/index\\.ts$';
const tests = '\\.test\\.ts$|/test-[^/]+\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment:
        'An engine takes plain data and returns plain data: it runs in tests, the CLI, the server, a worker and the browser. It imports only engines, the shared vocabulary, pure public files, zod and highs.',
      severity: 'error',
      from: { path: '^src/[^/]+/engine/', pathNot: tests },
      to: {
        pathNot: ['^src/[^/]+/engine/', '^src/model/', purePublic, '^node_modules/(zod|highs)/'],
      },
    },
    {
      name: 'module-uses-public-surface',
      comment:
        "A module may use another module's index.ts (and its pure public files), never its other files: tables, repositories and services stay private.",
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: [shell, shared] },
      to: {
        path: '^src/[^/]+/',
        pathNot: ['^src/$1/', shared, '^src/[^/]+/index\\.ts$', purePublic],
      },
    },
    {
      name: 'nothing-imports-the-shell',
      comment:
        'cli and server are the outermost shell: nothing imports them (the CLI may start the server).',
      severity: 'error',
      from: { pathNot: ['^src/(server|cli)/', '^bin/', '^bench/', '^test/', '^scripts/'] },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'server-does-not-import-cli',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'modules-do-not-import-the-composition-root',
      comment:
        'platform.ts and config.ts compose and configure the modules; modules get what they need passed in.',
      severity: 'error',
      from: { path: '^src/', pathNot: [shell, '^src/platform\\.ts$', tests] },
      to: { path: '^src/(platform|config)\\.ts$' },
    },
    {
      name: 'model-is-shared-vocabulary',
      comment: 'model/ is what every module shares: it depends on no module, no store and no I/O.',
      severity: 'error',
      from: { path: '^src/model/', pathNot: tests },
      to: { pathNot: ['^src/model/', '^node_modules/(zod|fastify)/'] },
    },
    {
      name: 'store-knows-no-module',
      comment:
        'The store opens databases and runs migrations it is given; modules type their own tables.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/', pathNot: '^src/store/' },
    },
    {
      name: 'web-uses-pure-code-only',
      comment:
        'The browser bundles only pure code of src/: the shared vocabulary (model/), schemas, limits, messages and engines.',
      severity: 'error',
      from: { path: '^web/' },
      to: {
        path: '^src/',
        pathNot: ['^src/model/', purePublic, '^src/[^/]+/engine/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|web/dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
