// All of deals' SQL, reads and writes, over its own tables only, and the mapping between its
// rows and its records.
import { kopecksFromColumn } from '../model/index.ts';
import type { Reader, Tx } from '../store/index.ts';
import type { LedgerAccount, LedgerLine } from './engine/index.ts';
import type {
  Deal,
  DealDevice,
  DealMessage,
  DealState,
  DealTransition,
  Delivery,
  Form2tpFigures,
} from './schema.ts';

export interface DealTable {
  id: string;
  state: string;
  version: number;
  provider_id: string;
  consumer_id: string;
  match_id: string | null;
  created_at: string;
  /** the Deal as JSON */
  data: string;
}
export interface DealTransitionTable {
  deal_id: string;
  version: number;
  /** the DealTransition as JSON */
  data: string;
}
export interface DealMessageTable {
  id: string;
  deal_id: string;
  posted_at: string;
  data: string;
}
export interface DealDeliveryTable {
  id: string;
  deal_id: string;
  delivered_on: string;
  recorded_at: string;
  data: string;
}
export interface Form2tpFiguresTable {
  organisation_id: string;
  year: number;
  updated_at: string;
  /** the Form2tpFigures as JSON */
  data: string;
}

export interface LedgerLineTable {
  posting_id: string;
  line: number;
  deal_id: string;
  organisation_id: string;
  account: string;
  debit: string | number | bigint;
  credit: string | number | bigint;
  posted_on: string;
}

declare module '../store/database.ts' {
  interface Database {
    deal: DealTable;
    deal_transition: DealTransitionTable;
    deal_message: DealMessageTable;
    deal_delivery: DealDeliveryTable;
    ledger_line: LedgerLineTable;
    form_2tp_figures: Form2tpFiguresTable;
  }
}

// --- deals ---

export async function findDeal(reader: Reader, id: string): Promise<Deal | undefined> {
  const r = await reader.db
    .selectFrom('deal')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return r && (JSON.parse(r.data) as Deal);
}

export async function findDealByMatch(reader: Reader, matchId: string): Promise<Deal | undefined> {
  const r = await reader.db
    .selectFrom('deal')
    .select('data')
    .where('match_id', '=', matchId)
    .executeTakeFirst();
  return r && (JSON.parse(r.data) as Deal);
}

/** Deals newest first: of one organisation (either side) and in the given state(s). */
export async function findDeals(
  reader: Reader,
  f: {
    organisationId?: string;
    state?: DealState | readonly DealState[];
    fromMatch?: boolean;
  } = {},
): Promise<Deal[]> {
  let q = reader.db.selectFrom('deal').select('data').orderBy('created_at', 'desc').orderBy('id');
  if (f.organisationId) {
    const o = f.organisationId;
    q = q.where((eb) => eb.or([eb('provider_id', '=', o), eb('consumer_id', '=', o)]));
  }
  if (typeof f.state === 'string') q = q.where('state', '=', f.state);
  else if (f.state) {
    if (!f.state.length) return [];
    q = q.where('state', 'in', f.state);
  }
  if (f.fromMatch !== undefined) q = q.where('match_id', f.fromMatch ? 'is not' : 'is', null);
  return (await q.execute()).map((r) => JSON.parse(r.data) as Deal);
}

export async function insertDeal(tx: Tx, d: Deal): Promise<void> {
  await tx.db
    .insertInto('deal')
    .values({
      id: d.id,
      state: d.state,
      version: d.version,
      provider_id: d.providerId,
      consumer_id: d.consumerId,
      match_id: d.matchId,
      created_at: d.createdAt,
      data: JSON.stringify(d),
    })
    .execute();
}

/**
 * Writes the deal's next state if the row is still at `expectedVersion`; false when another
 * transaction moved it first (the optimistic check: one winner).
 */
