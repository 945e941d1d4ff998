import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type LedgerLine,
  type PostingInput,
  postAmount,
  postingLines,
  settlement,
  trialBalance,
} from './ledger.ts';
import { vatKopecks } from './vat.ts';

const byOrgAccount = <T extends { organisationId: string; account: string }>(rows: T[]) =>
  rows.sort((a, b) => (a.organisationId + a.account < b.organisationId + b.account ? -1 : 1));

test('a sale with VAT at 22 %: the consumer owes net + VAT; VAT to pay and to recover apart', () => {
  const lines = postingLines({
    providerId: 'p',
    consumerId: 'c',
    priceKopecksPerUnit: 150_00,
    transportKopecksPerUnit: 40_00,
    transportPaidBy: 'consumer',
    quantity: 12.5,
    vatRatePct: 22,
  });
  const tb = trialBalance(lines);
  assert.deepEqual(
    tb.accounts,
    byOrgAccount([
      { account: 'payable', organisationId: 'c', debit: 0, credit: 228_750 },
      { account: 'purchases', organisationId: 'c', debit: 187_500, credit: 0 },
      { account: 'vat_recoverable', organisationId: 'c', debit: 41_250 + 11_000, credit: 0 },
      { account: 'carrier_payable', organisationId: 'c', debit: 0, credit: 61_000 },
      { account: 'transport_expense', organisationId: 'c', debit: 50_000, credit: 0 },
      { account: 'receivable', organisationId: 'p', debit: 228_750, credit: 0 },
      { account: 'sales', organisationId: 'p', debit: 0, credit: 187_500 },
      { account: 'vat_payable', organisationId: 'p', debit: 0, credit: 41_250 },
    ]),
  );
  assert.equal(tb.totalDebit, tb.totalCredit);
});

test('a gate fee: the consumer charges VAT on its service, the provider recovers it; rounded once', () => {
  assert.equal(postAmount(-3, 0.5), -2);
  assert.equal(postAmount(3, 0.5), 2);
  const lines = postingLines({
    providerId: 'p',
    consumerId: 'c',
    priceKopecksPerUnit: -8_000,
    transportKopecksPerUnit: 0,
    transportPaidBy: 'provider',
    quantity: 1.25,
    vatRatePct: 20,
  });
  // fee 10 000 kopecks, VAT 2 000
  assert.deepEqual(lines, [
    { organisationId: 'p', account: 'gate_fee_expense', debit: 10_000, credit: 0 },
    { organisationId: 'p', account: 'vat_recoverable', debit: 2_000, credit: 0 },
    { organisationId: 'p', account: 'payable', debit: 0, credit: 12_000 },
    { organisationId: 'c', account: 'receivable', debit: 12_000, credit: 0 },
    { organisationId: 'c', account: 'gate_fee_income', debit: 0, credit: 10_000 },
    { organisationId: 'c', account: 'vat_payable', debit: 0, credit: 2_000 },
  ]);
});

test('VAT is rounded per posting half away from zero, exactly even for the largest amounts', () => {
  assert.equal(vatKopecks(5, 10), 1); // 0.5 → 1
  assert.equal(vatKopecks(-5, 10), -1);
  assert.equal(vatKopecks(2, 20), 0); // 0.4 → 0
  assert.equal(vatKopecks(1_000_000_000_000_003, 22), 220_000_000_000_001); // 0.66 → 1
  assert.equal(vatKopecks(0, 22), 0);
  assert.ok(Object.is(vatKopecks(-1, 20), 0), 'no negative zero');
  assert.deepEqual(
    settlement({
      providerId: 'p',
      consumerId: 'c',
      priceKopecksPerUnit: -333,
      transportKopecksPerUnit: 0,
      transportPaidBy: 'provider',
      quantity: 1,
      vatRatePct: 22,
    }),
    { netKopecks: -333, vatKopecks: -73, withVatKopecks: -406, vatRatePct: 22 },
  );
});

