import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onCI } from '../ci.ts';

test('any non-empty CI other than false or 0 counts as CI', () => {
  for (const v of ['true', '1', 'yes', 'woodpecker', 'TRUE'])
    assert.equal(onCI({ CI: v }), true, v);
  for (const v of [undefined, '', 'false', '0', ' '])
    assert.equal(onCI({ CI: v }), false, String(v));
});
