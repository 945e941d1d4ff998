// Settlement postings: pure. Each delivery posts balanced double-entry lines in each party's
// own books, so that every organisation's books balance on their own and the cluster's too.
//
//   price ≥ 0 (the consumer pays for the material), amount = price × quantity:
//     consumer: Dr purchases         Cr payable
//     provider: Dr receivable        Cr sales
//   price < 0 (a gate fee the provider pays the consumer to take it), fee = |price × quantity|:
//     provider: Dr gate_fee_expense  Cr payable
//     consumer: Dr receivable        Cr gate_fee_income
//   transport, when it costs something (paid to a carrier by the side that pays it):
//     payer:    Dr transport_expense Cr carrier_payable
//
// Money is integer kopecks; price per unit × quantity is rounded half away from zero to the
// kopeck once per posting (`postKopecks`), never on sums.
import { postKopecks } from '../../model/money.ts';

export const ledgerAccounts = [
  'receivable',
  'payable',
  'sales',
  'purchases',
  'gate_fee_income',
  'gate_fee_expense',
  'transport_expense',
  'carrier_payable',
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
}

/** price per unit × quantity, rounded half away from zero to the kopeck (the one rounding). */
export const postAmount = postKopecks;

const pair = (
  organisationId: string,
  dr: LedgerAccount,
  cr: LedgerAccount,
  amount: number,
): LedgerLine[] =>
  amount === 0
    ? []
    : [
        { organisationId, account: dr, debit: amount, credit: 0 },
        { organisationId, account: cr, debit: 0, credit: amount },
      ];

/** The lines one delivery posts: balanced per organisation by construction. */
export function postingLines(p: PostingInput): LedgerLine[] {
  const value = postAmount(p.priceKopecksPerUnit, p.quantity);
  const transport = postAmount(Math.max(0, p.transportKopecksPerUnit), p.quantity);
  const payer = p.transportPaidBy === 'provider' ? p.providerId : p.consumerId;
  return [
    ...(value >= 0
      ? [
          ...pair(p.consumerId, 'purchases', 'payable', value),
          ...pair(p.providerId, 'receivable', 'sales', value),
        ]
      : [
          ...pair(p.providerId, 'gate_fee_expense', 'payable', -value),
          ...pair(p.consumerId, 'receivable', 'gate_fee_income', -value),
        ]),
    ...pair(payer, 'transport_expense', 'carrier_payable', transport),
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
