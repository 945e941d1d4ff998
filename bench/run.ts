// Allocation benchmark: the `match` CLI (whole process, --json) with our network
// simplex beside the same CLI forced onto HiGHS, on the same instances, in one run.
// Usage: node --import tsx bench/run.ts [--highs-limit S]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProblemInput, type SolveResult, solve } from '../src/exchange/engine/solve/index.ts';
import { denseTransport, fixedCharge, sparseTransport } from './instances.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const limitArg = process.argv.indexOf('--highs-limit');
const HIGHS_LIMIT = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 60;

// The whole process as users start it: the real entry point.
const cli = [join(root, 'bin/digicluster.js'), 'match'];

interface Run {
  seconds: number;
  result: SolveResult | null;
  error?: string;
}

function runCli(file: string, extra: string[]): Run {
  const t = performance.now();
  const r = spawnSync(process.execPath, [...cli, file, '--json', ...extra], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0)
    return { seconds, result: null, error: r.stderr.trim() || `exit ${r.status}` };
  return { seconds, result: JSON.parse(r.stdout) as SolveResult };
}

const dir = mkdtempSync(join(tmpdir(), 'digicluster-bench-'));
function write(name: string, p: ProblemInput): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(p));
  return file;
}

const fmtS = (s: number) => `${s.toFixed(2)} s`;
const fmtObj = (r: SolveResult | null) =>
  r ? r.objective.toLocaleString('en-US', { maximumFractionDigits: 2 }) : '—';
const agree = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const rows: string[][] = [
  [
    'instance',
    'links',
    'network simplex',
    'HiGHS',
    'speed-up',
    'solve only: NS',
    'HiGHS',
    'speed-up',
    'objective (NS)',
    'objective (HiGHS)',
    'agree',
  ],
];

/** In-process engine time (validation + solve, no process start-up or JSON I/O). */
async function inProcess(p: ProblemInput, engine: 'network-simplex' | 'highs') {
  // Load the Wasm module first so only the solve is timed.
  if (engine === 'highs') await solve({ supplies: [], demands: [], links: [] }, { engine });
  const t = performance.now();
  const r = await solve(p, { engine, timeLimitSeconds: HIGHS_LIMIT });
  return { seconds: (performance.now() - t) / 1000, stopped: r.status === 'time_limit' };
}

const transportCases: [string, ProblemInput][] = [
  ['dense 200×200', denseTransport(200, 200)],
  ['dense 400×400', denseTransport(400, 400)],
  ['sparse 5000×5000', sparseTransport(5000, 5000, 40)],
];
console.log(
  `node ${process.version}; CLI: node ${cli.map((c) => c.replace(`${root}/`, '')).join(' ')} FILE --json`,
);
console.log(
  `HiGHS time limit ${HIGHS_LIMIT} s. First three time columns: whole-process wall clock of the CLI ` +
    '(network simplex best of 3); "solve only": validate + solve in this process.\n',
);

for (const [name, p] of transportCases) {
  const file = write(name.replace(/\W+/g, '-'), p);
  // Best of three for the fast engine: it is cheap, and start-up noise dominates.
  const ns = [0, 1, 2].map(() => runCli(file, ['--engine', 'network-simplex']));
  const best = ns.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const hs = runCli(file, ['--engine', 'highs', '--time-limit', String(HIGHS_LIMIT)]);
  const hsStopped = hs.result?.status === 'time_limit';
  const hsTime = hsStopped ? `> ${HIGHS_LIMIT} s` : hs.result ? fmtS(hs.seconds) : `error`;
  const ratio = `${hsStopped ? '> ' : ''}${(hs.seconds / best.seconds).toFixed(1)}×`;
  const nsIn = await inProcess(p, 'network-simplex');
  const hsIn = await inProcess(p, 'highs');
  const ok =
    best.result && hs.result?.status === 'optimal'
      ? agree(best.result.objective, hs.result.objective)
        ? 'yes'
        : 'NO'
      : 'n/a';
  rows.push([
    name,
    String(p.links.length),
    fmtS(best.seconds),
    hsTime,
    ratio,
    fmtS(nsIn.seconds),
    hsIn.stopped ? `> ${HIGHS_LIMIT} s` : fmtS(hsIn.seconds),
    `${hsIn.stopped ? '> ' : ''}${(hsIn.seconds / nsIn.seconds).toFixed(0)}×`,
    fmtObj(best.result),
    hsStopped ? '—' : fmtObj(hs.result),
    ok,
  ]);
  if (hs.error) console.error(`${name}: HiGHS run failed: ${hs.error}`);
  if (best.error) console.error(`${name}: network simplex run failed: ${best.error}`);
  console.log(rows[0].map((h, c) => `${h}: ${rows[rows.length - 1][c]}`).join(' | '));
}

const fc = fixedCharge(30, 30);
const fcFile = write('fixed-charge-30x30', fc);
const mip = runCli(fcFile, ['--time-limit', String(HIGHS_LIMIT)]);

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(
  `\n${rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n')}`,
);
console.log(
  `\nfixed-charge MILP 30×30 (${fc.links.length} links, HiGHS): ${
    mip.result
      ? `${fmtS(mip.seconds)}, status ${mip.result.status}, gap ${
          mip.result.mipGap === null ? 'unknown' : `${(mip.result.mipGap * 100).toPrecision(3)}%`
        }, objective ${fmtObj(mip.result)}, ${mip.result.openLinks.length} links opened`
      : `failed: ${mip.error}`
  }`,
);
rmSync(dir, { recursive: true, force: true });
