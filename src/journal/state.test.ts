import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstDifference } from './state.ts';

test('firstDifference names the first differing field by its dotted path, keys sorted', () => {
  assert.equal(firstDifference({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }), null);
  assert.deepEqual(
    firstDifference({ a: 1, b: { x: 'en', y: 2 } }, { a: 1, b: { x: 'ru', y: 3 } }),
    {
      field: 'b.x',
      journal: 'en',
      row: 'ru',
    },
  );
  // a field only one side has is a difference; an absent one equals undefined
  assert.deepEqual(firstDifference({ a: 1 }, { a: 1, z: null }), {
    field: 'z',
    journal: undefined,
    row: null,
  });
  assert.equal(firstDifference({ a: 1, z: undefined }, { a: 1 }), null);
  assert.deepEqual(firstDifference({ list: [1, 2] }, { list: [2, 1] }), {
    field: 'list',
    journal: [1, 2],
    row: [2, 1],
  });
});
