import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limitText } from './quality.ts';

const num = (n: number) => String(n).replace('.', ',');

test('a value, a range, a lower or an upper bound', () => {
  assert.equal(limitText(56.5, num), '56,5');
  assert.equal(limitText({ min: 10, max: 20 }, num), '10–20');
  assert.equal(limitText({ min: 5 }, num), '≥\u00a05');
  assert.equal(limitText({ max: 15 }, num), '≤\u00a015');
});
