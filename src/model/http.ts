// What every module's routes know of a request: who is acting and in which language to answer.
// The server's auth hook fills these in before any route runs.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from './actor.ts';
import type { Lang } from './messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** the logged-in user's saved language, when the caller is a user */
    userLocale: Lang | null;
  }
}

/** The language of the answer: Accept-Language (the web app sends its UI language), then the user's setting. */
export function requestLang(req: FastifyRequest): Lang {
  const first = req.headers['accept-language']?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('ru')) return 'ru';
  if (first.startsWith('en')) return 'en';
  return req.userLocale ?? 'en';
}

/** Route options shared by the modules: the OpenAPI tag, and no security on public reads. */
export const tagged = (tag: string) => ({ tags: [tag] });
export const publicTagged = (tag: string) => ({ tags: [tag], security: [] });

/** The `:id` of a resource path. */
export const IdParam = z.object({ id: z.string().min(1).max(100) });
