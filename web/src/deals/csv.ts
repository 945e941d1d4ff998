// The deal's deliveries and the trial balance as CSV tables: pure rows for `toCsv`
// (exchange/csv.ts: «;» and a decimal comma in Russian). Money in roubles from kopecks; each
// money column says whether it is without or with VAT.
import type { Delivery, TrialBalance } from './api.ts';

type Cell = string | number | null;
const rub = (kopecks: number) => kopecks / 100;

export interface DeliveryCsvWords {
  date: string;
  quantity: string;
  unit: string;
  net: string;
  rate: string;
  vat: string;
  gross: string;
  total: string;
}

/** Lots in the order given: date, quantity, unit, without VAT, rate, VAT, with VAT; a total. */
export function deliveriesCsvRows(list: readonly Delivery[], w: DeliveryCsvWords): Cell[][] {
  const sum = (k: 'amountKopecks' | 'vatKopecks' | 'amountWithVatKopecks') =>
    list.reduce((s, d) => s + d[k], 0);
  return [
    [w.date, w.quantity, w.unit, w.net, w.rate, w.vat, w.gross],
    ...list.map((d) => [
      d.deliveredOn,
      d.quantity,
      d.unit,
      rub(d.amountKopecks),
      d.vatRatePct,
      rub(d.vatKopecks),
      rub(d.amountWithVatKopecks),
    ]),
    [
      w.total,
      null,
      null,
      rub(sum('amountKopecks')),
      null,
      rub(sum('vatKopecks')),
      rub(sum('amountWithVatKopecks')),
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
