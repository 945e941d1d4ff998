import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type FieldProblem } from '../model/index.ts';
import { localiseIssue, requestLang, translate } from './messages.ts';

const titles: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not logged in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  429: 'Too many requests',
  500: 'Internal error',
};

/** RFC 9457 problem details, with `errors` naming each bad field. */
export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors: FieldProblem[] = [],
) {
  const lang = requestLang(req);
  const worded = errors.map((e) => ({
    ...e,
    message: localiseIssue(e.message, (e as { issue?: unknown }).issue, lang),
  }));
  return reply
    .status(status)
    .type('application/problem+json')
    .header('content-language', lang)
    .send({
      type: `https://digicluster.example/problems/${code}`,
      title: translate(titles[status] ?? 'Error', lang),
      status,
      detail: translate(detail, lang),
      instance: req.url,
      code,
      ...(worded.length ? { errors: worded } : {}),
    });
}

export function errorHandler(
  error: FastifyError | Error,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof DomainError) {
    return sendProblem(reply, req, error.status, error.code, error.message, error.fields);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const errors = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const problem: FieldProblem = {
        field: path ? (where === 'body' ? path : `${where}.${path}`) : where,
        message: v.message ?? 'invalid',
      };
      // the zod issue, rebuilt from what the type provider kept of it, for its wording
      const issue = { code: v.keyword, ...v.params, path: path.split('.'), message: v.message };
      Object.defineProperty(problem, 'issue', { value: issue, enumerable: false });
      return problem;
    });
    return sendProblem(reply, req, 400, 'invalid', `Invalid ${where}`, errors);
  }
  // Two writers racing for the same unique key: the loser gets a conflict, not a crash.
  const dbCode = (error as { code?: string }).code;
  if (
    dbCode === '23505' ||
    dbCode === 'SQLITE_CONSTRAINT_UNIQUE' ||
    dbCode === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  ) {
    return sendProblem(
      reply,
      req,
      409,
      'conflict',
      'The record exists already (written at the same moment by another request)',
    );
  }
  // PostgreSQL refuses NUL and malformed text (SQLite stores it): the input's fault, not ours.
  if (dbCode === '22021' || dbCode === '22P02') {
    return sendProblem(
      reply,
      req,
      400,
      'invalid',
      'The input holds characters the database does not accept',
    );
  }
  const fe = error as FastifyError;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(
      reply,
      req,
      fe.statusCode,
      fe.code?.toLowerCase() ?? 'bad_request',
      fe.message,
    );
  }
  req.log.error(error);
  return sendProblem(reply, req, 500, 'internal', 'The server failed; the error is logged');
}
