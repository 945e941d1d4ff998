// The Decree 779 check's and the declarations' HTTP routes under /api/v1/assessment: thin.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tagged } from '../model/index.ts';
import type { Decree779Service } from './declared.ts';
import {
  Declaration,
  DeclarationInput,
  DeclarationQuery,
  Decree779Query,
  Decree779Report,
} from './schema.ts';

const t = tagged('assessment');
const base = '/api/v1/assessment';
const DeclarationId = z.object({ id: z.string().min(1).max(200) });

export function decree779Routes(app: FastifyInstance, decree779: Decree779Service): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    `${base}/decree-779`,
    {
      schema: {
        ...t,
        summary:
          'The status check against Government Decree 779 on industrial clusters for a year, with its evidence per member and the thresholds',
        querystring: Decree779Query,
        response: { 200: Decree779Report },
      },
    },
    async (req) => decree779.check(req.actor, req.query),
  );
  r.get(
    `${base}/declarations`,
    {
      schema: {
        ...t,
        summary:
          "An organisation's declarations in force: its purchases per year and its ties made off the platform",
        querystring: DeclarationQuery,
        response: { 200: z.array(Declaration) },
      },
    },
    async (req) => decree779.declarations(req.actor, req.query),
  );
  r.post(
    `${base}/declarations`,
    {
      schema: {
        ...t,
        summary:
          "Declare for your organisation: a year's total purchases (replaces that year's figure) or a tie made off the platform",
        body: DeclarationInput,
        response: { 201: Declaration },
      },
    },
    async (req, reply) => reply.code(201).send(await decree779.declare(req.actor, req.body)),
  );
  r.delete(
    `${base}/declarations/:id`,
    {
      schema: {
        ...t,
        summary: 'Withdraw a declaration of your organisation: it counts no more',
        params: DeclarationId,
        response: { 200: Declaration },
      },
    },
    async (req) => decree779.withdraw(req.actor, req.params.id),
  );
}
