import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, LoginInput, User, UserPatch, unauthenticated } from '../../model/index.ts';
import type { Platform } from '../../platform.ts';
import { type LoginLimiter, SESSION_COOKIE } from '../auth.ts';

export const authRoutes =
  (platform: Platform, limiter: LoginLimiter, secureCookie: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Log in with e-mail and password; sets an HttpOnly session cookie',
          body: LoginInput,
          response: { 200: User },
        },
      },
      async (req, reply) => {
        const { email, password } = req.body;
        limiter.check(email, req.ip);
        const user = await platform.users.authenticate(email, password);
        if (!user) {
          limiter.fail(email, req.ip);
          throw unauthenticated('Wrong e-mail or password, or the account is not active');
        }
        limiter.succeed(email);
        const session = await platform.users.openSession(user.id);
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookie,
          path: '/',
          expires: new Date(session.expiresAt),
        });
        return user;
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'Log out: ends the session',
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await platform.users.closeSession(token);
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
        schema: {
          tags: ['auth'],
          summary: 'Change your own name or language',
          body: UserPatch.pick({ name: true, locale: true }),
          response: { 200: User },
        },
      },
      async (req) => {
        if (req.actor.kind === 'apikey') throw forbidden('An API key has no user to change');
        if (!req.user) throw unauthenticated();
        return platform.users.updateUser(req.actor, req.user.id, req.body);
      },
    );
  };
