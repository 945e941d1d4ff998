// Conditional reads. Every JSON answer to a GET carries a strong ETag (a hash of its body),
// and `If-None-Match` with it gets 304 without the body. A route that declares
// `config: { readCache: 'journal' }` is also answered from memory while the journal head and
// the date are what they were when its answer was made, for the same caller, language and
// URL: then neither its queries nor its serialisation run again.
import { hash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestLang } from '../model/index.ts';
import type { AnswerStore } from './answer-cache.ts';

export interface ConditionalReadOptions {
  store: AnswerStore;
  /** the data version: anything that changes whenever a cached answer may change */
  version: () => Promise<string>;
}

/** Answers depend on the caller and their language: caches must key on these. */
const VARY = ['Accept-Language', 'Cookie', 'Authorization'];

const isRead = (req: FastifyRequest) => req.method === 'GET' || req.method === 'HEAD';

/** RFC 9110 §13.1.2: `*`, or any listed tag equal to ours by weak comparison. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const ours = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === ours);
}

export const etagOf = (body: Buffer) => `"${hash('sha1', body, 'base64url')}"`;

function addVary(reply: FastifyReply) {
  const current = String(reply.getHeader('vary') ?? '');
  const have = new Set(current.split(',').map((v) => v.trim().toLowerCase()));
  const missing = VARY.filter((v) => !have.has(v.toLowerCase()));
  if (missing.length) reply.header('vary', [current, ...missing].filter(Boolean).join(', '));
}

/** Headers of a cacheable answer (and of its 304, which must carry the same ones). */
function validators(req: FastifyRequest, reply: FastifyReply, etag: string) {
  reply.header('etag', etag);
  addVary(reply);
  // no-cache: stored, but revalidated on every use; private: never in a shared cache
  if (!reply.hasHeader('cache-control'))
    reply.header(
      'cache-control',
      req.actor.kind === 'anonymous' ? 'no-cache' : 'private, no-cache',
    );
}

export function registerConditionalReads(app: FastifyInstance, options: ConditionalReadOptions) {
  const { store, version } = options;
  /** for a cacheable read: where its answer goes once made, and whether it came from memory */
  const pending = new WeakMap<FastifyRequest, { key: string; version: string; hit: boolean }>();

  // After validation (a bad query never reaches the cache) and after the caller is known.
  app.addHook('preHandler', async (req, reply) => {
    if (!isRead(req) || req.routeOptions.config.readCache !== 'journal') return;
    // The version is read before the handler runs, so an answer is never older than it.
    const v = await version();
    const key = `${req.url}\n${requestLang(req)}\n${JSON.stringify(req.actor)}`;
    const hit = store.get(key, v);
    pending.set(req, { key, version: v, hit: !!hit });
    if (!hit) return;
    validators(req, reply, hit.etag);
    if (noneMatch(req.headers['if-none-match'], hit.etag)) return reply.code(304).send();
    return reply.header('content-type', hit.contentType).send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!isRead(req) || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!/[/+]json\b/.test(contentType)) return payload;
    const p = pending.get(req);
    // Encoded to UTF-8 once, here: hashing the string and then writing it would encode a
    // large (Cyrillic) body twice, and encoding costs more than the hash itself.
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = p?.hit ? String(reply.getHeader('etag')) : etagOf(body);
    if (p && !p.hit) store.set(p.key, { version: p.version, etag, contentType, body });
    validators(req, reply, etag);
    if (!noneMatch(req.headers['if-none-match'], etag)) return body;
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return null;
  });
}
