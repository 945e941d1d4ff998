// Signals read off the ecosystem network for the control and geography characteristics:
// keystone vs dominator (Iansiti & Levien, "The Keystone Advantage", 2004), leader change
// between periods, ties crossing agglomerations and the region's border, and the HHI of
// transaction value. Pure; every threshold is in ROLE_THRESHOLDS.
import type { Graph } from './network-graph.ts';

/**
 * The thresholds of the keystone/dominator reading, in one place.
 * - value share of a node: the share of the cluster's transaction value (each tie counted
 *   once) in ties the node is party to; shares sum to 2 over the nodes (every tie has two
 *   parties), a hub party to every tie has share 1.
 * - dominator: value share ≥ `dominatorShare` — it is party to at least half of all the value
 *   exchanged: it captures the value rather than spreading it (Iansiti & Levien's "value
 *   dominator"), whatever its betweenness.
 * - keystone: normalised betweenness ≥ `keystoneBetweenness` (on at least a fifth of the
 *   shortest paths between other pairs: it connects the ecosystem) with a moderate value
 *   share, `keystoneMinShare` ≤ share < `dominatorShare` (it takes part in the exchange it
 *   enables, without owning it).
 * - niche: every other node.
 */
export const ROLE_THRESHOLDS = {
  dominatorShare: 0.5,
  keystoneBetweenness: 0.2,
  keystoneMinShare: 0.05,
} as const;

export type NetworkRole = 'dominator' | 'keystone' | 'niche';

export interface ValueTie {
  source: string;
  target: string;
  /** transaction value (any unit, ≥ 0; e.g. kopecks) */
  value: number;
}

/**
 * Each organisation's value share: Σ value of the ties it is party to / Σ value of all ties.
 * A self-tie counts once. Organisations without ties (or all values 0) have share 0.
 */
export function valueShares(
  ids: readonly string[],
  ties: readonly ValueTie[],
): Map<string, number> {
  const party = new Map<string, number>(ids.map((id) => [id, 0]));
  let total = 0;
  for (const t of ties) {
    total += t.value;
    party.set(t.source, (party.get(t.source) ?? 0) + t.value);
    if (t.target !== t.source) party.set(t.target, (party.get(t.target) ?? 0) + t.value);
  }
  const out = new Map<string, number>();
  for (const [id, v] of party) out.set(id, total > 0 ? v / total : 0);
  return out;
}

/** Keystone, dominator or niche by ROLE_THRESHOLDS (a dominator is never a keystone). */
export function networkRole(
  betweenness: number,
  valueShare: number,
  t: typeof ROLE_THRESHOLDS = ROLE_THRESHOLDS,
): NetworkRole {
  if (valueShare >= t.dominatorShare) return 'dominator';
  if (betweenness >= t.keystoneBetweenness && valueShare >= t.keystoneMinShare) return 'keystone';
  return 'niche';
}

/**
 * Herfindahl–Hirschman index of transaction value over organisations: Σ s², s an
 * organisation's share of all turnover (the value of its ties over the sum of that over all
 * organisations; a self-tie counts once). From 1/N (even) to 1 (one organisation's) — on
 * 0..1, not the antitrust 0..10 000 (multiply by 10⁴). null without value.
 */
export function valueHhi(ties: readonly ValueTie[]): number | null {
  const turnover = new Map<string, number>();
  let sum = 0;
  for (const t of ties) {
    turnover.set(t.source, (turnover.get(t.source) ?? 0) + t.value);
    sum += t.value;
    if (t.target !== t.source) {
      turnover.set(t.target, (turnover.get(t.target) ?? 0) + t.value);
      sum += t.value;
    }
  }
  if (!(sum > 0)) return null;
  let hhi = 0;
  for (const v of turnover.values()) hhi += (v / sum) ** 2;
  return hhi;
}

/** Average ranks (1 = smallest), ties sharing the mean of their positions. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    for (let k = i; k <= j; k++) out[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/**
 * Spearman's rank correlation of a centrality between two periods, over the organisations
 * present in both (ties get average ranks; the coefficient is Pearson's on the ranks, so it
 * stays exact with ties). null with fewer than 2 common organisations or when either period
 * ranks them all equal. 1: the same order; −1: reversed.
 */
