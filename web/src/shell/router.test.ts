import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathOf, queryOf } from './router.ts';

test('a hash’s route: segments decoded, the query and empty segments left out', () => {
  assert.deepEqual(pathOf(''), []);
  assert.deepEqual(pathOf('#/'), []);
  assert.deepEqual(pathOf('#'), []);
  assert.deepEqual(pathOf('#/participants'), ['participants']);
  assert.deepEqual(pathOf('#/participants/abc/'), ['participants', 'abc']);
  assert.deepEqual(pathOf('#participants//abc'), ['participants', 'abc']);
  assert.deepEqual(pathOf('#/marketplace/l-1%2F2/edit'), ['marketplace', 'l-1/2', 'edit']);
  assert.deepEqual(pathOf('#/marketplace?side=offer'), ['marketplace']);
  assert.deepEqual(pathOf('#/marketplace/new?from=l-9'), ['marketplace', 'new']);
  assert.deepEqual(pathOf('#/invitation/%D1%8F'), ['invitation', 'я']);
});

test('a malformed escape does not break the page: the segment is kept as typed', () => {
  assert.deepEqual(pathOf('#/participants/100%'), ['participants', '100%']);
});

test('a hash’s query', () => {
  assert.equal(queryOf('#/marketplace?side=offer&fkko=6%2011').get('fkko'), '6 11');
  assert.equal(queryOf('#/marketplace').toString(), '');
  assert.equal(queryOf('#/x?a=1?b=2').get('a'), '1?b=2');
});
