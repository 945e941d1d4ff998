import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimalNumber, wholeNumber } from './args.ts';

describe('command-line numbers', () => {
  it('reads plain decimal digits only', () => {
    assert.equal(wholeNumber('16'), 16);
    assert.equal(wholeNumber('0'), 0);
    // Number() would read these as 16, 1000, 0, 2 and 0.
    for (const raw of ['0x10', '1e3', '', ' 2', '0b0', '-1', '1.5', undefined]) {
      assert.ok(Number.isNaN(wholeNumber(raw)), String(raw));
    }
  });
  it('reads a decimal with a fraction where seconds are asked', () => {
    assert.equal(decimalNumber('2.5'), 2.5);
    assert.equal(decimalNumber('30'), 30);
    for (const raw of ['0x10', '1e3', '.5', 'Infinity', '', '-3']) {
      assert.ok(Number.isNaN(decimalNumber(raw)), raw);
    }
  });
});
