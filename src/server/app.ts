import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { journalHeadSeq } from '../journal/index.ts';
import { clusterDay } from '../model/days.ts';
import { common } from '../model/index.ts';
import { modules, type Platform } from '../platform.ts';
import { MemoryAnswerStore } from './answer-cache.ts';
import { registerAuth } from './auth.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { registerConditionalReads } from './reads.ts';
import { createSerializerCompiler } from './serializer.ts';

/**
 * One strict policy for the web app and the API docs (security review F1, F12): scripts and
 * styles only from our own files, no inline code or `style` attributes in markup, nothing
 * from other hosts, no plugins, no framing. Inline data: images are Leaflet's and Swagger
 * UI's icons. No `upgrade-insecure-requests`: a plain-HTTP deployment in the region's network
 * would break.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/**
 * The API docs page (its document is in English) reads /api/openapi.json, the document's address the README and clients
 * use (user walk L9). swagger-ui-fastify's start-up script always passes `./json`, so this file,
 * loaded after it and before the page's `load`, wraps the constructor to put the address back.
 */
const docsScript = `(function () {
  // swagger-ui-fastify's page has no viewport: a phone would lay it out 980 px wide
  var viewport = document.createElement('meta');
  viewport.name = 'viewport';
  viewport.content = 'width=device-width, initial-scale=1';
  document.head.appendChild(viewport);
  var original = window.SwaggerUIBundle;
  if (!original) return;
  var wrapped = function (config) {
    return original(Object.assign({}, config, { url: new URL('/api/openapi.json', location.href).href }));
  };
  Object.keys(original).forEach(function (key) { wrapped[key] = original[key]; });
  window.SwaggerUIBundle = wrapped;
})();
`;

/** A little of the app's look on the docs page: its font and a calmer header. */
const docsStyle = `body { margin: 0; background: #fafbfc; }
.swagger-ui .info { margin: 24px 0; }
.swagger-ui .info .title small { vertical-align: middle; }
`;

/** The app's icon (web/public/favicon.svg), so that the docs tab is not the stock one. */
const docsFavicon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f3a5f"/><circle cx="10" cy="11" r="4" fill="#f2b134"/><circle cx="22" cy="11" r="4" fill="#5cb8a8"/><circle cx="16" cy="22" r="4" fill="#e8eef5"/><path d="M10 11 22 11 16 22Z" fill="none" stroke="#e8eef5" stroke-width="1.5"/></svg>';

/**
 * `Cache-Control` of a file of the web app in `webDir`: Vite's hashed assets (`assets/`) never
 * change, so they are immutable; index.html and the rest are revalidated on every load.
 */
export function webCacheControl(webDir: string, file: string): string {
  const inAssets = relative(webDir, file).split(sep)[0] === 'assets';
  return inAssets ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export interface ServerOptions {
  logLevel?: string;
  /** folder of the built web app; defaults to web/dist */
  webDir?: string;
  secureCookie?: boolean;
  /** behind a load balancer: the client address comes from X-Forwarded-For */
  trustProxy?: boolean;
  /** tests: encode every answer with zod as well, and fail where the compiled serializer differs */
  checkResponses?: boolean;
  /** bytes of answers kept for routes marked `readCache` (default 32 MiB) */
  answerCacheBytes?: number;
  /** today's date for the answer cache's version (tests move it) */
  clock?: () => Date;
}

const defaultWebDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function buildServer(
  platform: Platform,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'warn' },
    bodyLimit: 20 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ checkAgainstZod: options.checkResponses }));
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    // the docs and the app load only same-origin files; nothing to isolate from
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' }, // as frame-ancestors 'none', for browsers without CSP 2
  });
  // brotli or gzip for the API and the web app; event streams must reach the client unbuffered
  const compression = {
    encodings: ['br', 'gzip'] as Array<'br' | 'gzip'>,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    customTypes:
      /^(?:text\/(?!event-stream)|application\/(?:.+\+)?(?:json|javascript|xml)|image\/svg)/,
  };
  // a bulk answer (2.6 MB for a 30-day minute series) at the fastest levels: measured on it,
  // brotli 1 gives 520 kB in 12 ms where brotli 4 gives 496 kB in 44 ms (gzip 1: 16 ms).
  // Set before the plugin's own hook reads the route's options.
  app.addHook('onRoute', (route) => {
    if (route.config?.bulkAnswer)
      route.compress = {
        ...compression,
        brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 }, chunkSize: 1 << 20 },
        zlibOptions: { level: 1, chunkSize: 1 << 20 },
      };
  });
  await app.register(compress, compression);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'digicluster API',
        version: '1',
        license: { name: 'MIT', identifier: 'MIT' },
        description:
          'The digital core of a mineral-resource cluster. Errors are RFC 9457 problem+json with `errors` naming each bad field. Log in at /api/v1/auth/login (session cookie) or send an API key as `Authorization: Bearer`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dc_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
      // relative: the document is right wherever the server is reached (proxy, port)
      servers: [{ url: '/', description: 'This digicluster server' }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => completeOpenApi(jsonSchemaTransformObject(input)),
  });
  // swagger-ui's assets ship inside the package: the docs page loads nothing from outside.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // BaseLayout: no top bar, whose logo is an SVG with an inline <style> (a CSP violation)
    // and whose box would load any URL's document into the page
    // docExpansion none: the groups are listed folded (some 140 operations; swagger-ui 5 also
    // stops drawing the fully unfolded list past about 130 of them)
    uiConfig: {
      validatorUrl: null,
      deepLinking: true,
      layout: 'BaseLayout',
      docExpansion: 'none',
    } as never,
    // our icon, not fastify's (user walk L9), should a top bar ever come back
    logo: { type: 'image/svg+xml', content: docsFavicon },
    theme: {
      title: 'digicluster API reference',
      favicon: [
        {
          filename: 'favicon.svg',
          rel: 'icon',
          sizes: 'any',
          type: 'image/svg+xml',
          content: docsFavicon,
        },
      ],
      // files, not inline code: the strict CSP stays as it is (security review F12)
      js: [{ filename: 'digicluster-docs.js', content: docsScript }],
      css: [{ filename: 'digicluster-docs.css', content: docsStyle }],
    },
    // helmet's policy covers the docs too: the page has no inline script or style, and
    // swagger-ui's own static policy would allow `https:` styles and framing by ourselves
    staticCSP: false,
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    { schema: { tags: ['health'], security: [], summary: 'Liveness and the database dialect' } },
    async () => ({
      status: 'ok',
      database: platform.store.dialect,
      journalSeq: await journalHeadSeq(platform.store),
    }),
  );

  registerAuth(app, platform.users);
  const clock = options.clock ?? (() => new Date());
  registerConditionalReads(app, {
    store: new MemoryAnswerStore(options.answerCacheBytes),
    // both days: an answer may turn on the cluster's (a listing's expiry) or on UTC's
    version: async () => {
      const now = clock();
      return `${await journalHeadSeq(platform.store)}@${now.toISOString().slice(0, 10)}/${clusterDay(now.getTime())}`;
    },
  });
  const routeOptions = { secureCookie: options.secureCookie ?? false };
  for (const m of modules) await app.register(m.routes(platform, routeOptions));

  const webDir = options.webDir ?? defaultWebDir;
  const hasWeb = existsSync(`${webDir}/index.html`);
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', webCacheControl(webDir, path)),
    });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    // a missing file (an old build's code under an open tab) is 404, not the app's page: a
    // browser would refuse that page as a script and blank the app instead of saying it changed
    const file = path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);
    if (req.method === 'GET' && !path.startsWith('/api/') && !file) {
      if (hasWeb)
        return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
      return reply
        .type('text/html')
        .send(
          '<!doctype html><meta charset="utf-8"><title>digicluster</title><p>The web app is not built. Run <code>npm run build:web</code> (npm start does it for you). The API is at <a href="/api/docs">/api/docs</a>.</p>',
        );
    }
    return sendProblem(reply, req, 'not_found', common.noRoute({ method: req.method, path }));
  });
  return app;
}

