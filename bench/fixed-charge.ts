// Fixed-charge MILP benchmark: plain HiGHS on the plain big-M model beside the
// engine's MILP path (runMilp: the tightened model and its options),
// same 30×30 instances of bench/instances.ts, same run, alternating which goes
// first. Each run is limited and timed by the CPU time of this process (HiGHS
// runs single-threaded here), so other processes on a shared machine slow both
// without shrinking either's budget; the wall clock is printed beside it.
// Speed-up = loose CPU ÷ ours CPU ("> " when the loose run hit the limit).
// The objectives are compared: when both are proven at the engine's gap they
// must agree, else the bench exits non-zero. A closing summary line gives the
// total CPU of each, the geometric-mean and least speed-up, and whether the
// target of issue 8 (≥ 3× on every instance, proven optimal) is met.
// Usage: node --import tsx bench/fixed-charge.ts [--limit CPU-S (120)] [--seeds 30,42,...]
import { buildModel, type CscModel } from '../src/exchange/engine/solve/highs-model.ts';
import {
  loadHighs,
  MIP_GAP,
  runMilp,
  runModel,
  STATUS,
} from '../src/exchange/engine/solve/highs-solve.ts';
import { validateProblem } from '../src/exchange/engine/solve/index.ts';
import { fixedCharge } from './instances.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// 120 CPU-s: the loose model proves seed 42 in ~70 s, so its speed-up is a measured figure
const LIMIT = Number(arg('--limit') ?? 120);
const SEEDS = (arg('--seeds') ?? '30,42,1').split(',').map(Number);
const SIZE = 30;
// Wall clock only as a backstop: the CPU limit is what stops a run.
const WALL = LIMIT * 30;

const highs = await loadHighs();
const objective = (cm: CscModel, x: Float64Array) =>
  x.reduce((sum, v, c) => sum + v * cm.colCost[c], cm.offset);

function time(cm: CscModel, run: () => ReturnType<typeof runModel>) {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = run();
  const used = process.cpuUsage(c);
  return {
    seconds: (used.user + used.system) / 1e6,
    wall: (performance.now() - t) / 1000,
    proven: r.modelStatus === STATUS.optimal,
    gap: r.gap,
    nodes: r.nodes,
    objective: r.sol ? objective(cm, r.sol.colValue) : null,
  };
}
type Timed = ReturnType<typeof time>;

const fmtT = (r: Timed) => `${r.proven ? '' : '> '}${r.seconds.toFixed(1)} s`;
const fmtW = (r: Timed) => `${r.wall.toFixed(1)} s`;
const fmtGap = (r: Timed) => (r.gap === null ? '—' : `${(r.gap * 100).toPrecision(2)}%`);
const fmtObj = (r: Timed) =>
  r.objective === null
    ? '—'
    : r.objective.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

console.log(
  `node ${process.version}; ${SIZE}×${SIZE} fixed-charge instances of bench/instances.ts; ` +
    `limit ${LIMIT} s of CPU per run, relative gap tolerance ${MIP_GAP} (the engine's); ` +
    'time = CPU seconds of the HiGHS run, wall clock beside; ' +
    'the two alternating.\n',
);
const rows: string[][] = [
  [
    'seed',
    'links',
    'loose: time',
    'wall',
    'gap',
    'nodes',
    'ours: time',
    'wall',
    'gap',
    'nodes',
    'shut',
    'speed-up',
    'objective (loose)',
    'objective (ours)',
    'same',
  ],
];
let mismatch = false;
const speedups: number[] = [];
let looseTotal = 0;
let oursTotal = 0;
let looseProven = 0;
let oursProven = 0;
for (const [n, seed] of SEEDS.entries()) {
  const p = validateProblem(fixedCharge(seed, SIZE));
  const looseModel = buildModel(p, undefined, { tighten: false });
  const tightModel = buildModel(p);
  const runLoose = () =>
    time(looseModel, () => runModel(highs, looseModel, WALL, { cpuLimitSeconds: LIMIT }));
  const runOurs = () =>
    time(tightModel, () => runMilp(highs, tightModel, Date.now() + WALL * 1000, LIMIT));
  let loose: Timed;
  let ours: Timed;
  if (n % 2 === 0) {
    loose = runLoose();
    ours = runOurs();
  } else {
    ours = runOurs();
    loose = runLoose();
  }
  // Equal when both are proven to the gap; a stopped run only bounds the other.
  let same = 'n/a';
  if (loose.objective !== null && ours.objective !== null) {
    const diff = Math.abs(loose.objective - ours.objective);
    const within = diff <= 2 * MIP_GAP * Math.max(1, Math.abs(loose.objective));
    if (loose.proven && ours.proven) same = within ? 'yes' : 'NO';
    else if (ours.proven) same = ours.objective >= loose.objective - 1e-6 ? 'ours ≥' : 'NO';
    else same = within ? 'yes' : 'unproven';
  }
  if (same === 'NO') mismatch = true;
  const speed = `${loose.proven ? '' : '> '}${(loose.seconds / ours.seconds).toFixed(1)}×`;
  speedups.push(loose.seconds / ours.seconds);
  looseTotal += loose.seconds;
  oursTotal += ours.seconds;
  if (loose.proven) looseProven++;
  if (ours.proven) oursProven++;
  rows.push([
    String(seed),
    String(p.links.length),
    fmtT(loose),
    fmtW(loose),
    fmtGap(loose),
    String(loose.nodes),
    fmtT(ours),
    fmtW(ours),
    fmtGap(ours),
    String(ours.nodes),
    String(tightModel.shut),
    ours.proven ? speed : 'n/a',
    fmtObj(loose),
    fmtObj(ours),
    same,
  ]);
  console.log(rows[0].map((h, c) => `${h}: ${rows[rows.length - 1][c]}`).join(' | '));
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(
  `\n${rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n')}`,
);
// Geometric mean, so one easy instance cannot hide a slow one; "≥" when a
// loose run stopped at the limit (its time is then a lower bound).
const geo = Math.exp(speedups.reduce((a, v) => a + Math.log(v), 0) / speedups.length);
const bounded = looseProven < SEEDS.length ? '≥ ' : '';
console.log(
  `\nsummary: ${SEEDS.length} instances; proven optimal: loose ${looseProven}, ours ${oursProven}; ` +
    `CPU total loose ${looseTotal.toFixed(1)} s, ours ${oursTotal.toFixed(1)} s ` +
    `(${bounded}${(looseTotal / oursTotal).toFixed(2)}×); speed-up geometric mean ${bounded}${geo.toFixed(2)}×, ` +
    `least ${Math.min(...speedups).toFixed(2)}×; objectives ${mismatch ? 'DIFFER' : 'agree'}; ` +
    `target ≥ 3× on every instance: ${oursProven === SEEDS.length && Math.min(...speedups) >= 3 ? 'met' : 'not met'}`,
);
if (mismatch) {
  console.error('objectives differ between the loose model and ours');
  process.exit(1);
}
