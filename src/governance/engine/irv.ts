// Instant runoff over weighted rankings. Pure.
import type { Round } from './input.ts';

export interface RankedBallot {
  ranking: readonly string[];
  weight: number;
}

export interface IrvOutcome {
  winner?: string;
  tie: boolean;
  rounds: Round[];
}

/**
 * Each round counts every ballot for its highest-ranked continuing candidate. A candidate with
 * more than half of the continuing ballots wins, as does the last one standing (with any
 * ballots). Otherwise the candidate with the fewest is eliminated; a tie for the fewest is
 * broken by the fewest in the earliest round where the tied candidates' counts differ
 * (narrowing to those with the fewest there and looking on), and if still tied the one
 * listed later in `candidates` is eliminated. Two candidates left with equal counts: a tie.
 */
export function instantRunoff(
  candidates: readonly string[],
  ballots: readonly RankedBallot[],
): IrvOutcome {
  const continuing = new Set(candidates);
  const rounds: Round[] = [];
  while (continuing.size > 0) {
    const counts: Record<string, number> = {};
    for (const c of candidates) if (continuing.has(c)) counts[c] = 0;
    let total = 0;
    for (const b of ballots) {
      const top = b.ranking.find((c) => continuing.has(c));
      if (top === undefined) continue;
      counts[top] += b.weight;
      total += b.weight;
    }
    const round: Round = { counts };
    rounds.push(round);
    if (total === 0) return { tie: false, rounds };
    const alive = candidates.filter((c) => continuing.has(c));
    const leader = alive.find((c) => counts[c] * 2 > total);
    if (leader !== undefined) return { winner: leader, tie: false, rounds };
    if (alive.length === 1) return { winner: alive[0], tie: false, rounds };
    if (alive.length === 2 && counts[alive[0]] === counts[alive[1]]) return { tie: true, rounds };
    const fewest = Math.min(...alive.map((c) => counts[c]));
    let tied = alive.filter((c) => counts[c] === fewest);
    for (let r = 0; r < rounds.length - 1 && tied.length > 1; r++) {
      const earlier = rounds[r].counts;
      const least = Math.min(...tied.map((c) => earlier[c]));
      if (tied.some((c) => earlier[c] !== least)) tied = tied.filter((c) => earlier[c] === least);
    }
    const out = tied[tied.length - 1];
    round.eliminated = out;
    continuing.delete(out);
  }
  return { tie: false, rounds };
}