const posting = fc.record<PostingInput>({
  providerId: fc.constantFrom('a', 'b', 'c'),
  consumerId: fc.constantFrom('b', 'c', 'd'),
  priceKopecksPerUnit: fc.integer({ min: -10_000_000, max: 10_000_000 }),
  transportKopecksPerUnit: fc.integer({ min: 0, max: 1_000_000 }),
  transportPaidBy: fc.constantFrom<'provider' | 'consumer'>('provider', 'consumer'),
  quantity: fc.double({ min: 0, max: 100_000, noNaN: true }),
  vatRatePct: fc.constantFrom(0, 10, 18, 20, 22),
});

test('property: the ledger always balances, in total and per organisation', () => {
  fc.assert(
    fc.property(fc.array(posting, { maxLength: 30 }), (ps) => {
      const lines: LedgerLine[] = ps.flatMap(postingLines);
      for (const l of lines) {
        assert.ok(Number.isSafeInteger(l.debit) && Number.isSafeInteger(l.credit));
        assert.ok(l.debit >= 0 && l.credit >= 0 && (l.debit === 0) !== (l.credit === 0));
      }
      const tb = trialBalance(lines);
      assert.equal(tb.totalDebit, tb.totalCredit);
      for (const org of new Set(lines.map((l) => l.organisationId))) {
        const own = trialBalance(lines.filter((l) => l.organisationId === org));
        assert.equal(own.totalDebit, own.totalCredit, org);
      }
    }),
    { numRuns: 300 },
  );
});

const sum = (lines: LedgerLine[], org: string, account: string, side: 'debit' | 'credit') =>
  lines
    .filter((l) => l.organisationId === org && l.account === account)
    .reduce((s, l) => s + l[side], 0);

test('property: receivable = payable = net + VAT; VAT to pay = VAT to recover = the rounded rate', () => {
  fc.assert(
    fc.property(posting, (p0) => {
      const p = { ...p0, consumerId: `${p0.consumerId}'`, transportKopecksPerUnit: 0 };
      const lines = postingLines(p);
      const s = settlement(p);
      const [seller, buyer] =
        s.netKopecks >= 0 ? [p.providerId, p.consumerId] : [p.consumerId, p.providerId];
      const net = Math.abs(s.netKopecks);
      const vat = Math.abs(s.vatKopecks);
      assert.ok(
        Math.abs(vat - (net * p.vatRatePct) / 100) <= 0.5 + 1e-9 * net,
        'rounded to the kopeck',
      );
      assert.equal(s.withVatKopecks, s.netKopecks + s.vatKopecks);
      assert.equal(sum(lines, seller, 'receivable', 'debit'), net + vat);
      assert.equal(sum(lines, buyer, 'payable', 'credit'), net + vat);
      assert.equal(sum(lines, seller, 'vat_payable', 'credit'), vat);
      assert.equal(sum(lines, buyer, 'vat_recoverable', 'debit'), vat);
      const income = s.netKopecks >= 0 ? 'sales' : 'gate_fee_income';
      assert.equal(sum(lines, seller, income, 'credit'), net);
    }),
    { numRuns: 500 },
  );
});

test('property: transport carries VAT for its payer; the carrier is owed net + VAT', () => {
  fc.assert(
    fc.property(posting, (p) => {
      const lines = postingLines({ ...p, priceKopecksPerUnit: 0 });
      const payer = p.transportPaidBy === 'provider' ? p.providerId : p.consumerId;
      const net = postAmount(p.transportKopecksPerUnit, p.quantity);
      assert.equal(sum(lines, payer, 'transport_expense', 'debit'), net);
      assert.equal(sum(lines, payer, 'vat_recoverable', 'debit'), vatKopecks(net, p.vatRatePct));
      assert.equal(
        sum(lines, payer, 'carrier_payable', 'credit'),
        net + vatKopecks(net, p.vatRatePct),
      );
    }),
    { numRuns: 300 },
  );
});
