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
  outfile: 'dist/match.mjs',
  logLevel: 'warning',
  minify: true,
  // `match --cluster` loads the platform lazily and never runs from this bundle
  // (bin/digicluster.js sends it through the sources): keep the platform out.
  plugins: [
    {
      name: 'platform-stays-out',
      setup(b) {
        // zod is bundled in (one file parses faster than its hundred modules); the rest stays a package import.
        b.onResolve({ filter: /^[^./]/ }, (a) =>
          a.path === 'zod' || a.path.startsWith('zod/')
            ? undefined
            : { path: a.path, external: true },
        );
        b.onResolve({ filter: /\/(platform|config|model\/index)\.ts$/ }, (a) => ({
          path: a.path,
          external: true,
        }));
      },
    },
  ],
});
