import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dealsDict } from './dict.ts';
import { stepNote, turnCell } from './turn.ts';

const active = { state: 'active', turn: 'consumer' } as const;

test('in execution the note says what happens next — deliveries and who records them — not whose turn', () => {
  assert.equal(stepNote(active, 'provider'), 'activeProvider');
  assert.equal(stepNote(active, 'consumer'), 'activeConsumer');
  assert.equal(stepNote(active, null), 'activeOther', 'the operator');
  assert.equal(stepNote(active, 'consumer', true), 'activeOther', 'an observer of a party');
  for (const locale of ['ru', 'en'] as const) {
    const d = dealsDict[locale];
    for (const key of ['activeProvider', 'activeConsumer', 'activeOther'] as const) {
      // nothing left to agree: no turn, no agreement in the words
      assert.doesNotMatch(d[key], /ход другой|согласова|other side's turn|agree/i, d[key]);
      assert.match(d[key], locale === 'ru' ? /исполняется/ : /in execution/);
    }
    // each party is told what it records and who completes
    assert.match(d.activeProvider, locale === 'ru' ? /отгруженные/ : /lot you ship/);
    assert.match(d.activeConsumer, locale === 'ru' ? /принятые/ : /lot you receive/);
    assert.match(d.activeConsumer, locale === 'ru' ? /завершите сделку/ : /complete the deal/);
    assert.match(
      d.activeProvider,
      locale === 'ru' ? /Завершит сделку потребитель/ : /consumer completes/,
    );
    // it points at the form by its heading
    assert.ok(d.activeProvider.includes(d.recordDelivery), d.activeProvider);
    assert.ok(d.activeConsumer.includes(d.recordDelivery), d.activeConsumer);
  }
});

test('in negotiation the note is still whose move it is', () => {
  const requested = { state: 'requested', turn: 'provider' } as const;
  assert.equal(stepNote(requested, 'consumer'), 'noActions');
  assert.equal(stepNote(requested, 'provider'), null, 'its own move: the buttons say it');
  assert.equal(stepNote(requested, null), 'operatorView');
  assert.equal(stepNote(requested, 'provider', true), 'observerView');
  assert.equal(stepNote({ state: 'completed', turn: null }, 'consumer'), null);
  assert.equal(stepNote({ state: 'terminated', turn: null }, null), null);
});

test("the deals list's turn cell: deliveries under way in execution, whose move before", () => {
  assert.equal(turnCell(active, 'provider'), 'delivering');
  assert.equal(turnCell(active, 'consumer'), 'delivering');
  assert.equal(turnCell(active, null), 'delivering');
  const offered = { state: 'offered', turn: 'consumer' } as const;
  assert.equal(turnCell(offered, 'consumer'), 'yourTurn');
  assert.equal(turnCell(offered, 'provider'), 'theirTurn');
  assert.equal(turnCell(offered, null), 'side:consumer');
  assert.equal(turnCell({ state: 'completed', turn: null }, 'provider'), 'closed');
});
