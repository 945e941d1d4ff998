// Settlement postings: pure. Each delivery posts balanced double-entry lines in each party's
// own books, so that every organisation's books balance on their own and the cluster's too.
// Prices are without VAT; VAT (НДС) at the rate of the delivery's date (`vatRatePct`, see
// vat.ts) is charged by the seller of the goods or service on top, so that what one side owes
// the other includes VAT:
//
//   price ≥ 0 (the consumer buys the material), net = price × quantity, VAT = net × rate:
//     consumer: Dr purchases net, Dr vat_recoverable VAT       Cr payable net + VAT
//     provider: Dr receivable net + VAT                        Cr sales net, Cr vat_payable VAT
//   price < 0 (a gate fee: the consumer's service of taking the waste, which the provider pays),
//   fee = |price × quantity|, VAT = fee × rate, charged by the consumer:
//     provider: Dr gate_fee_expense fee, Dr vat_recoverable VAT  Cr payable fee + VAT
//     consumer: Dr receivable fee + VAT                 Cr gate_fee_income fee, Cr vat_payable VAT
//   transport, when it costs something (a carrier's service, paid by the side that pays it):
//     payer:    Dr transport_expense net, Dr vat_recoverable VAT  Cr carrier_payable net + VAT
//
// vat_payable is НДС к уплате (the seller's output VAT), vat_recoverable НДС к вычету (the
// buyer's input VAT). The rate is the seller's (vat.ts `saleVatRate`: a seller on УСН charges
// 5 %, 7 % or nothing); a buyer not on the general regime deducts nothing and debits its cost
// (purchases, gate_fee_expense, transport_expense) with net + VAT instead. The carrier, off the
// platform, charges the standard rate. Money is integer kopecks; price per unit × quantity is
// rounded half away from zero to the kopeck once per posting (`postKopecks`), and its VAT once
// (`vatKopecks`), never on sums.
import { postKopecks } from '../../model/money.ts';
import { deductsInputVat, saleVatRate, type VatRegimeName, vatKopecks } from './vat.ts';

export const ledgerAccounts = [
  'receivable',
  'payable',
  'sales',
  'purchases',
  'gate_fee_income',
  'gate_fee_expense',
  'transport_expense',
  'carrier_payable',
  'vat_payable',
  'vat_recoverable',
] as const;
export type LedgerAccount = (typeof ledgerAccounts)[number];

export interface LedgerLine {
  organisationId: string;
  account: LedgerAccount;
  /** kopecks, ≥ 0; exactly one of debit and credit is non-zero */
  debit: number;
  credit: number;
}

export interface PostingInput {
  providerId: string;
  consumerId: string;
  priceKopecksPerUnit: number;
  transportKopecksPerUnit: number;
  transportPaidBy: 'provider' | 'consumer';
  quantity: number;
  /** the standard VAT rate in force on the delivery's date, % (vat.ts `vatRateOn`) */
  vatRatePct: number;
  /** each side's VAT regime (absent: the general regime) */
  providerVat?: VatRegimeName;
  consumerVat?: VatRegimeName;
}

/** A delivery's settlement of the goods (or the gate fee): signed as the price, kopecks. */
export interface Settlement {
  /** price × quantity without VAT (negative: a gate fee the provider pays) */
  netKopecks: number;
  vatKopecks: number;
  /** net + VAT: what the paying side owes the other */
  withVatKopecks: number;
  /** the rate the seller charges (its regime's); 0 when exempt */
  vatRatePct: number;
  /** the seller is exempt from VAT (УСН): the sum is «без НДС» */
  vatExempt: boolean;
  /** who sold: the provider (the material), or the consumer (a gate fee), and under what regime */
  seller: { side: 'provider' | 'consumer'; vat: VatRegimeName };
}

/** price per unit × quantity, rounded half away from zero to the kopeck (the one rounding). */
export const postAmount = postKopecks;

/** A side of the deal with its VAT regime. */
const party = (p: PostingInput, side: 'provider' | 'consumer') =>
  side === 'provider'
    ? { side, id: p.providerId, vat: p.providerVat ?? 'general' }
    : { side, id: p.consumerId, vat: p.consumerVat ?? 'general' };

