import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inTab, tabs, waitingForYou } from './tabs.ts';

type Decision = 'pending' | 'accepted' | 'declined';
const m = (
  id: string,
  status: 'proposed' | 'accepted' | 'declined',
  yourSides: Array<'supply' | 'demand'>,
  supply: Decision,
  demand: Decision,
) => ({ id, status, yourSides, supply: { decision: supply }, demand: { decision: demand } });

const all = [
  m('a', 'proposed', ['supply'], 'pending', 'accepted'),
  m('b', 'proposed', ['supply'], 'accepted', 'pending'),
  m('c', 'accepted', ['demand'], 'accepted', 'accepted'),
  m('d', 'declined', [], 'declined', 'pending'),
  m('e', 'proposed', ['supply', 'demand'], 'accepted', 'pending'),
];
const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);

test('the tabs: waiting, every status of a proposal, all', () => {
  assert.deepEqual([...tabs], ['waiting', 'proposed', 'accepted', 'declined', 'all']);
});

test('waiting: a proposal where a side you hold has not decided', () => {
  assert.deepEqual(ids(all.filter(waitingForYou)), ['a', 'e']);
  assert.deepEqual(ids(inTab('waiting', all)), ['a', 'e']);
});

test('a status tab, and all', () => {
  assert.deepEqual(ids(inTab('proposed', all)), ['a', 'b', 'e']);
  assert.deepEqual(ids(inTab('accepted', all)), ['c']);
  assert.deepEqual(ids(inTab('declined', all)), ['d']);
  assert.deepEqual(ids(inTab('all', all)), ['a', 'b', 'c', 'd', 'e']);
});
