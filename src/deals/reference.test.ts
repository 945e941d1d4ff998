import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vatRateOn } from './engine/index.ts';
import { transactionCostConfig, vatRates } from './reference.ts';

test('the transaction-cost table reads into the engine configuration, roubles as kopecks', () => {
  const c = transactionCostConfig();
  assert.deepEqual(c.meetingsPerStage, {
    firstContact: 1,
    negotiation: 2,
    contractSigning: 1,
    deliveryAcceptance: 0.5,
  });
  assert.equal(c.staffKopecksPerHour, 110_000);
  assert.equal(c.carKopecksPerKm, 1_500);
  assert.deepEqual([c.circuity, c.speedKmh], [1.2, 70]);
  assert.equal(transactionCostConfig(), c, 'read once');
});

test('VAT: 20 % until 31.12.2025, 22 % from 01.01.2026 (Federal Law of 28.11.2025 № 425-ФЗ)', () => {
  const t = vatRates();
  assert.equal(vatRateOn('2025-12-31', t)?.ratePct, 20);
  const r = vatRateOn('2026-01-01', t);
  assert.equal(r?.ratePct, 22);
  assert.match(r?.source ?? '', /425-ФЗ/);
  assert.equal(r?.status, 'sourced');
  for (const row of t) assert.ok(row.status === 'sourced' || row.basis, row.from);
  assert.equal(vatRates(), t, 'read once');
});
