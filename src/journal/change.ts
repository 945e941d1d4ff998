import type { Store, Tx } from '../store/index.ts';
import { lockHead } from './repository.ts';

/**
 * Runs a change in one transaction. Every change ends with its journal event, which locks
 * the journal's head; taking that lock first makes changes run one at a time, so a
 * read-check-write (a match decision, a status transition) never works on a stale row.
 */
export function inTransaction<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    const tx: Tx = { db: trx, dialect: store.dialect };
    await lockHead(tx);
    return work(tx);
  });
}
