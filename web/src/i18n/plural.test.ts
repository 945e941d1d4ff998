import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pluralForm } from './plural.ts';

test('Russian counts take the form of their last digits: 1 and 21 one, 2–4 and 22 few, 5–20 and 25 many', () => {
  const forms = Object.fromEntries(
    [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1001].map((n) => [
      n,
      pluralForm(n, 'ru'),
    ]),
  );
  assert.deepEqual(forms, {
    0: 'many',
    1: 'one',
    2: 'few',
    4: 'few',
    5: 'many',
    11: 'many',
    12: 'many',
    14: 'many',
    21: 'one',
    22: 'few',
    25: 'many',
    101: 'one',
    111: 'many',
    112: 'many',
    1001: 'one',
  });
  // a fraction («1,5 минуты») takes 'other'
  assert.equal(pluralForm(1.5, 'ru'), 'other');
});

test('English counts are one or other', () => {
  assert.equal(pluralForm(1, 'en'), 'one');
  for (const n of [0, 2, 5, 11, 21, 22]) assert.equal(pluralForm(n, 'en'), 'other');
});
