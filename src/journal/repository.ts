// The journal's SQL: the hash-chained event table and its head (the last sequence and hash,
// kept apart so that deleting the newest rows is detected too), and the subscribers' cursors
// and leases.
import { type ColumnType, sql } from 'kysely';
import type { Reader, Store, Tx } from '../store/index.ts';
import type { StoredEvent } from './chain.ts';

export type JournalTable = StoredEvent;

export interface JournalHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface JournalSubscriberTable {
  name: string;
  /** the last sequence number handled */
  cursor_seq: number;
  lease_owner: string | null;
  /** epoch milliseconds; a bigint, which PostgreSQL returns as a string */
  lease_until_ms: ColumnType<string | number | null, number | null, number | null>;
}

declare module '../store/database.ts' {
  interface Database {
    journal: JournalTable;
    journal_head: JournalHeadTable;
    journal_subscriber: JournalSubscriberTable;
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

export interface SubscriberRow {
  name: string;
  cursorSeq: number;
  leaseOwner: string | null;
  leaseUntilMs: number | null;
}

const toSubscriberRow = (r: {
  name: string;
  cursor_seq: number;
  lease_owner: string | null;
  lease_until_ms: string | number | null;
}): SubscriberRow => ({
  name: r.name,
  cursorSeq: Number(r.cursor_seq),
  leaseOwner: r.lease_owner,
  leaseUntilMs: r.lease_until_ms === null ? null : Number(r.lease_until_ms),
});

/** Adds a subscriber's row with its starting cursor; a row already there is kept as it is. */
export async function addSubscriber(store: Store, name: string, cursorSeq: number): Promise<void> {
  await store.db
    .insertInto('journal_subscriber')
    .values({ name, cursor_seq: cursorSeq, lease_owner: null, lease_until_ms: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function subscriberRows(reader: Reader, names: string[]): Promise<SubscriberRow[]> {
  if (!names.length) return [];
  const rows = await reader.db
    .selectFrom('journal_subscriber')
    .selectAll()
    .where('name', 'in', names)
    .execute();
  return rows.map(toSubscriberRow);
}

/**
 * Takes or renews the lease when it is free, expired or already the owner's: one conditional
 * update, which PostgreSQL re-checks against the newest row after waiting for a holder's lock
 * and SQLite runs under its write lock, so two processes never both succeed.
 */
export async function claimLease(
  store: Store,
  name: string,
  owner: string,
  nowMs: number,
  untilMs: number,
): Promise<boolean> {
  const r = await store.db
    .updateTable('journal_subscriber')
    .set({ lease_owner: owner, lease_until_ms: untilMs })
    .where('name', '=', name)
    .where((eb) =>
      eb.or([
        eb('lease_owner', '=', owner),
        eb('lease_owner', 'is', null),
        eb('lease_until_ms', 'is', null),
        eb('lease_until_ms', '<=', nowMs),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Reads a subscriber's row for handling, locked: `for update` on PostgreSQL; on SQLite the
 * caller's transaction already holds the database's write lock (`lockHead`).
 */
export async function lockSubscriber(tx: Tx, name: string): Promise<SubscriberRow | undefined> {
  let query = tx.db.selectFrom('journal_subscriber').selectAll().where('name', '=', name);
  if (tx.dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toSubscriberRow(row);
}

/** Moves the cursor and renews the lease, in the handler's transaction. */
export async function advanceSubscriber(
  tx: Tx,
  name: string,
  cursorSeq: number,
  leaseUntilMs: number,
): Promise<void> {
  await tx.db
    .updateTable('journal_subscriber')
    .set({ cursor_seq: cursorSeq, lease_until_ms: leaseUntilMs })
    .where('name', '=', name)
    .execute();
}

/** Hands the owner's leases back, so that another process takes over without waiting. */
export async function releaseLeases(store: Store, names: string[], owner: string): Promise<void> {
  if (!names.length) return;
  await store.db
    .updateTable('journal_subscriber')
    .set({ lease_owner: null, lease_until_ms: null })
    .where('name', 'in', names)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Events after a cursor up to a sequence number, of the given types (or all), oldest first. */
export async function subscriberEvents(
  reader: Reader,
  q: { afterSeq: number; throughSeq: number; types: readonly string[] | 'all'; limit: number },
): Promise<JournalTable[]> {
  let query = reader.db
    .selectFrom('journal')
    .selectAll()
    .where('seq', '>', q.afterSeq)
    .where('seq', '<=', q.throughSeq);
  if (q.types !== 'all') query = query.where('type', 'in', [...q.types]);
  const rows = await query.orderBy('seq').limit(q.limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

// The first migration of the release whose events carry state: a database upgraded from the
// release before ran it after its old events were written.
const STATE_RELEASE_MIGRATION = '2026-11-29-03-exchange-keys-and-money';

/**
 * The first sequence number whose event carries state: 1 on a database made by this release,
 * past the old events on one upgraded from the release before (those were written before the
 * release's first migration ran).
 */
export async function stateCarriedFromSeq(reader: Reader): Promise<number> {
  const m = await sql<{ timestamp: string | Date }>`
    select timestamp from kysely_migration where name = ${STATE_RELEASE_MIGRATION}`.execute(
    reader.db,
  );
  const ran = m.rows[0]?.timestamp;
  if (ran === undefined) return 1;
  const since = new Date(ran).toISOString();
  // the first event written after the migration: an example's history may later add events
  // stamped in the past (decisions of years ago), which must not move the line back
  const first = await reader.db
    .selectFrom('journal')
    .select((eb) => eb.fn.min('seq').as('seq'))
    .where('at', '>=', since)
    .executeTakeFirst();
  if (first?.seq !== null && first?.seq !== undefined) return Number(first.seq);
  const last = await reader.db
    .selectFrom('journal')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(last?.seq ?? 0) + 1;
}
