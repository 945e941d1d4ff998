// Modules react to each other's events through the journal, which is the outbox: each
// subscriber keeps a cursor (the last sequence number it handled) and the runner hands it the
// events after that cursor, moving the cursor in the same transaction as the handler's writes.
// An event its handler fails on `maxAttempts` times in a row is parked (a poison event): the
// cursor moves past it, journaling `subscription.event-parked`, so that one bad event never
// holds back every later one.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Reader, Store, Tx } from '../store/index.ts';
import { bellOf, type EventBell } from './bell.ts';
import { inTransaction } from './change.ts';
import {
  addSubscriber,
  advanceSubscriber,
  claimLease,
  lockHead,
  lockSubscriber,
  readHead,
  releaseLeases,
  type SubscriberRow,
  subscriberEvents,
  subscriberRows,
} from './repository.ts';
import {
  entryFromRow,
  type JournalEntry,
  journalHeadSeq,
  listEvents,
  recordEvent,
} from './service.ts';

/** The event journaled when a subscriber gives up on an event and moves past it. */
export const EVENT_PARKED = 'subscription.event-parked';
/** The event journaled when a parked event was handed to its subscriber again and handled. */
export const EVENT_REPLAYED = 'subscription.event-replayed';

export interface Subscriber {
  /** Stable and unique: it keys the cursor's row (a new name starts a new cursor). */
  name: string;
  /** The event types it handles, or `'all'`; the cursor moves past the others too. */
  types: readonly string[] | 'all';
  /** Where a new subscriber's cursor starts: before every past event (default) or at the head. */
  startAt?: 'beginning' | 'head';
  /**
   * Handles one event inside `tx`, the transaction that also moves the cursor: write through
   * `tx` only (never open another transaction), `recordEvent` included. Delivery is at least
   * once — after a crash or a thrown error the same event comes again — so a handler must be
   * idempotent (key its rows by the event's seq or by the record it creates); a thrown error
   * rolls its writes back, keeps the cursor before the event and retries with a backoff, and
   * after `maxAttempts` failures on one event parks it. So throw only for what a retry may
   * mend (the database away); an event the rules refuse is the handler's to record and pass.
   */
  handle(tx: Tx, event: JournalEntry): Promise<void>;
}

export interface SubscriptionLogEntry {
  level: 'error' | 'warn' | 'info';
  message: string;
  subscriber?: string;
  seq?: number;
  error?: unknown;
}
export type SubscriptionLog = (entry: SubscriptionLogEntry) => void;

export interface SubscriptionOptions {
  /** wakes the runner after commits and on its poll interval; the store's bell by default */
  bell?: EventBell;
  /** where errors and lease changes go; warnings on the process by default */
  log?: SubscriptionLog;
  /** this runner's identity in the lease rows; unique per runner by default */
  owner?: string;
  /** how long a lease lasts unless renewed: the wait before a dead holder's work moves on */
  leaseMs?: number;
  /** events handled per transaction (one after a failure, until the subscriber recovers) */
  batchSize?: number;
  /** the first retry's delay after a failure; it doubles up to `maxRetryMs` */
  retryMs?: number;
  maxRetryMs?: number;
  /** failures in a row on one event after which it is parked and the cursor moves on (5) */
  maxAttempts?: number;
}

export interface SubscriberStatus {
  name: string;
  /** failures in a row; 0 when the last attempt succeeded */
  failures: number;
  lastError?: string;
  /** when the next attempt may run, after a failure */
  retryAt?: string;
}

interface State {
  failures: number;
  /** the event the last failures were on, and how many in a row */
  failedSeq?: number;
  seqFailures: number;
  /** the event to park on the next attempt */
  park?: { seq: number; attempts: number; error: string };
  retryAtMs: number;
  lastError?: string;
  batch: number;
}

