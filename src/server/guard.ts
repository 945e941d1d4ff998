// Authentication before anything costly (finding F7): an anonymous write to a route that is
// not public is refused before its body is read, and anonymous bodies are kept small.
// Then every parsed input is checked once for what no schema should have to (F10, F11):
// nesting deeper than any real request, and control characters, named by their field.
import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { common, invalid, unauthenticated } from '../model/index.ts';
import { messages } from './messages.ts';

/** Bytes an anonymous caller may send (an application with its admin fits easily). */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;

/** Public routes say so in their OpenAPI options (`security: []`), which the docs show too. */
function isPublic(req: FastifyRequest): boolean {
  const security = (req.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
  return Array.isArray(security) && security.length === 0;
}

/** Deeper than any request of this API (a listing with quality ranges is about 4). */
export const MAX_DEPTH = 32;
// C0 controls and DEL but tab, line feed and carriage return: PostgreSQL refuses NUL, SQLite
// would store it, and none belongs in a name or a note.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The first problem in a parsed input, walked without recursion so depth cannot overflow
 * the stack: 'deep', the dotted path of a string (or key) holding a control character, or null.
 */
export function inspectInput(value: unknown, prefix = ''): 'deep' | { field: string } | null {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [
    { v: value, path: prefix, depth: 0 },
  ];
  while (stack.length) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    if (typeof v === 'string') {
      if (control.test(v)) return { field: path || 'body' };
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_DEPTH) return 'deep';
    for (const [k, child] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      if (control.test(k)) return { field: at };
      stack.push({ v: child, path: at, depth: depth + 1 });
    }
  }
  return null;
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
  app.addHook('preValidation', async (req) => {
    for (const [value, prefix] of [
      [req.params, 'params'],
      [req.query, 'querystring'],
      [req.body, ''],
    ] as const) {
      const found = inspectInput(value, prefix);
      if (found === 'deep') throw invalid(messages.tooDeep({ max: MAX_DEPTH }));
      if (found)
        throw invalid(common.invalidInput(), [
          { field: found.field, message: messages.controlCharacter() },
        ]);
    }
  });
}
