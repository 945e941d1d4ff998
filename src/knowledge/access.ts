// Who sees what: public to anyone; members to logged-in users of current member organisations;
// organisations to the owner and the organisations named (a project's participants too). The
// operator sees everything. The same rules stand as SQL in repository.ts (visibleTo), so that a
// search never lets an invisible record through.
import { type Actor, isOperator } from '../model/index.ts';
import type { Viewer } from './repository.ts';

export function viewerOf(actor: Actor): Viewer {
  const loggedIn = actor.kind !== 'anonymous' && !!actor.role;
  return {
    operator: isOperator(actor),
    member: loggedIn && actor.member !== false,
    organisationId: loggedIn ? actor.organisationId : null,
  };
}

export interface Guarded {
  organisationId: string;
  visibility: string;
  audience?: readonly string[];
  participants?: ReadonlyArray<{ organisationId: string }>;
}

/** The organisations named as the audience of a record (a project's participants included). */
export const audienceOf = (r: Guarded): string[] => [
  ...new Set([...(r.audience ?? []), ...(r.participants ?? []).map((p) => p.organisationId)]),
];

export function canSee(r: Guarded, v: Viewer): boolean {
  if (v.operator || r.visibility === 'public') return true;
  if (r.visibility === 'members' && v.member) return true;
  if (!v.organisationId) return false;
  if (r.organisationId === v.organisationId) return true;
  return r.visibility === 'organisations' && audienceOf(r).includes(v.organisationId);
}
