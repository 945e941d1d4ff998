/** One error type for the whole platform: services throw it, the HTTP edge maps it to problem+json once. */
export interface FieldProblem {
  /** dotted path of the offending field, e.g. `sites.0.lat` */
  field: string;
  /** the rule it broke, in words */
  message: string;
  /** for file imports: the line (CSV), row (XLSX) or position in its list (JSON, GeoJSON) */
  line?: number;
  /** for file imports: organisations, sites or memberships */
  section?: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (message: string, fields: FieldProblem[] = []) =>
  new DomainError(400, 'invalid', message, fields);
export const unauthenticated = (message = 'Log in or send an API key') =>
  new DomainError(401, 'unauthenticated', message);
export const forbidden = (message = 'Your role or organisation may not do this') =>
  new DomainError(403, 'forbidden', message);
export const notFound = (what: string, id: string) =>
  new DomainError(404, 'not_found', `${what} ${id} does not exist`);
export const conflict = (message: string, fields: FieldProblem[] = []) =>
  new DomainError(409, 'conflict', message, fields);
export const tooManyRequests = (message: string) =>
  new DomainError(429, 'too_many_requests', message);

/** Turns zod issues into field problems. */
export function fieldProblems(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldProblem[] {
  return issues.map((i) => {
    const problem: FieldProblem = {
      field: i.path.map(String).join('.') || '(body)',
      message: i.message,
    };
    // The raw issue rides along unseen (not serialised) so the edge can word it in the caller's language.
    Object.defineProperty(problem, 'issue', { value: i, enumerable: false });
    return problem;
  });
}
