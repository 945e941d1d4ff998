// Live values: each committed message's latest value per key, handed to whoever watches the
// device (the SSE stream of GET /api/v1/devices/{id}/live). Per-process state behind a small
// interface (DESIGN): with several server processes a PostgreSQL LISTEN/NOTIFY, Redis or NATS
// feed replaces the local one without touching the routes.
import type { LiveUpdate } from './plant-schema.ts';

export interface LiveFeed {
  publish(update: LiveUpdate): void;
  /** Calls `listener` with each update of the device until the returned function is called. */
  subscribe(deviceId: string, listener: (update: LiveUpdate) => void): () => void;
}

/** The feed of one process. */
export class LocalLiveFeed implements LiveFeed {
  private readonly listeners = new Map<string, Set<(u: LiveUpdate) => void>>();

  publish(update: LiveUpdate): void {
    for (const l of this.listeners.get(update.deviceId) ?? []) {
      try {
        l(update);
      } catch {
        // one broken watcher does not stop the others
      }
    }
  }

  subscribe(deviceId: string, listener: (u: LiveUpdate) => void): () => void {
    const set = this.listeners.get(deviceId) ?? new Set();
    set.add(listener);
    this.listeners.set(deviceId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(deviceId);
    };
  }

  /** How many watchers a device has (for tests and metrics). */
  watchers(deviceId: string): number {
    return this.listeners.get(deviceId)?.size ?? 0;
  }
}

/** The latest value of each key among a message's stored points. */
export function liveUpdate(
  deviceId: string,
  points: ReadonlyArray<{ key: string; ts: number; value: number }>,
): LiveUpdate {
  const latest = new Map<string, { ts: number; value: number }>();
  for (const p of points) {
    const was = latest.get(p.key);
    if (!was || p.ts > was.ts || (p.ts === was.ts && p.value > was.value)) latest.set(p.key, p);
  }
  return {
    deviceId,
    values: [...latest].map(([key, p]) => ({
      key,
      ts: new Date(p.ts).toISOString(),
      value: p.value,
    })),
  };
}
