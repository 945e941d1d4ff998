// The limit on concurrent heavy requests per actor. Per-process state behind a small
// interface: with several server processes, an implementation over PostgreSQL or Redis
// takes the memory one's place (DESIGN, "One process for now").

/** A slot held until released; refused with the time after which one should be free. */
export type Admission =
  | { ok: true; release(): Promise<void> }
  | { ok: false; limit: number; retryAfterSeconds: number };

export interface HeavyLimiter {
  /**
   * A slot for `key` (an actor) until released or until `deadline` (epoch ms), when the
   * work it admits is cancelled anyway: a slot whose release got lost frees itself.
   */
  acquire(key: string, deadline: number): Promise<Admission>;
}

/** One process's slots, in memory. */
export class MemoryHeavyLimiter implements HeavyLimiter {
  private readonly held = new Map<string, Set<{ deadline: number }>>();

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  async acquire(key: string, deadline: number): Promise<Admission> {
    const now = this.now();
    const slots = this.held.get(key) ?? new Set();
    for (const s of slots) if (s.deadline <= now) slots.delete(s);
    if (slots.size >= this.limit) {
      const earliest = Math.min(...[...slots].map((s) => s.deadline));
      return {
        ok: false,
        limit: this.limit,
        retryAfterSeconds: Math.max(1, Math.ceil((earliest - now) / 1000)),
      };
    }
    const slot = { deadline };
    slots.add(slot);
    this.held.set(key, slots);
    return {
      ok: true,
      release: async () => {
        slots.delete(slot);
        if (slots.size === 0 && this.held.get(key) === slots) this.held.delete(key);
      },
    };
  }

  /** Slots held by `key` now (for tests and diagnostics). */
  heldBy(key: string): number {
    const now = this.now();
    return [...(this.held.get(key) ?? [])].filter((s) => s.deadline > now).length;
  }
}
