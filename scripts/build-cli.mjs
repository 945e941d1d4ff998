// Bundles the `match` command into dist/match.mjs so it starts without the TypeScript
// loader: its whole-process time is what users feel. Runs on `npm ci` (prepare), before
// tests and before the bench; bin/digicluster.js falls back to the sources when stale.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/match.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: 'dist/match.mjs',
  logLevel: 'warning',
  // `match --cluster` loads the platform lazily and never runs from this bundle
  // (bin/digicluster.js sends it through the sources): keep the platform out.
  plugins: [
    {
      name: 'platform-stays-out',
      setup(b) {
        b.onResolve({ filter: /\/(platform|config|model\/index)\.ts$/ }, (a) => ({
          path: a.path,
          external: true,
        }));
      },
    },
  ],
});
