import assert from 'node:assert/strict';
import { test } from 'node:test';
import { transactionCostConfig } from './reference.ts';

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
