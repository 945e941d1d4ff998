import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listEvents, verifyJournal } from '../../journal/index.ts';
import type { Platform } from '../../platform.ts';
import { requireOperator } from '../../registry/index.ts';

export const journalRoutes =
  (platform: Platform): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/journal',
      {
        schema: {
          tags: ['journal'],
          summary: 'Domain events, oldest first (operator)',
          querystring: z.object({
            after: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
            limit: z.coerce.number().int().min(1).max(5000).default(200),
            type: z.string().optional(),
            organisation: z.string().optional(),
          }),
        },
      },
      async (req) => {
        requireOperator(req.actor);
        return listEvents(platform.store, {
          afterSeq: req.query.after,
          limit: req.query.limit,
          type: req.query.type,
          organisationId: req.query.organisation,
        });
      },
    );

    app.get(
      '/api/v1/journal/verify',
      { schema: { tags: ['journal'], summary: 'Check the hash chain (operator)' } },
      async (req) => {
        requireOperator(req.actor);
        return verifyJournal(platform.store);
      },
    );
  };
