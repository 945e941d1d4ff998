import type { Reader, Tx } from '../store/index.ts';
import { canonicalJson } from './canonical.ts';
import {
  ChainChecker,
  type ChainVerdict,
  eventHash,
  GENESIS_HASH,
  type StoredEvent,
} from './chain.ts';
import { appendEvent, eventRows, readHead } from './repository.ts';

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
 * Appends one event inside the caller's transaction (opened by `inTransaction`, which holds
 * the head's lock), so the change and its event commit or roll back together.
 */
export async function recordEvent(
  tx: Tx,
  event: DomainEvent,
  now = new Date(),
): Promise<JournalEntry> {
  const head = (await readHead(tx)) ?? { seq: 0, hash: GENESIS_HASH };
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
  await appendEvent(tx, {
    seq,
    at,
    actor: event.actor,
    organisation_id: event.organisationId,
    type: event.type,
    payload: payloadText,
    hash,
  });
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
  return (await readHead(reader))?.seq ?? 0;
}

export async function verifyJournal(reader: Reader, pageSize = 5000): Promise<ChainVerdict> {
  const checker = new ChainChecker();
  let after: number | undefined;
  for (;;) {
    const rows = await eventRows(reader, { afterSeq: after, limit: pageSize });
    for (const row of rows) if (!checker.push(row)) return checker.finish(null);
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1].seq;
  }
  return checker.finish((await readHead(reader)) ?? null);
}

export interface JournalQuery {
  afterSeq?: number;
  limit?: number;
  type?: string;
  organisationId?: string;
}

export async function listEvents(reader: Reader, q: JournalQuery = {}): Promise<JournalEntry[]> {
  const rows = await eventRows(reader, { ...q, limit: Math.min(q.limit ?? 200, 5000) });
  return rows.map(entryFromRow);
}

/** A stored row as the event it records (payload parsed). */
export function entryFromRow(r: StoredEvent): JournalEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    organisationId: r.organisation_id,
    type: r.type,
    payload: JSON.parse(r.payload),
    hash: r.hash,
  };
}
