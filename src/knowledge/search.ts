// Search over assets, profiles and projects: the query's words stemmed like the index's, the
// matching (document, term) rows read among the documents the viewer may see (visibility and
// filters in the SQL), and ranked by the pure engine over those rows, the same on both dialects.
import { type Actor, parseInput } from '../model/index.ts';
import type { Reader } from '../store/index.ts';
import { viewerOf } from './access.ts';
import { rank } from './engine/rank.ts';
import { queryTerms } from './engine/text.ts';
import {
  browseDocuments,
  type DocumentRow,
  findDocuments,
  searchHits,
  termStatistics,
} from './repository.ts';
import { type RecordType, type SearchHit, SearchQuery, type SearchResult } from './schema.ts';

const hitOf = (d: DocumentRow, score: number): SearchHit => ({
  type: d.recordType as RecordType,
  id: d.recordId,
  title: d.title,
  titleEn: d.titleEn,
  kind: d.kind,
  organisationId: d.organisationId,
  trl: d.trl,
  score,
});

export async function search(reader: Reader, actor: Actor, input: unknown): Promise<SearchResult> {
  const q = parseInput(SearchQuery, input);
  const viewer = viewerOf(actor);
  const terms = queryTerms(q.q);
  const filter = {
    type: q.type,
    assetType: q.assetType,
    materialId: q.materialId,
    trlMin: q.trlMin,
    trlMax: q.trlMax,
    organisationId: q.organisationId,
  };
  const page = { limit: q.limit, offset: q.offset };
  if (!terms.length) {
    const { rows, total } = await browseDocuments(reader, viewer, filter, page);
    return { results: rows.map((d) => hitOf(d, 0)), terms, total };
  }
  const [hits, stats] = await Promise.all([
    searchHits(reader, terms, viewer, filter),
    termStatistics(reader, terms),
  ]);
  const all = rank(terms, hits, stats.documentCount, stats.frequency);
  const ranked = all.slice(page.offset, page.offset + page.limit);
  const docs = await findDocuments(reader, ranked);
  const byKey = new Map(docs.map((d) => [`${d.recordType} ${d.recordId}`, d]));
  return {
    results: ranked.flatMap((r) => {
      const d = byKey.get(`${r.recordType} ${r.recordId}`);
      return d ? [hitOf(d, r.score)] : [];
    }),
    terms,
    total: all.length,
  };
}
