/** The platform's HTTP API: same origin, session cookie, RFC 9457 problems. */
export interface FieldError {
  field?: string;
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
  code?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status() {
    return this.problem.status;
  }

  /** Messages per field path, e.g. `organisation.inn`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? [])
      if (e.field && !out[e.field]) out[e.field] = e.message;
    return out;
  }
}

/** The UI's language, sent as `Accept-Language` so that problems and field messages come in it. */
let uiLanguage: 'ru' | 'en' = 'ru';

/** Called by the session whenever the interface language changes. */
export function setApiLanguage(locale: 'ru' | 'en') {
  uiLanguage = locale;
}

async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      return { title: body.title ?? res.statusText, status: res.status, ...body };
    } catch {
      // fall through: a broken body still gets a problem
    }
  }
  return { title: res.statusText || 'Error', status: res.status, detail: `HTTP ${res.status}` };
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  init: { raw?: boolean } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json', 'accept-language': uiLanguage }
          : {
              accept: 'application/json',
              'accept-language': uiLanguage,
              'content-type': init.raw ? 'application/octet-stream' : 'application/json',
            },
      body: body === undefined ? undefined : init.raw ? (body as BodyInit) : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError({
      title: 'Network error',
      status: 0,
      detail: e instanceof Error ? e.message : String(e),
      code: 'network',
    });
  }
  if (!res.ok) throw new ApiError(await problemOf(res));
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, file: Blob) => request<T>('POST', path, file, { raw: true }),
};

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
