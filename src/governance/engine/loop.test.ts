// A delegation that would close a loop is told apart before it is made: by topic, with a
// delegation for the topic itself outranking one for all; and, as a property, delegations
// admitted one by one through the check never put any member on a loop for any topic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { closesLoop, type DelegationSpan, delegationsInForce } from './index.ts';

const types = ['resolution', 'approve_budget', 'admit_member'];
const span = (from: string, to: string, topic = 'all', at = '2026-01-01'): DelegationSpan => ({
  from,
  to,
  topic,
  createdAt: at,
  revokedAt: null,
});

test('a handover back, directly or round several, closes a loop; one elsewhere does not', () => {
  const active = [span('a', 'b'), span('b', 'c')];
  assert.equal(closesLoop(active, { from: 'b', to: 'a', topic: 'all' }, types), true, 'b ↔ a');
  assert.equal(closesLoop(active, { from: 'c', to: 'a', topic: 'all' }, types), true, 'a→b→c→a');
  assert.equal(closesLoop(active, { from: 'c', to: 'd', topic: 'all' }, types), false);
  // the delegation it replaces is dropped: b hands to d instead of c, no loop through c
  assert.equal(closesLoop(active, { from: 'b', to: 'd', topic: 'all' }, types), false);
});

test('topics: a loop on one type is a loop; a delegation for the type itself outranks one for all', () => {
  // a hands its budget votes to b; b handing all its votes to a loops on budgets only
  const active = [span('a', 'b', 'approve_budget')];
  assert.equal(closesLoop(active, { from: 'b', to: 'a', topic: 'all' }, types), true);
  assert.equal(closesLoop(active, { from: 'b', to: 'a', topic: 'resolution' }, types), false);
  // b's own budget delegation to c outranks its new one for all: no loop through a on budgets
  const outranked = [...active, span('b', 'c', 'approve_budget')];
  assert.equal(closesLoop(outranked, { from: 'b', to: 'a', topic: 'all' }, types), false);
});

test('property: delegations admitted through the check leave no member on a loop, for any type', () => {
  const member = fc.constantFrom('m0', 'm1', 'm2', 'm3', 'm4', 'm5');
  const topic = fc.constantFrom('all', ...types);
  fc.assert(
    fc.property(fc.array(fc.tuple(member, member, topic), { maxLength: 30 }), (asked) => {
      const active: DelegationSpan[] = [];
      asked.forEach(([from, to, t], i) => {
        if (from === to || closesLoop(active, { from, to, topic: t }, types)) return;
        const kept = active.filter((x) => !(x.from === from && x.topic === t));
        active.length = 0;
        active.push(...kept, span(from, to, t, `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`));
      });
      for (const type of types) {
        const next = new Map(
          delegationsInForce(active, type, '2027-01-01').map((d) => [d.from, d.to]),
        );
        for (const start of next.keys()) {
          const seen = new Set<string>();
          for (let at: string | undefined = start; at !== undefined; at = next.get(at)) {
            assert.ok(!seen.has(at), `${type}: ${start} runs into a loop`);
            seen.add(at);
          }
        }
      }
    }),
    { numRuns: 300 },
  );
});
