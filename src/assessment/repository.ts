// All of the assessment's SQL, over its own tables only (organisations come through the
// registry's public reads), and the mapping between its rows and its records.
import type { Reader, Tx } from '../store/index.ts';
import type { ReadinessSurvey } from './schema.ts';

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
