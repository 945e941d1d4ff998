// Ranking: the same arithmetic over the same rows, whichever database read them, so that both
// dialects give the same ranked list. BM25-like: each query term contributes its saturated
// weight in the document times its rarity (idf), and the sum is scaled by the share of the
// query's terms the document holds, so a document with every term outranks one with one.

/** One matched (document, term) row as the index holds it. */
export interface TermHit {
  recordType: string;
  recordId: string;
  term: string;
  weight: number;
}

export interface Ranked {
  recordType: string;
  recordId: string;
  score: number;
}

const K1 = 1.2;

/**
 * Ranks documents by the query terms they hold. `documentCount` is the number of documents in
 * the index, `documentFrequency` of each term the number holding it (both over the whole index).
 * Ties fall to type then id, so the order is total.
 */
export function rank(
  queryTerms: readonly string[],
  hits: readonly TermHit[],
  documentCount: number,
  documentFrequency: ReadonlyMap<string, number>,
): Ranked[] {
  if (queryTerms.length === 0) return [];
  const wanted = new Set(queryTerms);
  const docs = new Map<string, { recordType: string; recordId: string; sum: number; n: number }>();
  for (const h of hits) {
    if (!wanted.has(h.term)) continue;
    const key = `${h.recordType}\u0000${h.recordId}`;
    const d = docs.get(key) ?? { recordType: h.recordType, recordId: h.recordId, sum: 0, n: 0 };
    const df = Math.max(1, documentFrequency.get(h.term) ?? 1);
    const idf = Math.log(1 + Math.max(documentCount, df) / df);
    d.sum += ((h.weight * (K1 + 1)) / (h.weight + K1)) * idf;
    d.n += 1;
    docs.set(key, d);
  }
  return [...docs.values()]
    .map((d) => ({
      recordType: d.recordType,
      recordId: d.recordId,
      // rounded, so that the last bit of a float sum cannot reorder equal documents
      score: Math.round(d.sum * (d.n / wanted.size) * 1e6) / 1e6,
    }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.recordType.localeCompare(b.recordType) ||
        (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0),
    );
}
