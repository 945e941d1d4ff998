import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, publicTagged, tagged } from '../../model/index.ts';
import {
  ApiKey,
  ApiKeyInput,
  InvitationAccept,
  InvitationInput,
  User,
  UserPatch,
} from '../schema.ts';
import type { UserService } from '../users.ts';
import { hashingRouteLimit } from './limits.ts';

/** An organisation's users, invitations and API keys. */
export const peopleRoutes =
  ({ users }: { users: UserService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/organisations/:id/users',
      {
        schema: {
          ...tagged('users'),
          summary: "An organisation's users (its people or the operator)",
          params: IdParam,
          response: { 200: z.array(User) },
        },
      },
      async (req) => users.listUsers(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/organisations/:id/invitations',
      {
        schema: {
          ...tagged('users'),
          summary: 'Invite a user (organisation admin); the token is shown once',
          params: IdParam,
          body: InvitationInput,
          response: { 201: z.object({ user: User, token: z.string(), expiresAt: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await users.invite(req.actor, req.params.id, req.body)),
    );

    app.post(
      '/api/v1/invitations/accept',
      {
        config: hashingRouteLimit,
        schema: {
          ...publicTagged('users'),
          summary: 'Accept an invitation and set a password',
          body: InvitationAccept,
          response: { 200: User },
        },
      },
      async (req) => users.acceptInvitation(req.body),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        schema: {
          ...tagged('users'),
          summary: "Change a user's role or status (organisation admin)",
          params: IdParam,
          body: UserPatch,
          response: { 200: User },
        },
      },
      async (req) => users.updateUser(req.actor, req.params.id, req.body),
    );

    app.get(
      '/api/v1/organisations/:id/api-keys',
      {
        schema: {
          ...tagged('api keys'),
          summary: "An organisation's API keys (organisation admin)",
          params: IdParam,
          response: { 200: z.array(ApiKey) },
        },
      },
      async (req) => users.listApiKeys(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/organisations/:id/api-keys',
      {
        schema: {
          ...tagged('api keys'),
          summary: 'Create an API key; the secret is shown once',
          params: IdParam,
          body: ApiKeyInput,
          response: { 201: z.object({ apiKey: ApiKey, secret: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await users.createApiKey(req.actor, req.params.id, req.body)),
    );

    app.delete(
      '/api/v1/api-keys/:id',
      {
        schema: {
          ...tagged('api keys'),
          summary: 'Revoke an API key',
          params: IdParam,
          response: { 200: ApiKey },
        },
      },
      async (req) => users.revokeApiKey(req.actor, req.params.id),
    );
  };
