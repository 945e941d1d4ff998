import type { Store, Tx } from '../store/index.ts';
import { ringAfterCommit } from './bell.ts';
import { lockHead } from './repository.ts';

/**
 * Runs a change in one transaction. Every change ends with its journal event, which locks
 * the journal's head; taking that lock first makes changes run one at a time, so a
 * read-check-write (a match decision, a status transition) never works on a stale row.
 * After the commit it rings the store's bell, so that subscribers handle the new events in
 * their own transactions, never inside the writer's.
 */
export async function inTransaction<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await store.db.transaction().execute(async (trx) => {
    const tx: Tx = { db: trx, dialect: store.dialect };
    await lockHead(tx);
    return work(tx);
  });
  ringAfterCommit(store);
  return result;
}
