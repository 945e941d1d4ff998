// All of the knowledge module's SQL, reads and writes, over its own tables only, and the
// mapping between its rows and its records.
import type { ColumnType, Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { kopecksFromColumn } from '../model/money.ts';
import type { Database } from '../store/database.ts';
import type { Reader, Tx } from '../store/index.ts';
import type { TermHit } from './engine/rank.ts';
import type {
  AssetRecord,
  OpeningRecord,
  ProfileRecord,
  ProjectRecord,
  RecordType,
} from './schema.ts';

interface RecordTable {
  id: string;
  organisation_id: string;
  visibility: string;
  /** the record's fields as JSON (a project's budget in its own column) */
  data: string;
  created_at: string;
  updated_at: string;
}

/** A bigint column: PostgreSQL reads it back as text, SQLite as a number; written as a number. */
type Money = ColumnType<string | number | bigint, number | undefined, number>;

export interface KnowledgeProjectTable extends RecordTable {
  budget_kopecks: Money;
}

export interface KnowledgeDocumentTable {
  record_type: string;
  record_id: string;
  /** the asset's type, `profile`, or the project's status */
  kind: string;
  organisation_id: string;
  visibility: string;
  trl: number | null;
  title: string;
  title_en: string | null;
}

export interface KnowledgeTermTable {
  record_type: string;
  record_id: string;
  term: string;
  weight: number;
}

export interface KnowledgeLinkTable {
  record_type: string;
  record_id: string;
  /** material | organisation (owner or participant) | audience (named organisation) */
  link: string;
  target_id: string;
}

export interface KnowledgeViewTable {
  record_type: string;
  record_id: string;
  views: number;
}

export interface KnowledgeOpeningTable extends RecordTable {
  /** course | programme | internship | vacancy */
  kind: string;
}

declare module '../store/database.ts' {
  interface Database {
    knowledge_asset: RecordTable;
    knowledge_profile: RecordTable;
    knowledge_project: KnowledgeProjectTable;
    knowledge_document: KnowledgeDocumentTable;
    knowledge_term: KnowledgeTermTable;
    knowledge_link: KnowledgeLinkTable;
    knowledge_view: KnowledgeViewTable;
    knowledge_opening: KnowledgeOpeningTable;
  }
}

interface Stamped {
  id: string;
  organisationId: string;
  visibility: string;
  createdAt: string;
  updatedAt: string;
}

const rowOf = (r: Stamped, data: unknown): RecordTable => ({
  id: r.id,
  organisation_id: r.organisationId,
  visibility: r.visibility,
  data: JSON.stringify(data),
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});

// --- assets and profiles ---

export async function saveAsset(tx: Tx, a: AssetRecord, isNew: boolean): Promise<void> {
  const row = rowOf(a, a);
  if (isNew) await tx.db.insertInto('knowledge_asset').values(row).execute();
  else await tx.db.updateTable('knowledge_asset').set(row).where('id', '=', a.id).execute();
}

export async function saveProfile(tx: Tx, p: ProfileRecord, isNew: boolean): Promise<void> {
  const row = rowOf(p, p);
  if (isNew) await tx.db.insertInto('knowledge_profile').values(row).execute();
  else await tx.db.updateTable('knowledge_profile').set(row).where('id', '=', p.id).execute();
}

export async function findAsset(reader: Reader, id: string): Promise<AssetRecord | undefined> {
  const row = await reader.db
    .selectFrom('knowledge_asset')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && (JSON.parse(row.data) as AssetRecord);
}

export async function findAssets(reader: Reader, ids?: readonly string[]): Promise<AssetRecord[]> {
  if (ids && !ids.length) return [];
  let q = reader.db.selectFrom('knowledge_asset').select('data').orderBy('id');
  if (ids) q = q.where('id', 'in', ids);
  return (await q.execute()).map((r) => JSON.parse(r.data) as AssetRecord);
}

export async function findProfile(reader: Reader, id: string): Promise<ProfileRecord | undefined> {
  const row = await reader.db
    .selectFrom('knowledge_profile')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && (JSON.parse(row.data) as ProfileRecord);
}

export async function findProfiles(reader: Reader): Promise<ProfileRecord[]> {
  const rows = await reader.db
    .selectFrom('knowledge_profile')
    .select('data')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as ProfileRecord);
}

// --- projects ---

type ProjectRow = { data: string; budget_kopecks: string | number | bigint };

const projectFromRow = (row: ProjectRow): ProjectRecord => ({
  ...(JSON.parse(row.data) as Omit<ProjectRecord, 'budgetKopecks'>),
  budgetKopecks: kopecksFromColumn(row.budget_kopecks) ?? 0,
});

export async function saveProject(tx: Tx, p: ProjectRecord, isNew: boolean): Promise<void> {
  const { budgetKopecks, ...data } = p;
  const row = { ...rowOf(p, data), budget_kopecks: budgetKopecks };
  if (isNew) await tx.db.insertInto('knowledge_project').values(row).execute();
  else await tx.db.updateTable('knowledge_project').set(row).where('id', '=', p.id).execute();
}

