import { z } from 'zod';
import { common } from './common-messages.ts';
import { rule } from './messages.ts';
import { isStrongPassword } from './password-rule.ts';

export { isStrongPassword };

/** A password people cannot guess in a few tries. */
export const Password = z
  .string()
  .min(10, rule(common.passwordLength))
  .max(200)
  .refine(isStrongPassword, rule(common.passwordVariety))
  .meta({ id: 'Password' });
