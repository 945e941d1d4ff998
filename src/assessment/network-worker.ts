// The network metrics on several threads. Betweenness and closeness cost one breadth-first
// search per source node (O(nE) in all; closeness alone runs them 32 at a time, see
// ClosenessSweeper), the rest is cheap: the sources are split across
// worker threads that share the graph's arrays (SharedArrayBuffer, no copy), each taking
// chunks of sources from a shared counter as it goes, and the calling thread works too. The
// partial sums of disjoint source ranges add up to the single-thread result (a property test
// checks it). Node-only (worker_threads), so it lives outside engine/.
//
// As a task module for the platform's WorkPool (src/work), its default export takes the
// `digicluster network` input and returns its output.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  addSums,
  buildGraph,
  ClosenessSweeper,
  emptySums,
  type Graph,
  type MetricArrays,
  type MetricOptions,
  metricsFromSums,
  type NetworkMetrics,
  Sweeper,
  type SweepSums,
  toNetworkMetrics,
} from './engine/network.ts';

/** sources a thread takes at a time from the shared counter (Brandes' sweep) */
const CHUNK = 16;
/** the same for closeness alone: two of ClosenessSweeper's batches of 32 */
const CLOSENESS_CHUNK = 64;

interface SweepData {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  counter: Int32Array;
  betweenness: boolean;
  chunk: number;
}

function shared<T extends Int32Array | Float64Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(a.byteLength),
  );
  copy.set(a);
  return copy;
}

function work(g: Graph, counter: Int32Array, betweenness: boolean): SweepSums {
  const sums = emptySums(g.n);
  const chunk = betweenness ? CHUNK : CLOSENESS_CHUNK;
  const brandes = betweenness ? new Sweeper(g) : null;
  const closeness = betweenness ? null : new ClosenessSweeper(g);
  for (;;) {
    const from = Atomics.add(counter, 0, chunk);
    if (from >= g.n) return sums;
    const to = Math.min(g.n, from + chunk);
    if (brandes) brandes.sweep(from, to, sums, true);
    else closeness!.sweep(from, to, sums);
  }
}

// A thread runs the Sweeper's own source text (it is self-contained), so it starts in tens
// of milliseconds: no TypeScript loader, no module graph, the same under every launcher and
// from a bundle.
const threadSource = `
var __name = (f) => f; // the helper a loader's keep-names transform may call
const { workerData: d, parentPort } = require('node:worker_threads');
const Sweeper = (${Sweeper.toString()});
const ClosenessSweeper = (${ClosenessSweeper.toString()});
const sweeper = d.betweenness ? new Sweeper(d) : new ClosenessSweeper(d);
const sums = { betweenness: new Float64Array(d.n), distanceSum: new Float64Array(d.n), reached: new Int32Array(d.n) };
for (;;) {
  const from = Atomics.add(d.counter, 0, d.chunk);
  if (from >= d.n) break;
  sweeper.sweep(from, Math.min(d.n, from + d.chunk), sums, true);
}
parentPort.postMessage(sums, [sums.betweenness.buffer, sums.distanceSum.buffer, sums.reached.buffer]);
`;

export interface ParallelOptions {
  /** threads in all, the calling one included (default: the cores available) */
  threads?: number;
}

/**
 * The breadth-first sweep from every source (betweenness when `betweenness`, and closeness)
 * split across threads. With threads ≤ 1, or a small graph, it runs in the calling thread.
 */
export async function sweepParallel(
  g: Graph,
  betweenness: boolean,
  options: ParallelOptions = {},
): Promise<SweepSums> {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const chunk = betweenness ? CHUNK : CLOSENESS_CHUNK;
  if (threads === 1 || g.n < 4 * chunk) return work(g, counter, betweenness);
  const data: SweepData = {
    n: g.n,
    chunk,
    offsets: shared(g.offsets),
    targets: shared(g.targets),
    counter,
    betweenness,
  };
  const workers = Array.from({ length: threads - 1 }, () => {
    const worker = new Worker(threadSource, { eval: true, workerData: data });
    return new Promise<SweepSums>((resolve, reject) => {
      worker.once('message', (sums: SweepSums) => resolve(sums));
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`a network worker thread ended (exit ${code}) before its result`)),
      );
    });
  });
  // this thread takes sources while the workers start, and until none are left
  const sums = work(g, counter, betweenness);
  for (const part of await Promise.all(workers)) addSums(sums, part);
  return sums;
}

/** The full metric set, the sweep on several threads. */
export async function metricArraysParallel(
  g: Graph,
  options: MetricOptions & ParallelOptions = {},
): Promise<MetricArrays> {
  return metricsFromSums(g, await sweepParallel(g, true, options), options);
}

/** `digicluster network FILE --json` on several threads: parse, measure, format. */
export async function networkMetricsParallel(
  input: unknown,
  options: MetricOptions & ParallelOptions = {},
): Promise<NetworkMetrics> {
  const g = buildGraph(input);
  return toNetworkMetrics(g, await metricArraysParallel(g, options));
}

/** WorkPool task: one thread per task there (the pool spreads tasks over the cores). */
export default function networkTask(input: unknown): Promise<NetworkMetrics> {
  return networkMetricsParallel(input, { threads: 1 });
}
