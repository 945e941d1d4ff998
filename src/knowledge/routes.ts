import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, patchOf, requestLang } from '../model/index.ts';
import {
  Asset,
  AssetFields,
  AssetInput,
  CompetenceId,
  Development,
  ExchangeRequest,
  GapQuery,
  GapReport,
  HelpAnswer,
  LicenceGrant,
  Opening,
  OpeningFields,
  OpeningInput,
  OpeningQuery,
  Profile,
  ProfileInput,
  Project,
  ProjectFields,
  ProjectInput,
  SearchQuery,
  SearchResult,
} from './schema.ts';
import type { KnowledgeService } from './service.ts';

const tags = { tags: ['knowledge'] };
const publicTags = { tags: ['knowledge'], security: [] };

const Competence = z
  .object({ id: CompetenceId, ru: z.string(), en: z.string(), materials: z.array(z.string()) })
  .meta({ id: 'Competence' });
const AssetPatch = patchOf(AssetFields.omit({ id: true, organisationId: true })).meta({
  id: 'KnowledgeAssetPatch',
});
const ProfilePatch = patchOf(ProfileInput.omit({ id: true, organisationId: true })).meta({
  id: 'ExpertiseProfilePatch',
});
const ProjectPatch = patchOf(ProjectFields.omit({ id: true })).meta({ id: 'ProjectPatch' });
const OpeningPatch = patchOf(OpeningFields.omit({ id: true, organisationId: true })).meta({
  id: 'OpeningPatch',
});
const ExchangeEvent = z.record(z.string(), z.string()).meta({ id: 'KnowledgeExchangeEvent' });

