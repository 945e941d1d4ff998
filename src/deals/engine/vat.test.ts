import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { VatRateTable, vatKopecks, vatRateOn } from './vat.ts';

const table = VatRateTable.parse([
  { from: '2019-01-01', ratePct: 20, source: 'law A', status: 'sourced' },
  { from: '2026-01-01', ratePct: 22, source: 'law B', status: 'sourced' },
]);

test('the rate in force on a date: the latest row from on or before it', () => {
  assert.equal(vatRateOn('2018-12-31', table), undefined);
  assert.equal(vatRateOn('2019-01-01', table)?.ratePct, 20);
  assert.equal(vatRateOn('2025-12-31', table)?.ratePct, 20);
  assert.equal(vatRateOn('2026-01-01', table)?.ratePct, 22);
  assert.equal(vatRateOn('2031-06-30', table)?.ratePct, 22);
});

test('a table out of order, or an estimate without its basis, is refused', () => {
  assert.equal(VatRateTable.safeParse([...table].reverse()).success, false);
  assert.equal(
    VatRateTable.safeParse([{ from: '2026-01-01', ratePct: 22, source: 's', status: 'estimate' }])
      .success,
    false,
  );
});

test('property: VAT is odd in the net, and is the exact rational rounded half away from zero', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -1_000_000_000_000_000, max: 1_000_000_000_000_000 }),
      fc.integer({ min: 0, max: 10_000 }),
      (net, hundredths) => {
        const ratePct = hundredths / 100;
        const v = vatKopecks(net, ratePct);
        assert.equal(v + 0, -vatKopecks(-net, ratePct) + 0);
        // exact: |v| = floor((2·|net|·rate + 10 000) / 20 000) in integers
        const exact = (BigInt(Math.abs(net)) * BigInt(hundredths) * 2n + 10_000n) / 20_000n;
        assert.equal(BigInt(Math.abs(v)), exact);
        assert.ok(
          Math.abs(Math.abs(v) - (Math.abs(net) * ratePct) / 100) <= 0.5 + 1e-6 * Math.abs(net),
        );
      },
    ),
    { numRuns: 500 },
  );
});
