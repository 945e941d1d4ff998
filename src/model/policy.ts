// Who may do what, on the Actor alone: shared by every module's services.
import type { Actor, UserRole } from './actor.ts';
import { forbidden, unauthenticated } from './errors.ts';
import { defineMessages } from './messages.ts';

const access = defineMessages('access', {
  ownOrganisationOnly: {
    en: 'You may change only the records of your own organisation',
    ru: 'Изменять можно только записи своей организации',
  },
  roleTooLow: {
    en: 'This needs the role {least} or higher; yours is {role}',
    ru: 'Нужна роль {least} или выше; у вас — {role}',
  },
  operatorOnly: {
    en: 'Only the platform operator may do this',
    ru: 'Это может только оператор платформы',
  },
  seeOwnOnly: {
    en: 'You may see only your own organisation',
    ru: 'Просматривать можно только свою организацию',
  },
});

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
  if (actor.organisationId !== organisationId) throw forbidden(access.ownOrganisationOnly());
  if (rank[actor.role!] < rank[least])
    throw forbidden(access.roleTooLow({ least, role: actor.role ?? '' }));
}

export function requireOperator(actor: Actor): void {
  requireLogin(actor);
  if (!isOperator(actor)) throw forbidden(access.operatorOnly());
}

/** Reading inside an organisation (users, keys): its own people or the operator. */
export function requireOwnOrOperator(actor: Actor, organisationId: string): void {
  requireLogin(actor);
  if (!isOperator(actor) && actor.organisationId !== organisationId)
    throw forbidden(access.seeOwnOnly());
}
