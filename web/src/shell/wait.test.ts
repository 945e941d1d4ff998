import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitInWords } from './wait.ts';

test('L5 a lockout wait reads in minutes, in words, with the right Russian form', () => {
  assert.equal(waitInWords(894, 'ru'), '15 минут');
  assert.equal(waitInWords(61, 'ru'), '2 минуты');
  assert.equal(waitInWords(60, 'ru'), '1 минуту');
  assert.equal(waitInWords(21 * 60, 'ru'), '21 минуту');
  assert.equal(waitInWords(30, 'ru'), '30 секунд');
  assert.equal(waitInWords(2, 'ru'), '2 секунды');
  assert.equal(waitInWords(894, 'en'), '15 minutes');
  assert.equal(waitInWords(60, 'en'), '1 minute');
  assert.equal(waitInWords(1, 'en'), '1 second');
});