/** Who sells the goods (the provider) or the gate-fee service (the consumer), and who buys. */
const sides = (p: PostingInput, net: number) =>
  net >= 0
    ? { seller: party(p, 'provider'), buyer: party(p, 'consumer') }
    : { seller: party(p, 'consumer'), buyer: party(p, 'provider') };

/** The goods' (or the gate fee's) amounts of one delivery, without and with the seller's VAT. */
export function settlement(p: PostingInput): Settlement {
  const net = postAmount(p.priceKopecksPerUnit, p.quantity);
  const { seller } = sides(p, net);
  const { ratePct, exempt } = saleVatRate(seller.vat, p.vatRatePct);
  const vat = vatKopecks(net, ratePct);
  return {
    netKopecks: net,
    vatKopecks: vat,
    withVatKopecks: net + vat,
    vatRatePct: ratePct,
    vatExempt: exempt,
    seller: { side: seller.side, vat: seller.vat },
  };
}

/** One side's entry: its debits, then its credits; amounts ≥ 0, zero amounts left out. */
const entry = (
  organisationId: string,
  debits: [LedgerAccount, number][],
  credits: [LedgerAccount, number][],
): LedgerLine[] => [
  ...debits
    .filter(([, amount]) => amount !== 0)
    .map(([account, debit]) => ({ organisationId, account, debit, credit: 0 })),
  ...credits
    .filter(([, amount]) => amount !== 0)
    .map(([account, credit]) => ({ organisationId, account, debit: 0, credit })),
];

/**
 * A sale with VAT in the buyer's books and, when on the platform, in the seller's. A buyer that
 * deducts no VAT (not on the general regime) books it into the cost.
 */
const sale = (
  buyer: { id: string; vat: VatRegimeName },
  cost: LedgerAccount,
  payable: LedgerAccount,
  seller: string | null,
  income: LedgerAccount,
  net: number,
  vat: number,
): LedgerLine[] => [
  ...entry(
    buyer.id,
    deductsInputVat(buyer.vat)
      ? [
          [cost, net],
          ['vat_recoverable', vat],
        ]
      : [[cost, net + vat]],
    [[payable, net + vat]],
  ),
  ...(seller === null
    ? []
    : entry(
        seller,
        [['receivable', net + vat]],
        [
          [income, net],
          ['vat_payable', vat],
        ],
      )),
];

/** The lines one delivery posts: balanced per organisation by construction. */
export function postingLines(p: PostingInput): LedgerLine[] {
  const { netKopecks: value, vatKopecks: vat } = settlement(p);
  const { seller, buyer } = sides(p, value);
  // the carrier's regime is unknown: the standard rate
  const transport = postAmount(Math.max(0, p.transportKopecksPerUnit), p.quantity);
  const transportVat = vatKopecks(transport, p.vatRatePct);
  const payer = party(p, p.transportPaidBy);
  return [
    ...(value >= 0
      ? sale(buyer, 'purchases', 'payable', seller.id, 'sales', value, vat)
      : sale(buyer, 'gate_fee_expense', 'payable', seller.id, 'gate_fee_income', -value, -vat)),
    ...sale(payer, 'transport_expense', 'carrier_payable', null, 'sales', transport, transportVat),
  ];
}

export interface TrialBalanceRow {
  account: LedgerAccount;
  organisationId: string;
  debit: number;
  credit: number;
}

/** Debit and credit totals per organisation and account, sorted by organisation then account. */
export function trialBalance(lines: readonly LedgerLine[]): {
  accounts: TrialBalanceRow[];
  totalDebit: number;
  totalCredit: number;
} {
  const by = new Map<string, TrialBalanceRow>();
  for (const l of lines) {
    const key = `${l.organisationId}\u0000${l.account}`;
    const row = by.get(key) ?? {
      account: l.account,
      organisationId: l.organisationId,
      debit: 0,
      credit: 0,
    };
    row.debit += l.debit;
    row.credit += l.credit;
    by.set(key, row);
  }
  const accounts = [...by.values()].sort((a, b) =>
    a.organisationId === b.organisationId
      ? a.account < b.account
        ? -1
        : a.account > b.account
          ? 1
          : 0
      : a.organisationId < b.organisationId
        ? -1
        : 1,
  );
  return {
    accounts,
    totalDebit: accounts.reduce((s, r) => s + r.debit, 0),
    totalCredit: accounts.reduce((s, r) => s + r.credit, 0),
  };
}
