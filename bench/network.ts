// The network metric set on a random graph (default 10k nodes / 100k edges, weights uniform
// in [1, 10)), beside igraph (the C library, Debian's python3-igraph run by /usr/bin/python3)
// and networkx (python3), the same graph read from the same file, in the same run. Each
// metric's time is printed beside igraph's, with the ratio (target ≤ 1.5), and the largest
// difference between our values and igraph's (betweenness rescaled to networkx's
// normalisation). networkx is time-boxed: what it finishes within the box is printed; when it
// does not finish at 10k, the comparison is made again at 2k nodes / 20k edges.
// Usage: node --import tsx bench/network.ts [--nodes N --edges M] [--box SECONDS] [--threads T]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  betweennessFromSums,
  closenessFromSums,
  degreeCentrality,
  density,
  eigenvectorCentrality,
  fromEdges,
  type Graph,
  louvain,
  modularity,
  pagerank,
} from '../src/assessment/engine/network.ts';
import { metricArraysParallel, sweepParallel } from '../src/assessment/network-worker.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const NODES = arg('nodes', 10_000);
const EDGES = arg('edges', 100_000);
const BOX = arg('box', 120);
const THREADS = arg('threads', availableParallelism());

/** G(n, m): m distinct pairs u ≠ v, seeded (mulberry32), weights uniform in [1, 10). */
function randomGraph(n: number, m: number, seed: number) {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const seen = new Set<number>();
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const w = new Float64Array(m);
  for (let e = 0; e < m; ) {
    const u = Math.floor(rnd() * n);
    const v = Math.floor(rnd() * n);
    if (u === v) continue;
    const key = Math.min(u, v) * n + Math.max(u, v);
    if (seen.has(key)) continue;
    seen.add(key);
    src[e] = u;
    dst[e] = v;
    w[e] = Math.round((1 + 9 * rnd()) * 1000) / 1000;
    e++;
  }
  const ids = Array.from({ length: n }, (_, i) => String(i));
  const lines: string[] = [];
  for (let e = 0; e < m; e++) lines.push(`${src[e]} ${dst[e]} ${w[e]}`);
  return { graph: fromEdges(ids, src, dst, w), text: `${lines.join('\n')}\n` };
}

// Each Python script reads `n` and the edge list, prints one JSON line per metric as it
// finishes ({"metric", "seconds", "values"?}), flushing, so a time-boxed run keeps what it did.
const igraphScript = `
import json, sys, time
import igraph as ig
n = int(sys.argv[2]); edges = []; weights = []
for line in open(sys.argv[1]):
    u, v, w = line.split(); edges.append((int(u), int(v))); weights.append(float(w))
g = ig.Graph(n=n, edges=edges); g.es['weight'] = weights
def out(metric, t, values=None):
    print(json.dumps({'metric': metric, 'seconds': time.perf_counter() - t, 'values': values}), flush=True)
t = time.perf_counter(); d = g.degree(); out('degree', t)
t = time.perf_counter(); g.density(loops=False); out('density', t)
t = time.perf_counter(); v = g.pagerank(damping=0.85, weights='weight'); out('pagerank', t, v)
t = time.perf_counter(); v = g.eigenvector_centrality(scale=False, weights='weight'); out('eigenvector', t, v)
t = time.perf_counter(); c = g.community_multilevel(weights='weight'); out('louvain', t)
t = time.perf_counter(); q = g.modularity(c.membership, weights='weight'); out('modularity', t)
print(json.dumps({'metric': 'louvainModularity', 'seconds': 0, 'values': q}), flush=True)
t = time.perf_counter(); v = g.closeness(); out('closeness', t, v)
t = time.perf_counter(); v = g.betweenness(directed=False); out('betweenness', t, v)
`;

const networkxScript = `
import json, sys, time
import networkx as nx
n = int(sys.argv[2])
g = nx.Graph(); g.add_nodes_from(range(n))
for line in open(sys.argv[1]):
    u, v, w = line.split(); g.add_edge(int(u), int(v), weight=float(w))
def out(metric, t):
    print(json.dumps({'metric': metric, 'seconds': time.perf_counter() - t}), flush=True)
t = time.perf_counter(); nx.degree_centrality(g); out('degree', t)
t = time.perf_counter(); nx.density(g); out('density', t)
t = time.perf_counter(); nx.pagerank(g, alpha=0.85, tol=1e-12, max_iter=10000); out('pagerank', t)
t = time.perf_counter(); nx.eigenvector_centrality(g, weight='weight', tol=1e-12, max_iter=10000); out('eigenvector', t)
t = time.perf_counter(); c = nx.community.louvain_communities(g, weight='weight', seed=14); out('louvain', t)
t = time.perf_counter(); nx.community.modularity(g, c, weight='weight'); out('modularity', t)
t = time.perf_counter(); nx.closeness_centrality(g); out('closeness', t)
t = time.perf_counter(); nx.betweenness_centrality(g); out('betweenness', t)
`;

interface Line {
  metric: string;
  seconds: number;
  values?: unknown;
}

function runPython(
  python: string,
  script: string,
  file: string,
  n: number,
  boxSeconds: number,
): { lines: Map<string, Line>; timedOut: boolean; error?: string } {
  const r = spawnSync(python, ['-c', script, file, String(n)], {
    encoding: 'utf8',
    timeout: boxSeconds * 1000,
    maxBuffer: 1 << 28,
  });
  const lines = new Map<string, Line>();
  for (const l of (r.stdout ?? '').split('\n'))
    if (l.trim()) {
      const parsed = JSON.parse(l) as Line;
      lines.set(parsed.metric, parsed);
    }
  const timedOut = r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  return {
    lines,
    timedOut,
    ...(r.status !== 0 && !timedOut
      ? { error: (r.stderr || String(r.error)).trim().split('\n').pop() }
      : {}),
  };
}

