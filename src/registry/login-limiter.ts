import { tooManyRequests } from '../model/index.ts';
import { messages } from './messages.ts';

/** Slows down password guessing; per-process state behind this interface, so a shared store can replace it. */
export interface LoginLimiter {
  /** throws 429 while this e-mail from this address must wait before its next try */
  check(email: string, ip: string, now?: number): void;
  fail(email: string, ip: string, now?: number): void;
  /** the right password: this e-mail from this address starts afresh */
  succeed(email: string, ip: string): void;
}

export interface BackoffOptions {
  /** failures of one e-mail from one address before any wait */
  free: number;
  /** the first wait; each further failure doubles it */
  baseMs: number;
  /** the longest wait */
  maxMs: number;
  /** failures are forgotten this long after the last one */
  forgetMs: number;
}

const defaults: BackoffOptions = {
  free: 5,
  baseMs: 2_000,
  maxMs: 5 * 60_000,
  forgetMs: 60 * 60_000,
};

/**
 * Exponential back-off per (e-mail, address) pair (F6). Counting the pair, not the e-mail,
 * means nobody can lock a victim out by knowing their e-mail: the victim's own address
 * has its own count. Nothing counts per address alone (behind a proxy every client
 * shares one), and a wait always ends, after which the right password gets in and clears
 * the count. Guessing one e-mail from one address slows to one try per `maxMs`.
 */
export class MemoryLoginLimiter implements LoginLimiter {
  private readonly options: BackoffOptions;
  private failures = new Map<string, { count: number; last: number }>();
  constructor(options: Partial<BackoffOptions> = {}) {
    this.options = { ...defaults, ...options };
  }

  private key(email: string, ip: string) {
    return `${email.trim().toLowerCase()}\n${ip}`;
  }

  /** ms to wait after the last failure, for so many failures */
  private waitMs(count: number) {
    const { free, baseMs, maxMs } = this.options;
    if (count < free) return 0;
    return Math.min(maxMs, baseMs * 2 ** Math.min(30, count - free));
  }

  check(email: string, ip: string, now = Date.now()) {
    const f = this.failures.get(this.key(email, ip));
    if (!f) return;
    const until = f.last + this.waitMs(f.count);
    if (now < until) {
      const retry = Math.ceil((until - now) / 1000);
      throw tooManyRequests(messages.tooManyLogins({ seconds: retry }), retry);
    }
  }

  fail(email: string, ip: string, now = Date.now()) {
    const key = this.key(email, ip);
    const f = this.failures.get(key);
    const fresh = !f || now - f.last >= this.options.forgetMs;
    this.failures.set(key, { count: fresh ? 1 : f.count + 1, last: now });
    // Forget pairs idle for long, so guessing many e-mails cannot grow the map for ever.
    if (this.failures.size > 10_000) {
      for (const [k, v] of this.failures)
        if (now - v.last >= this.options.forgetMs) this.failures.delete(k);
    }
  }

  /** How many pairs are tracked (for tests). */
  get size() {
    return this.failures.size;
  }

  succeed(email: string, ip: string) {
    this.failures.delete(this.key(email, ip));
  }
}
