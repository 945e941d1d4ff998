import { z } from 'zod';
import { Password } from './password.ts';
import { Id } from './registry.ts';

export const UserRole = z
  .enum(['operator_admin', 'org_admin', 'member', 'observer'])
  .meta({ id: 'UserRole' });
export type UserRole = z.infer<typeof UserRole>;

export const Locale = z.enum(['ru', 'en']).meta({ id: 'Locale' });
export type Locale = z.infer<typeof Locale>;

export const User = z
  .object({
    id: z.string(),
    organisationId: Id,
    email: z.email(),
    name: z.string(),
    role: UserRole,
    locale: Locale,
    status: z.enum(['active', 'pending', 'disabled']),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const LoginInput = z
  .object({ email: z.email(), password: z.string().min(1).max(200) })
  .meta({ id: 'Login' });

export const InvitationInput = z
  .object({
    email: z.email(),
    name: z.string().trim().min(2).max(200),
    role: UserRole.exclude(['operator_admin']).default('member'),
  })
  .meta({ id: 'InvitationCreate' });
export type InvitationInput = z.input<typeof InvitationInput>;

export const InvitationAccept = z
  .object({
    token: z.string().min(20),
    password: Password,
    name: z.string().trim().min(2).max(200).optional(),
  })
  .meta({ id: 'InvitationAccept' });

export const UserPatch = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    role: UserRole.exclude(['operator_admin']).optional(),
    locale: Locale.optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .meta({ id: 'UserPatch' });
export type UserPatch = z.infer<typeof UserPatch>;

export const ApiKeyInput = z
  .object({
    name: z.string().trim().min(2).max(100),
    role: z.enum(['member', 'observer']).default('member'),
  })
  .meta({ id: 'ApiKeyCreate' });
export type ApiKeyInput = z.input<typeof ApiKeyInput>;

export const ApiKey = z
  .object({
    id: z.string(),
    organisationId: Id,
    name: z.string(),
    role: z.enum(['member', 'observer']),
    prefix: z.string().describe('first characters of the key, to recognise it'),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKey>;

/** Who is acting: a logged-in user, a machine's API key, the platform itself, or nobody. */
export interface Actor {
  kind: 'user' | 'apikey' | 'system' | 'anonymous';
  /** user id, api key id, `system` or `anonymous` */
  id: string;
  organisationId: string | null;
  role: UserRole | null;
  /**
   * false when the actor's organisation is not a current member (it left, or it is still
   * applying): such an actor reads what the public reads and writes nothing. Unset: a member.
   */
  member?: boolean;
}

export const systemActor: Actor = {
  kind: 'system',
  id: 'system',
  organisationId: null,
  role: 'operator_admin',
};
export const anonymousActor: Actor = {
  kind: 'anonymous',
  id: 'anonymous',
  organisationId: null,
  role: null,
};

/** The journal's actor string. */
export const actorRef = (a: Actor) => (a.kind === 'apikey' ? `apikey:${a.id}` : a.id);
