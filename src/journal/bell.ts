import type { Store } from '../store/index.ts';

/**
 * Tells the journal's subscribers that there may be new events. The one process of today rings
 * it in memory after each commit and falls back on a timer for writers it cannot hear (the CLI,
 * another server); a scale-out swaps in a bell on PostgreSQL LISTEN/NOTIFY or NATS that rings
 * in every process, without touching the modules.
 */
export interface EventBell {
  /** Called after a commit that wrote events. Cheap and never throws into the writer. */
  ring(): void;
  /** Calls `listener` after rings and at least every poll interval; returns the unsubscribe. */
  onRing(listener: () => void): () => void;
}

export const DEFAULT_POLL_MS = 500;

/**
 * The in-process bell: rings coalesce into one call per listener on the next turn of the event
 * loop (never inside the writer's code), and a timer calls the listeners every `pollMs` while
 * any are subscribed. The timer is unref'd: it never keeps a process alive on its own.
 */
export class LocalEventBell implements EventBell {
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private scheduled = false;

  constructor(readonly pollMs = DEFAULT_POLL_MS) {
    if (!(pollMs > 0)) throw new RangeError('the poll interval must be positive');
  }

  ring(): void {
    if (this.scheduled || !this.listeners.size) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.call();
    });
  }

  onRing(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => this.call(), this.pollMs);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  private call(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // a listener's failure is its own business (the runner logs its errors itself)
      }
    }
  }
}

// The bell of each open store, which `inTransaction` rings after it commits.
const bells = new WeakMap<Store, EventBell>();

/** Makes `bell` the one rung after commits on `store` (the platform sets it when it opens). */
export function attachBell(store: Store, bell: EventBell): void {
  bells.set(store, bell);
}

/** The store's bell; an in-process one with the default interval if none was set. */
export function bellOf(store: Store): EventBell {
  let bell = bells.get(store);
  if (!bell) {
    bell = new LocalEventBell();
    bells.set(store, bell);
  }
  return bell;
}

/** Rings the store's bell, if it has one (nobody listens otherwise). */
export function ringAfterCommit(store: Store): void {
  bells.get(store)?.ring();
}
