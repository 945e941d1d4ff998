// The assessment's HTTP routes under /api/v1/assessment: thin — parse, call the service, answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, requestLang, tagged } from '../model/index.ts';
import { decree779Routes } from './decree779-routes.ts';
import {
  ClusterSnapshot,
  EcosystemNetwork,
  NetworkQuery,
  PlacementQuery,
  ReadinessInput,
  ReadinessSummary,
  ReadinessSurvey,
  ReportQuery,
  SustainabilityReport,
  TerritorialBaseline,
  TypologyPlacement,
  TypologyTrajectory,
} from './schema.ts';
import type { AssessmentService } from './service.ts';

const t = tagged('assessment');
const base = '/api/v1/assessment';

/** The readiness questionnaire and its cluster summary; the typology placement of a snapshot. */
export const routes =
  ({ assessment }: { assessment: AssessmentService }): FastifyPluginAsyncZod =>
  async (app) => {
    decree779Routes(app, assessment.decree779);
    app.get(
      `${base}/readiness`,
      {
        schema: {
          ...t,
          summary:
            "The cluster's Industry 4.0 readiness: latest answers, employment-weighted, weakest dimensions",
          response: { 200: ReadinessSummary },
        },
      },
      async (req) => assessment.clusterReadiness(req.actor),
    );
    app.get(
      `${base}/readiness/:id`,
      {
        schema: {
          ...t,
          summary: "An organisation's readiness answers, every version, newest first",
          params: IdParam,
          response: { 200: z.array(ReadinessSurvey) },
        },
      },
      async (req) => assessment.readinessHistory(req.actor, req.params.id),
    );
    app.post(
      `${base}/readiness/:id`,
      {
        schema: {
          ...t,
          summary: 'Answer the questionnaire for your organisation (its next version)',
          params: IdParam,
          body: ReadinessInput,
          response: { 201: ReadinessSurvey },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await assessment.submitReadiness(req.actor, req.params.id, req.body)),
    );
    app.get(
      `${base}/sustainability`,
      {
        schema: {
          ...t,
          summary:
            'Sustainability from the platform: environmental, economic and social indicators (value, target, source; null = no data) and the balance index',
          response: { 200: SustainabilityReport },
        },
      },
      async (req) => assessment.sustainability(req.actor),
    );
    app.get(
      `${base}/report`,
      {
        schema: {
          ...t,
          summary:
            "The ministry's assessment report as a file, as `digicluster report` makes it: PDF or HTML, or its figures as XLSX (a sheet per section, «нет данных» where there are none, a sheet «Источники»), for the web page's window; every signed-in user, the network of ties only for the operator, another organisation's Decree 779 figures hidden",
          querystring: ReportQuery,
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? requestLang(req);
        const file = await assessment.reportFile(req.actor, { format: req.query.format, lang });
        return reply
          .type(file.mediaType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
    app.get(
      `${base}/territory`,
      {
        schema: {
          ...t,
          summary:
            "The territorial baseline: the region's location quotient per industry, each figure with its status",
          response: { 200: TerritorialBaseline },
        },
      },
      async (req) => assessment.territory(req.actor),
    );
    app.get(
      `${base}/snapshot`,
      {
        schema: {
          ...t,
          summary:
            "The cluster snapshot built from the platform's own data (the operator: it names who deals with whom)",
          response: { 200: ClusterSnapshot },
        },
      },
      async (req) => assessment.snapshot(req.actor),
    );
    app.get(
      `${base}/network`,
      {
        schema: {
          ...t,
          summary:
            'The ecosystem network: centralities, communities, keystone/dominator roles, crossing shares (the operator)',
          querystring: NetworkQuery,
          response: { 200: EcosystemNetwork },
        },
      },
      async (req) => assessment.network(req.actor, req.query),
    );
    app.get(
      `${base}/typology`,
      {
        schema: {
          ...t,
          summary: "The cluster's placement on the paper's scale, from the platform's own data",
          querystring: PlacementQuery,
          response: { 200: TypologyPlacement },
        },
      },
      async (req) => assessment.placement(req.actor, req.query),
    );
    app.get(
      `${base}/trajectory`,
      {
        schema: {
          ...t,
          summary: 'The placement month by month, over a trailing window (default 12 months)',
          querystring: PlacementQuery.pick({ months: true }),
          response: { 200: TypologyTrajectory },
        },
      },
      async (req) => assessment.trajectory(req.actor, req.query),
    );
    app.post(
      `${base}/typology`,
      {
        schema: {
          ...t,
          summary:
            "Place a cluster snapshot on the paper's scale: territorial cluster → digital cluster → business ecosystem",
          querystring: PlacementQuery,
          body: ClusterSnapshot,
          response: { 200: TypologyPlacement },
        },
      },
      async (req) => assessment.placeSnapshot(req.actor, req.body, req.query),
    );
  };
