import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filtersFrom, listingQuery, noFilters } from './filters.ts';

test('the filters an address names; the rest stay at «any»', () => {
  const f = filtersFrom(new URLSearchParams('side=offer&material=fly-ash&junk=1'));
  assert.deepEqual(f, { ...noFilters, side: 'offer', material: 'fly-ash' });
});

test('the API’s query: empty filters are not sent, the FKKO code is trimmed', () => {
  assert.deepEqual(listingQuery(noFilters, 'me'), {});
  assert.deepEqual(
    listingQuery({ ...noFilters, fkko: ' 6 11 ', side: 'request', status: 'active' }, 'me'),
    { fkko: '6 11', side: 'request', status: 'active' },
  );
});

test('values the API does not know (a hand-edited address) are left out', () => {
  const q = listingQuery({ ...noFilters, side: 'sell', status: 'gone', agglomeration: 'x' }, 'me');
  assert.deepEqual(q, {});
});

test('«mine» is the user’s organisation; without a user, the organisation filter', () => {
  assert.deepEqual(listingQuery({ ...noFilters, mine: '1', organisation: 'other' }, 'mine-org'), {
    organisation: 'mine-org',
  });
  assert.deepEqual(listingQuery({ ...noFilters, mine: '1', organisation: 'other' }, undefined), {
    organisation: 'other',
  });
});
