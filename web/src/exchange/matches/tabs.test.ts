import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstTab, inTab, tabOf, tabs, tabsFor, waitingForYou } from './tabs.ts';

type Decision = 'pending' | 'accepted' | 'declined';
const m = (
  id: string,
  status: 'proposed' | 'accepted' | 'declined' | 'closed',
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
  m('f', 'closed', ['demand'], 'pending', 'pending'),
];
const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);

test('the tabs: yours to decide, the other side, agreed, over', () => {
  assert.deepEqual([...tabs], ['waiting', 'pending', 'accepted', 'closed']);
});

test('waiting: a proposal where a side you hold has not decided', () => {
  assert.deepEqual(ids(all.filter(waitingForYou)), ['a', 'e']);
  assert.deepEqual(ids(inTab('waiting', all)), ['a', 'e']);
});

test('L1 the tabs do not overlap: every proposal is in exactly one', () => {
  assert.deepEqual(ids(inTab('pending', all)), ['b']);
  assert.deepEqual(ids(inTab('accepted', all)), ['c']);
  assert.deepEqual(ids(inTab('closed', all)), ['d', 'f']);
  const counts = tabs.map((t) => inTab(t, all).length);
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    all.length,
  );
  for (const x of all) assert.equal(tabs.filter((t) => inTab(t, [x]).length).length, 1, x.id);
  assert.equal(tabOf(all[0]), 'waiting');
});

test('L1 the first tab has content: the operator, holding no side, lands on the open ones', () => {
  assert.equal(firstTab(all), 'waiting');
  const operator = all.map((x) => ({ ...x, yourSides: [] as Array<'supply' | 'demand'> }));
  assert.equal(firstTab(operator), 'pending');
  assert.equal(firstTab([m('z', 'closed', [], 'pending', 'pending')]), 'closed');
  assert.equal(firstTab([]), 'waiting');
});

test('the operator, who holds no side, has no tab of its own decisions and opens on the sides’', () => {
  assert.deepEqual(tabsFor(true), ['pending', 'accepted', 'closed']);
  assert.deepEqual(tabsFor(false), tabs);
  assert.equal(firstTab([], tabsFor(true)), 'pending');
  assert.equal(firstTab([], tabsFor(false)), 'waiting');
});
