// Who sees what of a listing: drafts and withdrawn listings stay with their holder, members-only
// listings with logged-in members, and an anonymous holder stays hidden until both sides of a
// match with the viewer's organisation accept.
import { type Actor, isOperator } from '../model/index.ts';
import type { Reader } from '../store/index.ts';
import { revealedListingIds } from './repository.ts';
import type { ListingRecord, ListingStatus } from './schema.ts';

/** The status a reader sees: an active listing whose window has ended is expired. */
export function statusOn(
  l: Pick<ListingRecord, 'status' | 'availableTo'>,
  day: string,
): ListingStatus {
  return l.status === 'active' && l.availableTo < day ? 'expired' : l.status;
}

export function canSee(l: ListingRecord, actor: Actor): boolean {
  const own = isOperator(actor) || actor.organisationId === l.organisationId;
  if (l.status === 'draft' || l.status === 'withdrawn') return own;
  if (l.visibility === 'members')
    return own || (actor.kind !== 'anonymous' && !!actor.role && actor.member !== false);
  return true;
}

/** The listings whose anonymous holder the actor's organisation has been revealed. */
export async function revealedTo(reader: Reader, actor: Actor): Promise<Set<string>> {
  if (!actor.organisationId || actor.member === false) return new Set();
  return revealedListingIds(reader, actor.organisationId);
}

export function holderShown(
  l: Pick<ListingRecord, 'id' | 'organisationId' | 'visibility'>,
  actor: Actor,
  revealed: ReadonlySet<string>,
): boolean {
  return (
    l.visibility !== 'anonymous' ||
    isOperator(actor) ||
    actor.organisationId === l.organisationId ||
    revealed.has(l.id)
  );
}
