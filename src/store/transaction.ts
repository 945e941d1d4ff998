import type { Kysely, Transaction } from 'kysely';
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

export function inTransaction<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  return store.db.transaction().execute((trx) => work({ db: trx, dialect: store.dialect }));
}
