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
