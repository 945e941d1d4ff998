// What every module's routes know of a request: who is acting and in which language to answer.
// The server's auth hook fills these in before any route runs.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from './actor.ts';
import type { Lang } from './messages.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'journal': the answer is a function of the journaled state (every write is a journal
     * event), the caller, the language, the URL and today's date (UTC's or the cluster's) and
     * nothing else, so the server may answer it again from memory while the journal head and
     * both dates stay the same (src/server/reads.ts).
     */
    readCache?: 'journal';
    /**
     * The answer can be megabytes (a 30-day telemetry series by minute): the server compresses
     * it at the fastest level instead of the default (src/server/app.ts).
     */
    bulkAnswer?: boolean;
    /**
     * Names this route's fields go by where the module-wide label means something else
     * (a person's `name` is «Имя», an organisation's «Название»): by the field's last segment.
     */
    fieldLabels?: Readonly<Record<string, { readonly en: string; readonly ru: string }>>;
  }
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

/** Route options of a read that depends on journaled state only: see `readCache`. */
export const journalCached = { config: { readCache: 'journal' as const } };

/** Route options of a read whose answer can be megabytes: see `bulkAnswer`. */
export const bulkAnswer = { config: { bulkAnswer: true } };

/** Route options shared by the modules: the OpenAPI tag, and no security on public reads. */
export const tagged = (tag: string) => ({ tags: [tag] });
export const publicTagged = (tag: string) => ({ tags: [tag], security: [] });

/** The `:id` of a resource path. */
export const IdParam = z.object({ id: z.string().min(1).max(100) });
