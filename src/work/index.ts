// Heavy work off the event loop: the worker pool, the per-actor limit and one deadline per
// request. Generic: it knows no module. The process holds one instance (threads are a
// process's resource), configured at boot from the environment and closed with the platform.
import { HeavyWork, type WorkSettings } from './heavy.ts';

export {
  actorKey,
  DEFAULT_TIME_LIMIT_SECONDS,
  defaultWorkerThreads,
  HeavyWork,
  type WorkOrder,
  type WorkSettings,
} from './heavy.ts';
export { type Admission, type HeavyLimiter, MemoryHeavyLimiter } from './limiter.ts';
export { messages as workMessages } from './messages.ts';
export { DeadlineExceeded, PoolSaturated, WorkPool, type WorkPoolOptions } from './pool.ts';

let settings: WorkSettings = {};
let dependencies: ConstructorParameters<typeof HeavyWork>[1] = {};
let current: HeavyWork | null = null;

/**
 * Sets what the next heavy request starts with (`deps.limiter`: another HeavyLimiter, e.g.
 * a shared one once there are several processes). Work already running finishes where it is.
 */
export function configureWork(
  next: WorkSettings,
  deps: ConstructorParameters<typeof HeavyWork>[1] = {},
): void {
  settings = {
    workerThreads: next.workerThreads,
    heavyPerActor: next.heavyPerActor,
    heavyMaxSeconds: next.heavyMaxSeconds,
  };
  dependencies = deps;
  const old = current;
  current = null;
  void old?.close();
}

/** The process's heavy work, made on first use. */
export function heavyWork(): HeavyWork {
  current ??= new HeavyWork(settings, dependencies);
  return current;
}

/** Lets running work finish and ends the threads (on platform close); made again on use. */
export async function closeWork(): Promise<void> {
  const old = current;
  current = null;
  await old?.close();
}
