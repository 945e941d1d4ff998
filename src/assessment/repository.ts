// All of the assessment's SQL, over its own tables only (organisations come through the
// registry's public reads), and the mapping between its rows and its records.
import type { Reader, Tx } from '../store/index.ts';
import type { Declaration, ReadinessSurvey } from './schema.ts';

export interface AssessmentReadinessTable {
  organisation_id: string;
  version: number;
  submitted_at: string;
  /** the ReadinessSurvey as JSON */
  data: string;
}

declare module '../store/database.ts' {
  interface Database {
    assessment_readiness: AssessmentReadinessTable;
    assessment_declaration: AssessmentDeclarationTable;
  }
}

export async function lastReadinessVersion(
  reader: Reader,
  organisationId: string,
): Promise<number> {
  const row = await reader.db
    .selectFrom('assessment_readiness')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

export async function insertReadiness(tx: Tx, survey: ReadinessSurvey): Promise<void> {
  await tx.db
    .insertInto('assessment_readiness')
    .values({
      organisation_id: survey.organisationId,
      version: survey.version,
      submitted_at: survey.submittedAt,
      data: JSON.stringify(survey),
    })
    .execute();
}

/** An organisation's versions, newest first; every organisation's when none is named. */
export async function readinessSurveys(
  reader: Reader,
  organisationId?: string,
): Promise<ReadinessSurvey[]> {
  let q = reader.db.selectFrom('assessment_readiness').select('data');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  const rows = await q.orderBy('organisation_id').orderBy('version', 'desc').execute();
  return rows.map((r) => JSON.parse(r.data) as ReadinessSurvey);
}

/** One version by its id, `organisation#version`. */
export async function findReadiness(
  reader: Reader,
  id: string,
): Promise<ReadinessSurvey | undefined> {
  const [organisationId, version] = id.split('#');
  const row = await reader.db
    .selectFrom('assessment_readiness')
    .select('data')
    .where('organisation_id', '=', organisationId ?? '')
    .where('version', '=', Number(version))
    .executeTakeFirst();
  return row && (JSON.parse(row.data) as ReadinessSurvey);
}

// --- declarations (Decree 779's purchases, ties made off the platform) ---

export interface AssessmentDeclarationTable {
  id: string;
  organisation_id: string;
  kind: string;
  year: number;
  withdrawn_at: string | null;
  declared_at: string;
  /** the Declaration as JSON */
  data: string;
}

const declarationRow = (d: Declaration): AssessmentDeclarationTable => ({
  id: d.id,
  organisation_id: d.organisationId,
  kind: d.kind,
  year: d.year,
  withdrawn_at: d.withdrawnAt,
  declared_at: d.declaredAt,
  data: JSON.stringify(d),
});

/** Inserts a declaration, or replaces the one with its id (a year's purchases declared again). */
export async function saveDeclaration(tx: Tx, d: Declaration): Promise<void> {
  const row = declarationRow(d);
  const found = await tx.db
    .selectFrom('assessment_declaration')
    .select('id')
    .where('id', '=', d.id)
    .executeTakeFirst();
  if (found)
    await tx.db.updateTable('assessment_declaration').set(row).where('id', '=', d.id).execute();
  else await tx.db.insertInto('assessment_declaration').values(row).execute();
}

export async function findDeclaration(
  reader: Reader,
  id: string,
): Promise<Declaration | undefined> {
  const row = await reader.db
    .selectFrom('assessment_declaration')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return row && (JSON.parse(row.data) as Declaration);
}

/** Declarations in force (not withdrawn), of one organisation and one year when given. */
export async function findDeclarations(
  reader: Reader,
  f: { organisationId?: string; year?: number } = {},
): Promise<Declaration[]> {
  let q = reader.db
    .selectFrom('assessment_declaration')
    .select('data')
    .where('withdrawn_at', 'is', null);
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  const rows = await q.orderBy('year', 'desc').orderBy('declared_at').orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.data) as Declaration);
}
