// The inbox's tabs, which never overlap: what waits for your decision, what waits for the other
// side, what is agreed, and what is over (declined or closed). Pure.
import type { MatchProposal } from '../../shell/types.ts';

export const tabs = ['waiting', 'pending', 'accepted', 'closed'] as const;
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

/** The tab a proposal belongs to: exactly one. */
export function tabOf(m: Decisions): Tab {
  if (m.status === 'proposed') return waitingForYou(m) ? 'waiting' : 'pending';
  if (m.status === 'accepted') return 'accepted';
  return 'closed';
}

/** The proposals a tab shows. */
export function inTab<M extends Decisions>(tab: Tab, all: readonly M[]): M[] {
  return all.filter((m) => tabOf(m) === tab);
}

/** The tabs a reader has: the operator holds no side, so nothing ever waits for its decision. */
export const tabsFor = (operator: boolean): readonly Tab[] => (operator ? operatorTabs : tabs);
const operatorTabs: readonly Tab[] = tabs.filter((t) => t !== 'waiting');

/**
 * The tab to open on: what waits for you, or else the first tab with content (the operator,
 * who holds no side, lands on what waits for the sides).
 */
export function firstTab(all: readonly Decisions[], shown: readonly Tab[] = tabs): Tab {
  return shown.find((t) => all.some((m) => tabOf(m) === t)) ?? shown[0];
}
