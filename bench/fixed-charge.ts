// Fixed-charge MILP benchmark: HiGHS on the plain big-M model beside HiGHS on the
// engine's tightened model (highs-model.ts), same 30×30 instances, same run,
// alternating which goes first so that load from other processes falls on both.
// Usage: node --import tsx bench/fixed-charge.ts [--limit S] [--seeds 30,42,...]
import { buildModel, type CscModel } from '../src/exchange/engine/solve/highs-model.ts';
import { loadHighs, runModel, STATUS } from '../src/exchange/engine/solve/highs-solve.ts';
import { validateProblem } from '../src/exchange/engine/solve/index.ts';
import { fixedCharge } from './instances.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const LIMIT = Number(arg('--limit') ?? 60);
const SEEDS = (arg('--seeds') ?? '30,42,1').split(',').map(Number);
const SIZE = 30;

const highs = await loadHighs();
const objective = (cm: CscModel, x: Float64Array) =>
  x.reduce((sum, v, c) => sum + v * cm.colCost[c], cm.offset);

function time(cm: CscModel) {
  const t = performance.now();
  const r = runModel(highs, cm, LIMIT);
  const seconds = (performance.now() - t) / 1000;
  return {
    seconds,
    proven: r.modelStatus === STATUS.optimal,
    gap: r.gap,
    nodes: r.nodes,
    objective: r.sol ? objective(cm, r.sol.colValue) : null,
  };
}
type Timed = ReturnType<typeof time>;

const fmtT = (r: Timed) => (r.proven ? `${r.seconds.toFixed(1)} s` : `> ${LIMIT} s`);
const fmtGap = (r: Timed) => (r.gap === null ? '—' : `${(r.gap * 100).toPrecision(2)}%`);
const fmtObj = (r: Timed) =>
  r.objective === null
    ? '—'
    : r.objective.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

console.log(
  `node ${process.version}; ${SIZE}×${SIZE} fixed-charge instances of bench/instances.ts; ` +
    `HiGHS time limit ${LIMIT} s, relative gap tolerance 1e-6 (the engine's); ` +
    'wall clock of the HiGHS run only, the two models alternating.\n',
);
const rows: string[][] = [
  [
    'seed',
    'links',
    'loose: time',
    'gap',
    'nodes',
    'tightened: time',
    'gap',
    'nodes',
    'shut',
    'speed-up',
    'objective (loose)',
    'objective (tightened)',
    'same',
  ],
];
for (const [n, seed] of SEEDS.entries()) {
  const p = validateProblem(fixedCharge(seed, SIZE));
  const looseModel = buildModel(p, undefined, { tighten: false });
  const tightModel = buildModel(p);
  let loose: Timed;
  let tight: Timed;
  if (n % 2 === 0) {
    loose = time(looseModel);
    tight = time(tightModel);
  } else {
    tight = time(tightModel);
    loose = time(looseModel);
  }
  // Equal when both are proven to the 1e-6 gap; a stopped run only bounds the other.
  let same = 'n/a';
  if (loose.objective !== null && tight.objective !== null) {
    const diff = Math.abs(loose.objective - tight.objective);
    const within = diff <= 2e-6 * Math.max(1, Math.abs(loose.objective));
    if (loose.proven && tight.proven) same = within ? 'yes' : 'NO';
    else if (tight.proven) same = tight.objective >= loose.objective - 1e-6 ? 'tight ≥' : 'NO';
    else same = within ? 'yes' : 'unproven';
  }
  const speed = `${loose.proven ? '' : '> '}${(loose.seconds / tight.seconds).toFixed(1)}×`;
  rows.push([
    String(seed),
    String(p.links.length),
    fmtT(loose),
    fmtGap(loose),
    String(loose.nodes),
    fmtT(tight),
    fmtGap(tight),
    String(tight.nodes),
    String(tightModel.shut),
    tight.proven ? speed : 'n/a',
    fmtObj(loose),
    fmtObj(tight),
    same,
  ]);
  console.log(rows[0].map((h, c) => `${h}: ${rows[rows.length - 1][c]}`).join(' | '));
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(
  `\n${rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n')}`,
);
