import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, requestLang } from '../model/index.ts';
import {
  Asset,
  AssetInput,
  CompetenceId,
  ExchangeRequest,
  HelpAnswer,
  LicenceGrant,
  Profile,
  ProfileInput,
  Project,
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
  };
