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
import { deductsInputVat, saleVatRate, type VatRegimeName, vatKopecks } from './vat.ts';

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
    {
      netKopecks: -333,
      vatKopecks: -73,
      withVatKopecks: -406,
      vatRatePct: 22,
      vatExempt: false,
      seller: { side: 'consumer', vat: 'general' },
    },
  );
});

test('a seller on УСН: exempt sells without VAT; at 5 % charges 5 %; a buyer on УСН books VAT into the cost', () => {
  const base = {
    providerId: 'p',
    consumerId: 'c',
    priceKopecksPerUnit: 100_00,
    transportKopecksPerUnit: 10_00,
    transportPaidBy: 'consumer' as const,
    quantity: 10,
    vatRatePct: 22,
  };
  const exempt = postingLines({ ...base, providerVat: 'usn_exempt' });
  assert.deepEqual(
    trialBalance(exempt).accounts,
    byOrgAccount([
      { account: 'payable', organisationId: 'c', debit: 0, credit: 100_000 },
      { account: 'purchases', organisationId: 'c', debit: 100_000, credit: 0 },
      // the carrier still charges 22 % on 10 000 kopecks, deducted by a consumer on ОСНО
      { account: 'vat_recoverable', organisationId: 'c', debit: 2_200, credit: 0 },
      { account: 'carrier_payable', organisationId: 'c', debit: 0, credit: 12_200 },
      { account: 'transport_expense', organisationId: 'c', debit: 10_000, credit: 0 },
      { account: 'receivable', organisationId: 'p', debit: 100_000, credit: 0 },
      { account: 'sales', organisationId: 'p', debit: 0, credit: 100_000 },
    ]),
  );
  assert.deepEqual(settlement({ ...base, providerVat: 'usn_exempt' }), {
    netKopecks: 100_000,
    vatKopecks: 0,
    withVatKopecks: 100_000,
    vatRatePct: 0,
    vatExempt: true,
    seller: { side: 'provider', vat: 'usn_exempt' },
  });
  const reduced = postingLines({ ...base, providerVat: 'usn_5', consumerVat: 'usn_7' });
  assert.deepEqual(
    trialBalance(reduced).accounts,
    byOrgAccount([
      { account: 'payable', organisationId: 'c', debit: 0, credit: 105_000 },
      { account: 'purchases', organisationId: 'c', debit: 105_000, credit: 0 },
      { account: 'carrier_payable', organisationId: 'c', debit: 0, credit: 12_200 },
      { account: 'transport_expense', organisationId: 'c', debit: 12_200, credit: 0 },
      { account: 'receivable', organisationId: 'p', debit: 105_000, credit: 0 },
      { account: 'sales', organisationId: 'p', debit: 0, credit: 100_000 },
      { account: 'vat_payable', organisationId: 'p', debit: 0, credit: 5_000 },
    ]),
  );
  // a gate fee is the consumer's service: its regime sets the rate, the provider's the deduction
  const fee = settlement({ ...base, priceKopecksPerUnit: -100_00, consumerVat: 'usn_7' });
  assert.deepEqual(
    [fee.vatRatePct, fee.vatKopecks, fee.seller],
    [7, -7_000, { side: 'consumer', vat: 'usn_7' }],
  );
});

const regime = fc.constantFrom<VatRegimeName>('general', 'usn_exempt', 'usn_5', 'usn_7');
const posting = fc.record<PostingInput>({
  providerId: fc.constantFrom('a', 'b', 'c'),
  consumerId: fc.constantFrom('b', 'c', 'd'),
  priceKopecksPerUnit: fc.integer({ min: -10_000_000, max: 10_000_000 }),
  transportKopecksPerUnit: fc.integer({ min: 0, max: 1_000_000 }),
  transportPaidBy: fc.constantFrom<'provider' | 'consumer'>('provider', 'consumer'),
  quantity: fc.double({ min: 0, max: 100_000, noNaN: true }),
  vatRatePct: fc.constantFrom(0, 10, 18, 20, 22),
  providerVat: regime,
  consumerVat: regime,
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

test("property: receivable = payable = net + VAT at the seller's rate; VAT recovered by a buyer on the general regime only", () => {
  fc.assert(
    fc.property(posting, (p0) => {
      const p = { ...p0, consumerId: `${p0.consumerId}'`, transportKopecksPerUnit: 0 };
      const lines = postingLines(p);
      const s = settlement(p);
      const sells = s.netKopecks >= 0;
      const [seller, buyer] = sells ? [p.providerId, p.consumerId] : [p.consumerId, p.providerId];
      const [sellerVat, buyerVat] = (
        sells ? [p.providerVat, p.consumerVat] : [p.consumerVat, p.providerVat]
      ) as VatRegimeName[];
      const rate = saleVatRate(sellerVat, p.vatRatePct);
      assert.deepEqual([s.vatRatePct, s.vatExempt], [rate.ratePct, rate.exempt]);
      const net = Math.abs(s.netKopecks);
      const vat = Math.abs(s.vatKopecks);
      assert.ok(
        Math.abs(vat - (net * rate.ratePct) / 100) <= 0.5 + 1e-9 * net,
        'rounded to the kopeck',
      );
      if (rate.exempt) assert.equal(vat, 0);
      assert.equal(s.withVatKopecks, s.netKopecks + s.vatKopecks);
      assert.equal(sum(lines, seller, 'receivable', 'debit'), net + vat);
      assert.equal(sum(lines, buyer, 'payable', 'credit'), net + vat);
      assert.equal(sum(lines, seller, 'vat_payable', 'credit'), vat);
      const deducts = deductsInputVat(buyerVat);
      assert.equal(sum(lines, buyer, 'vat_recoverable', 'debit'), deducts ? vat : 0);
      const cost = sells ? 'purchases' : 'gate_fee_expense';
      assert.equal(sum(lines, buyer, cost, 'debit'), deducts ? net : net + vat);
      const income = sells ? 'sales' : 'gate_fee_income';
      assert.equal(sum(lines, seller, income, 'credit'), net);
    }),
    { numRuns: 500 },
  );
});

test('property: transport carries VAT at the standard rate for its payer; the carrier is owed net + VAT', () => {
  fc.assert(
    fc.property(posting, (p) => {
      const lines = postingLines({ ...p, priceKopecksPerUnit: 0 });
      const [payer, payerVat] =
        p.transportPaidBy === 'provider'
          ? [p.providerId, p.providerVat!]
          : [p.consumerId, p.consumerVat!];
      const net = postAmount(p.transportKopecksPerUnit, p.quantity);
      // the carrier charges the standard rate whatever the parties' regimes
      const vat = vatKopecks(net, p.vatRatePct);
      const deducts = deductsInputVat(payerVat);
      assert.equal(sum(lines, payer, 'transport_expense', 'debit'), deducts ? net : net + vat);
      assert.equal(sum(lines, payer, 'vat_recoverable', 'debit'), deducts ? vat : 0);
      assert.equal(
        sum(lines, payer, 'carrier_payable', 'credit'),
        net + vatKopecks(net, p.vatRatePct),
      );
    }),
    { numRuns: 300 },
  );
});
