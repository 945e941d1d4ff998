// HTTP routes of sharing between companies: grants on a device, the caller's grants (given
// and received), revocation, and a grant's usage log.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '../../model/index.ts';
import type { MachinesService } from '../service.ts';
import { Grant, GrantInput, GrantListQuery, GrantUsage, ListedGrant } from './schema.ts';

const tags = { tags: ['machines'] };

export const grantRoutes =
  ({ machines }: { machines: MachinesService }): FastifyPluginAsyncZod =>
  async (app) => {
    const grants = machines.grants;

    app.post(
      '/api/v1/devices/:id/grants',
      {
        schema: {
          ...tags,
          summary:
            "Share chosen keys of your organisation's device with another organisation (org admin): points in [from, to), for a purpose, until revoked",
          params: IdParam,
          body: GrantInput,
          response: { 201: Grant },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await grants.grant(req.actor, req.params.id, req.body)),
    );

    app.get(
      '/api/v1/devices/:id/grants',
      {
        schema: {
          ...tags,
          summary: "The device's grants, revoked ones too (its organisation's users)",
          params: IdParam,
          response: { 200: z.array(Grant) },
        },
      },
      async (req) => grants.ofDevice(req.actor, req.params.id),
    );

    app.get(
      '/api/v1/grants',
      {
        schema: {
          ...tags,
          summary:
            "Grants your organisation gave to others and received from them, with each device's name and profile",
          querystring: GrantListQuery,
          response: { 200: z.array(ListedGrant) },
        },
      },
      async (req) => grants.list(req.actor, req.query.role),
    );

    app.get(
      '/api/v1/grants/:id',
      {
        schema: {
          ...tags,
          summary: "One grant (the owner's and the grantee's users)",
          params: IdParam,
          response: { 200: Grant },
        },
      },
      async (req) => grants.get(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/grants/:id/revoke',
      {
        schema: {
          ...tags,
          summary: "Revoke a grant at once (the owner's org admin)",
          params: IdParam,
          response: { 200: Grant },
        },
      },
      async (req) => grants.revoke(req.actor, req.params.id),
    );

    app.get(
      '/api/v1/grants/:id/usage',
      {
        schema: {
          ...tags,
          summary:
            'Every read made under the grant, newest first (at most 10,000): who, which key and range, how many points, when',
          params: IdParam,
          response: { 200: z.array(GrantUsage) },
        },
      },
      async (req) => grants.usage(req.actor, req.params.id),
    );
  };