/** Knowledge assets, expertise profiles, R&D projects, search and "who can help". */
export const routes =
  ({ knowledge }: { knowledge: KnowledgeService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/knowledge/search',
      {
        schema: {
          ...publicTags,
          summary: 'Search assets, profiles and projects you may see (Russian and English, ranked)',
          querystring: SearchQuery,
          response: { 200: SearchResult },
        },
      },
      async (req) => knowledge.search(req.actor, req.query),
    );

    app.get(
      '/api/v1/knowledge/competences',
      {
        schema: {
          ...publicTags,
          summary: 'The controlled vocabulary of competences',
          response: { 200: z.array(Competence) },
        },
      },
      async () => knowledge.competences(),
    );

    app.get(
      '/api/v1/knowledge/assets/:id',
      {
        schema: {
          ...publicTags,
          summary: 'One knowledge asset (its opening is counted)',
          params: IdParam,
          response: { 200: Asset },
        },
      },
      async (req) => knowledge.getAsset(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/knowledge/assets',
      {
        schema: {
          ...tags,
          summary: 'Publish a knowledge asset of your organisation (member)',
          body: AssetInput,
          response: { 201: Asset },
        },
      },
      async (req, reply) => {
        const a = await knowledge.createAsset(req.actor, req.body);
        return reply.status(201).send(await knowledge.getAsset(req.actor, a.id, 'created'));
      },
    );

    app.post(
      '/api/v1/knowledge/assets/:id/request',
      {
        schema: {
          ...tags,
          summary: 'Ask the owner for an asset (journaled as knowledge.asset.requested)',
          params: IdParam,
          body: ExchangeRequest,
          response: { 201: ExchangeEvent },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await knowledge.requestAsset(req.actor, req.params.id, req.body.message)),
    );

    app.post(
      '/api/v1/knowledge/assets/:id/licences',
      {
        schema: {
          ...tags,
          summary:
            'Grant a licence to an asset (its owner; journaled as knowledge.licence.granted)',
          params: IdParam,
          body: LicenceGrant,
          response: { 201: ExchangeEvent },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await knowledge.grantLicence(req.actor, req.params.id, req.body)),
    );

    app.get(
      '/api/v1/knowledge/profiles/:id',
      {
        schema: {
          ...publicTags,
          summary: 'One expertise profile (no contact details: write through the platform)',
          params: IdParam,
          response: { 200: Profile },
        },
      },
      async (req) => knowledge.getProfile(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/knowledge/profiles',
      {
        schema: {
          ...tags,
          summary: 'Add an expertise profile of a person of your organisation (member)',
          body: ProfileInput,
          response: { 201: Profile },
        },
      },
      async (req, reply) => {
        const p = await knowledge.createProfile(req.actor, req.body);
        return reply.status(201).send(await knowledge.getProfile(req.actor, p.id, 'created'));
      },
    );

    app.post(
      '/api/v1/knowledge/profiles/:id/consultation',
      {
        schema: {
          ...tags,
          summary: 'Ask the person for a consultation through the platform (journaled)',
          params: IdParam,
          body: ExchangeRequest,
          response: { 201: ExchangeEvent },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await knowledge.requestConsultation(req.actor, req.params.id, req.body.message)),
    );

    app.get(
      '/api/v1/knowledge/projects/:id',
      {
        schema: {
          ...publicTags,
          summary: 'One R&D project',
          params: IdParam,
          response: { 200: Project },
        },
      },
      async (req) => knowledge.getProject(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/knowledge/projects',
      {
        schema: {
          ...tags,
          summary: 'Start an R&D project led by your organisation (member)',
          body: ProjectInput,
          response: { 201: Project },
        },
      },
      async (req, reply) => {
        const p = await knowledge.createProject(req.actor, req.body);
        return reply.status(201).send(await knowledge.getProject(req.actor, p.id, 'created'));
      },
    );

    app.get(
      '/api/v1/knowledge/projects/:id/helpers',
      {
        schema: {
          ...publicTags,
          summary: 'Who can help with a project: people and organisations, with the reasons',
          params: IdParam,
          response: { 200: HelpAnswer },
        },
      },
      async (req) =>
        knowledge.whoCanHelp(req.actor, { projectId: req.params.id }, requestLang(req)),
    );

    app.get(
      '/api/v1/knowledge/listings/:id/helpers',
      {
        schema: {
          ...publicTags,
          summary: 'Who can help with a listing: people and organisations, with the reasons',
          params: IdParam,
          response: { 200: HelpAnswer },
        },
      },
      async (req) =>
        knowledge.whoCanHelp(req.actor, { listingId: req.params.id }, requestLang(req)),
    );

    app.patch(
      '/api/v1/knowledge/assets/:id',
      {
        schema: {
          ...tags,
          summary: 'Change a knowledge asset of your organisation (journaled with its new state)',
          params: IdParam,
          body: AssetPatch,
          response: { 200: Asset },
        },
      },
      async (req) => {
        await knowledge.updateAsset(req.actor, req.params.id, req.body);
        return knowledge.getAsset(req.actor, req.params.id, 'created');
      },
    );

    app.patch(
      '/api/v1/knowledge/profiles/:id',
      {
        schema: {
          ...tags,
          summary:
            'Change an expertise profile of your organisation (journaled with its new state)',
          params: IdParam,
          body: ProfilePatch,
          response: { 200: Profile },
        },
      },
      async (req) => {
        await knowledge.updateProfile(req.actor, req.params.id, req.body);
        return knowledge.getProfile(req.actor, req.params.id, 'created');
      },
    );

    app.patch(
      '/api/v1/knowledge/projects/:id',
      {
        schema: {
          ...tags,
          summary: 'Change an R&D project your organisation leads (journaled with its new state)',
          params: IdParam,
          body: ProjectPatch,
          response: { 200: Project },
        },
      },
      async (req) => {
        await knowledge.updateProject(req.actor, req.params.id, req.body);
        return knowledge.getProject(req.actor, req.params.id, 'created');
      },
    );

    // --- human potential ---

    app.get(
      '/api/v1/knowledge/openings',
      {
        schema: {
          ...publicTags,
          summary:
            'Courses and programmes of universities, internships and vacancies of enterprises',
          querystring: OpeningQuery,
          response: { 200: z.array(Opening) },
        },
      },
      async (req) => knowledge.listOpenings(req.actor, req.query),
    );

    app.get(
      '/api/v1/knowledge/openings/:id',
      {
        schema: {
          ...publicTags,
          summary: 'One course, programme, internship or vacancy',
          params: IdParam,
          response: { 200: Opening },
        },
      },
      async (req) => knowledge.getOpening(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/knowledge/openings',
      {
        schema: {
          ...tags,
          summary: 'Offer a course, programme, internship or vacancy of your organisation (member)',
          body: OpeningInput,
          response: { 201: Opening },
        },
      },
      async (req, reply) => {
        const o = await knowledge.createOpening(req.actor, req.body);
        return reply.status(201).send(await knowledge.getOpening(req.actor, o.id));
      },
    );

    app.patch(
      '/api/v1/knowledge/openings/:id',
      {
        schema: {
          ...tags,
          summary: 'Change a course, internship or vacancy of your organisation',
          params: IdParam,
          body: OpeningPatch,
          response: { 200: Opening },
        },
      },
      async (req) => {
        await knowledge.updateOpening(req.actor, req.params.id, req.body);
        return knowledge.getOpening(req.actor, req.params.id);
      },
    );

    app.get(
      '/api/v1/knowledge/gaps',
      {
        schema: {
          ...publicTags,
          summary:
            'Competence gaps (asked by vacancies, internships, projects, listings vs the levels in expertise profiles), cluster-wide and per organisation, with the courses and internships closing them',
          querystring: GapQuery,
          response: { 200: GapReport },
        },
      },
      async (req) => knowledge.gaps(req.actor, req.query, requestLang(req)),
    );

    app.get(
      '/api/v1/knowledge/profiles/:id/development',
      {
        schema: {
          ...publicTags,
          summary:
            'For one person: the competences they lack, the courses teaching them, the vacancies they fit',
          params: IdParam,
          response: { 200: Development },
        },
      },
      async (req) => knowledge.development(req.actor, req.params.id, requestLang(req)),
    );
  };
