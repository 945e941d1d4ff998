// A user's role by its key in the shell's dictionary.
import type { UserRole } from './types.ts';

export const roleKey = {
  operator_admin: 'roleOperatorAdmin',
  org_admin: 'roleOrgAdmin',
  member: 'roleMember',
  observer: 'roleObserver',
} as const satisfies Record<UserRole, string>;
