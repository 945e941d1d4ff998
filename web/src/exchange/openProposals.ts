import { type Locale, pluralForm } from '../i18n/index.ts';
import type { MatchProposal } from '../shell/types.ts';

/**
 * How many open proposals a listing has among the caller's matches: what withdrawing it, or
 * changing its terms, closes (src/exchange/matches.ts closeOpenMatches).
 */
export const openProposalsOf = (
  matches: readonly MatchProposal[] | undefined,
  listingId: string,
): number =>
  (matches ?? []).filter(
    (m) =>
      m.status === 'proposed' &&
      (m.supply.listingId === listingId || m.demand.listingId === listingId),
  ).length;

/** The dictionary key that says "N open proposals will close", in the plural form N takes. */
export const openProposalsKey = (n: number, locale: Locale) =>
  `openProposals:${pluralForm(n, locale)}` as const;
