import { type Kysely, SqliteAdapter, type Transaction } from 'kysely';
import { recordEvent } from '../../journal/index.ts';
import { actorRef, systemActor } from '../../model/index.ts';
import type { Database, Tx } from '../../store/index.ts';
import { type LedgerLine, postingLines, vatKopecks, vatRateOn } from '../engine/index.ts';
import { vatRates } from '../reference.ts';

// VAT (НДС) on the deliveries recorded before deals posted it. Each such delivery gets the
// rate of its date and its VAT (`vatRatePct`, `vatKopecks`, `amountWithVatKopecks`), and its
// posting gets adjusting lines after its own, dated by the delivery, as an accountant books a
// missed VAT: the seller Dr receivable Cr vat_payable, the buyer Dr vat_recoverable Cr payable,
// the transport payer Dr vat_recoverable Cr carrier_payable. Each change is journaled as
// `delivery.vat-posted` { delivery, lines } by the system, so that `journal verify --state`
// reads the delivery as the journal last carried it. Both dialects, in the migration's
// transaction. `down` restores the postings without VAT (the rule at rate 0) and the records.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the tables as they are at this step
type Db = Kysely<any>;
type Row = Record<string, unknown>;

const dialectOf = (db: Db): Tx['dialect'] =>
  db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';

async function deliveries(db: Db): Promise<Row[]> {
  return (await db
    .selectFrom('deal_delivery')
    .selectAll()
    .orderBy('recorded_at')
    .orderBy('id')
    .execute()) as Row[];
}

async function linesOf(db: Db, postingId: string) {
  return (
    (await db
      .selectFrom('ledger_line')
      .selectAll()
      .where('posting_id', '=', postingId)
      .orderBy('line')
      .execute()) as Row[]
  ).map((r) => ({
    line: Number(r.line),
    organisationId: r.organisation_id as string,
    account: r.account as string,
    debit: Number(r.debit),
    credit: Number(r.credit),
  }));
}

/** What the adjusting lines of one posting are, from its lines without VAT and the rate. */
export function vatAdjustment(
  lines: readonly { organisationId: string; account: string; debit: number; credit: number }[],
  ratePct: number,
): LedgerLine[] {
  const out: LedgerLine[] = [];
  const add = (org: string, dr: LedgerLine['account'], cr: LedgerLine['account'], v: number) => {
    if (v === 0) return;
    out.push({ organisationId: org, account: dr, debit: v, credit: 0 });
    out.push({ organisationId: org, account: cr, debit: 0, credit: v });
  };
  const receivable = lines.find((l) => l.account === 'receivable' && l.debit > 0);
  const payable = lines.find((l) => l.account === 'payable' && l.credit > 0);
  if (receivable && payable) {
    const vat = vatKopecks(receivable.debit, ratePct);
    add(receivable.organisationId, 'receivable', 'vat_payable', vat);
    add(payable.organisationId, 'vat_recoverable', 'payable', vat);
  }
  const carrier = lines.find((l) => l.account === 'carrier_payable' && l.credit > 0);
  if (carrier)
    add(
      carrier.organisationId,
      'vat_recoverable',
      'carrier_payable',
      vatKopecks(carrier.credit, ratePct),
    );
  return out;
}

export async function up(db: Db): Promise<void> {
  // the migration runs in a transaction of its own (both dialects): the journal's writes join it
  const tx: Tx = { db: db as Transaction<Database>, dialect: dialectOf(db) };
  const table = vatRates();
  for (const r of await deliveries(db)) {
    const delivery = JSON.parse(r.data as string) as Row;
    if ('vatKopecks' in delivery) continue;
    const date = r.delivered_on as string;
    // a date before the table's first row: the earliest rate (no delivery on record is so old)
    const rate = (vatRateOn(date, table) ?? table[0]).ratePct;
    const amount = Number(delivery.amountKopecks ?? 0);
    const vat = delivery.confirms ? 0 : vatKopecks(amount, rate);
    const next = {
      ...delivery,
      vatRatePct: rate,
      vatKopecks: vat,
      amountWithVatKopecks: amount + vat,
    };
    const own = await linesOf(db, r.id as string);
    const adjusting = delivery.confirms ? [] : vatAdjustment(own, rate);
    const first = own.reduce((m, l) => Math.max(m, l.line), -1) + 1;
    if (adjusting.length)
      await db
        .insertInto('ledger_line')
        .values(
          adjusting.map((l, i) => ({
            posting_id: r.id,
            line: first + i,
            deal_id: r.deal_id,
            organisation_id: l.organisationId,
            account: l.account,
            debit: l.debit,
            credit: l.credit,
            posted_on: date,
          })),
        )
        .execute();
    await db
      .updateTable('deal_delivery')
      .set({ data: JSON.stringify(next) })
      .where('id', '=', r.id)
      .execute();
    await recordEvent(tx, {
      actor: actorRef(systemActor),
      organisationId: null,
      type: 'delivery.vat-posted',
      payload: { delivery: next, lines: adjusting },
    });
  }
}

export async function down(db: Db): Promise<void> {
  for (const r of await deliveries(db)) {
    const {
      vatRatePct: _r,
      vatKopecks: _v,
      amountWithVatKopecks: _w,
      ...delivery
    } = JSON.parse(r.data as string) as Row;
    await db
      .updateTable('deal_delivery')
      .set({ data: JSON.stringify(delivery) })
      .where('id', '=', r.id)
      .execute();
    if (delivery.confirms) continue;
    const deal = await db
      .selectFrom('deal')
      .select('data')
      .where('id', '=', r.deal_id)
      .executeTakeFirst();
    if (!deal) continue;
    const d = JSON.parse(deal.data as string);
    const lines = postingLines({
      providerId: d.providerId,
      consumerId: d.consumerId,
      priceKopecksPerUnit: d.priceKopecksPerUnit,
      transportKopecksPerUnit: d.transportKopecksPerUnit,
      transportPaidBy: d.transport.paidBy,
      quantity: Number(delivery.quantity),
      vatRatePct: 0,
    });
    await db.deleteFrom('ledger_line').where('posting_id', '=', r.id).execute();
    if (lines.length)
      await db
        .insertInto('ledger_line')
        .values(
          lines.map((l, i) => ({
            posting_id: r.id,
            line: i + 1,
            deal_id: r.deal_id,
            organisation_id: l.organisationId,
            account: l.account,
            debit: l.debit,
            credit: l.credit,
            posted_on: r.delivered_on,
          })),
        )
        .execute();
  }
}
