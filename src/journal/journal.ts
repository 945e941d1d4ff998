import type { Reader, Tx } from '../store/index.ts';
import { canonicalJson } from './canonical.ts';
import { ChainChecker, type ChainVerdict, eventHash, GENESIS_HASH } from './chain.ts';

export interface DomainEvent {
  /** user id, `apikey:<id>`, or `system` */
  actor: string;
  organisationId: string | null;
  type: string;
  payload: unknown;
}

export interface JournalEntry {
  seq: number;
  at: string;
  actor: string;
  organisationId: string | null;
  type: string;
  payload: unknown;
  hash: string;
}

/**
 * Appends one event inside the caller's transaction, so the change and its event commit
 * or roll back together. The head row is locked on PostgreSQL so concurrent writers queue.
 */
export async function recordEvent(
  tx: Tx,
  event: DomainEvent,
  now = new Date(),
): Promise<JournalEntry> {
  let headQuery = tx.db.selectFrom('journal_head').select(['seq', 'hash']).where('id', '=', 1);
  if (tx.dialect === 'postgres') headQuery = headQuery.forUpdate();
  let head = await headQuery.executeTakeFirst();
  if (!head) {
    head = { seq: 0, hash: GENESIS_HASH };
    await tx.db
      .insertInto('journal_head')
      .values({ id: 1, ...head })
      .execute();
  }
  const payloadText = canonicalJson(event.payload ?? null);
  const payload = JSON.parse(payloadText);
  const seq = head.seq + 1;
  const at = now.toISOString();
  const hash = eventHash(head.hash, {
    seq,
    at,
    actor: event.actor,
    organisation: event.organisationId,
    type: event.type,
    payload,
  });
  await tx.db
    .insertInto('journal')
    .values({
      seq,
      at,
      actor: event.actor,
      organisation_id: event.organisationId,
      type: event.type,
      payload: payloadText,
      hash,
    })
    .execute();
  await tx.db.updateTable('journal_head').set({ seq, hash }).where('id', '=', 1).execute();
  return {
    seq,
    at,
    actor: event.actor,
    organisationId: event.organisationId,
    type: event.type,
    payload,
    hash,
  };
}

/** The sequence number of the newest event (0 for an empty journal). */
export async function journalHeadSeq(reader: Reader): Promise<number> {
  const head = await reader.db
    .selectFrom('journal_head')
    .select('seq')
    .where('id', '=', 1)
    .executeTakeFirst();
  return head ? Number(head.seq) : 0;
}

export async function verifyJournal(reader: Reader, pageSize = 5000): Promise<ChainVerdict> {
  const checker = new ChainChecker();
  let after = Number.NEGATIVE_INFINITY;
  for (;;) {
    const rows = await reader.db
      .selectFrom('journal')
      .selectAll()
      .where('seq', '>', after === Number.NEGATIVE_INFINITY ? -2147483648 : after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (!checker.push({ ...row, seq: Number(row.seq) })) return checker.finish(null);
    }
    if (rows.length < pageSize) break;
    after = Number(rows[rows.length - 1].seq);
  }
  const head = await reader.db
    .selectFrom('journal_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return checker.finish(head ? { seq: Number(head.seq), hash: head.hash } : null);
}

export interface JournalQuery {
  afterSeq?: number;
  limit?: number;
  type?: string;
  organisationId?: string;
}

export async function listEvents(reader: Reader, q: JournalQuery = {}): Promise<JournalEntry[]> {
  let query = reader.db.selectFrom('journal').selectAll().orderBy('seq');
  if (q.afterSeq !== undefined) query = query.where('seq', '>', q.afterSeq);
  if (q.type) query = query.where('type', '=', q.type);
  if (q.organisationId) query = query.where('organisation_id', '=', q.organisationId);
  const rows = await query.limit(Math.min(q.limit ?? 200, 5000)).execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    organisationId: r.organisation_id,
    type: r.type,
    payload: JSON.parse(r.payload),
    hash: r.hash,
  }));
}