export function rankCorrelation(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): number | null {
  const common = [...before.keys()].filter((id) => after.has(id));
  if (common.length < 2) return null;
  const x = ranks(common.map((id) => before.get(id)!));
  const y = ranks(common.map((id) => after.get(id)!));
  const mean = (common.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < common.length; i++) {
    sxy += (x[i]! - mean) * (y[i]! - mean);
    sxx += (x[i]! - mean) ** 2;
    syy += (y[i]! - mean) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** The organisation of the highest value (ties: the first id in code-point order); null if none. */
export function topNode(centrality: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let value = Number.NEGATIVE_INFINITY;
  for (const [id, v] of centrality)
    if (v > value || (v === value && best !== null && id < best)) {
      best = id;
      value = v;
    }
  return best;
}

/**
 * The size of the largest connected component, and its size once `without` (a node index)
 * is removed with its ties; shrink = 1 − after/before (0 for an empty graph).
 */
export function lccShrink(
  g: Graph,
  without: number,
): { before: number; after: number; shrink: number } {
  const largest = (skip: number) => {
    const seen = new Uint8Array(g.n);
    const queue = new Int32Array(g.n);
    let best = 0;
    for (let s = 0; s < g.n; s++) {
      if (seen[s] || s === skip) continue;
      let head = 0;
      let tail = 0;
      queue[tail++] = s;
      seen[s] = 1;
      while (head < tail) {
        const v = queue[head++]!;
        for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
          const w = g.targets[e]!;
          if (!seen[w] && w !== skip) {
            seen[w] = 1;
            queue[tail++] = w;
          }
        }
      }
      best = Math.max(best, tail);
    }
    return best;
  };
  const before = largest(-1);
  const after = largest(without);
  return { before, after, shrink: before === 0 ? 0 : 1 - after / before };
}

export interface LeaderChange {
  /** Spearman's ρ of the centrality, previous period vs this one (null: not computable) */
  rankCorrelation: number | null;
  topBefore: string | null;
  topAfter: string | null;
  /** the top organisation is not the same as in the previous period */
  topChanged: boolean;
  /** this period's graph: largest component before/after removing its top organisation */
  lcc: { before: number; after: number; shrink: number } | null;
}

/**
 * The leader-change signal between two consecutive periods: rank correlation of a centrality
 * (e.g. betweenness or PageRank), turnover of the top organisation, and how much this
 * period's largest connected component shrinks without its top organisation.
 */
export function leaderChange(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  graphAfter: Graph,
): LeaderChange {
  const topBefore = topNode(before);
  const topAfter = topNode(after);
  const at = topAfter === null ? -1 : graphAfter.ids.indexOf(topAfter);
  return {
    rankCorrelation: rankCorrelation(before, after),
    topBefore,
    topAfter,
    topChanged: topBefore !== topAfter,
    lcc: at < 0 ? null : lccShrink(graphAfter, at),
  };
}

export interface PlacedNode {
  id: string;
  region: string;
  agglomeration: string | null;
}

export interface CrossingShares {
  /** ties whose parties are not both in the same agglomeration, by count and by value */
  agglomerationTies: number | null;
  agglomerationValue: number | null;
  /** ties whose parties sit in different regions (crossing the region's border) */
  regionTies: number | null;
  regionValue: number | null;
}

/**
 * Shares of ties crossing agglomerations and the region's border. A tie stays inside an
 * agglomeration only when both parties name the same one: a party outside every
 * agglomeration (null) makes it a crossing tie. Value shares weigh ties by `value` (null when
 * no tie has value); count shares are null without ties. Ties naming an unknown organisation
 * are left out.
 */
export function crossingShares(
  nodes: readonly PlacedNode[],
  ties: readonly { source: string; target: string; value?: number }[],
): CrossingShares {
  const at = new Map(nodes.map((n) => [n.id, n]));
  let count = 0;
  let value = 0;
  let aggCount = 0;
  let aggValue = 0;
  let regCount = 0;
  let regValue = 0;
  for (const t of ties) {
    const a = at.get(t.source);
    const b = at.get(t.target);
    if (!a || !b) continue;
    const v = t.value ?? 0;
    count++;
    value += v;
    if (a.agglomeration === null || a.agglomeration !== b.agglomeration) {
      aggCount++;
      aggValue += v;
    }
    if (a.region !== b.region) {
      regCount++;
      regValue += v;
    }
  }
  return {
    agglomerationTies: count ? aggCount / count : null,
    agglomerationValue: value > 0 ? aggValue / value : null,
    regionTies: count ? regCount / count : null,
    regionValue: value > 0 ? regValue / value : null,
  };
}
