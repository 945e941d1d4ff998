import { z } from 'zod';

/** A password people cannot guess in a few tries: 10 characters or more, not one repeated. */
export const Password = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200)
  .refine((p) => new Set(p).size >= 5, 'use at least 5 different characters')
  .meta({ id: 'Password' });
