import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOperator, tagged } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { listEvents, verifyJournal } from './journal.ts';

/** The journal, for the operator: its events and the check of its chain. */
export const routes =
  ({ store }: { store: Store }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/journal',
      {
        schema: {
          ...tagged('journal'),
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
        return listEvents(store, {
          afterSeq: req.query.after,
          limit: req.query.limit,
          type: req.query.type,
          organisationId: req.query.organisation,
        });
      },
    );

    app.get(
      '/api/v1/journal/verify',
      { schema: { ...tagged('journal'), summary: 'Check the hash chain (operator)' } },
      async (req) => {
        requireOperator(req.actor);
        return verifyJournal(store);
      },
    );
  };
