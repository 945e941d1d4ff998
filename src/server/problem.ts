import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  common,
  DomainError,
  type FieldProblem,
  impliedBound,
  labelOf,
  type ProblemKind,
  requestLang,
  statusOf,
  titles,
  type Wordable,
  wordIssue,
} from '../model/index.ts';

/** RFC 9457 problem details, with `errors` naming each bad field, worded in the caller's language. */
export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  kind: ProblemKind | 'too_large' | 'internal',
  detail: Wordable,
  errors: FieldProblem[] = [],
  status = kind === 'too_large' ? 413 : kind === 'internal' ? 500 : statusOf[kind],
) {
  const lang = requestLang(req);
  const own = req.routeOptions?.config?.fieldLabels;
  const worded = errors.map((e) => {
    const label = labelOf(e.field, lang, own);
    return {
      field: e.field,
      ...(label ? { label } : {}),
      ...(e.line !== undefined ? { line: e.line } : {}),
      ...(e.section ? { section: e.section } : {}),
      code: e.message.code,
      params: e.message.params,
      message: e.message.text(lang),
    };
  });
  // Which fields are wrong, by the names people see, so the detail alone says it.
  // (a problem with the whole file has no field to name: the detail says it already)
  // (nor a field the detail names already: «Текущий пароль неверен», not «…: Текущий пароль»)
  const said = detail.text(lang);
  const named = [...new Set(worded.map((e) => e.label ?? e.field))].filter(
    (name) => name && !said.toLocaleLowerCase(lang).includes(name.toLocaleLowerCase(lang)),
  );
  const full = named.length
    ? `${said}: ${named.slice(0, 8).join(', ')}${named.length > 8 ? ', …' : ''}`
    : said;
  return reply
    .status(status)
    .type('application/problem+json')
    .header('content-language', lang)
    .send({
      type: `https://digicluster.example/problems/${kind}`,
      title: titles[kind]().text(lang),
      status,
      detail: full,
      instance: req.url,
      code: detail.code,
      params: detail.params,
      ...(worded.length ? { errors: worded } : {}),
    });
}

export function errorHandler(
  error: FastifyError | Error,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof DomainError) {
    if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
    // a status HTTP needs beyond the domain's kinds (415 of an import) rides on the error
    const status = (error as { httpStatus?: number }).httpStatus;
    return sendProblem(reply, req, error.kind, error.detail, error.fields, status);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    // the zod issues, rebuilt from what the type provider kept of them, for their wording
    const issues = error.validation.map((v) => ({
      code: v.keyword,
      ...v.params,
      message: v.message ?? 'invalid',
      path: v.instancePath.replace(/^\//, '').split('/').filter(Boolean),
    }));
    const errors = issues
      .filter((i) => !impliedBound(i, issues))
      .map((issue): FieldProblem => {
        const path = issue.path.join('.');
        return {
          field: path ? (where === 'body' ? path : `${where}.${path}`) : where,
          message: wordIssue(issue),
        };
      });
    return sendProblem(reply, req, 'invalid', common.invalidInput(), errors);
  }
  // Two writers racing for the same unique key: the loser gets a conflict, not a crash.
  const dbCode = (error as { code?: string }).code;
  if (
    dbCode === '23505' ||
    dbCode === 'SQLITE_CONSTRAINT_UNIQUE' ||
    dbCode === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
    return sendProblem(reply, req, 'conflict', common.raced());
  // PostgreSQL refuses NUL and malformed text (SQLite stores it): the input's fault, not ours.
  if (dbCode === '22021' || dbCode === '22P02')
    return sendProblem(reply, req, 'invalid', common.badCharacters());
  const fe = error as FastifyError;
  if (fe.statusCode === 413) return sendProblem(reply, req, 'too_large', common.tooLarge());
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return sendProblem(
      reply,
      req,
      'invalid',
      common.badRequest({ reason: fe.message }),
      [],
      fe.statusCode,
    );
  req.log.error(error);
  return sendProblem(reply, req, 'internal', common.internal());
}
