import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type LedgerLine, postAmount, postingLines, trialBalance } from './ledger.ts';

test('a sale: consumer owes provider; transport on the consumer', () => {
  const lines = postingLines({
    providerId: 'p',
    consumerId: 'c',
    priceKopecksPerUnit: 150_00,
    transportKopecksPerUnit: 40_00,
    transportPaidBy: 'consumer',
    quantity: 12.5,
  });
  const tb = trialBalance(lines);
  assert.deepEqual(
    tb.accounts,
    [
      { account: 'payable', organisationId: 'c', debit: 0, credit: 187_500 },
      { account: 'purchases', organisationId: 'c', debit: 187_500, credit: 0 },
      { account: 'carrier_payable', organisationId: 'c', debit: 0, credit: 50_000 },
      { account: 'transport_expense', organisationId: 'c', debit: 50_000, credit: 0 },
      { account: 'receivable', organisationId: 'p', debit: 187_500, credit: 0 },
      { account: 'sales', organisationId: 'p', debit: 0, credit: 187_500 },
    ].sort((a, b) => (a.organisationId + a.account < b.organisationId + b.account ? -1 : 1)),
  );
  assert.equal(tb.totalDebit, tb.totalCredit);
});

test('a gate fee: the provider pays the consumer; rounded half away from zero once', () => {
  assert.equal(postAmount(-3, 0.5), -2);
  assert.equal(postAmount(3, 0.5), 2);
  const lines = postingLines({
    providerId: 'p',
    consumerId: 'c',
    priceKopecksPerUnit: -3,
    transportKopecksPerUnit: 0,
    transportPaidBy: 'provider',
    quantity: 0.5,
  });
  assert.deepEqual(lines, [
    { organisationId: 'p', account: 'gate_fee_expense', debit: 2, credit: 0 },
    { organisationId: 'p', account: 'payable', debit: 0, credit: 2 },
    { organisationId: 'c', account: 'receivable', debit: 2, credit: 0 },
    { organisationId: 'c', account: 'gate_fee_income', debit: 0, credit: 2 },
  ]);
});

test('property: the ledger always balances, in total and per organisation', () => {
  const posting = fc.record({
    providerId: fc.constantFrom('a', 'b', 'c'),
    consumerId: fc.constantFrom('b', 'c', 'd'),
    priceKopecksPerUnit: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    transportKopecksPerUnit: fc.integer({ min: 0, max: 1_000_000 }),
    transportPaidBy: fc.constantFrom<'provider' | 'consumer'>('provider', 'consumer'),
    quantity: fc.double({ min: 0, max: 100_000, noNaN: true }),
  });
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
