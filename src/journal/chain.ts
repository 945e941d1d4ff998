import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface EventRecord {
  seq: number;
  at: string;
  actor: string;
  organisation: string | null;
  type: string;
  payload: unknown;
}

/** hash = sha256(previous hash ‖ canonical JSON of {seq, at, actor, organisation, type, payload}). */
export function eventHash(previousHash: string, event: EventRecord): string {
  const body = canonicalJson({
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    organisation: event.organisation,
    type: event.type,
    payload: event.payload,
  });
  return createHash('sha256').update(previousHash).update(body).digest('hex');
}

export type ChainVerdict =
  | { ok: true; count: number; headSeq: number }
  | { ok: false; seq: number; reason: string };

export interface StoredEvent {
  seq: number;
  at: string;
  actor: string;
  organisation_id: string | null;
  type: string;
  payload: string;
  hash: string;
}

/**
 * Walks the rows in sequence order and checks numbering, each hash and the head kept outside
 * the table; names the first bad sequence number. Pure: the caller streams the rows in.
 */
export class ChainChecker {
  private expected = 1;
  private previous = GENESIS_HASH;
  private failure: ChainVerdict | null = null;

  push(row: StoredEvent): boolean {
    if (this.failure) return false;
    if (row.seq !== this.expected) {
      this.failure = {
        ok: false,
        seq: this.expected,
        reason:
          row.seq > this.expected
            ? `event ${this.expected} is missing (next row is ${row.seq})`
            : `event ${row.seq} is out of order`,
      };
      return false;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch {
      this.failure = {
        ok: false,
        seq: row.seq,
        reason: `event ${row.seq} has a payload that is not JSON`,
      };
      return false;
    }
    const hash = eventHash(this.previous, {
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      organisation: row.organisation_id,
      type: row.type,
      payload,
    });
    if (hash !== row.hash) {
      this.failure = {
        ok: false,
        seq: row.seq,
        reason: `event ${row.seq} does not match its hash`,
      };
      return false;
    }
    this.previous = row.hash;
    this.expected += 1;
    return true;
  }

  finish(head: { seq: number; hash: string } | null): ChainVerdict {
    if (this.failure) return this.failure;
    const last = this.expected - 1;
    const headSeq = head?.seq ?? 0;
    const headHash = head?.hash ?? GENESIS_HASH;
    if (headSeq > last) {
      return {
        ok: false,
        seq: last + 1,
        reason: `event ${last + 1} is missing (the head is at ${headSeq})`,
      };
    }
    if (headSeq < last) {
      return {
        ok: false,
        seq: headSeq + 1,
        reason: `event ${headSeq + 1} was added outside the journal (the head is at ${headSeq})`,
      };
    }
    if (headHash !== this.previous) {
      return { ok: false, seq: last, reason: `event ${last} does not match the head's hash` };
    }
    return { ok: true, count: last, headSeq };
  }
}
