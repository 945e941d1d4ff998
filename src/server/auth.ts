import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, anonymousActor, tooManyRequests, type User } from '../model/index.ts';
import type { UserService } from '../registry/index.ts';

export const SESSION_COOKIE = 'dc_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    user: User | null;
  }
}

/** Resolves the caller from the session cookie or an `Authorization: Bearer` API key on every request. */
export function registerAuth(app: FastifyInstance, users: UserService) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.actor = anonymousActor;
    req.user = null;
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      const actor = await users.actorForApiKey(bearer);
      if (actor) req.actor = actor;
      return;
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) {
      const found = await users.actorForSession(cookie);
      if (found) {
        req.actor = found.actor;
        req.user = found.user;
      }
    }
  });
}

/**
 * Failed logins per e-mail and per client address within a window; past the limit the
 * login answers 429 until the window passes. Kept in memory: one process per limiter.
 */
export class LoginLimiter {
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
        throw tooManyRequests(`Too many failed logins; try again in ${retry} s`);
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
