import { dealableBy } from '../../../src/deals/limits.ts';
import { isObserver } from '../shell/session.tsx';
import type { Listing, User } from '../shell/types.ts';

/** Members, organisation admins and the operator list streams; observers only read. */
export const canList = (user: User | null | undefined) => Boolean(user && !isObserver(user));

/**
 * The caller may open a deal on a listing: staff of a member organisation, neither an observer
 * nor the operator, on a listing the deals service takes a deal on (`dealableBy`, shared with it).
 */
export const opensDealOn = (user: User | null | undefined, l: Listing) =>
  Boolean(
    user &&
      (user.role === 'member' || user.role === 'org_admin') &&
      !l.holderHidden &&
      dealableBy(l, user.organisationId),
  );

/** The caller may edit, publish and withdraw a listing of their own organisation. */
export const ownsListing = (user: User | null | undefined, l: Listing) =>
  Boolean(
    user &&
      user.role !== 'observer' &&
      (user.role === 'operator_admin' ||
        (l.organisationId && l.organisationId === user.organisationId)),
  );
