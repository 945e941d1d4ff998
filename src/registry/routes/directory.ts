import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, notFound, requireOperator } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { inPublicDirectory } from '../policy.ts';
import { fkkoCatalogue } from '../reference.ts';
import * as q from '../repository.ts';
import {
  AdmissionDecision,
  Agglomeration,
  ApiKey,
  ApiKeyInput,
  Application,
  ApplicationInput,
  InvitationAccept,
  InvitationInput,
  Material,
  MaterialInput,
  MaterialUse,
  Membership,
  MembershipEnd,
  MembershipInput,
  MembershipRole,
  Organisation,
  OrganisationInput,
  OrganisationKind,
  OrganisationPatch,
  QualityProperty,
  Site,
  SiteInput,
  SitePatch,
  User,
  UserPatch,
} from '../schema.ts';
import type { RegistryService } from '../service.ts';
import type { UserService } from '../users.ts';

const IdParam = z.object({ id: z.string().min(1).max(100) });

const visibleInDirectory = inPublicDirectory;
const publicTag = (tag: string) => ({ tags: [tag], security: [] });
const auth = (tag: string) => ({ tags: [tag] });

/** Organisations, sites, memberships, applications, users, API keys, materials. */
export const directoryRoutes =
  ({
    store,
    registry,
    users,
  }: {
    store: Store;
    registry: RegistryService;
    users: UserService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    /** Ids of the organisations the caller may see in the directory. */
    const directoryIds = async (actor: Actor) =>
      new Set(
        (await q.findOrganisations(store))
          .filter((o) => visibleInDirectory(actor, o))
          .map((o) => o.id),
      );

    // --- the public member directory ---
    app.get(
      '/api/v1/organisations',
      {
        schema: {
          ...publicTag('organisations'),
          summary: 'Member directory, with search and filters',
          querystring: z.object({
            q: z.string().optional(),
            kind: OrganisationKind.optional(),
            region: z.string().optional(),
            agglomeration: Agglomeration.optional(),
            role: MembershipRole.optional(),
            status: z.enum(['applicant', 'member', 'former', 'rejected']).optional(),
          }),
          response: { 200: z.array(Organisation) },
        },
      },
      async (req) =>
        (await q.findOrganisations(store, req.query)).filter((o) =>
          visibleInDirectory(req.actor, o),
        ),
    );

    app.get(
      '/api/v1/organisations/:id',
      {
        schema: {
          ...publicTag('organisations'),
          summary: 'One organisation',
          params: IdParam,
          response: { 200: Organisation },
        },
      },
      async (req) => {
        const o = await q.findOrganisation(store, req.params.id);
        if (!o || !visibleInDirectory(req.actor, o))
          throw notFound(`Organisation ${req.params.id} does not exist`);
        return o;
      },
    );

    app.post(
      '/api/v1/organisations',
      {
        schema: {
          ...auth('organisations'),
          summary: 'Register an organisation directly (operator)',
          body: OrganisationInput,
          response: { 201: Organisation },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registry.createOrganisation(req.actor, req.body)),
    );

    app.patch(
      '/api/v1/organisations/:id',
      {
        schema: {
          ...auth('organisations'),
          summary: 'Change an organisation (its admin or the operator)',
          params: IdParam,
          body: OrganisationPatch,
          response: { 200: Organisation },
        },
      },
      async (req) => registry.updateOrganisation(req.actor, req.params.id, req.body),
    );

    app.get(
      '/api/v1/sites',
      {
        schema: {
          ...publicTag('sites'),
          summary: 'All sites',
          querystring: z.object({ agglomeration: Agglomeration.optional() }),
          response: { 200: z.array(Site) },
        },
      },
      async (req) => {
        const shown = await directoryIds(req.actor);
        return (await q.findSites(store, req.query)).filter((site) =>
          shown.has(site.organisationId),
        );
      },
    );

    app.get(
      '/api/v1/organisations/:id/sites',
      {
        schema: {
          ...publicTag('sites'),
          summary: "An organisation's sites",
          params: IdParam,
          response: { 200: z.array(Site) },
        },
      },
      async (req) => {
        if (!(await directoryIds(req.actor)).has(req.params.id))
          throw notFound(`Organisation ${req.params.id} does not exist`);
        return q.findSites(store, { organisationId: req.params.id });
      },
    );

    app.post(
      '/api/v1/organisations/:id/sites',
      {
        schema: {
          ...auth('sites'),
          summary: 'Add a site (members of the organisation)',
          params: IdParam,
          body: SiteInput,
          response: { 201: Site },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registry.addSite(req.actor, req.params.id, req.body)),
    );

    app.patch(
      '/api/v1/sites/:id',
      {
        schema: {
          ...auth('sites'),
          summary: 'Change a site',
          params: IdParam,
          body: SitePatch,
          response: { 200: Site },
        },
      },
      async (req) => registry.updateSite(req.actor, req.params.id, req.body),
    );

    app.post(
      '/api/v1/sites/:id/close',
      {
        schema: {
          ...auth('sites'),
          summary: 'Close a site',
          params: IdParam,
          body: z.object({ closedOn: z.iso.date().optional() }),
          response: { 200: Site },
        },
      },
      async (req) => registry.closeSite(req.actor, req.params.id, req.body.closedOn),
    );

    app.get(
      '/api/v1/organisations/:id/memberships',
      {
        schema: {
          ...publicTag('memberships'),
          summary: 'Membership history of an organisation',
          params: IdParam,
          response: { 200: z.array(Membership) },
        },
      },
      async (req) => q.findMemberships(store, req.params.id),
    );

    app.get(
      '/api/v1/memberships',
      {
        schema: {
          ...publicTag('memberships'),
          summary: 'All memberships, current and ended',
          response: { 200: z.array(Membership) },
        },
      },
      async () => q.findMemberships(store),
    );

    app.post(
      '/api/v1/organisations/:id/memberships',
      {
        schema: {
          ...auth('memberships'),
          summary: 'Start a membership (operator)',
          params: IdParam,
          body: MembershipInput,
          response: { 201: Membership },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registry.addMembership(req.actor, req.params.id, req.body)),
    );

    app.post(
      '/api/v1/memberships/:id/end',
      {
        schema: {
          ...auth('memberships'),
          summary: 'End a membership (operator, or the organisation leaving)',
          params: IdParam,
          body: MembershipEnd,
          response: { 200: Membership },
        },
      },
      async (req) => registry.endMembership(req.actor, req.params.id, req.body),
    );

    // --- applications ---
    app.post(
      '/api/v1/applications',
      {
        schema: {
          ...publicTag('applications'),
          summary: 'Apply for membership (no login needed)',
          body: ApplicationInput,
          response: { 201: Application },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registry.submitApplication(req.actor, req.body)),
    );

    app.get(
      '/api/v1/applications',
      {
        schema: {
          ...auth('applications'),
          summary: 'The admission queue (operator)',
          querystring: z.object({ status: z.enum(['pending', 'admitted', 'rejected']).optional() }),
          response: { 200: z.array(Application) },
        },
      },
      async (req) => {
        requireOperator(req.actor);
        return q.findApplications(store, req.query.status);
      },
    );

    app.post(
      '/api/v1/applications/:id/admit',
      {
        schema: {
          ...auth('applications'),
          summary: 'Admit an applicant (operator)',
          params: IdParam,
          body: AdmissionDecision,
          response: { 200: Application },
        },
      },
      async (req) => registry.decideApplication(req.actor, req.params.id, true, req.body),
    );

    app.post(
      '/api/v1/applications/:id/reject',
      {
        schema: {
          ...auth('applications'),
          summary: 'Reject an applicant (operator)',
          params: IdParam,
          body: AdmissionDecision.pick({ note: true }),
          response: { 200: Application },
        },
      },
      async (req) => registry.decideApplication(req.actor, req.params.id, false, req.body),
    );

    // --- users and API keys ---
    app.get(
      '/api/v1/organisations/:id/users',
      {
        schema: {
          ...auth('users'),
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
          ...auth('users'),
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
        schema: {
          ...publicTag('users'),
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
          ...auth('users'),
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
          ...auth('api keys'),
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
          ...auth('api keys'),
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
          ...auth('api keys'),
          summary: 'Revoke an API key',
          params: IdParam,
          response: { 200: ApiKey },
        },
      },
      async (req) => users.revokeApiKey(req.actor, req.params.id),
    );

    // --- the material taxonomy ---
    app.get(
      '/api/v1/materials',
      {
        schema: {
          ...publicTag('materials'),
          summary: 'The material taxonomy',
          response: { 200: z.array(Material) },
        },
      },
      async () => q.findMaterials(store),
    );

    app.get(
      '/api/v1/materials/:id',
      {
        schema: {
          ...publicTag('materials'),
          summary: 'One material',
          params: IdParam,
          response: { 200: Material },
        },
      },
      async (req) => {
        const m = (await q.findMaterials(store)).find((x) => x.id === req.params.id);
        if (!m) throw notFound(`Material ${req.params.id} does not exist`);
        return m;
      },
    );

    app.post(
      '/api/v1/materials',
      {
        schema: {
          ...auth('materials'),
          summary: 'Define or redefine a material (operator)',
          body: MaterialInput,
          response: { 201: Material },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registry.defineMaterial(req.actor, req.body)),
    );

    app.get(
      '/api/v1/quality-properties',
      {
        schema: {
          ...publicTag('materials'),
          summary: 'Quality properties materials carry',
          response: { 200: z.array(QualityProperty) },
        },
      },
      async () => q.findProperties(store),
    );

    app.get(
      '/api/v1/uses',
      {
        schema: {
          ...publicTag('materials'),
          summary: 'Uses materials can serve',
          response: { 200: z.array(MaterialUse) },
        },
      },
      async () => q.findUses(store),
    );

    app.get(
      '/api/v1/fkko',
      {
        schema: {
          ...publicTag('materials'),
          summary: 'Look up FKKO waste codes by name or code',
          querystring: z.object({
            q: z.string().min(2).max(200),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
        },
      },
      async (req) => fkkoCatalogue().search(req.query.q, req.query.limit),
    );
  };