const available = (python: string, module: string): string | null => {
  const r = spawnSync(python, ['-c', `import ${module}; print(${module}.__version__)`], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : null;
};

async function time<T>(f: () => T | Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await f();
  return [value, (performance.now() - t) / 1000];
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>, scale = 1) => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]! * scale));
  return d;
};

async function ours(g: Graph) {
  // warm the JIT on a small graph first: igraph's C needs no warming, and the first call of
  // a cold function here would time the compiler (≈ 10–30 ms) rather than the metric
  const warm = randomGraph(300, 1500, 1).graph;
  for (let i = 0; i < 3; i++) {
    degreeCentrality(warm);
    pagerank(warm);
    eigenvectorCentrality(warm);
    modularity(warm, louvain(warm));
    await sweepParallel(warm, true, { threads: 1 });
    await sweepParallel(warm, false, { threads: 1 });
  }
  const t: Record<string, number> = {};
  const v: Record<string, ArrayLike<number> | number> = {};
  [v.degree, t.degree] = await time(() => degreeCentrality(g));
  [v.density, t.density] = await time(() => density(g));
  [v.pagerank, t.pagerank] = await time(() => pagerank(g));
  [v.eigenvector, t.eigenvector] = await time(() => eigenvectorCentrality(g));
  const [community, tl] = await time(() => louvain(g));
  t.louvain = tl;
  [v.modularity, t.modularity] = await time(() => modularity(g, community));
  const [cs, tc] = await time(() => sweepParallel(g, false, { threads: THREADS }));
  t.closeness = tc;
  v.closeness = closenessFromSums(g.n, cs);
  const [bs, tb] = await time(() => sweepParallel(g, true, { threads: THREADS }));
  t.betweenness = tb;
  v.betweenness = betweennessFromSums(g.n, bs);
  [, t.all] = await time(() => metricArraysParallel(g, { threads: THREADS }));
  return { t, v };
}

const fmt = (s: number | undefined) =>
  s === undefined ? '—' : s < 0.01 ? `${(s * 1000).toFixed(2)} ms` : `${s.toFixed(3)} s`;
const metrics = [
  'degree',
  'density',
  'pagerank',
  'eigenvector',
  'louvain',
  'modularity',
  'closeness',
  'betweenness',
];

async function compare(n: number, m: number, box: number, withIgraph: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'digicluster-bench-network-'));
  try {
    const { graph, text } = randomGraph(n, m, 14);
    const file = join(dir, 'edges.txt');
    writeFileSync(file, text);
    console.log(
      `\n${n} nodes, ${m} edges (random, seed 14), ${THREADS} thread(s); load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    const { t, v } = await ours(graph);
    const igraphVersion = withIgraph ? available('/usr/bin/python3', 'igraph') : null;
    const ig = igraphVersion ? runPython('/usr/bin/python3', igraphScript, file, n, 3600) : null;
    if (withIgraph && !igraphVersion)
      console.log('igraph skipped: /usr/bin/python3 cannot import igraph');
    if (ig?.error) console.log(`igraph failed: ${ig.error}`);
    const nxVersion = available('python3', 'networkx');
    const nxr = nxVersion ? runPython('python3', networkxScript, file, n, box) : null;
    if (!nxVersion) console.log('networkx skipped: python3 cannot import networkx');
    console.log(
      `${'metric'.padEnd(12)} ${'ours'.padStart(10)} ${'igraph'.padStart(10)} ${'ratio'.padStart(6)} ${'networkx'.padStart(12)}  values vs igraph (max |Δ|)`,
    );
    let worst = 0;
    for (const k of metrics) {
      const i = ig?.lines.get(k);
      const x = nxr?.lines.get(k);
      const ratio = i ? t[k]! / Math.max(i.seconds, 1e-6) : undefined;
      if (ratio !== undefined && i!.seconds > 0.05) worst = Math.max(worst, ratio);
      let check = '';
      if (i?.values && Array.isArray(i.values)) {
        const scale = k === 'betweenness' ? 2 / ((n - 1) * (n - 2)) : 1;
        check = maxDiff(v[k] as ArrayLike<number>, i.values as number[], scale).toExponential(1);
      }
      if (k === 'modularity' && ig?.lines.get('louvainModularity'))
        check = `Q ${(v.modularity as number).toFixed(4)} vs igraph's Louvain ${Number(ig.lines.get('louvainModularity')!.values).toFixed(4)}`;
      console.log(
        `${k.padEnd(12)} ${fmt(t[k]).padStart(10)} ${fmt(i?.seconds).padStart(10)} ${(ratio === undefined ? '—' : ratio.toFixed(2)).padStart(6)} ${(x ? fmt(x.seconds) : nxr?.timedOut ? `> box` : '—').padStart(12)}  ${check}`,
      );
    }
    console.log(`full set, one shared sweep (what the CLI runs): ${fmt(t.all)}`);
    if (ig)
      console.log(
        `worst ratio to igraph (metrics igraph takes > 50 ms on): ${worst.toFixed(2)} (target ≤ 1.5)`,
      );
    if (nxr?.timedOut)
      console.log(
        `networkx: stopped at the ${box} s box after ${[...nxr.lines.keys()].join(', ') || 'nothing'}`,
      );
    if (nxr?.error) console.log(`networkx failed: ${nxr.error}`);
    return nxr?.timedOut ?? false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `network metrics: ours (TypeScript, typed arrays, ${THREADS} thread(s) for the BFS sweeps) vs igraph vs networkx`,
);
const boxed = await compare(NODES, EDGES, BOX, true);
if (boxed && NODES > 2000) await compare(2000, Math.round((EDGES / NODES) * 2000), BOX * 2, true);
