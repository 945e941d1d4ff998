// The inbox's tabs: what waits for your decision, each status of a proposal, and all. Pure.
import type { MatchProposal } from '../../shell/types.ts';
import { matchStatuses } from '../../shell/vocabulary.ts';

export const tabs = ['waiting', ...matchStatuses, 'all'] as const;
export type Tab = (typeof tabs)[number];

/** What the tabs read of a proposal. */
interface Decisions {
  status: MatchProposal['status'];
  yourSides: MatchProposal['yourSides'];
  supply: { decision: MatchProposal['supply']['decision'] };
  demand: { decision: MatchProposal['demand']['decision'] };
}

/** A proposal where a side your organisation holds has not decided yet. */
export const waitingForYou = (m: Decisions) =>
  m.status === 'proposed' && m.yourSides.some((s) => m[s].decision === 'pending');

/** The proposals a tab shows. */
export function inTab<M extends Decisions>(tab: Tab, all: readonly M[]): M[] {
  if (tab === 'all') return [...all];
  if (tab === 'waiting') return all.filter(waitingForYou);
  return all.filter((m) => m.status === tab);
}
