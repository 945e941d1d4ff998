// The nearest optimum (`keep`) on pure transport: our network simplex (the optimal face's
// residual circulation, transport.ts nearestOnFace) beside the LP route through HiGHS
// (nearest.ts: HiGHS again for the duals, then a second LP over the face), same instances,
// same flows to keep, same run; the plain solve without `keep` beside both. The kept flows
// are the plan of the same instance with every supply's quantity moved by up to ±20 %
// (seeded): an earlier round's proposals. Instances with costs rounded to 100 RUB have many
// optimal plans, so the two must find an equally near one; with costs to the kopeck the
// optimum is nearly always unique. Both answers must agree on the objective (1e-9 relative)
// and on the distance Σ |x − kept| (1e-6 relative), else the bench exits non-zero.
// Usage: node --import tsx bench/nearest.ts
import {
  type KeptFlow,
  type ProblemInput,
  type SolveResult,
  solve,
} from '../src/exchange/engine/solve/index.ts';
import { distanceFrom } from '../src/exchange/engine/solve/nearest.ts';
import { mulberry32 } from '../src/exchange/engine/solve/random.ts';
import { denseTransport, sparseTransport } from './instances.ts';

const coarse = (p: ProblemInput): ProblemInput => ({
  ...p,
  links: p.links.map((l) => ({ ...l, cost: Math.round((l.cost ?? 0) / 100) * 100 })),
  demands: p.demands.map((d) => ({ ...d, value: Math.round((d.value ?? 0) / 100) * 100 })),
  supplies: p.supplies.map((s) => ({ ...s, disposalCost: 0 })),
});

function earlier(p: ProblemInput, seed: number): ProblemInput {
  const r = mulberry32(seed);
  return {
    ...p,
    supplies: p.supplies.map((s) => ({
      ...s,
      quantity: Math.round(s.quantity * (0.8 + 0.4 * r()) * 100) / 100,
    })),
  };
}

const instances: [string, ProblemInput][] = [
  ['dense 200×200', denseTransport(200, 200)],
  ['dense 200×200, coarse', coarse(denseTransport(200, 200))],
  ['dense 400×400, coarse', coarse(denseTransport(400, 400))],
  ['sparse 5000×5000', sparseTransport(5000, 5000, 40)],
  ['sparse 5000×5000, coarse', coarse(sparseTransport(5000, 5000, 40))],
];

async function timed(run: () => Promise<SolveResult>) {
  const t = performance.now();
  const result = await run();
  return { result, seconds: (performance.now() - t) / 1000 };
}

const LIMIT = 600;
const rows = [
  [
    'instance',
    'links',
    'kept',
    'plain: time',
    'distance',
    'network simplex: time',
    'distance',
    'HiGHS: time',
    'distance',
    'speed-up',
    'same',
  ],
];
let bad = false;
for (const [name, p] of instances) {
  const before = await solve(earlier(p, 7), { timeLimitSeconds: LIMIT });
  const keep: KeptFlow[] = before.flows.map((f) => ({
    supply: f.supply,
    demand: f.demand,
    quantity: f.quantity,
  }));
  const plain = await timed(() => solve(p, { timeLimitSeconds: LIMIT }));
  const network = await timed(() =>
    solve(p, { keep, engine: 'network-simplex', timeLimitSeconds: LIMIT }),
  );
  const highs = await timed(() => solve(p, { keep, engine: 'highs', timeLimitSeconds: LIMIT }));
  const [dn, dh] = [distanceFrom(network.result, keep), distanceFrom(highs.result, keep)];
  const z = highs.result.objective;
  const same =
    network.result.status === 'optimal' &&
    highs.result.status === 'optimal' &&
    Math.abs(network.result.objective - z) <= 1e-9 * Math.max(1, Math.abs(z)) &&
    Math.abs(dn - dh) <= 1e-6 * Math.max(1, dh);
  if (!same) bad = true;
  const t = (s: number) => `${s.toFixed(2)} s`;
  const d = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  rows.push([
    name,
    String(p.links.length),
    String(keep.length),
    t(plain.seconds),
    d(distanceFrom(plain.result, keep)),
    t(network.seconds),
    d(dn),
    t(highs.seconds),
    d(dh),
    `${(highs.seconds / network.seconds).toFixed(1)}×`,
    same ? 'yes' : 'NO',
  ]);
}

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(
  `node ${process.version}; the optimal plan nearest to an earlier plan's flows (Σ |x − kept|), wall clock\n`,
);
for (const r of rows) console.log(r.map((v, c) => v.padEnd(widths[c])).join('  '));
if (bad) {
  console.error('\nthe two routes disagree on the objective or the distance');
  process.exit(1);
}
