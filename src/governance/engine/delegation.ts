// Delegation of a vote, per topic: transitive, cycle-safe, overridden by a direct vote.
// Pure: plain data in, plain data out.
import type { Delegation } from './input.ts';

export interface Resolution {
  /** Each direct voter → the members whose votes their ballot carries (themselves first). */
  carried: Map<string, string[]>;
  /** Every member whose vote is counted, each once: who carries it. */
  countedBy: Map<string, string>;
  /** Members whose delegation chain ends in a cycle or at someone who did not vote. */
  uncounted: string[];
}

/**
 * Follows each non-voter's delegation (from → to) until it reaches a direct voter. A member
 * who voted directly is counted for themselves whatever they delegated; a chain that runs
 * into a cycle or ends at a member who neither voted nor delegated counts for no one.
 * `delegations` holds at most one delegation per member (the service keeps one per topic).
 */
export function resolveDelegations(
  electorate: readonly string[],
  voters: ReadonlySet<string>,
  delegations: readonly Delegation[],
): Resolution {
  const next = new Map<string, string>();
  for (const d of delegations) next.set(d.from, d.to);
  const carried = new Map<string, string[]>();
  const countedBy = new Map<string, string>();
  const uncounted: string[] = [];
  for (const v of voters) carried.set(v, [v]);
  for (const member of electorate) {
    if (voters.has(member)) {
      countedBy.set(member, member);
      continue;
    }
    const seen = new Set<string>([member]);
    let at = next.get(member);
    while (at !== undefined && !voters.has(at) && !seen.has(at)) {
      seen.add(at);
      at = next.get(at);
    }
    if (at !== undefined && voters.has(at)) {
      countedBy.set(member, at);
      carried.get(at)?.push(member);
    } else uncounted.push(member);
  }
  return { carried, countedBy, uncounted };
}
