// From a proposal's records to the tally's input: the same pure step for the service at the
// close and for a replay from the journal, so both count the same ballots the same way.
import type { Delegation, TallyInput } from './input.ts';

/**
 * The longest a vote stays open, and the furthest ahead it may open: a year, a charter's cycle.
 * A ballot closing in 2099 binds members who will not be there to count it.
 */
export const MAX_VOTE_DAYS = 365;

/** The latest moment a vote opening at `opensAt` (ISO) may close, ISO. */
export function latestClose(opensAt: string): string {
  return new Date(Date.parse(opensAt) + MAX_VOTE_DAYS * 86_400_000).toISOString();
}

export interface ProposalVote {
  type: string;
  method: TallyInput['method'];
  candidates: string[];
  quorum: number;
  threshold: number;
  cap?: number;
  /** weighted: the charter's stakes when the proposal was made */
  stakes?: Record<string, number>;
  closesAt: string;
}

export interface BallotRecord {
  voter: string;
  choice?: string;
  approve?: string[];
  ranking?: string[];
  position?: 'agree' | 'abstain' | 'disagree' | 'block';
  reason?: string;
  weight?: number;
}

export interface DelegationSpan {
  from: string;
  to: string;
  /** a proposal type, or 'all' */
  topic: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * The delegations in force when the vote closes, for the proposal's topic: made before the
 * close and not revoked by then (revoking is possible until the close); one per member, a
 * delegation for the topic itself taking precedence over one for all topics.
 */
export function delegationsInForce(
  spans: readonly DelegationSpan[],
  topic: string,
  closesAt: string,
): Delegation[] {
  const chosen = new Map<string, DelegationSpan>();
  for (const d of spans) {
    if (d.topic !== topic && d.topic !== 'all') continue;
    if (d.createdAt > closesAt || (d.revokedAt !== null && d.revokedAt <= closesAt)) continue;
    const had = chosen.get(d.from);
    const better =
      !had ||
      (d.topic === topic && had.topic === 'all') ||
      (d.topic === had.topic && d.createdAt > had.createdAt);
    if (better) chosen.set(d.from, d);
  }
  return [...chosen.values()]
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((d) => ({ from: d.from, to: d.to }));
}

/** Later than any moment: a new delegation, and a vote that has not closed. */
const END = '\uffff';

/**
 * Whether a new delegation would close a loop for some proposal type it covers, with the
 * delegations in force now (`active`; the one it replaces, same member and topic, is dropped):
 * a vote handed round a loop reaches no one who votes, so the loop's votes would count for no
 * one. `types` are the proposal types a delegation for 'all' covers.
 */
export function closesLoop(
  active: readonly DelegationSpan[],
  d: { from: string; to: string; topic: string },
  types: readonly string[],
): boolean {
  const spans = [
    ...active.filter((x) => !(x.from === d.from && x.topic === d.topic)),
    { ...d, createdAt: END, revokedAt: null },
  ];
  for (const type of d.topic === 'all' ? types : [d.topic]) {
    const next = new Map(delegationsInForce(spans, type, END).map((x) => [x.from, x.to]));
    // a delegation for the type itself outranks a new one for all: this one is not followed
    if (next.get(d.from) !== d.to) continue;
    const seen = new Set<string>();
    for (let at: string | undefined = d.to; at !== undefined && !seen.has(at); at = next.get(at)) {
      if (at === d.from) return true;
      seen.add(at);
    }
  }
  return false;
}

/** The tally's input for a proposal: its ballots, the delegations in force, the electorate. */
export function tallyInputFor(
  p: ProposalVote,
  ballots: readonly BallotRecord[],
  spans: readonly DelegationSpan[],
  electorate: readonly string[],
): TallyInput {
  const members = new Set(electorate);
  const delegations = delegationsInForce(spans, p.type, p.closesAt).filter(
    (d) => members.has(d.from) && members.has(d.to),
  );
  return {
    method: p.method,
    candidates: p.candidates,
    ballots: ballots
      .filter((b) => members.has(b.voter))
      .map((b) => ({
        voter: b.voter,
        ...(b.weight !== undefined ? { weight: b.weight } : {}),
        ...(b.choice !== undefined ? { choice: b.choice } : {}),
        ...(b.approve !== undefined ? { approve: b.approve } : {}),
        ...(b.ranking !== undefined ? { ranking: b.ranking } : {}),
        ...(b.position !== undefined ? { position: b.position } : {}),
      })),
    delegations,
    electorate: [...electorate],
    quorum: p.quorum,
    threshold: p.threshold,
    ...(p.cap !== undefined ? { cap: p.cap } : {}),
    // the charter's stakes; a ballot cast before they were recorded keeps the weight it declared
    ...(p.method === 'weighted' && p.stakes ? { weights: p.stakes } : {}),
  };
}
