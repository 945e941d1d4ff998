// Plain functions of the deals' rules (no zod), shared by the server and the web form, so that
// the two cannot state a rule apart (web/src/deals imports this file: see .dependency-cruiser.cjs).
import { clusterDayOf, latestDay } from '../model/days.ts';

/** A lot dated after the latest day at `now` (model/days.ts: today, Kuzbass's) has not happened yet. */
export const isFutureLot = (deliveredOn: string, now: Date): boolean =>
  deliveredOn > latestDay(now);

/**
 * The earliest day a lot of a deal may carry: the day it was opened (Kuzbass's) or its
 * schedule's first day, whichever is earlier. A lot before both is not the deal's.
 */
export const earliestLotDay = (deal: { createdAt: string; schedule: { from: string } }): string =>
  [deal.schedule.from, clusterDayOf(deal.createdAt)].sort()[0];

/** The longest delivery schedule a deal takes, in years from its first day. */
export const SCHEDULE_MAX_YEARS = 10;

/**
 * The last day a schedule from `from` (YYYY-MM-DD) may run to: the same date ten years on. A
 * slip of the year (2099 for 2029) is no contract; long offtake agreements run ten years at most.
 */
export const termLimitOf = (from: string): string =>
  `${String(Number(from.slice(0, 4)) + SCHEDULE_MAX_YEARS).padStart(4, '0')}${from.slice(4)}`;

/** Who is asking, as the server's actor and the web's user both describe it. */
interface Reader {
  readonly role: 'operator_admin' | 'org_admin' | 'member' | 'observer' | null;
  readonly organisationId: string | null;
}

/**
 * Who reads the books (the trial balance, `GET /api/v1/ledger/trial-balance`): the operator
 * (every organisation's), and the staff of an organisation other than observers (its own). An
 * observer reads deals, not their accounting. The service refuses everyone else; the Deals page
 * offers its ledger button to these only.
 */
export const readsBooks = (who: Reader): boolean =>
  who.role === 'operator_admin' ||
  (who.role !== null && who.role !== 'observer' && Boolean(who.organisationId));

/** A listing as the rule for a deal on it reads it (the exchange's record and the web's view). */
interface OfferedListing {
  readonly status: string;
  readonly visibility: string;
  readonly organisationId: string | null;
}

/**
 * Organisation `me` may open a deal on the listing (`POST /api/v1/deals` with its listingId): it is
 * active and its holder is named and someone else (an anonymous listing names no one to deal
 * with, and no one deals with itself). The service refuses any other; the listing's page offers
 * its button on these only.
 */
export const dealableBy = (l: OfferedListing, me: string | null): boolean =>
  l.status === 'active' &&
  l.visibility !== 'anonymous' &&
  Boolean(l.organisationId) &&
  l.organisationId !== me;

/** Months from `from` to `to`, both days included: whole months, then the last one's share of days. */
function monthsOf(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  const daysInLast = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  return Math.max(0, 12 * (y2 - y1) + (m2 - m1) + (d2 - d1 + 1) / daysInLast);
}

/**
 * What a deal on a listing contracts by default: the listing's yearly rate over the period, as a
 * deal's quantity is the whole period's (200 000 t a year over July 2026 – June 2028: 400 000 t),
 * to three decimals. Shared by the service and the new-deal form.
 */
export const quantityOverPeriod = (perYear: number, from: string, to: string): number =>
  Math.round(((perYear * monthsOf(from, to)) / 12) * 1000) / 1000;

/**
 * The period a deal on a listing covers by default: the listing's window from `today` on, as the
 * months already past cannot be delivered in (a window that has not begun, or is over, whole).
 */
export const periodOnListing = (
  l: { availableFrom: string; availableTo: string },
  today: string,
): { from: string; to: string } => ({
  from: l.availableFrom < today && today <= l.availableTo ? today : l.availableFrom,
  to: l.availableTo,
});
