// The deals' messages word a unit, a moment, a state, a side and an action for their reader;
// the params keep the data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dealActionWords, dealSideWords, dealStateWords, messages } from './messages.ts';

test('a deal’s unit is named in words after «в» and “in”', () => {
  const m = messages.notTonnes({ unit: 'm3' });
  assert.equal(m.text('ru'), 'весы взвешивают в тоннах, а сделка учитывается в кубических метрах');
  assert.equal(m.text('en'), 'a weighbridge weighs in tonnes; this deal counts in cubic metres');
  assert.deepEqual(m.params, { unit: 'm3' });
});

test('the moment a link was revoked is worded in Kemerovo time', () => {
  const m = messages.linkRevoked({ deviceId: 'wb-1', revokedAt: '2026-11-30T03:15:00.000Z' });
  assert.equal(
    m.text('ru'),
    'Привязка устройства wb-1 отозвана 30 ноября 2026 г., 10:15 (кемеровское время)',
  );
  assert.equal(
    m.text('en'),
    'The link of device wb-1 was revoked on 30 November 2026, 10:15 (Kemerovo time)',
  );
  assert.equal(m.params.revokedAt, '2026-11-30T03:15:00.000Z');
});

const p = { id: 'D-7', state: 'offered', turn: 'consumer', action: 'agree' };

test('out of turn: the state and the side whose turn it is are worded, the params stay codes', () => {
  const m = messages.notYourTurn(p);
  assert.equal(m.text('ru'), 'Сделка D-7 предложена; сейчас ходит другая сторона — потребитель');
  assert.equal(m.text('en'), 'Deal D-7 is offered; it is the consumer’s turn to move it');
  assert.deepEqual(m.params, p);
});

test('an action the state forbids names the state and the action as the web app does', () => {
  const m = messages.stateForbids({ ...p, state: 'active', action: 'offer' });
  assert.equal(
    m.text('ru'),
    'Сделка D-7 исполняется: действие «Предложить условия» сейчас невозможно',
  );
  assert.equal(m.text('en'), 'Deal D-7 is active: “Offer terms” is not possible now');
  assert.equal(m.params.state, 'active');
  assert.equal(m.params.action, 'offer');
});

test('a closed deal is worded by its final state', () => {
  const done = messages.closed({ ...p, state: 'completed' });
  assert.equal(done.text('ru'), 'Сделка D-7 завершена и больше не меняется');
  assert.equal(done.text('en'), 'Deal D-7 is completed: it no longer changes');
  const ended = messages.closed({ ...p, state: 'terminated' });
  assert.equal(ended.text('ru'), 'Сделка D-7 прекращена и больше не меняется');
  assert.equal(ended.text('en'), 'Deal D-7 is terminated: it no longer changes');
  assert.equal(ended.params.state, 'terminated');
});

test('a delivery against a deal not in execution names the deal’s state', () => {
  const m = messages.notActive({ id: 'D-7', state: 'agreed' });
  assert.equal(
    m.text('ru'),
    'Поставки учитываются только по исполняемой сделке; сделка D-7 согласована',
  );
  assert.equal(m.text('en'), 'Deliveries are recorded against an active deal; deal D-7 is agreed');
  assert.deepEqual(m.params, { id: 'D-7', state: 'agreed' });
});

test('the terms an action needs or refuses are named with the action’s label', () => {
  const required = messages.termsRequired({ ...p, action: 'counter' });
  assert.equal(
    required.text('ru'),
    'Действие «Встречное предложение» меняет условия: укажите условия',
  );
  assert.equal(required.text('en'), '“Counter-offer” changes the terms: send the terms');
  const refused = messages.termsNotAllowed({ ...p, action: 'accept' });
  assert.equal(
    refused.text('ru'),
    'Действие «Принять» принимает условия как есть: не указывайте условия',
  );
  assert.equal(refused.text('en'), '“Accept” takes the terms as they are: send no terms');
  assert.equal(refused.params.action, 'accept');
});

test('every state, side and action has a word in both languages', () => {
  for (const words of [dealStateWords, dealSideWords, dealActionWords])
    for (const [code, w] of Object.entries(words)) {
      assert.ok(w.ru && w.en, code);
      assert.doesNotMatch(w.ru, /[a-z]/i, code);
    }
});
