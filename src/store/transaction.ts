import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect, Store } from './db.ts';
import type { Database } from './schema.ts';

/** A unit of work: the transaction's query builder plus the dialect some statements depend on. */
export interface Tx {
  db: Transaction<Database>;
  dialect: Dialect;
}

/** Read-only access outside a transaction. */
export interface Reader {
  db: Kysely<Database>;
  dialect: Dialect;
}

/**
 * Runs a change in one transaction. Every change ends with its journal event, which locks
 * the journal's head; taking that lock first makes changes run one at a time, so a
 * read-check-write (a match decision, a status transition) never works on a stale row.
 */
export function inTransaction<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') {
      await trx.selectFrom('journal_head').select('seq').where('id', '=', 1).forUpdate().execute();
    } else {
      // SQLite: take the write lock before the first read (as BEGIN IMMEDIATE would), so a
      // second process writing the same file (a CLI import beside the server) waits its turn
      // (busy_timeout) instead of failing on a stale snapshot.
      await trx.updateTable('journal_head').set({ seq: sql`seq` }).where('id', '=', 1).execute();
    }
    return work({ db: trx, dialect: store.dialect });
  });
}
