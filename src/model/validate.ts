import { z } from 'zod';
import { common } from './common-messages.ts';
import { fieldProblems, invalid } from './errors.ts';

/** Parses input with its schema or throws a 400 naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(common.invalidInput(), fieldProblems(r.error.issues));
  return r.data;
}

/**
 * The patch form of an object schema: every field optional and no defaults, so a patch
 * carries only what the caller sent (zod's `.partial()` would still fill in defaults and
 * silently reset fields the caller never touched).
 */
export function patchOf<T extends z.ZodRawShape>(
  schema: z.ZodObject<T>,
): ReturnType<z.ZodObject<T>['partial']>;
// The overload above states the type; this signature only builds the object at run time.
export function patchOf(schema: z.ZodObject<z.ZodRawShape>): z.ZodObject<z.ZodRawShape> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const bare =
      field instanceof z.ZodDefault ? (field.removeDefault() as z.ZodType) : (field as z.ZodType);
    shape[key] = bare.optional();
  }
  return z.object(shape);
}
