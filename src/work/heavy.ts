// Heavy requests (plans today; simulations and reports later): each gets one wall-clock
// deadline from its time limit, counts against its actor's limit on concurrent heavy
// requests, and runs in the worker pool. Problems come out as DomainErrors worded by code.
import { availableParallelism } from 'node:os';
import { type Actor, DomainError, tooManyRequests } from '../model/index.ts';
import { type HeavyLimiter, MemoryHeavyLimiter } from './limiter.ts';
import { messages } from './messages.ts';
import { DeadlineExceeded, PoolSaturated, WorkPool } from './pool.ts';

/** What config.ts parses from the environment (each optional: the defaults are here). */
export interface WorkSettings {
  /** worker threads for heavy work (default: half the cores, at least 1); 0: in the caller's thread */
  workerThreads?: number;
  /** heavy requests one actor may have running at once (default 2) */
  heavyPerActor?: number;
  /** the most wall-clock seconds a heavy request may take, whatever it asks for (default 120) */
  heavyMaxSeconds?: number;
}

/** A heavy request that states no time limit gets this many seconds. */
export const DEFAULT_TIME_LIMIT_SECONDS = 30;

export const defaultWorkerThreads = () => Math.max(1, Math.floor(availableParallelism() / 2));

/** What to run: a task module (its default export) and the plain data it takes. */
export interface WorkOrder {
  worker: URL;
  task: unknown;
}

/** The limiter's key: each user, each API key, the system and the operator count apart. */
export const actorKey = (actor: Actor) => `${actor.kind}:${actor.id}`;

export class HeavyWork {
  readonly pool: WorkPool;
  readonly limiter: HeavyLimiter;
  readonly maxSeconds: number;
  private readonly now: () => number;

  constructor(
    settings: WorkSettings = {},
    deps: { limiter?: HeavyLimiter; pool?: WorkPool; now?: () => number } = {},
  ) {
    this.now = deps.now ?? Date.now;
    this.maxSeconds = settings.heavyMaxSeconds ?? 120;
    this.limiter = deps.limiter ?? new MemoryHeavyLimiter(settings.heavyPerActor ?? 2, this.now);
    this.pool =
      deps.pool ??
      new WorkPool({ threads: settings.workerThreads ?? defaultWorkerThreads(), now: this.now });
  }

  /** A request's one deadline (epoch ms): its time limit from now, capped. */
  deadline(timeLimitSeconds?: number): number {
    const seconds = Math.min(timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS, this.maxSeconds);
    return this.now() + seconds * 1000;
  }

  /**
   * Admits `actor`'s request (429 beyond its limit), lets `prepare` read what the work needs
   * (the deadline already running), and runs it in the pool by the deadline (503 with
   * Retry-After when it is cancelled there or the pool is full).
   */
  async run<R>(
    actor: Actor,
    timeLimitSeconds: number | undefined,
    prepare: (deadline: number) => Promise<WorkOrder>,
  ): Promise<R> {
    const deadline = this.deadline(timeLimitSeconds);
    const seconds = Math.round((deadline - this.now()) / 100) / 10;
    const admission = await this.limiter.acquire(actorKey(actor), deadline);
    if (!admission.ok)
      throw tooManyRequests(
        messages.tooManyHeavy({ limit: admission.limit }),
        admission.retryAfterSeconds,
      );
    try {
      const { worker, task } = await prepare(deadline);
      return await this.pool.run<R>(worker, task, deadline);
    } catch (e) {
      // 503, not 504: no gateway timed out; this server, busy, gave up on its own time budget.
      // Retry-After says when a thread should be free. (Work that keeps its deadline, as a plan
      // does, answers 200 with what it found; this is for work that could not.)
      if (e instanceof DeadlineExceeded)
        throw new DomainError(
          'unavailable',
          messages.deadline({ seconds }),
          [],
          this.pool.retryAfterSeconds(),
        );
      if (e instanceof PoolSaturated) {
        const retryAfter = this.pool.retryAfterSeconds();
        throw new DomainError('unavailable', messages.saturated({ retryAfter }), [], retryAfter);
      }
      throw e;
    } finally {
      await admission.release();
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