export async function findProject(reader: Reader, id: string): Promise<ProjectRecord | undefined> {
  const row = await reader.db
    .selectFrom('knowledge_project')
    .select(['data', 'budget_kopecks'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && projectFromRow(row);
}

export async function findProjects(reader: Reader): Promise<ProjectRecord[]> {
  const rows = await reader.db
    .selectFrom('knowledge_project')
    .select(['data', 'budget_kopecks'])
    .orderBy('id')
    .execute();
  return rows.map(projectFromRow);
}

export async function recordExists(reader: Reader, type: RecordType, id: string) {
  const table = `knowledge_${type}` as const;
  const row = await reader.db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return !!row;
}

// --- openings: courses, programmes, internships, vacancies ---

export async function saveOpening(tx: Tx, o: OpeningRecord, isNew: boolean): Promise<void> {
  const row = { ...rowOf(o, o), kind: o.kind };
  if (isNew) await tx.db.insertInto('knowledge_opening').values(row).execute();
  else await tx.db.updateTable('knowledge_opening').set(row).where('id', '=', o.id).execute();
}

export async function findOpening(reader: Reader, id: string): Promise<OpeningRecord | undefined> {
  const row = await reader.db
    .selectFrom('knowledge_opening')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && (JSON.parse(row.data) as OpeningRecord);
}

export async function findOpenings(
  reader: Reader,
  f: { kind?: string; organisationId?: string } = {},
): Promise<OpeningRecord[]> {
  let q = reader.db.selectFrom('knowledge_opening').select('data').orderBy('id');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  return (await q.execute()).map((r) => JSON.parse(r.data) as OpeningRecord);
}

// --- the search index ---

export interface IndexDocument {
  recordType: RecordType;
  recordId: string;
  kind: string;
  organisationId: string;
  visibility: string;
  trl: number | null;
  title: string;
  titleEn: string | null;
  terms: ReadonlyMap<string, number>;
  links: ReadonlyArray<{ link: 'material' | 'organisation' | 'audience'; targetId: string }>;
}

/** Replaces a record's document, terms and links in the index (in the write's transaction). */
export async function indexDocument(tx: Tx, d: IndexDocument): Promise<void> {
  const key = (t: 'knowledge_document' | 'knowledge_term' | 'knowledge_link') =>
    tx.db
      .deleteFrom(t)
      .where('record_type', '=', d.recordType)
      .where('record_id', '=', d.recordId)
      .execute();
  await Promise.all([key('knowledge_document'), key('knowledge_term'), key('knowledge_link')]);
  const ref = { record_type: d.recordType, record_id: d.recordId };
  await tx.db
    .insertInto('knowledge_document')
    .values({
      ...ref,
      kind: d.kind,
      organisation_id: d.organisationId,
      visibility: d.visibility,
      trl: d.trl,
      title: d.title,
      title_en: d.titleEn,
    })
    .execute();
  const terms = [...d.terms].map(([term, weight]) => ({ ...ref, term, weight }));
  for (let i = 0; i < terms.length; i += 500)
    await tx.db
      .insertInto('knowledge_term')
      .values(terms.slice(i, i + 500))
      .execute();
  const links = [
    ...new Map(
      d.links.map((l) => [
        `${l.link} ${l.targetId}`,
        { ...ref, link: l.link, target_id: l.targetId },
      ]),
    ).values(),
  ];
  if (links.length) await tx.db.insertInto('knowledge_link').values(links).execute();
}

/** Who reads: what the visibility rules need to know of the actor. */
export interface Viewer {
  operator: boolean;
  /** a logged-in user of a current member organisation */
  member: boolean;
  organisationId: string | null;
}

type DocumentScope = ExpressionBuilder<Database & { d: KnowledgeDocumentTable }, 'd'>;

/** The documents a viewer may see, as a condition on `d` (knowledge_document). */
function visibleTo(eb: DocumentScope, v: Viewer): Expression<SqlBool> {
  if (v.operator) return eb.lit(true);
  const ors: Expression<SqlBool>[] = [eb('d.visibility', '=', 'public')];
  if (v.member) ors.push(eb('d.visibility', '=', 'members'));
  if (v.organisationId) {
    ors.push(eb('d.organisation_id', '=', v.organisationId));
    ors.push(
      eb.and([
        eb('d.visibility', '=', 'organisations'),
        eb.exists(
          eb
            .selectFrom('knowledge_link as a')
            .select('a.target_id')
            .whereRef('a.record_type', '=', 'd.record_type')
            .whereRef('a.record_id', '=', 'd.record_id')
            .where('a.link', '=', 'audience')
            .where('a.target_id', '=', v.organisationId),
        ),
      ]),
    );
  }
  return eb.or(ors);
}

export interface SearchFilter {
  type?: RecordType;
  assetType?: string;
  materialId?: string;
  trlMin?: number;
  trlMax?: number;
  organisationId?: string;
}

export interface DocumentRow {
  recordType: string;
  recordId: string;
  kind: string;
  organisationId: string;
  trl: number | null;
  title: string;
  titleEn: string | null;
}

function scoped(reader: Reader, v: Viewer, f: SearchFilter) {
  let q = reader.db.selectFrom('knowledge_document as d').where((eb) => visibleTo(eb, v));
  if (f.type) q = q.where('d.record_type', '=', f.type);
  if (f.assetType) q = q.where('d.record_type', '=', 'asset').where('d.kind', '=', f.assetType);
  if (f.trlMin !== undefined) q = q.where('d.trl', '>=', f.trlMin);
  if (f.trlMax !== undefined) q = q.where('d.trl', '<=', f.trlMax);
  for (const [link, target] of [
    ['material', f.materialId],
    ['organisation', f.organisationId],
  ] as const)
    if (target)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('knowledge_link as l')
            .select('l.target_id')
            .whereRef('l.record_type', '=', 'd.record_type')
            .whereRef('l.record_id', '=', 'd.record_id')
            .where('l.link', '=', link)
            .where('l.target_id', '=', target),
        ),
      );
  return q;
}

