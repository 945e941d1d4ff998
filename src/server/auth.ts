import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, anonymousActor } from '../model/index.ts';
import { SESSION_COOKIE, type UserService } from '../registry/index.ts';
import { registerGuard } from './guard.ts';

/** Resolves the caller from the session cookie or an `Authorization: Bearer` API key on every request. */
export function registerAuth(app: FastifyInstance, users: UserService) {
  // an object cannot be a decoration's default (it would be shared): keep it per request
  const actors = new WeakMap<FastifyRequest, Actor>();
  app.decorateRequest('actor', {
    getter(this: FastifyRequest) {
      return actors.get(this) ?? anonymousActor;
    },
    setter(this: FastifyRequest, actor: Actor) {
      actors.set(this, actor);
    },
  });
  app.decorateRequest('user', null);
  app.decorateRequest('userLocale', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.actor = anonymousActor;
    req.user = null;
    req.userLocale = null;
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
        req.userLocale = found.user.locale;
      }
    }
  });
  // after the caller is known: anonymous writes to guarded routes stop here
  registerGuard(app);
}
