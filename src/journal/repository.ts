// The journal's SQL: the hash-chained event table and its head (the last sequence and hash,
// kept apart so that deleting the newest rows is detected too).
import { sql } from 'kysely';
import type { Reader, Tx } from '../store/index.ts';
import type { StoredEvent } from './chain.ts';

export type JournalTable = StoredEvent;

export interface JournalHeadTable {
  id: number;
  seq: number;
  hash: string;
}

declare module '../store/database.ts' {
  interface Database {
    journal: JournalTable;
    journal_head: JournalHeadTable;
  }
}

/**
 * Takes the write lock that makes changes run one at a time: the head row on PostgreSQL;
 * on SQLite the database's write lock, taken before the first read (as BEGIN IMMEDIATE
 * would), so that a second process writing the same file waits its turn (busy_timeout)
 * instead of failing on a stale snapshot.
 */
export async function lockHead(tx: Tx): Promise<void> {
  if (tx.dialect === 'postgres')
    await tx.db.selectFrom('journal_head').select('seq').where('id', '=', 1).forUpdate().execute();
  else await tx.db.updateTable('journal_head').set({ seq: sql`seq` }).where('id', '=', 1).execute();
}

export async function readHead(reader: Reader): Promise<{ seq: number; hash: string } | undefined> {
  const head = await reader.db
    .selectFrom('journal_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return head && { seq: Number(head.seq), hash: head.hash };
}

export async function appendEvent(tx: Tx, row: JournalTable): Promise<void> {
  await tx.db.insertInto('journal').values(row).execute();
  await tx.db
    .updateTable('journal_head')
    .set({ seq: row.seq, hash: row.hash })
    .where('id', '=', 1)
    .execute();
}

/** Rows after a sequence number, oldest first (the journal's pages, for verifying and reading). */
export async function eventRows(
  reader: Reader,
  q: { afterSeq?: number; limit: number; type?: string; organisationId?: string },
): Promise<JournalTable[]> {
  let query = reader.db.selectFrom('journal').selectAll().orderBy('seq');
  if (q.afterSeq !== undefined) query = query.where('seq', '>', q.afterSeq);
  if (q.type) query = query.where('type', '=', q.type);
  if (q.organisationId) query = query.where('organisation_id', '=', q.organisationId);
  const rows = await query.limit(q.limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
