import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, publicTagged, requestLang, tagged } from '../../model/index.ts';
import {
  AdmissionDecision,
  Application,
  ApplicationInput,
  ApplicationReceipt,
  ApplicationStatusView,
  DuplicateAnswer,
  DuplicateAnswerNote,
  DuplicateApplication,
  ReapplicationInput,
  RejectionDecision,
} from '../schema.ts';
import { DUPLICATES_LISTED, type RegistryService } from '../service.ts';
import { hashingRouteLimit } from './limits.ts';

/** Applications for membership and their admission by the operator. */
export const applicationRoutes =
  ({ registry }: { registry: RegistryService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/applications',
      {
        config: hashingRouteLimit,
        schema: {
          ...publicTagged('applications'),
          summary: 'Apply for membership (no login needed)',
          description:
            'The answer carries `statusToken`, shown once: the applicant follows the application with it (GET /api/v1/application-status/{token}, the web page #/application/{token}).',
          body: ApplicationInput,
          response: { 201: ApplicationReceipt },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await registry.submitApplication(req.actor, req.body, requestLang(req))),
    );

    const TokenParam = z.object({ token: z.string().min(20).max(100) });
    // the applicant's status link, not an invitation (the shared label of `token`)
    const statusLinkLabels = {
      fieldLabels: { token: { en: 'Status link', ru: 'Ссылка на заявку' } },
    };

    app.get(
      '/api/v1/application-status/:token',
      {
        config: statusLinkLabels,
        schema: {
          ...publicTagged('applications'),
          summary: "An application's status, by the link its applicant was given (no login)",
          params: TokenParam,
          response: { 200: ApplicationStatusView },
        },
      },
      async (req) => registry.applicationStatus(req.params.token),
    );

    app.post(
      '/api/v1/application-status/:token/reapply',
      {
        config: { ...hashingRouteLimit, ...statusLinkLabels },
        schema: {
          ...publicTagged('applications'),
          summary: 'Apply again after a rejection, by the rejected application’s status link',
          params: TokenParam,
          body: ReapplicationInput,
          response: { 201: ApplicationReceipt },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registry.reapply(req.actor, req.params.token, req.body)),
    );

    app.get(
      '/api/v1/applications',
      {
        schema: {
          ...tagged('applications'),
          summary: 'The admission queue (operator)',
          querystring: z.object({ status: z.enum(['pending', 'admitted', 'rejected']).optional() }),
          response: { 200: z.array(Application) },
        },
      },
      async (req) => registry.listApplications(req.actor, req.query.status),
    );

    app.get(
      '/api/v1/applications/duplicates',
      {
        schema: {
          ...tagged('applications'),
          summary:
            'Applications that repeat hidden records: answered as usual, settled by the operator (operator)',
          description: `The newest ${DUPLICATES_LISTED}, newest first.`,
          response: { 200: z.array(DuplicateApplication) },
        },
      },
      async (req) => registry.listDuplicateApplications(req.actor),
    );

    app.post(
      '/api/v1/applications/duplicates/:seq/answer',
      {
        schema: {
          ...tagged('applications'),
          summary: 'Record how a repeated application was answered (operator)',
          description:
            'Once per repeated application: the list then carries the answer and the queue no longer counts it.',
          params: z.object({
            seq: z.coerce
              .number()
              .int()
              .positive()
              .describe('the `seq` of the repeated application'),
          }),
          body: DuplicateAnswerNote,
          response: { 200: DuplicateAnswer },
        },
      },
      async (req) => registry.answerDuplicateApplication(req.actor, req.params.seq, req.body),
    );

    app.post(
      '/api/v1/applications/:id/admit',
      {
        schema: {
          ...tagged('applications'),
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
          ...tagged('applications'),
          summary: 'Reject an applicant (operator)',
          params: IdParam,
          body: RejectionDecision,
          response: { 200: Application },
        },
      },
      async (req) => registry.decideApplication(req.actor, req.params.id, false, req.body),
    );
  };