export async function updateDeal(tx: Tx, d: Deal, expectedVersion: number): Promise<boolean> {
  const r = await tx.db
    .updateTable('deal')
    .set({ state: d.state, version: d.version, data: JSON.stringify(d) })
    .where('id', '=', d.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertTransition(tx: Tx, t: DealTransition): Promise<void> {
  await tx.db
    .insertInto('deal_transition')
    .values({ deal_id: t.dealId, version: t.version, data: JSON.stringify(t) })
    .execute();
}

export async function findTransitions(reader: Reader, dealId: string): Promise<DealTransition[]> {
  const rows = await reader.db
    .selectFrom('deal_transition')
    .select('data')
    .where('deal_id', '=', dealId)
    .orderBy('version')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as DealTransition);
}

// --- messages ---

export async function insertMessage(tx: Tx, m: DealMessage): Promise<void> {
  await tx.db
    .insertInto('deal_message')
    .values({ id: m.id, deal_id: m.dealId, posted_at: m.postedAt, data: JSON.stringify(m) })
    .execute();
}

export async function messageExists(reader: Reader, id: string): Promise<boolean> {
  const r = await reader.db
    .selectFrom('deal_message')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return !!r;
}

export async function findMessages(reader: Reader, dealId: string): Promise<DealMessage[]> {
  const rows = await reader.db
    .selectFrom('deal_message')
    .select('data')
    .where('deal_id', '=', dealId)
    .orderBy('posted_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as DealMessage);
}

// --- deliveries ---

export async function insertDelivery(tx: Tx, d: Delivery): Promise<void> {
  await tx.db
    .insertInto('deal_delivery')
    .values({
      id: d.id,
      deal_id: d.dealId,
      delivered_on: d.deliveredOn,
      recorded_at: d.recordedAt,
      data: JSON.stringify(d),
    })
    .execute();
}

export async function updateDelivery(tx: Tx, d: Delivery): Promise<void> {
  await tx.db
    .updateTable('deal_delivery')
    .set({ data: JSON.stringify(d) })
    .where('id', '=', d.id)
    .execute();
}

export async function findDelivery(reader: Reader, id: string): Promise<Delivery | undefined> {
  const r = await reader.db
    .selectFrom('deal_delivery')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return r && (JSON.parse(r.data) as Delivery);
}

/** Deliveries in the order they were made, of some deals (all when `dealIds` is undefined). */
export async function findDeliveries(
  reader: Reader,
  dealIds?: readonly string[],
): Promise<Delivery[]> {
  if (dealIds && !dealIds.length) return [];
  let q = reader.db
    .selectFrom('deal_delivery')
    .select('data')
    .orderBy('delivered_on')
    .orderBy('recorded_at')
    .orderBy('id');
  if (dealIds) q = q.where('deal_id', 'in', [...dealIds]);
  return (await q.execute()).map((r) => JSON.parse(r.data) as Delivery);
}

// --- the ledger ---

export async function insertLedgerLines(
  tx: Tx,
  posting: { id: string; dealId: string; postedOn: string },
  lines: readonly LedgerLine[],
): Promise<void> {
  if (!lines.length) return;
  await tx.db
    .insertInto('ledger_line')
    .values(
      lines.map((l, i) => ({
        posting_id: posting.id,
        line: i + 1,
        deal_id: posting.dealId,
        organisation_id: l.organisationId,
        account: l.account,
        debit: l.debit,
        credit: l.credit,
        posted_on: posting.postedOn,
      })),
    )
    .execute();
}

/** Ledger lines posted on or before `asOf`, of one organisation when given. */
export async function findLedgerLines(
  reader: Reader,
  f: { asOf: string; organisationId?: string; postingId?: string },
): Promise<LedgerLine[]> {
  let q = reader.db
    .selectFrom('ledger_line')
    .select(['organisation_id', 'account', 'debit', 'credit'])
    .where('posted_on', '<=', f.asOf)
    .orderBy('posting_id')
    .orderBy('line');
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.postingId) q = q.where('posting_id', '=', f.postingId);
  return (await q.execute()).map((r) => ({
    organisationId: r.organisation_id,
    account: r.account as LedgerAccount,
    debit: kopecksFromColumn(r.debit) ?? 0,
    credit: kopecksFromColumn(r.credit) ?? 0,
  }));
}

/** A deal's ledger lines as posted, in posting order; of one organisation when given. */
export async function findDealLedgerLines(reader: Reader, dealId: string, organisationId?: string) {
  let q = reader.db
    .selectFrom('ledger_line')
    .select(['posting_id', 'line', 'posted_on', 'organisation_id', 'account', 'debit', 'credit'])
    .where('deal_id', '=', dealId)
    .orderBy('posted_on')
    .orderBy('posting_id')
    .orderBy('line');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return (await q.execute()).map((r) => ({
    deliveryId: r.posting_id,
    line: Number(r.line),
    postedOn: r.posted_on,
    organisationId: r.organisation_id,
    account: r.account as LedgerAccount,
    debit: kopecksFromColumn(r.debit) ?? 0,
    credit: kopecksFromColumn(r.credit) ?? 0,
  }));
}

// --- weighbridges linked to deals, and the weighings they posted ---

export interface DealDeviceTable {
  id: string;
  deal_id: string;
  device_id: string;
  /** the journal seq of the link's event: weighings journaled after it count */
  linked_seq: number;
  /** the seq of the revocation's event: weighings journaled after it do not */
  revoked_seq: number | null;
  /** the DealDevice as JSON */
  data: string;
}
export interface DealWeighingTable {
  device_id: string;
  message_id: string;
  deal_id: string;
  delivery_id: string;
}

declare module '../store/database.ts' {
  interface Database {
    deal_device: DealDeviceTable;
    deal_weighing: DealWeighingTable;
  }
}

export async function insertDealDevice(tx: Tx, link: DealDevice, seq: number): Promise<void> {
  await tx.db
    .insertInto('deal_device')
    .values({
      id: link.id,
      deal_id: link.dealId,
      device_id: link.deviceId,
      linked_seq: seq,
      revoked_seq: null,
      data: JSON.stringify(link),
    })
    .execute();
}

export async function revokeDealDevice(tx: Tx, link: DealDevice, seq: number): Promise<void> {
  await tx.db
    .updateTable('deal_device')
    .set({ revoked_seq: seq, data: JSON.stringify(link) })
    .where('id', '=', link.id)
    .execute();
}

export async function findDealDevice(reader: Reader, id: string): Promise<DealDevice | undefined> {
  const r = await reader.db
    .selectFrom('deal_device')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return r && (JSON.parse(r.data) as DealDevice);
}

/** A deal's links, or a device's, oldest first; only those in force when asked. */
export async function findDealDevices(
  reader: Reader,
  by: { dealId?: string; deviceId?: string; inForce?: boolean },
): Promise<DealDevice[]> {
  let q = reader.db.selectFrom('deal_device').select('data').orderBy('linked_seq');
  if (by.dealId) q = q.where('deal_id', '=', by.dealId);
  if (by.deviceId) q = q.where('device_id', '=', by.deviceId);
  if (by.inForce) q = q.where('revoked_seq', 'is', null);
  return (await q.execute()).map((r) => JSON.parse(r.data) as DealDevice);
}

/** The device's links in force at journal position `seq`. */
export async function linksAt(
  reader: Reader,
  deviceId: string,
  seq: number,
): Promise<DealDevice[]> {
  const rows = await reader.db
    .selectFrom('deal_device')
    .select('data')
    .where('device_id', '=', deviceId)
    .where('linked_seq', '<', seq)
    .where((eb) => eb.or([eb('revoked_seq', 'is', null), eb('revoked_seq', '>', seq)]))
    .orderBy('linked_seq')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as DealDevice);
}

