import { tooManyRequests } from '../model/index.ts';
import { messages } from './messages.ts';

/** Counts failed logins; per-process state behind this interface, so a shared store can replace it. */
export interface LoginLimiter {
  /** throws 429 when the e-mail or the address has failed too often lately */
  check(email: string, ip: string, now?: number): void;
  fail(email: string, ip: string, now?: number): void;
  succeed(email: string): void;
}

/**
 * Failed logins per e-mail and per client address within a window; past the limit the
 * login answers 429 until the window passes. Kept in memory: one process per limiter.
 */
export class MemoryLoginLimiter implements LoginLimiter {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number) {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(key, list);
    return list;
  }

  check(email: string, ip: string, now = Date.now()) {
    for (const key of [`e:${email.toLowerCase()}`, `i:${ip}`]) {
      const list = this.recent(key, now);
      if (list.length >= (key.startsWith('i:') ? this.max * 4 : this.max)) {
        const retry = Math.ceil((list[0] + this.windowMs - now) / 1000);
        throw tooManyRequests(messages.tooManyLogins({ seconds: retry }), retry);
      }
    }
  }

  fail(email: string, ip: string, now = Date.now()) {
    for (const key of [`e:${email.toLowerCase()}`, `i:${ip}`]) this.recent(key, now).push(now);
    // Forget keys whose failures have all aged out, so guessing many e-mails cannot grow the map for ever.
    if (this.failures.size > 10_000) {
      for (const [key, times] of this.failures) {
        if (times.every((t) => now - t >= this.windowMs)) this.failures.delete(key);
      }
    }
  }

  /** How many keys are tracked (for tests). */
  get size() {
    return this.failures.size;
  }

  succeed(email: string) {
    this.failures.delete(`e:${email.toLowerCase()}`);
  }
}
