import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
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
import { common } from '../model/index.ts';
import { modules, type Platform } from '../platform.ts';
import { MemoryAnswerStore } from './answer-cache.ts';
import { registerAuth } from './auth.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { registerConditionalReads } from './reads.ts';
import { createSerializerCompiler } from './serializer.ts';

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

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'digicluster API',
        version: '1',
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
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // swagger-ui's assets ship inside the package: the docs page loads nothing from outside.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { validatorUrl: null, deepLinking: true } as never,
    staticCSP: true,
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
    version: async () =>
      `${await journalHeadSeq(platform.store)}@${clock().toISOString().slice(0, 10)}`,
  });
  const routeOptions = { secureCookie: options.secureCookie ?? false };
  for (const m of modules) await app.register(m.routes(platform, routeOptions));

  const webDir = options.webDir ?? defaultWebDir;
  const hasWeb = existsSync(`${webDir}/index.html`);
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: true });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/')) {
      if (hasWeb) return reply.type('text/html').sendFile('index.html');
      return reply
        .type('text/html')
        .send(
          '<!doctype html><meta charset="utf-8"><title>digicluster</title><p>The web app is not built. Run <code>npm run build:web</code> (npm start does it for you). The API is at <a href="/api/docs">/api/docs</a>.</p>',
        );
    }
    return sendProblem(
      reply,
      req,
      'not_found',
      common.noRoute({ method: req.method, path: req.url.split('?')[0] }),
    );
  });
  return app;
}
