// The telemetry writer: group commit. Messages that arrive while a transaction is being
// written wait, and the next transaction stores all of them at once (their repeated ids
// found with one query per device, their points in multi-row inserts, their roll-ups merged
// in memory per device, key and bucket first); each message's promise resolves only after
// that transaction commits, so an acknowledgement still means "on disk". A group that fails
// is written again message by message, so one bad message never takes others down with it.
// A weighbridge's weighings (`weighing.recorded`) are journaled in the same transaction as
// their points; a group without one never touches the journal.
import { inTransaction, recordEvent } from '../journal/index.ts';
import type { Store, Tx } from '../store/index.ts';
import type { ParsedPoint } from './engine/payload.ts';
import { HOUR_MS, MINUTE_MS, rollUp } from './engine/rollup.ts';
import * as repo from './repository.ts';
import { type IngestResult, WEIGHING_RECORDED, type Weighing } from './schema.ts';

/** A message's result, and the points it stored (for the listeners told after the commit). */
export interface Written extends IngestResult {
  stored: Array<{ key: string; ts: number; value: number }>;
}

interface Pending {
  deviceId: string;
  points: ParsedPoint[];
  repeatedInMessage: number;
  /** a weighbridge's organisation: its messages' weighings are journaled with the points */
  weighbridgeOf?: string;
  resolve(r: Written): void;
  reject(e: unknown): void;
}

/** The most points one group transaction takes (a bigger backlog waits for the next). */
export const MAX_GROUP_POINTS = 20_000;

export class TelemetryWriter {
  private queue: Pending[] = [];
  private writing = false;

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Stores one accepted message; resolves once committed. */
  write(
    deviceId: string,
    points: ParsedPoint[],
    repeatedInMessage: number,
    weighbridgeOf?: string,
  ): Promise<Written> {
    return new Promise((resolve, reject) => {
      this.queue.push({ deviceId, points, repeatedInMessage, weighbridgeOf, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  /**
   * A group's transaction: a plain one, or, when the group holds a weighbridge's message, the
   * journal's (its head locked, the bell rung after the commit), so that the weighings are
   * journaled with their points; only weighbridges pay for it.
   */
  private transaction(group: Pending[]): Promise<Written[]> {
    return group.some((p) => p.weighbridgeOf)
      ? inTransaction(this.store, (tx) => storeGroup(tx, group, this.clock()))
      : repo.ingestTransaction(this.store, (tx) => storeGroup(tx, group, this.clock()));
  }

  private async drain() {
    this.writing = true;
    try {
      while (this.queue.length) {
        let size = 0;
        let n = 0;
        while (
          n < this.queue.length &&
          (n === 0 || size + this.queue[n].points.length <= MAX_GROUP_POINTS)
        )
          size += this.queue[n++].points.length;
        const group = this.queue.splice(0, n);
        try {
          const results = await this.transaction(group);
          for (let i = 0; i < group.length; i++) group[i].resolve(results[i]);
        } catch (e) {
          if (group.length === 1) group[0].reject(e);
          else
            for (const p of group)
              await this.transaction([p]).then(([r]) => p.resolve(r), p.reject);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

/** One transaction's work: every message of the group, in arrival order. */
async function storeGroup(tx: Tx, group: Pending[], now: Date): Promise<Written[]> {
  // ids each device sent before this group, one query per device
  const idsByDevice = new Map<string, string[]>();
  for (const p of group) {
    const list = idsByDevice.get(p.deviceId) ?? [];
    for (const point of p.points) list.push(point.id);
    idsByDevice.set(p.deviceId, list);
  }
  const seen = new Map<string, Set<string>>();
  for (const [deviceId, ids] of idsByDevice)
    seen.set(deviceId, await repo.knownMessageIds(tx, deviceId, ids));
  // a message repeated within the group is a repeat too: the first one wins
  const rows: repo.PointRow[] = [];
  const weighings: Weighing[] = [];
  const results = group.map((p): Written => {
    const known = seen.get(p.deviceId) as Set<string>;
    let accepted = 0;
    let duplicates = p.repeatedInMessage;
    const stored: Written['stored'] = [];
    for (const point of p.points) {
      if (known.has(point.id)) {
        duplicates++;
        continue;
      }
      known.add(point.id);
      accepted++;
      for (const [key, value] of point.values) {
        rows.push({ device_id: p.deviceId, message_id: point.id, key, ts: point.ts, value });
        stored.push({ key, ts: point.ts, value });
      }
      if (p.weighbridgeOf) {
        const values = new Map(point.values);
        const net = values.get('net_t');
        if (net !== undefined)
          weighings.push({
            deviceId: p.deviceId,
            organisationId: p.weighbridgeOf,
            messageId: point.id,
            ts: new Date(point.ts).toISOString(),
            netTonnes: net,
            grossTonnes: values.get('gross_t') ?? null,
            tareTonnes: values.get('tare_t') ?? null,
          });
      }
    }
    return { accepted, duplicates, stored };
  });
  if (rows.length) {
    const inserted = await repo.insertPoints(tx, rows);
    // roll-ups: merged in memory per device, key and bucket, then one upsert per table
    const byDeviceKey = new Map<string, Map<string, Array<{ ts: number; value: number }>>>();
    for (const r of inserted) {
      const byKey = byDeviceKey.get(r.deviceId) ?? new Map();
      byDeviceKey.set(r.deviceId, byKey);
      const list = byKey.get(r.key) ?? [];
      byKey.set(r.key, list);
      list.push(r);
    }
    for (const [deviceId, byKey] of byDeviceKey) await addToRollups(tx, deviceId, byKey);
  }
  for (const w of weighings)
    await recordEvent(
      tx,
      {
        actor: w.deviceId,
        organisationId: w.organisationId,
        type: WEIGHING_RECORDED,
        payload: w,
      },
      now,
    );
  return results;
}

/**
 * New points of one device (by key) added to the minute and hour roll-ups and to the packed
 * minute blocks, all in the caller's transaction.
 */
export async function addToRollups(
  tx: Tx,
  deviceId: string,
  byKey: Map<string, Array<{ ts: number; value: number }>>,
): Promise<void> {
  for (const [table, size] of [
    ['machines_rollup_minute', MINUTE_MS],
    ['machines_rollup_hour', HOUR_MS],
  ] as const) {
    const partials: repo.RollupRow[] = [];
    for (const [key, list] of byKey)
      for (const [bucket, r] of rollUp(list, size)) partials.push({ key, bucket, ...r });
    await repo.addRollups(tx, table, deviceId, partials);
    if (table === 'machines_rollup_minute') await repo.mergeMinuteBlocks(tx, deviceId, partials);
  }
}