export async function weighingPosted(
  reader: Reader,
  deviceId: string,
  messageId: string,
): Promise<boolean> {
  const r = await reader.db
    .selectFrom('deal_weighing')
    .select('delivery_id')
    .where('device_id', '=', deviceId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return !!r;
}

export async function insertWeighing(tx: Tx, row: DealWeighingTable): Promise<void> {
  await tx.db.insertInto('deal_weighing').values(row).execute();
}

// --- form 2-TP figures ---

export async function findForm2tpFigures(
  reader: Reader,
  organisationId: string,
  year: number,
): Promise<Form2tpFigures | undefined> {
  const r = await reader.db
    .selectFrom('form_2tp_figures')
    .select('data')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .executeTakeFirst();
  return r ? (JSON.parse(r.data) as Form2tpFigures) : undefined;
}

/** Inserts or replaces an organisation's figures for a year. */
export async function saveForm2tpFigures(tx: Tx, f: Form2tpFigures): Promise<void> {
  await tx.db
    .deleteFrom('form_2tp_figures')
    .where('organisation_id', '=', f.organisationId)
    .where('year', '=', f.year)
    .execute();
  await tx.db
    .insertInto('form_2tp_figures')
    .values({
      organisation_id: f.organisationId,
      year: f.year,
      updated_at: f.updatedAt,
      data: JSON.stringify(f),
    })
    .execute();
}

/** For `journal verify --state`: the key is `<organisationId>/<year>`. */
export async function findForm2tpFiguresByKey(
  reader: Reader,
  key: string,
): Promise<Form2tpFigures | undefined> {
  const at = key.lastIndexOf('/');
  const year = Number(key.slice(at + 1));
  return at < 0 || !Number.isInteger(year)
    ? undefined
    : findForm2tpFigures(reader, key.slice(0, at), year);
}
