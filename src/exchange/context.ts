// What every part of the exchange service works with: the store, the clock, and the journal.
import { recordEvent } from '../journal/index.ts';
import { clusterDay } from '../model/days.ts';
import { type Actor, actorRef } from '../model/index.ts';
import type { Store, Tx } from '../store/index.ts';

export interface ExchangeContext {
  store: Store;
  clock: () => Date;
}

/** Today as the cluster counts it (Kemerovo), which decides whether an active listing has expired. */
export const today = (c: ExchangeContext) => clusterDay(c.clock().getTime());

/** Records one exchange event in the change's transaction. */
export async function record(
  tx: Tx,
  c: ExchangeContext,
  actor: Actor,
  organisationId: string | null,
  type: string,
  payload: unknown,
): Promise<void> {
  await recordEvent(tx, { actor: actorRef(actor), organisationId, type, payload }, c.clock());
}
