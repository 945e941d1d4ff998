// Time for the machines module's timers, injectable: the server uses the real clock and
// setInterval; tests use a manual clock that runs due timers as it is advanced.

export interface Ticker {
  /** Runs `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => Promise<unknown> | unknown): () => void;
}

export const realTicker: Ticker = {
  every(ms, fn) {
    let running = false;
    const t = setInterval(() => {
      if (running) return; // a slow run is not overlapped by the next
      running = true;
      Promise.resolve()
        .then(fn)
        .catch(() => {})
        .finally(() => {
          running = false;
        });
    }, ms);
    t.unref();
    return () => clearInterval(t);
  },
};

/** A clock that moves only when told, running the timers that fall due on the way. */
export class ManualClock implements Ticker {
  private timers: Array<{ ms: number; next: number; fn: () => Promise<unknown> | unknown }> = [];

  constructor(private ms: number) {}

  now = (): Date => new Date(this.ms);

  every(ms: number, fn: () => Promise<unknown> | unknown): () => void {
    const timer = { ms, next: this.ms + ms, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves the clock on by `ms`, running each due timer (awaited) at its due time. */
  async advance(ms: number): Promise<void> {
    const until = this.ms + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.next <= until).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.ms = Math.max(this.ms, due.next);
      due.next += due.ms;
      await due.fn();
    }
    this.ms = until;
  }
}
