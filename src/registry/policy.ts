import { type Actor, forbidden, type UserRole, unauthenticated } from '../model/index.ts';

const rank: Record<UserRole, number> = { observer: 0, member: 1, org_admin: 2, operator_admin: 3 };

export const isOperator = (a: Actor) => a.role === 'operator_admin';

export function requireLogin(actor: Actor): void {
  if (actor.kind === 'anonymous' || !actor.role) throw unauthenticated();
}

/** The operator admin may act for any organisation; everyone else only for their own, with at least `least` role. */
export function requireOrganisationRole(
  actor: Actor,
  organisationId: string,
  least: UserRole,
): void {
  requireLogin(actor);
  if (isOperator(actor)) return;
  if (actor.organisationId !== organisationId) {
    throw forbidden('You may change only the records of your own organisation');
  }
  if (rank[actor.role!] < rank[least]) {
    throw forbidden(`This needs the role ${least} or higher; yours is ${actor.role}`);
  }
}

export function requireOperator(actor: Actor): void {
  requireLogin(actor);
  if (!isOperator(actor)) throw forbidden('Only the platform operator may do this');
}

/** Reading inside an organisation (users, keys): its own people or the operator. */
export function requireOwnOrOperator(actor: Actor, organisationId: string): void {
  requireLogin(actor);
  if (!isOperator(actor) && actor.organisationId !== organisationId) {
    throw forbidden('You may see only your own organisation');
  }
}

/** The public directory shows members and former members; applicants only to themselves and the operator. */
export const inPublicDirectory = (actor: Actor, o: { id: string; status: string }) =>
  o.status === 'member' ||
  o.status === 'former' ||
  isOperator(actor) ||
  actor.organisationId === o.id;
