import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressQuery, filtersFrom, memberFilters, organisationQuery } from './filters.ts';

test('members unless the address says otherwise; «all» is any status', () => {
  assert.deepEqual(filtersFrom(new URLSearchParams('')), memberFilters);
  assert.equal(filtersFrom(new URLSearchParams('status=all')).status, 'all');
  assert.equal(filtersFrom(new URLSearchParams('status=former')).status, 'former');
});

test('the address leaves the default status out and writes «any» as all', () => {
  assert.equal(addressQuery(memberFilters).status, '');
  assert.equal(addressQuery({ ...memberFilters, status: 'all' }).status, 'all');
  assert.equal(addressQuery({ ...memberFilters, status: '' }).status, 'all');
});

test('the API’s query: known values only, «all» sends no status', () => {
  assert.deepEqual(organisationQuery(memberFilters), { status: 'member' });
  assert.deepEqual(
    organisationQuery({
      q: ' шахта ',
      kind: 'underground_mine',
      region: 'Кемеровская область — Кузбасс',
      agglomeration: 'novokuznetsk',
      role: 'core',
      status: 'all',
    }),
    {
      q: 'шахта',
      kind: 'underground_mine',
      region: 'Кемеровская область — Кузбасс',
      agglomeration: 'novokuznetsk',
      role: 'core',
    },
  );
  assert.deepEqual(organisationQuery({ ...memberFilters, kind: 'castle', role: 'king' }), {
    status: 'member',
  });
});
