// Governance's HTTP routes (none yet).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const routes = (): FastifyPluginAsyncZod => async () => {};