/** The (document, term) rows of the query's terms among the documents the viewer may see. */
export async function searchHits(
  reader: Reader,
  terms: readonly string[],
  v: Viewer,
  f: SearchFilter,
): Promise<TermHit[]> {
  if (!terms.length) return [];
  const rows = await scoped(reader, v, f)
    .innerJoin('knowledge_term as t', (j) =>
      j.onRef('t.record_type', '=', 'd.record_type').onRef('t.record_id', '=', 'd.record_id'),
    )
    .where('t.term', 'in', terms)
    .select(['t.record_type', 't.record_id', 't.term', 't.weight'])
    .execute();
  return rows.map((r) => ({
    recordType: r.record_type,
    recordId: r.record_id,
    term: r.term,
    weight: Number(r.weight),
  }));
}

/** Documents the viewer may see, filtered, without a query (newest listing order: by id). */
/** A page of the documents the viewer may see under the filter, and how many there are in all. */
export async function browseDocuments(
  reader: Reader,
  v: Viewer,
  f: SearchFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: DocumentRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    scoped(reader, v, f)
      .selectAll('d')
      .orderBy('d.record_type')
      .orderBy('d.record_id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    scoped(reader, v, f)
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  // count(*) is a string on PostgreSQL, a number on SQLite
  return { rows: rows.map(documentFromRow), total: Number(count.n) };
}

const documentFromRow = (r: KnowledgeDocumentTable): DocumentRow => ({
  recordType: r.record_type,
  recordId: r.record_id,
  kind: r.kind,
  organisationId: r.organisation_id,
  trl: r.trl === null ? null : Number(r.trl),
  title: r.title,
  titleEn: r.title_en,
});

export async function findDocuments(
  reader: Reader,
  keys: ReadonlyArray<{ recordType: string; recordId: string }>,
): Promise<DocumentRow[]> {
  if (!keys.length) return [];
  const rows = await reader.db
    .selectFrom('knowledge_document')
    .selectAll()
    .where('record_id', 'in', [...new Set(keys.map((k) => k.recordId))])
    .execute();
  return rows.map(documentFromRow);
}

/** The index's size and each term's document frequency, over the whole index. */
export async function termStatistics(
  reader: Reader,
  terms: readonly string[],
): Promise<{ documentCount: number; frequency: Map<string, number> }> {
  const count = await reader.db
    .selectFrom('knowledge_document')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const frequency = new Map<string, number>();
  if (terms.length) {
    const rows = await reader.db
      .selectFrom('knowledge_term')
      .select(['term', (eb) => eb.fn.countAll().as('n')])
      .where('term', 'in', terms)
      .groupBy('term')
      .execute();
    for (const r of rows) frequency.set(r.term, Number(r.n));
  }
  return { documentCount: Number(count.n), frequency };
}

// --- views ---

export async function countView(tx: Tx, type: RecordType, id: string): Promise<number> {
  await tx.db
    .insertInto('knowledge_view')
    .values({ record_type: type, record_id: id, views: 1 })
    .onConflict((oc) =>
      oc
        .columns(['record_type', 'record_id'])
        .doUpdateSet((eb) => ({ views: eb('knowledge_view.views', '+', 1) })),
    )
    .execute();
  return viewsOf(tx, type, id);
}

export async function viewsOf(reader: Reader, type: RecordType, id: string): Promise<number> {
  const row = await reader.db
    .selectFrom('knowledge_view')
    .select('views')
    .where('record_type', '=', type)
    .where('record_id', '=', id)
    .executeTakeFirst();
  return row ? Number(row.views) : 0;
}
