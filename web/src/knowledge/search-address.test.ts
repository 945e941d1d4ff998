import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressOf, searchFrom } from './search-address.ts';

test('a search survives its address: what is set comes back, nothing else', () => {
  const search = {
    q: 'золошлаковые отходы',
    type: 'asset' as const,
    assetType: 'technology' as const,
    trlMin: 6,
    organisationId: 'kemsu',
  };
  const address = new URLSearchParams(Object.entries(addressOf(search)).filter(([, v]) => v));
  assert.deepEqual(searchFrom(address), search);
  assert.deepEqual(searchFrom(new URLSearchParams('')), { q: '' });
});

test('a hand-edited address sends the API nothing it would refuse', () => {
  const q = searchFrom(
    new URLSearchParams(`q=${'я'.repeat(700)}&type=secret&assetType=x&trlMin=12`),
  );
  assert.deepEqual(Object.keys(q), ['q']);
  assert.equal(q.q?.length, 500);
  assert.equal(searchFrom(new URLSearchParams('trlMin=2.5')).trlMin, undefined);
});
