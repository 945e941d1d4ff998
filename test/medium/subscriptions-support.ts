// Shared by the subscription tests and their child processes: a table of the effects that test
// subscribers write (the subscriber's "own table"), and a way to record events.
import type { Kysely } from 'kysely';
import {
  inTransaction,
  type JournalEntry,
  recordEvent,
  type Subscriber,
} from '../../src/journal/index.ts';
import type { Database, Store, Tx } from '../../src/store/index.ts';

// a type alias, not an interface: withTables wants an index signature
export type EffectTables = {
  subscription_effect: { subscriber: string; seq: number; n: number | null; runner: string };
};

const effectsOf = (db: Kysely<Database>) => db.withTables<EffectTables>();

export async function createEffectTable(store: Store): Promise<void> {
  await store.db.schema
    .createTable('subscription_effect')
    .ifNotExists()
    .addColumn('subscriber', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer')
    .addColumn('runner', 'text', (c) => c.notNull())
    .execute();
}

/** Writes the effect of handling `event`, inside the handler's transaction. */
export async function writeEffect(tx: Tx, subscriber: string, runner: string, event: JournalEntry) {
  const n = (event.payload as { n?: number } | null)?.n ?? null;
  await tx.db
    .withTables<EffectTables>()
    .insertInto('subscription_effect')
    .values({ subscriber, seq: event.seq, n, runner })
    .execute();
}

/** The effects a subscriber left, oldest event first. */
export async function effects(store: Store, subscriber: string) {
  const rows = await effectsOf(store.db)
    .selectFrom('subscription_effect')
    .select(['seq', 'n', 'runner'])
    .where('subscriber', '=', subscriber)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    n: r.n === null ? null : Number(r.n),
    runner: r.runner,
  }));
}

/** A subscriber whose effect is a row per event; `before` runs first (to fail or block). */
export function effectSubscriber(
  name: string,
  types: Subscriber['types'],
  runner: string,
  before?: (event: JournalEntry) => Promise<void> | void,
): Subscriber {
  return {
    name,
    types,
    handle: async (tx, event) => {
      await writeEffect(tx, name, runner, event);
      await before?.(event);
    },
  };
}

/** Records events of `type` with payloads {n} in one transaction; returns their seqs. */
export function record(store: Store, type: string, ns: number[]): Promise<number[]> {
  return inTransaction(store, async (tx) => {
    const seqs: number[] = [];
    for (const n of ns)
      seqs.push(
        (await recordEvent(tx, { actor: 'system', organisationId: null, type, payload: { n } }))
          .seq,
      );
    return seqs;
  });
}
