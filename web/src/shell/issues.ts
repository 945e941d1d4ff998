// A form's problems by field: the form's own (a key of its dictionary: a box left empty, text
// that is not a number) or the rules of the server's schema and the server's refusals, which
// come worded in the user's language. Pure.

export type Issue<K extends string> =
  | { key: K; params?: Record<string, string | number> }
  | { code: string; text: string };
export type Issues<K extends string> = Record<string, Issue<K>>;

/** A rule a body breaks, as the server's schema words it. */
export interface SchemaProblem {
  field: string;
  code: string;
  text: string;
}
export type SchemaCheck = (body: unknown) => SchemaProblem[];

/** The form's own problems and then the schema's, by form field: the form's word comes first. */
export function withSchemaProblems<K extends string>(
  own: Issues<K>,
  problems: readonly SchemaProblem[],
  formField: (path: string) => string = (path) => path,
): Issues<K> {
  const out = { ...own };
  for (const p of problems) out[formField(p.field)] ??= { code: p.code, text: p.text };
  return out;
}

/** A server's refusal by form field: the first message of each field. */
export function problemIssues<K extends string>(
  errors: ReadonlyArray<{ field?: string; code?: string; message: string }>,
  formField: (path: string) => string = (path) => path,
): Issues<K> {
  const out: Issues<K> = {};
  for (const e of errors)
    if (e.field) out[formField(e.field)] ??= { code: e.code ?? 'invalid', text: e.message };
  return out;
}
