import { type Actor, isOperator } from '../model/index.ts';

/** The public directory shows members and former members; applicants only to themselves and the operator. */
export const inPublicDirectory = (actor: Actor, o: { id: string; status: string }) =>
  o.status === 'member' ||
  o.status === 'former' ||
  isOperator(actor) ||
  actor.organisationId === o.id;
