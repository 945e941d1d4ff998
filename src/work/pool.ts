// A bounded pool of worker threads (piscina) for heavy work, started lazily, with one
// wall-clock deadline per task: a task still waiting or running at its deadline is cancelled,
// a running one by ending its thread (the only way to stop synchronous code such as a solve).
// Generic: a task is a module whose default export takes plain data and returns plain data.
import { Piscina } from 'piscina';

/** The task was still queued or running at its deadline, and was cancelled. */
export class DeadlineExceeded extends Error {
  constructor() {
    super('the task was cancelled at its deadline');
    this.name = 'DeadlineExceeded';
  }
}

/** Every thread is busy and the queue is full: the task was not accepted. */
export class PoolSaturated extends Error {
  constructor() {
    super('every worker thread is busy and the queue is full');
    this.name = 'PoolSaturated';
  }
}

export interface WorkPoolOptions {
  /** worker threads at most; 0 runs tasks in the calling thread (nothing can cancel them there) */
  threads: number;
  /** tasks that may wait for a thread (default: 8 per thread); beyond them, PoolSaturated */
  maxQueue?: number;
  /** how long an idle thread stays, its loaded code and WebAssembly warm (default 60 s) */
  idleTimeoutMs?: number;
  /** the clock deadlines are read with (epoch ms; tests inject one) */
  now?: () => number;
  /** calls `fire` in `ms`, returning a cancel (tests inject one to fire deadlines by hand) */
  timer?: (fire: () => void, ms: number) => () => void;
}

const realTimer = (fire: () => void, ms: number) => {
  const t = setTimeout(fire, ms);
  return () => clearTimeout(t);
};

interface InFlight {
  deadline: number;
  controller: AbortController;
}

export class WorkPool {
  private piscina: Piscina | null = null;
  private readonly inFlight = new Set<InFlight>();
  private readonly now: () => number;

  constructor(private readonly options: WorkPoolOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Tasks accepted and not yet settled (queued or running). */
  get pending(): number {
    return this.inFlight.size;
  }

  /** Threads alive now (0 until the first task: the pool starts lazily). */
  get threads(): number {
    return this.piscina?.threads.length ?? 0;
  }

  /**
   * Runs `worker`'s default export on `task` (structured-cloned) in a thread, by `deadline`
   * (epoch ms). Rejects with DeadlineExceeded at the deadline, PoolSaturated when full, or the
   * task's own error (as structured clone carries it: message kept, class lost).
   */
  async run<R>(worker: URL, task: unknown, deadline: number): Promise<R> {
    const leftMs = deadline - this.now();
    if (leftMs <= 0) throw new DeadlineExceeded();
    if (this.options.threads === 0) return this.inThisThread<R>(worker, task);
    // Counted here rather than by piscina's maxQueue, which tasks with a signal bypass.
    const maxQueue = this.options.maxQueue ?? 8 * this.options.threads;
    if (this.inFlight.size >= this.options.threads + maxQueue) throw new PoolSaturated();
    const pool = this.start();
    const entry: InFlight = { deadline, controller: new AbortController() };
    const cancelTimer = (this.options.timer ?? realTimer)(
      () => entry.controller.abort(new DeadlineExceeded()),
      leftMs,
    );
    this.inFlight.add(entry);
    try {
      return (await pool.run(task, {
        filename: worker.href,
        signal: entry.controller.signal,
      })) as R;
    } catch (e) {
      if (entry.controller.signal.aborted) throw entry.controller.signal.reason;
      throw e;
    } finally {
      cancelTimer();
      this.inFlight.delete(entry);
    }
  }

  /**
   * Whole seconds (at least 1) until a thread should be free: the earliest deadline among
   * the tasks in flight, since none runs past its own. For Retry-After.
   */
  retryAfterSeconds(): number {
    let earliest = Number.POSITIVE_INFINITY;
    for (const t of this.inFlight) earliest = Math.min(earliest, t.deadline);
    if (earliest === Number.POSITIVE_INFINITY) return 1;
    return Math.max(1, Math.ceil((earliest - this.now()) / 1000));
  }

  /** Lets the tasks in flight finish, then ends the threads; the next task starts them again. */
  async close(): Promise<void> {
    const pool = this.piscina;
    this.piscina = null;
    await pool?.close();
  }

  private start(): Piscina {
    if (this.piscina) return this.piscina;
    const threads = this.options.threads;
    const pool = new Piscina({
      // no thread until there is work; threads come and go with it
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: this.options.idleTimeoutMs ?? 60_000,
      // Task modules are TypeScript. A thread does not inherit a loader registered from code
      // (bin/digicluster.js does so), and Node 20 applies `--import tsx` to workers only in
      // part: tsx's require hook loads them the same way under every launcher.
      execArgv: [...process.execArgv, '--require', 'tsx/cjs'],
    });
    // A thread that fails while starting (a broken task module) fails the tasks waiting on
    // this pool at once rather than at their deadlines; the next task starts a new pool.
    pool.on('error', (error: unknown) => {
      for (const t of this.inFlight) t.controller.abort(error);
      if (this.piscina === pool) this.piscina = null;
      void pool.destroy();
    });
    this.piscina = pool;
    return pool;
  }

  /** Without threads: the same task module and the same copy of the data, in this thread. */
  private async inThisThread<R>(worker: URL, task: unknown): Promise<R> {
    const run = (await import(worker.href)).default as (task: unknown) => Promise<R> | R;
    return structuredClone(await run(structuredClone(task)));
  }
}
