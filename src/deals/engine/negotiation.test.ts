import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  allowedActions,
  dealActions,
  type Negotiation,
  opening,
  rules,
  type Side,
  transition,
} from './negotiation.ts';

type T = { price: number; quantity: number };
const start = (by: Side): Negotiation<T> => ({
  ...opening(by),
  terms: { price: 100, quantity: 10 },
});

test('a full negotiation: request, offer, counter, offer, accept, agree, activate, complete', () => {
  let n = start('consumer');
  const go = (side: Side, action: (typeof dealActions)[number], terms?: Partial<T>) => {
    const s = transition(n, side, action, terms);
    assert.ok(s.ok, `${side} ${action} at ${n.state}: ${s.ok ? '' : s.reason}`);
    n = s.next;
  };
  assert.deepEqual([n.state, n.turn], ['requested', 'provider']);
  go('provider', 'offer', { price: 120 });
  assert.deepEqual([n.state, n.turn, n.terms.price], ['offered', 'consumer', 120]);
  go('consumer', 'counter', { price: 110 });
  assert.deepEqual([n.state, n.turn, n.terms.price], ['requested', 'provider', 110]);
  go('provider', 'offer');
  go('consumer', 'accept');
  assert.deepEqual([n.state, n.turn], ['accepted', 'provider']);
  go('provider', 'agree');
  go('provider', 'activate');
  assert.deepEqual([n.state, n.turn], ['active', 'consumer']);
  go('consumer', 'complete');
  assert.deepEqual([n.state, n.turn, n.terms], ['completed', null, { price: 110, quantity: 10 }]);
  assert.deepEqual(transition(n, 'consumer', 'terminate', undefined), {
    ok: false,
    reason: 'closed',
  });
});

test('refusals name their reason', () => {
  const n = start('consumer');
  assert.deepEqual(transition(n, 'consumer', 'offer', undefined), {
    ok: false,
    reason: 'not_your_turn',
  });
  assert.deepEqual(transition(n, 'provider', 'accept', undefined), {
    ok: false,
    reason: 'state_forbids',
  });
  const offered = start('provider');
  assert.deepEqual(transition(offered, 'consumer', 'counter', undefined), {
    ok: false,
    reason: 'terms_required',
  });
  assert.deepEqual(transition(offered, 'consumer', 'accept', { price: 1 }), {
    ok: false,
    reason: 'terms_not_allowed',
  });
  const t = transition(offered, 'provider', 'terminate', undefined);
  assert.ok(t.ok && t.next.state === 'terminated' && t.next.turn === null);
  assert.deepEqual(allowedActions(offered, 'consumer').sort(), ['accept', 'counter', 'terminate']);
  assert.deepEqual(allowedActions(offered, 'provider'), ['terminate']);
});

const move = fc.record({
  side: fc.constantFrom<Side>('provider', 'consumer'),
  action: fc.constantFrom(...dealActions),
  terms: fc.option(fc.record({ price: fc.integer({ min: -1000, max: 1000 }) }), { nil: undefined }),
});

test('property: moves by the wrong party or out of order never change a deal', () => {
  fc.assert(
    fc.property(
      fc.constantFrom<Side>('provider', 'consumer'),
      fc.array(move, { maxLength: 40 }),
      (by, moves) => {
        let n = start(by);
        let lawful = start(by);
        for (const m of moves) {
          const s = transition(n, m.side, m.action, m.terms);
          const rule = rules.find(
            (r) => r.from === n.state && r.action === m.action && r.by === m.side,
          );
          const open = n.state !== 'completed' && n.state !== 'terminated';
          const mayMove =
            open && (m.action === 'terminate' || (rule !== undefined && n.turn === m.side));
          if (!mayMove) {
            assert.equal(
              s.ok,
              false,
              `${m.side} ${m.action} at ${n.state}/${n.turn} must be refused`,
            );
            continue; // refused: n stays as it was
          }
          if (!s.ok) {
            // refused only for its terms: the rule's terms clause
            assert.ok(['terms_required', 'terms_not_allowed'].includes(s.reason));
            continue;
          }
          // terms change only by an offer or a counter
          if (!['offer', 'counter'].includes(m.action)) assert.deepEqual(s.next.terms, n.terms);
          n = s.next;
          // replaying only the lawful moves reaches the same deal
          const l = transition(lawful, m.side, m.action, m.terms);
          assert.ok(l.ok);
          lawful = l.next;
        }
        assert.deepEqual(n, lawful);
        if (n.state === 'completed' || n.state === 'terminated') assert.equal(n.turn, null);
      },
    ),
    { numRuns: 500 },
  );
});
