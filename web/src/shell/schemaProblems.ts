// A body checked by one of the server's zod schemas, its problems worded as the server would
// word them (src/model/errors.ts). Only the lazily loaded schema chunks import this: it brings zod.
import type { z } from 'zod';
import { fieldProblems, wordIn } from '../../../src/model/errors.ts';
import type { Lang } from '../../../src/model/messages.ts';
import type { SchemaProblem } from './issues.ts';

export function schemaProblems(schema: z.ZodType, body: unknown, lang: Lang): SchemaProblem[] {
  const r = schema.safeParse(body);
  return r.success ? [] : worded(r.error.issues, lang);
}

function worded(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string }>,
  lang: Lang,
): SchemaProblem[] {
  return fieldProblems([...issues]).map((p) => ({
    field: p.field,
    code: typeof p.message === 'string' ? 'invalid' : p.message.code,
    text: wordIn(p.message, lang),
  }));
}

/**
 * Every problem of a body under a schema that is `fields.superRefine(rules)`: the fields' own
 * problems, then the cross-field rules' — each once. Checked against the fields alone, so the
 * rules run here exactly once: on the parsed body when every field parses (as the server's
 * schema runs them), and on the body as it is only when the fields reported problems (the
 * schema would then run them or not, depending on the kind of failure; a form would learn of
 * them one submit later, or twice).
 */
export function problemsWithRules<S extends z.ZodType>(
  fields: S,
  rules: (value: z.output<S>, ctx: z.RefinementCtx) => void,
  body: unknown,
  lang: Lang,
): SchemaProblem[] {
  const r = fields.safeParse(body);
  if (r.success) return ruleProblems(rules, r.data, lang);
  // half-valid: the rules read it safely (see ruleProblems)
  return [...worded(r.error.issues, lang), ...ruleProblems(rules, body as z.output<S>, lang)];
}

/**
 * The problems of a schema's cross-field rules (a superRefine function), run on the body even
 * when some field fails: zod runs them only once every field parses, so a form would learn of
 * them one submit later. The rules must read a half-valid body safely.
 */
export function ruleProblems<T>(
  rules: (value: T, ctx: z.RefinementCtx) => void,
  body: T,
  lang: Lang,
): SchemaProblem[] {
  const issues: Array<{ path: PropertyKey[]; message: string; code: string }> = [];
  const ctx: z.RefinementCtx<T> = {
    value: body,
    issues: [],
    addIssue: (i) => {
      if (typeof i === 'string') issues.push({ path: [], message: i, code: 'custom' });
      else issues.push({ path: i.path ?? [], message: i.message ?? '', code: 'custom' });
    },
  };
  rules(body, ctx);
  return worded(issues, lang);
}
