// NGSI-LD, read-only: /ngsi-ld/v1/entities (query), /ngsi-ld/v1/entities/{id} and
// /ngsi-ld/v1/temporal/entities/{id}, plus the platform's own @context. Answers are
// application/ld+json (with @context in the body) or application/json (with the context in a
// Link header); a context named in a request's Link header is never fetched: one the platform
// does not hold is refused with LdContextNotAvailable. Errors in NGSI-LD's shape, with its
// error type URIs.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainError,
  invalid,
  type Message,
  requestLang,
  unprocessable,
} from '../../model/index.ts';
import { parseRfc3339 } from '../engine/payload.ts';
import { messages as m } from '../messages.ts';
import {
  attributeOf,
  CONTEXT_PATH,
  contextDocument,
  type Entity,
  type EntityType,
  isUri,
  JSON_LD_CONTEXT_REL,
  knownContext,
  pickAttributes,
  simplified,
  temporalEntity,
  typeOf,
} from './entities.ts';
import { ngsiMessages as n } from './messages.ts';
import type { NgsiLdService } from './service.ts';

const ERRORS = 'https://uri.etsi.org/ngsi-ld/errors/';
const tags = { tags: ['ngsi-ld'] };
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;

/** An NGSI-LD error: its type (one of the spec's names), HTTP status and message. */
class NgsiError extends Error {
  constructor(
    readonly ngsiType: string,
    readonly status: number,
    readonly detail: Message,
  ) {
    super(detail.code);
  }
}

const ngsiTypeOf: Record<string, [string, number]> = {
  invalid: ['BadRequestData', 400],
  not_found: ['ResourceNotFound', 404],
  unprocessable: ['OperationNotSupported', 422],
};

function sendError(req: FastifyRequest, reply: FastifyReply, error: FastifyError | Error) {
  const lang = requestLang(req);
  let type: string;
  let status: number;
  let detail: string;
  let code: string | undefined;
  if (error instanceof NgsiError) {
    type = `${ERRORS}${error.ngsiType}`;
    status = error.status;
    detail = error.detail.text(lang);
    code = error.detail.code;
  } else if (error instanceof DomainError) {
    const mapped = ngsiTypeOf[error.kind];
    // the spec names no type for 401 and 403: the platform's own problem types answer them
    type = mapped ? `${ERRORS}${mapped[0]}` : `https://digicluster.example/problems/${error.kind}`;
    status = mapped?.[1] ?? error.status;
    const fields = error.fields.map((f) => `${f.field}: ${f.message.text(lang)}`);
    detail = [error.detail.text(lang), ...fields].join('; ');
    code = error.code;
  } else if ((error as FastifyError).validation) {
    type = `${ERRORS}BadRequestData`;
    status = 400;
    detail = error.message;
  } else {
    req.log.error(error);
    type = `${ERRORS}InternalError`;
    status = 500;
    detail = 'internal error';
  }
  const title = type.slice(type.lastIndexOf('/') + 1);
  return reply
    .status(status)
    .type('application/json')
    .header('content-language', lang)
    .send({ type, title, status, detail, ...(code ? { code } : {}) });
}

const csv = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : null;

