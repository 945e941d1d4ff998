// Health under heavy work: the slowest GET /api/health reply while a plan with 200 robustness
// runs over 300 listings computes in a worker thread (target < 100 ms), beside its peer in the
// same run, the slowest reply with no plan running, and beside the same plan computed on the
// event loop (WORKER_THREADS=0, as before the pool). Health is asked over a real socket, one
// request at a time, one due every 5 ms (a probe, not a load test: a client in a tight loop
// would take the CPU the plan needs), by a client in this process; each reply is timed from
// when it was due, so time the event loop spent blocked counts however it falls.
// Usage: node --import tsx bench/health.ts [--threads N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { seedExample } from '../src/example/seed.ts';
import { systemActor } from '../src/model/index.ts';
import { openPlatform } from '../src/platform.ts';
import { registryQueries as rq, SESSION_COOKIE } from '../src/registry/index.ts';
import { buildServer } from '../src/server/app.ts';
import { configureWork, defaultWorkerThreads, heavyWork } from '../src/work/index.ts';
import { growListings } from '../test/medium/many-listings.ts';

const threadsArg = process.argv.indexOf('--threads');
const THREADS = threadsArg > 0 ? Number(process.argv[threadsArg + 1]) : defaultWorkerThreads();
const RUNS = 200;
const LISTINGS = 300;
/** a health request is due every this many ms (or when the last reply came, if later) */
const PROBE_MS = 5;

const dir = mkdtempSync(join(tmpdir(), 'digicluster-bench-health-'));
const platform = await openPlatform({ sqliteFile: join(dir, 'bench.db'), sessionTtlHours: 1 });
await seedExample(platform);
const live = await growListings(platform, LISTINGS);
const app = await buildServer(platform);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const [operatorOrg] = await rq.findOrganisations(platform.store, { kind: 'platform_operator' });
const operator = await platform.users.createUser(systemActor, operatorOrg.id, {
  email: 'bench@health.example',
  name: 'bench',
  role: 'operator_admin',
  password: 'password-for-bench',
});
const cookie = `${SESSION_COOKIE}=${(await platform.users.openSession(operator.id)).token}`;

const plan = async (body: unknown) => {
  const t = performance.now();
  const res = await fetch(`${base}/api/v1/exchange/plan`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`plan: ${res.status} ${JSON.stringify(json)}`);
  return { seconds: (performance.now() - t) / 1000, json };
};

interface Phase {
  /** each health reply's time, ms */
  times: number[];
  /** the event loop's delay meanwhile (ms): what blocked it, or kept this process off the CPU */
  loopDelay: { p99: number; max: number };
}

/** Health replies one after another until `until` settles (or for `ms` ms). */
async function healthReplies(until: Promise<unknown> | number): Promise<Phase> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let done = false;
  if (typeof until === 'number') setTimeout(() => (done = true), until);
  else void until.finally(() => (done = true));
  const times: number[] = [];
  let due = performance.now();
  while (!done) {
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`health: ${res.status}`);
    // Timed from when the request was due, not from when it left: a blocked event loop also
    // holds this client's timer, and that wait is part of the reply's delay.
    const end = performance.now();
    times.push(end - due);
    due = Math.max(due + PROBE_MS, end);
  }
  delay.disable();
  return { times, loopDelay: { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 } };
}

const heavy = { robustness: { runs: RUNS, variation: 0.2 }, timeLimitSeconds: 120 };

// In a worker thread (warmed first: the thread's start and HiGHS's load are not the plan's).
configureWork({ workerThreads: THREADS });
await plan({});
const inThread = plan(heavy);
while (heavyWork().pool.pending === 0) await sleep(1);
const duringThread = await healthReplies(inThread);
const threaded = await inThread;
const robustnessNote = threaded.json.warnings.find(
  (w: { code: string; message: string }) => w.code === 'exchange.warning.robustnessPartial',
)?.message;

// The peer: as long again with no plan running.
const idle = await healthReplies(threaded.seconds * 1000);

// On the event loop, as before the pool.
configureWork({ workerThreads: 0 });
await plan({});
const onLoop = plan(heavy);
const duringLoop = await healthReplies(onLoop);
const looped = await onLoop;

await app.close();
await platform.close();
rmSync(dir, { recursive: true, force: true });

const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const row = (name: string, p: Phase, planSeconds: number | null) => [
  name,
  String(p.times.length),
  ms(median(p.times)),
  ms(Math.max(...p.times)),
  `${ms(p.loopDelay.p99)} / ${ms(p.loopDelay.max)}`,
  planSeconds === null ? '—' : `${planSeconds.toFixed(2)} s`,
];
const rows = [
  ['GET /api/health', 'replies', 'median', 'slowest', 'loop delay p99 / max', 'plan'],
  row('no plan running (peer)', idle, null),
  row(`plan in a worker thread (${THREADS})`, duringThread, threaded.seconds),
  row('plan on the event loop (0 threads)', duringLoop, looped.seconds),
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(
  `\nHealth while a plan computes: ${RUNS} robustness runs over ${live} live listings (${threaded.json.counts.links} links), SQLite\n`,
);
for (const r of rows)
  console.log(
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
  );
const slowest = Math.max(...duringThread.times);
console.log(
  `\nslowest health reply during the threaded plan: ${ms(slowest)} (target < 100 ms: ${slowest < 100 ? 'met' : 'NOT met'})`,
);
if (robustnessNote) console.log(`note: ${robustnessNote}`);
