import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { contractQuantity } from './quantities.ts';

test('a computed quantity as a contract states it: whole from 100 up, thousandths below, never more', () => {
  assert.equal(contractQuantity(11035.71428571426), 11035);
  // a float's noise below a whole number is the whole number, not one less
  assert.equal(contractQuantity(16666.999999999996), 16667);
  assert.equal(contractQuantity(16667.000000000004), 16667);
  assert.equal(contractQuantity(99.99987), 99.999);
  assert.equal(contractQuantity(0.0004), 0.0004);
  fc.assert(
    fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (q) => {
      const c = contractQuantity(q);
      assert.ok(c <= q + 1e-9 * Math.max(1, q), `${c} > ${q}`);
      if (q >= 100) {
        assert.ok(Number.isInteger(c));
        assert.ok(q - c < 1);
      } else if (q >= 0.001) assert.ok(q - c < 0.001 + 1e-12);
    }),
    { numRuns: 300 },
  );
});
