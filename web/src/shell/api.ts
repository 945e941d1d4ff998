// The platform's HTTP API: same origin, session cookie, RFC 9457 problems. Calls go through
// `client`, typed by the paths and schemas generated from the server's OpenAPI document
// (api-types.ts), so a renamed path or field is a compile error here, not a 404 at run time.
import createClient from 'openapi-fetch';
import type { paths } from './api-types.ts';

/** One bad field of a problem, worded by the server in the caller's language. */
export interface FieldError {
  /** dotted path, e.g. `organisation.inn` or `quality.ash.max` */
  field?: string;
  /** the field's name as people see it, e.g. «ИНН» */
  label?: string;
  /** the rule it broke, as a stable code, and its parameters */
  code?: string;
  params?: Record<string, string | number>;
  /** row of an imported file */
  line?: number;
  /** part of an imported file, e.g. `organisations` */
  section?: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** a stable code: the message's (`exchange.listingWithdrawn`), or `network` / `http` here */
  code?: string;
  params?: Record<string, string | number>;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? (problem.title || problem.code) ?? String(problem.status));
    this.name = 'ApiError';
  }

  get status() {
    return this.problem.status;
  }

  /** Messages per field path, e.g. `organisation.inn` (the first one of each field). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? [])
      if (e.field && !out[e.field]) out[e.field] = e.message;
    return out;
  }
}

/**
 * The problem an answer that is not OK stands for. The server answers problem+json; anything
 * else (a proxy's HTML page, an empty body) gets a problem with no words, code `http`, which
 * the page words itself.
 */
export function problemOf(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const p = body as Partial<Problem>;
    return { ...p, title: typeof p.title === 'string' ? p.title : '', status };
  }
  return { title: '', status, code: 'http' };
}

/** The UI's language, sent as `Accept-Language` so that problems and field messages come in it. */
let uiLanguage: 'ru' | 'en' = 'ru';

/** Called by the session whenever the interface language changes. */
export function setApiLanguage(locale: 'ru' | 'en') {
  uiLanguage = locale;
}

export const client = createClient<paths>({
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});
client.use({
  onRequest({ request }) {
    request.headers.set('accept-language', uiLanguage);
  },
});

type Answer<D> = { data?: D; error?: unknown; response: Response };

/**
 * A call's data, or its refusal thrown as an ApiError: `network` when no answer came back.
 * An answer without a body (204) is `undefined`.
 */
export async function answer<D>(
  call: Promise<Answer<D>>,
): Promise<[D] extends [never] ? undefined : D> {
  let r: Answer<D>;
  try {
    r = await call;
  } catch (e) {
    throw new ApiError({
      title: '',
      status: 0,
      detail: e instanceof Error ? e.message : String(e),
      code: 'network',
    });
  }
  if (!r.response.ok) throw new ApiError(problemOf(r.response.status, r.error));
  return r.data as [D] extends [never] ? undefined : D;
}

/** A query without its empty values: a filter left at «any» is not sent at all. */
export function compact<Q extends Record<string, string | number | undefined>>(
  query: Q,
): Partial<Q> {
  const out: Partial<Q> = {};
  for (const [k, v] of Object.entries(query) as Array<[keyof Q, Q[keyof Q]]>)
    if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/** A path of the API with a GET route, for links the browser follows itself (downloads). */
export type GetPath = {
  [P in keyof paths]: paths[P] extends { get: object } ? P : never;
}[keyof paths];

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** The JSON body a route takes, e.g. `RequestBody<'/api/v1/listings', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query a route takes (every parameter optional where the route says so). */
export type Query<P extends keyof paths, M extends Method> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