type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { in?: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};

const problemSchema = {
  type: 'object',
  description: "RFC 9457 problem details, worded in the caller's language",
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'the message code, stable across languages' },
    params: { type: 'object', additionalProperties: true },
    errors: {
      type: 'array',
      description: 'each bad field',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string' },
          label: { type: 'string' },
          line: { type: 'integer' },
          section: { type: 'string' },
          code: { type: 'string' },
          params: { type: 'object', additionalProperties: true },
          message: { type: 'string' },
        },
      },
    },
  },
} as const;

const problemResponses: Record<string, string> = {
  '400': 'The request is malformed or a field is invalid (`errors` names each)',
  '401': 'Not logged in, or the API key is unknown or revoked',
  '403': 'The caller may not do this',
  '404': 'No such record, or it is not visible to the caller',
  '409': 'The change conflicts with the current state',
  '413': 'The body is too large',
  '415': 'The content type is not accepted',
  '429': 'Too many requests; `Retry-After` says when to try again',
};

/** `GET /api/v1/organisations/{id}/sites` → `getOrganisationsByIdSites`: stable, readable ids. */
function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((w) => w && w !== 'api' && !/^v\d+$/.test(w))
    .flatMap((w) => {
      const param = /^\{(.+)\}$/.exec(w);
      return param ? ['by', ...param[1].split(/[^A-Za-z0-9]+/)] : w.split(/[^A-Za-z0-9]+/);
    })
    .filter(Boolean);
  return [method, ...words.map((w) => w[0].toUpperCase() + w.slice(1))].join('');
}

/**
 * What every operation of the document carries for clients and linters: an `operationId`,
 * and the problem+json answers it can give (a shared `Problem` schema) beside its own.
 */
export function completeOpenApi<T>(document: T): T {
  const doc = document as {
    security?: unknown[];
    paths?: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
  };
  doc.components ??= {};
  doc.components.schemas = { ...doc.components.schemas, Problem: problemSchema };
  doc.components.responses = {
    ...doc.components.responses,
    ...Object.fromEntries(
      Object.entries(problemResponses).map(([status, description]) => [
        `Problem${status}`,
        {
          description,
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          },
        },
      ]),
    ),
  };
  const used = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) continue;
      let id = op.operationId ?? operationIdOf(method, path);
      for (let n = 2; used.has(id); n++) id = `${operationIdOf(method, path)}${n}`;
      used.add(id);
      op.operationId = id;
      const secured = (op.security ?? doc.security ?? []).length > 0;
      const statuses = ['400', '404', '429'];
      if (secured) statuses.push('401', '403');
      if (method !== 'get' && method !== 'head') statuses.push('409');
      if (op.requestBody) statuses.push('413', '415');
      op.responses ??= {};
      for (const status of statuses.sort())
        op.responses[status] ??= { $ref: `#/components/responses/Problem${status}` };
    }
  return document;
}
