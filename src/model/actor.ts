import { z } from 'zod';

export const UserRole = z
  .enum(['operator_admin', 'org_admin', 'member', 'observer'])
  .meta({ id: 'UserRole' });
export type UserRole = z.infer<typeof UserRole>;

export const Locale = z.enum(['ru', 'en']).meta({ id: 'Locale' });
export type Locale = z.infer<typeof Locale>;

/**
 * Who is acting: a logged-in user, a machine's API key, the platform itself, nobody, or a
 * device posting its telemetry (role null: it may do nothing else).
 */
export interface Actor {
  kind: 'user' | 'apikey' | 'system' | 'anonymous' | 'device';
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
