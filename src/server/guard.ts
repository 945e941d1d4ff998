// Authentication before anything costly (finding F7): an anonymous write to a route that is
// not public is refused before its body is read, and anonymous bodies are kept small.
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthenticated } from '../model/index.ts';

/** Bytes an anonymous caller may send (an application with its admin fits easily). */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;

/** Public routes say so in their OpenAPI options (`security: []`), which the docs show too. */
function isPublic(req: FastifyRequest): boolean {
  const security = (req.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
  return Array.isArray(security) && security.length === 0;
}

const tooLarge = () => Object.assign(new Error('body too large'), { statusCode: 413 });

/** Must run after the hook that resolves `req.actor` (registerAuth calls it). */
export function registerGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (req.actor.kind !== 'anonymous') return;
    // reads carry no body; their own checks decide what a visitor sees
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    if (!req.routeOptions.url) return; // no such route: the 404 answers
    if (!isPublic(req)) throw unauthenticated();
  });
  app.addHook('preParsing', async (req, _reply, payload) => {
    if (req.actor.kind !== 'anonymous') return payload;
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > ANONYMOUS_BODY_LIMIT) throw tooLarge();
    if (Number.isFinite(declared)) return payload; // Fastify checks the length it was told
    // chunked: count as it streams
    let seen = 0;
    const capped = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen > ANONYMOUS_BODY_LIMIT) done(tooLarge());
        else done(null, chunk);
      },
    });
    payload.on('error', (e) => capped.destroy(e));
    return payload.pipe(capped);
  });
}
