// Participation figures for the assessment module. Pure.

/** Herfindahl–Hirschman index of shares (0..1): the sum of squared shares of the counts. */
export function hhi(counts: readonly number[]): number | null {
  const total = counts.reduce((s, x) => s + x, 0);
  if (total <= 0) return null;
  return counts.reduce((s, x) => s + (x / total) ** 2, 0);
}

/** Gini coefficient (0 = all equal .. →1): mean absolute difference over twice the mean. */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  if (total <= 0) return null;
  // Σ (2i − n − 1)·x_i / (n Σx), i from 1, over the sorted values
  let acc = 0;
  sorted.forEach((x, i) => {
    acc += (2 * (i + 1) - n - 1) * x;
  });
  return acc / (n * total);
}

export interface DecisionRecord {
  proposalId: string;
  author: string;
  /** Share of the electorate whose vote counted; null while open. */
  turnout: number | null;
  /** How the proposal was decided, if it was. */
  decidedBy?: 'vote' | 'veto';
}

export interface ParticipationFigures {
  turnout: { proposalId: string; turnout: number }[];
  meanTurnout: number | null;
  /** HHI of proposal authorship (one author's share of all proposals, squared, summed). */
  authorshipHhi: number | null;
  decided: number;
  byVoteShare: number | null;
  byVetoShare: number | null;
  /** Gini of the members' vote weights. */
  voteWeightGini: number | null;
}

/** The figures over a cluster's proposals and its members' vote weights; "no data" is null. */
export function participation(
  proposals: readonly DecisionRecord[],
  voteWeights: readonly number[],
): ParticipationFigures {
  const turnout = proposals
    .filter((p) => p.turnout !== null)
    .map((p) => ({ proposalId: p.proposalId, turnout: p.turnout as number }));
  const byAuthor = new Map<string, number>();
  for (const p of proposals) byAuthor.set(p.author, (byAuthor.get(p.author) ?? 0) + 1);
  const decided = proposals.filter((p) => p.decidedBy !== undefined);
  const byVeto = decided.filter((p) => p.decidedBy === 'veto').length;
  return {
    turnout,
    meanTurnout: turnout.length
      ? turnout.reduce((s, t) => s + t.turnout, 0) / turnout.length
      : null,
    authorshipHhi: hhi([...byAuthor.values()]),
    decided: decided.length,
    byVoteShare: decided.length ? (decided.length - byVeto) / decided.length : null,
    byVetoShare: decided.length ? byVeto / decided.length : null,
    voteWeightGini: gini(voteWeights),
  };
}
