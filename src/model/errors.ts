// One error type for the whole platform: services throw it, the HTTP edge (and the CLI)
// word it in the caller's language once.

import { common } from './common-messages.ts';
import { impliedBound, wordIssue } from './issues.ts';
import type { Lang, Message } from './messages.ts';

/** What an error says: always a message by code (see messages.ts), never plain text. */
export type Wordable = Message;

export const wordIn = (m: Wordable, lang: Lang): string => m.text(lang);

/** The `field` of a problem with a whole file or body rather than one of its fields. */
export const WHOLE_FILE = '';

export interface FieldProblem {
  /** dotted path of the offending field, e.g. `sites.0.lat`; WHOLE_FILE for the file itself */
  field: string;
  /** the rule it broke */
  message: Wordable;
  /** for file imports: the line (CSV), row (XLSX) or position in its list (JSON, GeoJSON) */
  line?: number;
  /** for file imports: organisations, sites or memberships */
  section?: string;
}

/** What went wrong, by kind: each kind has its HTTP status. */
export type ProblemKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_many_requests'
  | 'unavailable';

export const statusOf: Record<ProblemKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_many_requests: 429,
  unavailable: 503,
};

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ProblemKind,
    readonly detail: Wordable,
    readonly fields: FieldProblem[] = [],
    /** seconds, for 429 and 503 */
    readonly retryAfter?: number,
  ) {
    super(wordIn(detail, 'en'));
    this.name = 'DomainError';
    this.status = statusOf[kind];
  }

  /** The stable code of the message, e.g. `exchange.listingWithdrawn`. */
  get code(): string {
    return this.detail.code;
  }
}

export const invalid = (detail: Wordable, fields: FieldProblem[] = []) =>
  new DomainError('invalid', detail, fields);
export const unauthenticated = (detail: Wordable = common.logIn()) =>
  new DomainError('unauthenticated', detail);
export const forbidden = (detail: Wordable = common.forbidden()) =>
  new DomainError('forbidden', detail);
export const notFound = (detail: Wordable) => new DomainError('not_found', detail);
export const conflict = (detail: Wordable, fields: FieldProblem[] = []) =>
  new DomainError('conflict', detail, fields);
export const unprocessable = (detail: Wordable, fields: FieldProblem[] = []) =>
  new DomainError('unprocessable', detail, fields);
export const tooManyRequests = (detail: Wordable, retryAfterSeconds?: number) =>
  new DomainError('too_many_requests', detail, [], retryAfterSeconds);

/** Turns zod issues into field problems, each worded by its code or by zod's own locale. */
export function fieldProblems(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string }>,
): FieldProblem[] {
  return issues
    .filter((i) => !impliedBound(i, issues))
    .map((i) => ({
      // a rule on the whole body: named as the HTTP layer names it («тело запроса»)
      field: i.path.map(String).join('.') || 'body',
      message: wordIssue(i),
    }));
}
