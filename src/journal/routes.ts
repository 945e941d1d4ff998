import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOperator, tagged } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { ChainVerdict, JournalEntry, JournalQuery } from './schema.ts';
import { listEvents, verifyJournal } from './service.ts';

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
          querystring: JournalQuery,
          response: { 200: z.array(JournalEntry) },
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
      {
        schema: {
          ...tagged('journal'),
          summary: 'Check the hash chain (operator)',
          response: { 200: ChainVerdict },
        },
      },
      async (req) => {
        requireOperator(req.actor);
        return verifyJournal(store);
      },
    );
  };
