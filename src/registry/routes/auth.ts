import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, unauthenticated } from '../../model/index.ts';
import type { LoginLimiter } from '../login-limiter.ts';
import { messages } from '../messages.ts';
import { LoginInput, PasswordChange, User, UserPatch } from '../schema.ts';
import type { UserService } from '../users.ts';
import { hashingRouteLimit, loginRouteLimit } from './limits.ts';

/** A person's name, where the registry's `name` label (an organisation's «Название») is wrong. */
export const personLabels = { fieldLabels: { name: { en: 'Name', ru: 'Имя' } } };

/** The session cookie: HttpOnly, SameSite=Strict; only the sha256 of its token is stored. */
export const SESSION_COOKIE = 'dc_session';

/** Sets the session cookie of a session just opened (login, an accepted invitation). */
export function setSessionCookie(
  reply: FastifyReply,
  session: { token: string; expiresAt: string },
  secureCookie: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookie,
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the logged-in user, when the caller is one (set by the server's auth hook) */
    user: User | null;
  }
}

export const authRoutes =
  (
    { users, loginLimiter }: { users: UserService; loginLimiter: LoginLimiter },
    { secureCookie }: { secureCookie: boolean },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const limiter = loginLimiter;
    app.post(
      '/api/v1/auth/login',
      {
        config: loginRouteLimit,
        schema: {
          tags: ['auth'],
          security: [],
          summary: 'Log in with e-mail and password; sets an HttpOnly session cookie',
          body: LoginInput,
          response: { 200: User },
        },
      },
      async (req, reply) => {
        const { email, password } = req.body;
        limiter.check(email, req.ip);
        const user = await users.authenticate(email, password);
        if (!user) {
          limiter.fail(email, req.ip);
          throw unauthenticated(messages.wrongLogin());
        }
        limiter.succeed(email, req.ip);
        setSessionCookie(reply, await users.openSession(user.id), secureCookie);
        return user;
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        schema: {
          tags: ['auth'],
          security: [],
          summary: 'Log out: ends the session',
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await users.closeSession(token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'Who is calling: the logged-in user (null when anonymous) and the actor',
          response: {
            200: z.object({
              user: User.nullable(),
              actor: z.object({
                kind: z.string(),
                id: z.string(),
                organisationId: z.string().nullable(),
                role: z.string().nullable(),
                member: z
                  .boolean()
                  .optional()
                  .describe('false: the organisation is not a current member; read only'),
              }),
            }),
          },
        },
      },
      async (req) => {
        // Asking who you are is no error when you are nobody: the web app asks on every visit.

        return { user: req.user, actor: req.actor };
      },
    );

    app.patch(
      '/api/v1/auth/me',
      {
        config: personLabels,
        schema: {
          tags: ['auth'],
          summary: 'Change your own name or language',
          body: UserPatch.pick({ name: true, locale: true }),
          response: { 200: User },
        },
      },
      async (req) => {
        if (req.actor.kind === 'apikey') throw forbidden(messages.apiKeyHasNoUser());
        if (!req.user) throw unauthenticated();
        return users.updateUser(req.actor, req.user.id, req.body);
      },
    );

    /** The caller's own session: a user logged in with a cookie (an API key has no password). */
    const ownSession = (req: FastifyRequest) => {
      if (req.actor.kind === 'apikey') throw forbidden(messages.apiKeyHasNoUser());
      const token = req.cookies[SESSION_COOKIE];
      if (!req.user || !token) throw unauthenticated();
      return { user: req.user, token };
    };

    app.post(
      '/api/v1/auth/password',
      {
        config: hashingRouteLimit,
        schema: {
          tags: ['auth'],
          summary: 'Change your password, given the current one; your other sessions end',
          body: PasswordChange,
          response: { 200: User },
        },
      },
      async (req) => {
        const { user, token } = ownSession(req);
        return users.changePassword(user.id, token, req.body);
      },
    );

    app.post(
      '/api/v1/auth/sessions/end-others',
      {
        schema: {
          tags: ['auth'],
          summary: 'Log out everywhere else: ends every session of yours but this one',
          response: { 200: z.object({ ended: z.number() }) },
        },
      },
      async (req) => {
        const { user, token } = ownSession(req);
        return { ended: await users.endOtherSessions(user.id, token) };
      },
    );
  };
