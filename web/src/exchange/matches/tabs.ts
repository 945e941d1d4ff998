// The inbox's tabs: what waits for your decision, each status of a proposal, and all. Pure.
import type { MatchProposal } from '../../shell/types.ts';
import { matchStatuses } from '../../shell/vocabulary.ts';

export const tabs = ['waiting', ...matchStatuses, 'all'] as const;
export type Tab = (typeof tabs)[number];

/** A proposal where a side your organisation holds has not decided yet. */
export const waitingForYou = (
  m: Pick<MatchProposal, 'status' | 'yourSides' | 'supply' | 'demand'>,
) => m.status === 'proposed' && m.yourSides.some((s) => m[s].decision === 'pending');

/** The proposals a tab shows. */
export function inTab<M extends Pick<MatchProposal, 'status' | 'yourSides' | 'supply' | 'demand'>>(
  tab: Tab,
  all: readonly M[],
): M[] {
  if (tab === 'all') return [...all];
  if (tab === 'waiting') return all.filter(waitingForYou);
  return all.filter((m) => m.status === tab);
}
