import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, publicTagged, requestLang, tagged } from '../../model/index.ts';
import {
  ApiKey,
  ApiKeyInput,
  InvitationAccept,
  InvitationInput,
  InvitationPreview,
  InvitationPreviewInput,
  PasswordResetAccept,
  PasswordResetIssued,
  User,
  UserPatch,
} from '../schema.ts';
import type { UserService } from '../users.ts';
import { personLabels, setSessionCookie } from './auth.ts';
import { hashingRouteLimit } from './limits.ts';

/** An organisation's users, invitations, password resets and API keys. */
export const peopleRoutes =
  (
    { users }: { users: UserService },
    { secureCookie }: { secureCookie: boolean } = { secureCookie: false },
  ): FastifyPluginAsyncZod =>
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
        config: personLabels,
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
      '/api/v1/invitations/preview',
      {
        config: hashingRouteLimit,
        schema: {
          ...publicTagged('users'),
          summary:
            "What an invitation link invites to (its page shows it): the address, the admin's name for the invitee, the role, the organisation; the token in the body, so it stays out of access logs",
          body: InvitationPreviewInput,
          response: { 200: InvitationPreview },
        },
      },
      async (req) => users.invitationPreview(req.body),
    );

    app.post(
      '/api/v1/invitations/accept',
      {
        config: { ...hashingRouteLimit, ...personLabels },
        schema: {
          ...publicTagged('users'),
          summary:
            'Accept an invitation and set a password; logs the new user in (a new session, as at login)',
          body: InvitationAccept,
          response: { 200: User },
        },
      },
      async (req, reply) => {
        const user = await users.acceptInvitation(req.body, requestLang(req));
        // L11: no second log-in right after choosing the password; a fresh session id
        setSessionCookie(reply, await users.openSession(user.id), secureCookie);
        return user;
      },
    );

    app.post(
      '/api/v1/users/:id/password-reset',
      {
        schema: {
          ...tagged('users'),
          summary:
            'Issue a password-reset link for a user (the operator); the token is shown once, valid for a day',
          params: IdParam,
          response: { 201: PasswordResetIssued },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await users.issuePasswordReset(req.actor, req.params.id)),
    );

    app.post(
      '/api/v1/password-resets/accept',
      {
        config: hashingRouteLimit,
        schema: {
          ...publicTagged('users'),
          summary:
            'Set a new password through a reset link; the link works once, and every session of the user ends',
          body: PasswordResetAccept,
          response: { 200: User },
        },
      },
      async (req) => users.acceptPasswordReset(req.body),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: personLabels,
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

    app.delete(
      '/api/v1/users/:id/invitation',
      {
        schema: {
          ...tagged('users'),
          summary:
            'Withdraw an invitation not yet accepted (organisation admin): the link stops working and the pending user is removed',
          params: IdParam,
          response: { 200: User },
        },
      },
      async (req) => users.withdrawInvitation(req.actor, req.params.id),
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