/** A handler's error, with the event it failed on. */
class HandlerFailure extends Error {
  constructor(
    readonly seq: number,
    readonly type: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

const defaultLog: SubscriptionLog = (e) => {
  if (e.level === 'info') return;
  const why = e.error instanceof Error ? `: ${e.error.message}` : '';
  process.emitWarning(`${e.message}${why}`, { code: 'DIGICLUSTER_SUBSCRIPTION' });
};

/**
 * Runs subscribers over one store: on start (catch-up), whenever the bell rings (after each
 * commit in this process, and on its poll interval for writes by other processes), each
 * subscriber whose cursor is behind the head gets its events in order, a batch per
 * transaction. With several processes, the one holding a subscriber's lease handles it; a
 * lease not renewed within `leaseMs` (its holder died) passes to the next process that looks.
 */
export class Subscriptions {
  readonly owner: string;
  private readonly bell: EventBell;
  private readonly log: SubscriptionLog;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly maxAttempts: number;
  private readonly state = new Map<string, State>();
  private readonly names: string[];
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  private readFailures = 0;
  private readRetryAtMs = 0;

  constructor(
    private readonly store: Store,
    private readonly subscribers: readonly Subscriber[],
    options: SubscriptionOptions = {},
  ) {
    this.names = subscribers.map((s) => s.name);
    for (const s of subscribers) {
      if (!s.name) throw new Error('a subscriber needs a name');
      if (this.state.has(s.name)) throw new Error(`subscriber ${s.name} is defined twice`);
      if (s.types !== 'all' && !s.types.length)
        throw new Error(`subscriber ${s.name} wants no event types`);
      this.state.set(s.name, {
        failures: 0,
        seqFailures: 0,
        retryAtMs: 0,
        batch: options.batchSize ?? 100,
      });
    }
    this.bell = options.bell ?? bellOf(store);
    this.log = options.log ?? defaultLog;
    this.owner = options.owner ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 10_000;
    this.batchSize = options.batchSize ?? 100;
    this.retryMs = options.retryMs ?? 250;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    if (!(this.leaseMs > 0 && this.batchSize >= 1 && this.retryMs > 0 && this.maxAttempts >= 1))
      throw new RangeError('leaseMs, batchSize, retryMs and maxAttempts must be positive');
  }

  /** Adds the cursors of new subscribers, then catches up in the background and listens. */
  async start(): Promise<void> {
    if (this.started) throw new Error('the subscriptions are already started');
    this.started = true;
    if (this.stopped || !this.subscribers.length) return; // nothing to poll for
    const head = await journalHeadSeq(this.store);
    for (const s of this.subscribers)
      await addSubscriber(this.store, s.name, s.startAt === 'head' ? head : 0);
    if (this.stopped) return; // stopped while the rows were being added: never listen
    this.unsubscribe = this.bell.onRing(() => this.wake());
    this.wake();
  }

  /**
   * Stops listening, lets the batch in hand finish, and hands this runner's leases back so
   * that another process takes over at once rather than after `leaseMs`.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe?.();
    await this.running;
    if (!this.started) return;
    try {
      await releaseLeases(this.store, this.names, this.owner);
    } catch (error) {
      this.log({ level: 'warn', message: 'could not hand the subscription leases back', error });
    }
  }

  /** Runs a pass now (after any in flight) and resolves when the runner is idle again. */
  async catchUp(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  status(): SubscriberStatus[] {
    return this.names.map((name) => {
      const s = this.state.get(name)!;
      return {
        name,
        failures: s.failures,
        ...(s.lastError !== undefined && { lastError: s.lastError }),
        ...(s.failures > 0 && { retryAt: new Date(s.retryAtMs).toISOString() }),
      };
    });
  }

  /** Coalesces wake-ups: one pass at a time, and one more if anything rang during it. */
  private wake(): void {
    if (this.stopped || !this.started) return;
    this.again = true;
    if (this.running) return;
    this.running = (async () => {
      while (this.again && !this.stopped) {
        this.again = false;
        await this.pass();
      }
      this.running = null;
    })();
  }

  private backoff(failures: number): number {
    return Math.min(this.maxRetryMs, this.retryMs * 2 ** Math.min(failures - 1, 30));
  }

  /** One look at every subscriber; never throws (errors are logged and retried later). */
  private async pass(): Promise<void> {
    if (Date.now() < this.readRetryAtMs) return;
    let head: number;
    let rows: Map<string, SubscriberRow>;
    try {
      head = await journalHeadSeq(this.store);
      rows = new Map((await subscriberRows(this.store, this.names)).map((r) => [r.name, r]));
      this.readFailures = 0;
    } catch (error) {
      this.readFailures += 1;
      this.readRetryAtMs = Date.now() + this.backoff(this.readFailures);
      this.log({ level: 'error', message: 'could not read the journal head and cursors', error });
      return;
    }
    for (const sub of this.subscribers) {
      if (this.stopped) return;
      const state = this.state.get(sub.name)!;
      if (Date.now() < state.retryAtMs) continue;
      const row = rows.get(sub.name);
      try {
        if (!row) {
          // the row went away (the schema was reset under us): add it back and look again
          await addSubscriber(this.store, sub.name, sub.startAt === 'head' ? head : 0);
          this.again = true;
          continue;
        }
        if (row.cursorSeq >= head || this.heldByAnother(row)) continue;
        await this.drain(sub, state, row);
        if (state.failures > 0)
          this.log({
            level: 'info',
            subscriber: sub.name,
            message: `subscriber ${sub.name} recovered after ${state.failures} failure(s)`,
          });
        state.failures = 0;
        state.park = undefined;
        state.failedSeq = undefined;
        state.seqFailures = 0;
        state.lastError = undefined;
        state.batch = this.batchSize;
      } catch (error) {
        state.failures += 1;
        let delay = this.backoff(state.failures);
        state.batch = 1; // so that the events before a failing one commit on the next attempt
        const failure = error instanceof HandlerFailure ? error : undefined;
        state.lastError = failure ? `event ${failure.seq}: ${failure.message}` : String(error);
        if (failure) {
          state.seqFailures = state.failedSeq === failure.seq ? state.seqFailures + 1 : 1;
          state.failedSeq = failure.seq;
          // the same event failed too often: the next attempt parks it, at once
          if (state.seqFailures >= this.maxAttempts) {
            state.park = {
              seq: failure.seq,
              attempts: state.seqFailures,
              error: failure.message.slice(0, 2000),
            };
            delay = 0;
            this.again = true;
          }
        }
        state.retryAtMs = Date.now() + delay;
        this.log({
          level: 'error',
          subscriber: sub.name,
          seq: failure?.seq,
          message: failure
            ? `subscriber ${sub.name} failed on event ${failure.seq} (${failure.type}), attempt ${state.failures}; retrying in ${delay} ms`
            : `subscriber ${sub.name} could not run, attempt ${state.failures}; retrying in ${delay} ms`,
          error: failure ? failure.cause : error,
        });
      }
    }
  }

  private heldByAnother(row: SubscriberRow): boolean {
    return (
      row.leaseOwner !== null &&
      row.leaseOwner !== this.owner &&
      row.leaseUntilMs !== null &&
      row.leaseUntilMs > Date.now()
    );
  }

  /** Takes the lease if needed, then handles batches until the cursor reaches the head. */
  private async drain(sub: Subscriber, state: State, row: SubscriberRow): Promise<void> {
    const now = Date.now();
    const fresh =
      row.leaseOwner === this.owner &&
      row.leaseUntilMs !== null &&
      row.leaseUntilMs - now > this.leaseMs / 2;
    if (!fresh) {
      if (!(await claimLease(this.store, sub.name, this.owner, now, now + this.leaseMs))) return;
      if (row.leaseOwner && row.leaseOwner !== this.owner)
        this.log({
          level: 'warn',
          subscriber: sub.name,
          message: `subscriber ${sub.name}: took over the lease that ${row.leaseOwner} let expire`,
        });
    }
    while (!this.stopped) {
      const { done, recorded, parked } = await this.handleBatch(sub, state.batch, state.park);
      if (parked) {
        this.log({
          level: 'error',
          subscriber: sub.name,
          seq: parked.seq,
          message: `subscriber ${sub.name} parked event ${parked.seq} (${parked.type}) after ${parked.attempts} failed attempts and moved on: ${parked.error}`,
        });
        state.park = undefined;
        state.failedSeq = undefined;
        state.seqFailures = 0;
      }
      // events a handler recorded are news for the other subscribers and processes
      if (recorded) this.bell.ring();
      if (done) return;
    }
  }

  /**
   * One transaction: the head's lock (as for any change, so handlers may record events and
   * the head stays put while we read), the subscriber's row locked and still ours, its events
   * handled in order, the cursor moved and the lease renewed — all committed together. The
   * event to `park` is not handled: `subscription.event-parked` is journaled in its stead.
   */
  private handleBatch(
    sub: Subscriber,
    limit: number,
    park?: State['park'],
  ): Promise<{ done: boolean; recorded: boolean; parked?: State['park'] & { type: string } }> {
    return this.store.db.transaction().execute(async (trx) => {
      const tx: Tx = { db: trx, dialect: this.store.dialect };
      await lockHead(tx);
      const row = await lockSubscriber(tx, sub.name);
      if (!row || row.leaseOwner !== this.owner) return { done: true, recorded: false };
      const head = (await readHead(tx))?.seq ?? 0;
      if (row.cursorSeq >= head) return { done: true, recorded: false };
      const rows = await subscriberEvents(tx, {
        afterSeq: row.cursorSeq,
        throughSeq: head,
        types: sub.types,
        limit,
      });
      let parked: (State['park'] & { type: string }) | undefined;
      for (const r of rows) {
        if (park && r.seq === park.seq) {
          parked = { ...park, type: r.type };
          await recordEvent(tx, {
            actor: 'system',
            organisationId: null,
            type: EVENT_PARKED,
            payload: { subscriber: sub.name, ...parked },
          });
          continue;
        }
        try {
          await sub.handle(tx, entryFromRow(r));
        } catch (error) {
          throw new HandlerFailure(r.seq, r.type, error);
        }
      }
      // a short page means no wanted event is left up to the head: skip the rest at once
      const cursor = rows.length < limit ? head : rows[rows.length - 1].seq;
      await advanceSubscriber(tx, sub.name, cursor, Date.now() + this.leaseMs);
      const headAfter = (await readHead(tx))?.seq ?? 0;
      return { done: cursor >= head, recorded: headAfter > head, parked };
    });
  }
}

/** Why a parked event cannot be replayed (the CLI prints it). */
export class ReplayRefused extends Error {}

/** Every event of a type, oldest first, page by page (parked events are few). */
async function allOfType(reader: Reader, type: string): Promise<JournalEntry[]> {
  const out: JournalEntry[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await listEvents(reader, { type, afterSeq, limit: 5000 });
    out.push(...page);
    if (page.length < 5000) return out;
    afterSeq = page[page.length - 1].seq;
  }
}

const isOf = (e: JournalEntry, subscriber: string, seq: number) => {
  const p = e.payload as { subscriber?: unknown; seq?: unknown };
  return p.subscriber === subscriber && p.seq === seq;
};

/**
 * Hands one parked event to its subscriber again, once whatever made it fail is mended (the
 * operator's `digicluster journal replay`). One transaction: the handler's writes and
 * `subscription.event-replayed` { subscriber, seq, type } together; a handler that throws
 * rolls both back and its error is thrown. Refused: an unknown subscriber, an event not parked
 * by it, or one already replayed. The subscriber's cursor stays where it is.
 */
export async function replayParked(
  store: Store,
  subscribers: readonly Subscriber[],
  name: string,
  seq: number,
): Promise<JournalEntry> {
  const sub = subscribers.find((s) => s.name === name);
  if (!sub)
    throw new ReplayRefused(
      `no subscriber ${name} (there are: ${subscribers.map((s) => s.name).join(', ')})`,
    );
  return inTransaction(store, async (tx) => {
    if (!(await allOfType(tx, EVENT_PARKED)).some((e) => isOf(e, name, seq)))
      throw new ReplayRefused(`subscriber ${name} has not parked event ${seq}`);
    const replayed = (await allOfType(tx, EVENT_REPLAYED)).find((e) => isOf(e, name, seq));
    if (replayed)
      throw new ReplayRefused(
        `event ${seq} was replayed to ${name} already (journal event ${replayed.seq})`,
      );
    const [row] = await subscriberEvents(tx, {
      afterSeq: seq - 1,
      throughSeq: seq,
      types: 'all',
      limit: 1,
    });
    if (!row) throw new ReplayRefused(`the journal has no event ${seq}`);
    await sub.handle(tx, entryFromRow(row));
    return recordEvent(tx, {
      actor: 'system',
      organisationId: null,
      type: EVENT_REPLAYED,
      payload: { subscriber: name, seq, type: row.type },
    });
  });
}
