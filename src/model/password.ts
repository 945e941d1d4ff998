import { z } from 'zod';
import { isStrongPassword } from './password-rule.ts';

export { isStrongPassword };

/** A password people cannot guess in a few tries. */
export const Password = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200)
  .refine(isStrongPassword, 'use at least 5 different characters')
  .meta({ id: 'Password' });
