import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, journalCached, publicTagged, tagged } from '../../model/index.ts';
import {
  Agglomeration,
  Membership,
  MembershipEnd,
  MembershipInput,
  MembershipRole,
  Organisation,
  OrganisationInput,
  OrganisationKind,
  OrganisationPatch,
  Site,
  SiteInput,
  SitePatch,
  WasteLicence,
  WasteLicenceInput,
} from '../schema.ts';
import type { RegistryService } from '../service.ts';

/** The member directory: organisations, their sites and membership history. */
export const directoryRoutes =
  ({ registry }: { registry: RegistryService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/organisations',
      {
        ...journalCached,
        schema: {
          ...publicTagged('organisations'),
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
      async (req) => registry.listOrganisations(req.actor, req.query),
    );

    app.get(
      '/api/v1/organisations/:id',
      {
        ...journalCached,
        schema: {
          ...publicTagged('organisations'),
          summary: 'One organisation',
          params: IdParam,
          response: { 200: Organisation },
        },
      },
      async (req) => registry.getOrganisation(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/organisations',
      {
        schema: {
          ...tagged('organisations'),
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
          ...tagged('organisations'),
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
        ...journalCached,
        schema: {
          ...publicTagged('sites'),
          summary: 'All sites',
          querystring: z.object({ agglomeration: Agglomeration.optional() }),
          response: { 200: z.array(Site) },
        },
      },
      async (req) => registry.listSites(req.actor, req.query),
    );

    app.get(
      '/api/v1/organisations/:id/sites',
      {
        ...journalCached,
        schema: {
          ...publicTagged('sites'),
          summary: "An organisation's sites",
          params: IdParam,
          response: { 200: z.array(Site) },
        },
      },
      async (req) => registry.sitesOf(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/organisations/:id/sites',
      {
        schema: {
          ...tagged('sites'),
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
          ...tagged('sites'),
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
          ...tagged('sites'),
          summary: 'Close a site',
          params: IdParam,
          body: z.object({ closedOn: z.iso.date().optional() }),
          response: { 200: Site },
        },
      },
      async (req) => registry.closeSite(req.actor, req.params.id, req.body.closedOn),
    );

    app.get(
      '/api/v1/organisations/:id/licences',
      {
        ...journalCached,
        schema: {
          ...publicTagged('licences'),
          summary:
            "An organisation's waste licences on the register (89-ФЗ art. 9: classes I–IV need one)",
          params: IdParam,
          response: { 200: z.array(WasteLicence) },
        },
      },
      async (req) => registry.licencesOf(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/organisations/:id/licences',
      {
        schema: {
          ...tagged('licences'),
          summary:
            'Record a waste licence: number, date, authority, activities, hazard classes I–IV, FKKO codes, validity (its admin or the operator)',
          params: IdParam,
          body: WasteLicenceInput,
          response: { 201: WasteLicence },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registry.addLicence(req.actor, req.params.id, req.body)),
    );

    app.post(
      '/api/v1/licences/:id/remove',
      {
        schema: {
          ...tagged('licences'),
          summary: 'Strike a waste licence off the register (its admin or the operator)',
          params: IdParam,
          body: z.object({ removedOn: z.iso.date().optional() }),
          response: { 200: WasteLicence },
        },
      },
      async (req) => registry.removeLicence(req.actor, req.params.id, req.body.removedOn),
    );

    app.get(
      '/api/v1/organisations/:id/memberships',
      {
        ...journalCached,
        schema: {
          ...publicTagged('memberships'),
          summary: 'Membership history of an organisation',
          params: IdParam,
          response: { 200: z.array(Membership) },
        },
      },
      async (req) => registry.listMemberships(req.actor, req.params.id),
    );

    app.get(
      '/api/v1/memberships',
      {
        ...journalCached,
        schema: {
          ...publicTagged('memberships'),
          summary: 'All memberships, current and ended',
          response: { 200: z.array(Membership) },
        },
      },
      async (req) => registry.listMemberships(req.actor),
    );

    app.post(
      '/api/v1/organisations/:id/memberships',
      {
        schema: {
          ...tagged('memberships'),
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
          ...tagged('memberships'),
          summary: 'End a membership (operator, or the organisation leaving)',
          params: IdParam,
          body: MembershipEnd,
          response: { 200: Membership },
        },
      },
      async (req) => registry.endMembership(req.actor, req.params.id, req.body),
    );
  };
