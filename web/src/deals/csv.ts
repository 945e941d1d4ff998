// The deal's deliveries and the trial balance as CSV tables: pure rows for `toCsv`
// (exchange/csv.ts: «;» and a decimal comma in Russian). Money in roubles from kopecks; each
// money column says whether it is without or with VAT.
import type { Delivery, TrialBalance } from './api.ts';

type Cell = string | number | null;
const rub = (kopecks: number) => kopecks / 100;

export interface DeliveryCsvWords {
  /** the lot's number in recording order, as the page's table numbers it */
  number: string;
  date: string;
  /** who declared the lot: «Заявил» */
  declaredBy: string;
  /** the number of the lot a confirmation confirms: «Подтверждение поставки №» */
  confirms: string;
  quantity: string;
  unit: string;
  net: string;
  rate: string;
  /** the rate cell of a lot whose seller is exempt: «без НДС» */
  noVat: string;
  vat: string;
  gross: string;
  total: string;
  /** the declaring side, named: «поставщик — Мысковская ГРЭС» */
  side: (d: Delivery) => string;
  /** a unit in the file's language: «т» for `t` */
  unitName: (unit: string) => string;
}

/**
 * Lots in the order given: number, date, who declared it, the lot it confirms (a confirmation),
 * quantity, unit, without VAT, rate, VAT, with VAT; a total of the lots. A confirmation is the
 * other side's word on a lot already counted: it carries no money and no rate (empty cells, not
 * 0) and the total counts neither its quantity nor its amounts. A gate-fee deal's amounts
 * (negative on the server: the supplier pays) are written as the sums the supplier pays, as
 * the ledger posts them; the caller's headers say so.
 */
export function deliveriesCsvRows(
  list: readonly Delivery[],
  order: ReadonlyMap<string, number>,
  w: DeliveryCsvWords,
  { gateFee = false }: { gateFee?: boolean } = {},
): Cell[][] {
  const lots = list.filter((d) => !d.confirms);
  const money = (kopecks: number) => rub(gateFee ? -kopecks : kopecks);
  const sum = (k: 'amountKopecks' | 'vatKopecks' | 'amountWithVatKopecks') =>
    money(lots.reduce((s, d) => s + d[k], 0));
  const units = [...new Set(lots.map((d) => d.unit))];
  const quantity = lots.reduce((s, d) => s + d.quantity, 0);
  return [
    [w.number, w.date, w.declaredBy, w.confirms, w.quantity, w.unit, w.net, w.rate, w.vat, w.gross],
    ...list.map((d) =>
      d.confirms
        ? [
            order.get(d.id) ?? null,
            d.deliveredOn,
            w.side(d),
            order.get(d.confirms) ?? d.confirms,
            d.quantity,
            w.unitName(d.unit),
            null,
            null,
            null,
            null,
          ]
        : [
            order.get(d.id) ?? null,
            d.deliveredOn,
            w.side(d),
            null,
            d.quantity,
            w.unitName(d.unit),
            money(d.amountKopecks),
            d.vatExempt ? w.noVat : d.vatRatePct,
            money(d.vatKopecks),
            money(d.amountWithVatKopecks),
          ],
    ),
    [
      w.total,
      null,
      null,
      null,
      // tonnes add up only in one unit
      units.length === 1 ? quantity : null,
      units.length === 1 ? w.unitName(units[0] as string) : null,
      sum('amountKopecks'),
      null,
      sum('vatKopecks'),
      sum('amountWithVatKopecks'),
    ],
  ];
}

export interface TrialBalanceCsvWords {
  organisation: string;
  account: string;
  debit: string;
  credit: string;
  total: string;
  accountName: (account: string) => string;
  organisationName: (id: string) => string;
}

/** Organisation, account, debit, credit (roubles); a total row. */
export function trialBalanceCsvRows(tb: TrialBalance, w: TrialBalanceCsvWords): Cell[][] {
  return [
    [w.organisation, w.account, w.debit, w.credit],
    ...tb.accounts.map((a) => [
      w.organisationName(a.organisationId),
      w.accountName(a.account),
      rub(a.debit),
      rub(a.credit),
    ]),
    [w.total, null, rub(tb.totalDebit), rub(tb.totalCredit)],
  ];
}
