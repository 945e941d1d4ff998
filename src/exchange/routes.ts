import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, journalCached, requestLang } from '../model/index.ts';
import {
  CompatibilityRow,
  Listing,
  ListingFilter,
  ListingInput,
  ListingPatch,
  MatchInbox,
  MatchProposal,
  Plan,
  PlanRequest,
  SavedPlan,
} from './schema.ts';
import type { ExchangeService } from './service.ts';

const Decision = z
  .object({
    side: z
      .enum(['supply', 'demand'])
      .optional()
      .describe(
        'the operator may name the side it decides for (default: every pending side); others decide for every side their organisation holds',
      ),
  })
  .meta({ id: 'MatchDecisionBody' });
const tags = (tag: string) => ({ tags: [tag] });
const publicTags = (tag: string) => ({ tags: [tag], security: [] });

/** Listings, the compatibility table, plans and match proposals. */
export const routes =
  ({ exchange }: { exchange: ExchangeService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/listings',
      {
        ...journalCached,
        schema: {
          ...publicTags('listings'),
          summary: 'Offers and requests you may see, with filters (anonymous holders hidden)',
          querystring: ListingFilter,
          response: { 200: z.array(Listing) },
        },
      },
      async (req) => exchange.listListings(req.actor, req.query),
    );

    app.get(
      '/api/v1/listings/:id',
      {
        ...journalCached,
        schema: {
          ...publicTags('listings'),
          summary: 'One listing',
          params: IdParam,
          response: { 200: Listing },
        },
      },
      async (req) => exchange.getListing(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/listings',
      {
        schema: {
          ...tags('listings'),
          summary: "Create an offer or request at one of your organisation's sites (member)",
          body: ListingInput,
          response: { 201: Listing },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await exchange.createListing(req.actor, req.body)),
    );

    app.patch(
      '/api/v1/listings/:id',
      {
        schema: {
          ...tags('listings'),
          summary: 'Change a draft or active listing (its organisation or the operator)',
          params: IdParam,
          body: ListingPatch,
          response: { 200: Listing },
        },
      },
      async (req) => exchange.updateListing(req.actor, req.params.id, req.body),
    );

    app.post(
      '/api/v1/listings/:id/publish',
      {
        schema: {
          ...tags('listings'),
          summary: 'Publish a draft listing (draft → active)',
          params: IdParam,
          response: { 200: Listing },
        },
      },
      async (req) => exchange.publishListing(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/listings/:id/withdraw',
      {
        schema: {
          ...tags('listings'),
          summary: 'Withdraw an active listing (active → withdrawn)',
          params: IdParam,
          response: { 200: Listing },
        },
      },
      async (req) => exchange.withdrawListing(req.actor, req.params.id),
    );

    app.get(
      '/api/v1/exchange/compatibility',
      {
        ...journalCached,
        schema: {
          ...publicTags('exchange'),
          summary: 'Which material serves which request, with the yield and its source',
          response: { 200: z.array(CompatibilityRow) },
        },
      },
      async () => exchange.compatibility(),
    );

    app.post(
      '/api/v1/exchange/plan',
      {
        schema: {
          ...tags('exchange'),
          summary:
            'Plan the exchange over the live listings: the exact optimum, its impact and robustness',
          body: PlanRequest,
          response: { 200: Plan },
        },
      },
      async (req) => exchange.plan(req.actor, req.body, requestLang(req)),
    );

    app.post(
      '/api/v1/exchange/plans',
      {
        schema: {
          ...tags('exchange'),
          summary: 'Plan and save: each flow becomes a match proposal to both holders (member)',
          body: PlanRequest,
          response: { 201: SavedPlan },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await exchange.savePlan(req.actor, req.body, requestLang(req))),
    );

    app.get(
      '/api/v1/exchange/plans/:id',
      {
        schema: {
          ...tags('exchange'),
          summary: 'A saved plan',
          params: IdParam,
          response: { 200: Plan },
        },
      },
      async (req) => exchange.getPlan(req.actor, req.params.id, requestLang(req)),
    );

    app.get(
      '/api/v1/matches',
      {
        schema: {
          ...tags('matches'),
          summary: "Your organisation's match proposals (the operator: all)",
          querystring: z.object({ plan: z.string().optional() }),
          response: { 200: z.array(MatchProposal) },
        },
      },
      async (req) => exchange.listMatches(req.actor, { planId: req.query.plan }),
    );

    app.get(
      '/api/v1/matches/inbox',
      {
        schema: {
          ...tags('matches'),
          summary: 'How many proposals wait for your decision (the header badge)',
          response: { 200: MatchInbox },
        },
      },
      async (req) => exchange.matchInbox(req.actor),
    );

    app.get(
      '/api/v1/matches/:id',
      {
        schema: {
          ...tags('matches'),
          summary: 'One match proposal',
          params: IdParam,
          response: { 200: MatchProposal },
        },
      },
      async (req) => exchange.getMatch(req.actor, req.params.id),
    );

    for (const verb of ['accept', 'decline'] as const) {
      app.post(
        `/api/v1/matches/:id/${verb}`,
        {
          schema: {
            ...tags('matches'),
            summary:
              verb === 'accept'
                ? 'Accept a proposal for your side; when both accept, anonymous holders are revealed to each other'
                : 'Decline a proposal for your side',
            params: IdParam,
            body: Decision.optional(),
            response: { 200: MatchProposal },
          },
        },
        async (req) =>
          exchange.decideMatch(req.actor, req.params.id, verb === 'accept', req.body ?? {}),
      );
    }
  };
