// A body checked by one of the server's zod schemas, its problems worded as the server would
// word them (src/model/errors.ts). Only the lazily loaded schema chunks import this: it brings zod.
import type { z } from 'zod';
import { fieldProblems, wordIn } from '../../../src/model/errors.ts';
import type { Lang } from '../../../src/model/messages.ts';
import type { SchemaProblem } from './issues.ts';

export function schemaProblems(schema: z.ZodType, body: unknown, lang: Lang): SchemaProblem[] {
  const r = schema.safeParse(body);
  if (r.success) return [];
  return fieldProblems(r.error.issues).map((p) => ({
    field: p.field,
    code: typeof p.message === 'string' ? 'invalid' : p.message.code,
    text: wordIn(p.message, lang),
  }));
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
  return fieldProblems(issues).map((p) => ({
    field: p.field,
    code: typeof p.message === 'string' ? 'invalid' : p.message.code,
    text: wordIn(p.message, lang),
  }));
}
