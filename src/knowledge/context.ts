// What every part of the knowledge service works with: the store, the clock, and the journal.
import { recordEvent } from '../journal/index.ts';
import { type Actor, actorRef } from '../model/index.ts';
import type { Store, Tx } from '../store/index.ts';

export interface KnowledgeContext {
  store: Store;
  clock: () => Date;
}

/** Records one knowledge event in the change's transaction. */
export async function record(
  tx: Tx,
  c: KnowledgeContext,
  actor: Actor,
  organisationId: string | null,
  type: string,
  payload: unknown,
): Promise<void> {
  await recordEvent(tx, { actor: actorRef(actor), organisationId, type, payload }, c.clock());
}
