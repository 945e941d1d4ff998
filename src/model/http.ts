// What every module's routes know of a request: who is acting and in which language to answer.
// The server's auth hook fills these in before any route runs.
import type { Actor } from './actor.ts';
import type { Lang } from './messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** the logged-in user's saved language, when the caller is a user */
    userLocale: Lang | null;
  }
}

/** Route options shared by the modules: the OpenAPI tag, and no security on public reads. */
export const tagged = (tag: string) => ({ tags: [tag] });
export const publicTagged = (tag: string) => ({ tags: [tag], security: [] });
