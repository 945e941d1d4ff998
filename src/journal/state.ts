// `journal verify --state`: events carry state (DESIGN), so the latest event of each record
// must equal the record as its module reads it now. A difference means a state table was
// edited behind the journal's back (or a module wrote without its event).
import type { Reader } from '../store/index.ts';
import { canonicalJson } from './canonical.ts';
import { eventRows, stateCarriedFromSeq } from './repository.ts';
import { entryFromRow } from './service.ts';

/**
 * How one record kind appears in the journal and how its module reads it back. `carriedBy`
 * maps each event type that carries this kind's full state to where in the payload: `''` the
 * payload itself, `'key'` the payload's `key`, `'key[]'` every element of that array (dotted
 * paths allowed: `'records.sites[]'`). Each module lists its kinds next to its reads.
 */
export interface StateReader {
  kind: string;
  carriedBy: Readonly<Record<string, string>>;
  /**
   * Event types that change this kind without carrying its full state (same paths as
   * `carriedBy`): a record they changed last cannot be compared, and is counted as such.
   */
  partialIn?: Readonly<Record<string, string>>;
  /** keys an event adds beside the record's state (not compared), e.g. a plan's proposals */
  besides?: readonly string[];
  /**
   * Fields a later migration added, with the value it gave the records that had none: a state
   * journaled before the field existed, lacking it, reads as that value (not as a difference).
   */
  addedLater?: Readonly<Record<string, unknown>>;
  read(reader: Reader, id: string): Promise<unknown>;
}

export interface StateDifference {
  kind: string;
  id: string;
  /** the event whose state differs */
  seq: number;
  /** dotted path of the first differing field; `(record)` when the row is gone */
  field: string;
  journal: unknown;
  row: unknown;
}

export interface StateReport {
  /** records whose latest event was compared with their row */
  compared: number;
  /**
   * records last changed by an event without their full state: from before events carried
   * state (the release before), or listed in a reader's `partialIn`
   */
  notComparable: number;
  differences: number;
  /** the first difference in journal order, or null */
  first: StateDifference | null;
}

function at(payload: unknown, path: string): unknown[] {
  if (path === '') return [payload];
  const many = path.endsWith('[]');
  let v: unknown = payload;
  for (const key of (many ? path.slice(0, -2) : path).split('.')) {
    if (!v || typeof v !== 'object') return [];
    v = (v as Record<string, unknown>)[key];
  }
  if (many) return Array.isArray(v) ? v : [];
  return [v];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
// absent and undefined compare equal; everything else by its canonical JSON
const text = (v: unknown) => (v === undefined ? '(absent)' : canonicalJson(v));

/** The first field (depth first, keys sorted) where the two differ, or null when equal. */
export function firstDifference(
  journal: unknown,
  row: unknown,
  path = '',
): { field: string; journal: unknown; row: unknown } | null {
  if (text(journal) === text(row)) return null;
  if (isObject(journal) && isObject(row)) {
    const keys = [...new Set([...Object.keys(journal), ...Object.keys(row)])].sort();
    for (const k of keys) {
      const d = firstDifference(journal[k], row[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
  }
  return { field: path || '(record)', journal, row };
}

/**
 * Finds each record's latest state-carrying event, reads the record through its module and
 * compares. Events from before state-carrying events (databases upgraded from the release
 * before) are counted as not comparable, never as differences.
 */
export async function verifyState(
  reader: Reader,
  readers: readonly StateReader[],
  pageSize = 5000,
): Promise<StateReport> {
  const byType = new Map<string, Array<{ r: StateReader; path: string; partial: boolean }>>();
  const add = (r: StateReader, paths: Readonly<Record<string, string>>, partial: boolean) => {
    for (const [type, path] of Object.entries(paths))
      byType.set(type, [...(byType.get(type) ?? []), { r, path, partial }]);
  };
  for (const r of readers) {
    add(r, r.carriedBy, false);
    add(r, r.partialIn ?? {}, true);
  }
  const fromSeq = await stateCarriedFromSeq(reader);
  const latest = new Map<
    string,
    { r: StateReader; id: string; seq: number; state: unknown; partial: boolean }
  >();
  let after: number | undefined;
  for (;;) {
    const rows = await eventRows(reader, { afterSeq: after, limit: pageSize });
    for (const row of rows) {
      const carriers = byType.get(row.type);
      if (!carriers) continue;
      const event = entryFromRow(row);
      for (const { r, path, partial } of carriers)
        for (const state of at(event.payload, path)) {
          if (!isObject(state) || typeof state.id !== 'string') continue;
          const id = state.id;
          // a later event replaces the earlier: only the latest state must match the row
          const own = {
            ...r.addedLater,
            ...Object.fromEntries(Object.entries(state).filter(([k]) => !r.besides?.includes(k))),
          };
          latest.set(`${r.kind}\u0000${id}`, { r, id, seq: row.seq, state: own, partial });
        }
    }
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1].seq;
  }
  const report: StateReport = { compared: 0, notComparable: 0, differences: 0, first: null };
  const ordered = [...latest.values()].sort((a, b) => a.seq - b.seq);
  for (const { r, id, seq, state, partial } of ordered) {
    if (seq < fromSeq || partial) {
      report.notComparable += 1;
      continue;
    }
    report.compared += 1;
    const current = await r.read(reader, id);
    // both through JSON, as the journal stores them (dates as ISO text, no undefined)
    const d =
      current === undefined
        ? { field: '(record)', journal: state, row: null }
        : firstDifference(state, JSON.parse(JSON.stringify(current)));
    if (!d) continue;
    report.differences += 1;
    report.first ??= { kind: r.kind, id, seq, ...d };
  }
  return report;
}
