import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computedAmount, roublesOf } from './labels.ts';

// Intl groups with a no-break space in Russian; the test reads plain spaces
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('a computed volume from 100 up is in whole units: no «16 666,667» that reads like millions', () => {
  assert.equal(plain(computedAmount(16666.6667, 'ru')), '16 667');
  assert.equal(plain(computedAmount(288964.2857, 'ru')), '288 964');
  assert.equal(computedAmount(288964.2857, 'en'), '288,964');
  assert.equal(computedAmount(100.4, 'ru'), '100');
  assert.match(plain(computedAmount(-1234.5, 'ru')), /^[-\u2212]1 235$/);
});

test('below 100 a computed volume keeps up to two decimals, where they matter', () => {
  assert.equal(computedAmount(99.456, 'ru'), '99,46');
  assert.equal(computedAmount(0.35, 'ru'), '0,35');
  assert.equal(computedAmount(0.35, 'en'), '0.35');
  assert.equal(computedAmount(12, 'ru'), '12');
  assert.equal(computedAmount(0.004, 'en'), '0');
});

test('a price in roubles: whole roubles as they are, kopecks always with both digits', () => {
  assert.equal(plain(roublesOf(120_050, 'ru')), '1 200,50');
  assert.equal(roublesOf(120_050, 'en'), '1,200.50');
  assert.equal(plain(roublesOf(120_000, 'ru')), '1 200');
  assert.equal(roublesOf(8_000, 'ru'), '80');
  assert.equal(roublesOf(53_542, 'ru'), '535,42');
  assert.equal(roublesOf(7, 'ru'), '0,07');
  assert.match(roublesOf(-8_050, 'ru'), /^[-\u2212]80,50$/);
});
