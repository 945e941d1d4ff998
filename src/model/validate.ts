import type { z } from 'zod';
import { fieldProblems, invalid } from './errors.ts';

/** Parses input with its schema or throws a 400 naming every bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what = 'input',
): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(`Invalid ${what}`, fieldProblems(r.error.issues));
  return r.data;
}