/** The context's absolute URL on this server. */
const contextUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}${CONTEXT_PATH}`;

/** ld+json when asked for before (or without) plain JSON; null when neither is acceptable. */
function negotiate(req: FastifyRequest): 'ld' | 'json' | null {
  const accept = req.headers.accept;
  if (!accept) return 'json';
  const types = accept.split(',').map((t) => {
    const [name, ...params] = t.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { name: name.trim(), q: q ? Number(q.slice(2)) : 1 };
  });
  const qOf = (names: string[]) =>
    Math.max(0, ...types.filter((t) => names.includes(t.name)).map((t) => t.q));
  const ld = qOf(['application/ld+json']);
  const json = qOf(['application/json', 'application/*', '*/*']);
  if (ld > 0 && ld >= json) return 'ld';
  if (json > 0) return 'json';
  return null;
}

/** The context a request names in its Link header must be one the platform holds. */
function checkLinkContext(req: FastifyRequest) {
  const link = req.headers.link;
  if (!link) return;
  for (const part of String(link).split(/,(?=\s*<)/)) {
    const x = /<([^>]*)>(.*)$/.exec(part.trim());
    if (!x?.[2].includes(JSON_LD_CONTEXT_REL)) continue;
    if (!knownContext(x[1]))
      throw new NgsiError(
        'LdContextNotAvailable',
        503,
        n.ngsiContextNotAvailable({ url: x[1], ours: contextUrl(req) }),
      );
  }
}

const NgsiQuery = z.object({
  type: z.string().max(2000).optional(),
  id: z.string().max(10_000).optional(),
  attrs: z.string().max(2000).optional(),
  limit: z.string().max(10).optional(),
  offset: z.string().max(10).optional(),
  count: z.string().max(5).optional(),
  options: z.string().max(100).optional(),
  format: z.string().max(40).optional(),
  q: z.string().max(2000).optional(),
  georel: z.string().max(200).optional(),
  geometry: z.string().max(100).optional(),
  coordinates: z.string().max(2000).optional(),
  idPattern: z.string().max(200).optional(),
  scopeQ: z.string().max(200).optional(),
  csf: z.string().max(200).optional(),
});

const TemporalQuery = NgsiQuery.extend({
  timerel: z.string().max(10).optional(),
  timeAt: z.string().max(40).optional(),
  endTimeAt: z.string().max(40).optional(),
  lastN: z.string().max(10).optional(),
});

const unsupported = ['q', 'georel', 'geometry', 'coordinates', 'idPattern', 'scopeQ', 'csf'];

function refuseUnsupported(query: Record<string, string | undefined>) {
  for (const name of unsupported)
    if (query[name] !== undefined) throw unprocessable(n.ngsiUnsupported({ name }));
}

const badParameter = (name: string, rule: string) => invalid(n.ngsiBadParameter({ name, rule }));

function integer(query: Record<string, string | undefined>, name: string, fallback: number) {
  const v = query[name];
  if (v === undefined) return fallback;
  if (!/^\d{1,9}$/.test(v)) throw badParameter(name, 'a whole number ≥ 0');
  return Number(v);
}

/** keyValues / simplified, or normalized (the default). */
function form(query: { options?: string; format?: string }): 'simplified' | 'normalized' {
  const options = csv(query.options) ?? [];
  if (query.format === 'simplified' || query.format === 'keyValues') return 'simplified';
  if (options.includes('keyValues') || options.includes('simplified')) return 'simplified';
  return 'normalized';
}

export const ngsiLdRoutes =
  ({ ngsiLd }: { ngsiLd: NgsiLdService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.setErrorHandler((error, req, reply) => sendError(req, reply, error as Error));

    /** Sends entities in the negotiated form; ld+json carries the @context in each. */
    const answer = (
      req: FastifyRequest,
      reply: FastifyReply,
      body: Entity | Entity[] | Record<string, unknown>[] | Record<string, unknown>,
    ) => {
      const as = negotiate(req);
      if (!as) throw new NgsiError('InvalidRequest', 406, n.ngsiNotAcceptable());
      const ctx = contextUrl(req);
      if (as === 'json') {
        reply.header('link', `<${ctx}>; rel="${JSON_LD_CONTEXT_REL}"; type="application/ld+json"`);
        return reply.type('application/json').send(JSON.stringify(body));
      }
      const withContext = (e: object) => ({ '@context': ctx, ...e });
      const out = Array.isArray(body) ? body.map(withContext) : withContext(body);
      return reply.type('application/ld+json').send(JSON.stringify(out));
    };

    const profiles = () => ngsiLd.profiles();

    app.get(
      CONTEXT_PATH,
      {
        schema: {
          ...tags,
          security: [],
          summary:
            "The platform's JSON-LD @context for its NGSI-LD entities (Smart Data Models terms; self-contained)",
        },
      },
      async (_req, reply) =>
        reply.type('application/ld+json').send(JSON.stringify(contextDocument(profiles()))),
    );

    app.get(
      '/ngsi-ld/v1/entities',
      {
        schema: {
          ...tags,
          summary:
            'NGSI-LD query: sites (PointOfInterest), devices (Device) and ash/sulphur analyses (ProcessChemicalAnalysis) you may read; type, id or attrs required; limit (≤ 1000), offset, count=true, options=keyValues',
          querystring: NgsiQuery,
        },
      },
      async (req, reply) => {
        checkLinkContext(req);
        const q = req.query;
        refuseUnsupported(q);
        const typeNames = csv(q.type);
        const ids = csv(q.id);
        const attrs = csv(q.attrs)?.map((a) => attributeOf(a, profiles())) ?? null;
        if (!typeNames && !ids && !attrs) throw invalid(n.ngsiNeedsFilter());
        for (const id of ids ?? []) if (!isUri(id)) throw invalid(n.ngsiNotUri({ id }));
        const limit = integer(q, 'limit', DEFAULT_LIMIT);
        const offset = integer(q, 'offset', 0);
        if (limit > MAX_LIMIT)
          throw new NgsiError('TooManyResults', 403, n.ngsiTooMany({ max: MAX_LIMIT }));
        const count = q.count === 'true';
        if (limit === 0 && !count)
          throw badParameter('limit', 'at least 1 (0 only with count=true)');
        let types: Set<EntityType> | null = null;
        if (typeNames) {
          types = new Set();
          for (const t of typeNames) {
            const known = typeOf(t);
            if (known) types.add(known);
          }
        }
        let list = types && types.size === 0 ? [] : await ngsiLd.entities(req.actor, types);
        if (ids) list = list.filter((e) => ids.includes(e.id));
        if (attrs) list = list.filter((e) => attrs.some((a) => a in e));
        if (count) reply.header('ngsild-results-count', String(list.length));
        const page = list.slice(offset, offset + limit).map((e) => pickAttributes(e, attrs));
        return answer(req, reply, form(q) === 'simplified' ? page.map(simplified) : page);
      },
    );

    app.get(
      '/ngsi-ld/v1/entities/:id',
      {
        schema: {
          ...tags,
          summary:
            'One NGSI-LD entity by its URN (urn:ngsi-ld:Device:…, …); attrs, options=keyValues',
          params: z.object({ id: z.string().min(1).max(300) }),
          querystring: NgsiQuery,
        },
      },
      async (req, reply) => {
        checkLinkContext(req);
        refuseUnsupported(req.query);
        const { id } = req.params;
        if (!isUri(id)) throw invalid(n.ngsiNotUri({ id }));
        const attrs = csv(req.query.attrs)?.map((a) => attributeOf(a, profiles())) ?? null;
        const e = pickAttributes(await ngsiLd.entity(req.actor, id), attrs);
        return answer(req, reply, form(req.query) === 'simplified' ? simplified(e) : e);
      },
    );

    app.get(
      '/ngsi-ld/v1/temporal/entities/:id',
      {
        schema: {
          ...tags,
          summary:
            "A device's telemetry as an NGSI-LD temporal entity: attrs=KEY[,KEY], timerel=between&timeAt=T&endTimeAt=T (or before/after timeAt), lastN, options=temporalValues; the API's access rules and grants",
          params: z.object({ id: z.string().min(1).max(300) }),
          querystring: TemporalQuery,
        },
      },
      async (req, reply) => {
        checkLinkContext(req);
        const q = req.query;
        refuseUnsupported(q);
        const { id } = req.params;
        if (!isUri(id)) throw invalid(n.ngsiNotUri({ id }));
        const timeAt = q.timeAt === undefined ? null : parseRfc3339(q.timeAt);
        const endTimeAt = q.endTimeAt === undefined ? null : parseRfc3339(q.endTimeAt);
        if (q.timeAt !== undefined && timeAt === null)
          throw badParameter('timeAt', m.badTs().text(requestLang(req)));
        if (q.endTimeAt !== undefined && endTimeAt === null)
          throw badParameter('endTimeAt', m.badTs().text(requestLang(req)));
        const timerel = q.timerel;
        if (!timerel || !['before', 'after', 'between'].includes(timerel))
          throw badParameter('timerel', 'before, after or between');
        if (timeAt === null) throw badParameter('timeAt', 'required with timerel');
        if (timerel === 'between' && endTimeAt === null)
          throw badParameter('endTimeAt', 'required with timerel=between');
        const iso = (ms: number) => new Date(ms).toISOString();
        const [from, to] =
          timerel === 'between'
            ? [timeAt, endTimeAt ?? timeAt]
            : timerel === 'before'
              ? [0, timeAt]
              : [timeAt, Date.now() + 86_400_000];
        const lastN = q.lastN === undefined ? null : integer(q, 'lastN', 0);
        if (lastN === 0) throw badParameter('lastN', 'at least 1');
        const attrs = csv(q.attrs)?.map((a) => attributeOf(a, profiles())) ?? null;
        const t = await ngsiLd.temporal(req.actor, id, attrs, iso(from), iso(to));
        const series = t.series.map((s) => ({
          ...s,
          points: lastN === null ? s.points : s.points.slice(-lastN),
        }));
        const options = csv(q.options) ?? [];
        const shape =
          options.includes('temporalValues') || q.format === 'temporalValues'
            ? 'temporalValues'
            : 'normalized';
        return answer(req, reply, temporalEntity(t.id, t.type, series, shape));
      },
    );

    // anything else under /ngsi-ld/: NGSI-LD's not-found, not the web app
    app.get('/ngsi-ld/*', { schema: { hide: true } }, async (req) => {
      throw new NgsiError('ResourceNotFound', 404, n.ngsiNoRoute({ path: req.url.split('?')[0] }));
    });
  };
