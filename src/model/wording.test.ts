// Figures in messages as a reader reads them: a moment in the cluster's time (Kemerovo, UTC+7)
// with its zone named, a day in words, a quantity with its unit in the reader's number format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineMessages, wordOf } from './messages.ts';
import { unitName, wordFrom, wordMoment, wordMonth, wordNumber, wordQuantity } from './wording.ts';

const NBSP = '\u00a0';

test('a moment is worded in Kemerovo time, with the zone named, in both languages', () => {
  assert.equal(
    wordMoment('2026-12-01T06:00:00Z', 'ru'),
    '1 декабря 2026 г., 13:00 (кемеровское время)',
  );
  assert.equal(wordMoment('2026-12-01T06:00:00Z', 'en'), '1 December 2026, 13:00 (Kemerovo time)');
  // milliseconds and an offset other than Z; the day turns over at midnight Kemerovo time
  assert.equal(
    wordMoment('2026-12-31T17:05:00.000Z', 'ru'),
    '1 января 2027 г., 00:05 (кемеровское время)',
  );
  assert.equal(
    wordMoment('2026-06-15T09:30:00+03:00', 'en'),
    '15 June 2026, 13:30 (Kemerovo time)',
  );
});

test('a calendar day is worded without a time or zone; other text is left as it is', () => {
  assert.equal(wordMoment('2026-03-01', 'ru'), '1 марта 2026 г.');
  assert.equal(wordMoment('2026-03-01', 'en'), '1 March 2026');
  assert.equal(wordMoment('tomorrow', 'ru'), 'tomorrow');
  assert.equal(wordMoment('2026-13-45T99:00:00Z', 'en'), '2026-13-45T99:00:00Z');
});

test('a quantity carries its unit in the reader’s language and number format', () => {
  assert.equal(wordQuantity(1200.5, 't', 'ru'), `1${NBSP}200,5${NBSP}т`);
  assert.equal(wordQuantity(1200.5, 't', 'en'), `1,200.5${NBSP}t`);
  assert.equal(wordQuantity(300, 'thousand_m3', 'ru'), `300${NBSP}тыс. м³`);
  assert.equal(wordQuantity(300, 'thousand_m3', 'en'), `300${NBSP}thousand m³`);
  assert.equal(wordQuantity(45000, 'MWh', 'ru'), `45${NBSP}000${NBSP}МВт·ч`);
  // a sum of flows that is not quite round is not shown to fifteen digits
  assert.equal(wordQuantity(800.0000000001, 'm3', 'en'), `800${NBSP}m³`);
  // no unit known (a message stored before it carried one): the number alone
  assert.equal(wordQuantity(1500, undefined, 'ru'), `1${NBSP}500`);
  assert.equal(wordNumber(1e9, 'en'), '1,000,000,000');
  // a minus sign, not a hyphen-minus, as the web app prints it
  assert.equal(wordNumber(-100_000, 'ru'), '\u2212100\u00a0000');
  assert.equal(wordNumber(-2.5, 'en'), '\u22122.5');
  assert.equal(unitName('t', 'ru'), 'тоннах');
  assert.equal(unitName('m3', 'en'), 'cubic metres');
  assert.equal(unitName('furlong', 'en'), 'furlong');
});

const m = defineMessages('test.wording', {
  closes: {
    en: 'the vote closes on {closesAt}',
    ru: 'голосование закрывается {closesAt}',
    as: { closesAt: 'moment' },
  },
  taken: {
    en: 'the listing has {limit} a year',
    ru: 'в объявлении — {limit} в год',
    as: { limit: 'quantity' },
  },
});

test('a message words its parameters by their kind and keeps them as data', () => {
  const closes = m.closes({ closesAt: '2026-12-01T06:00:00Z' });
  assert.equal(
    closes.text('ru'),
    'голосование закрывается 1 декабря 2026 г., 13:00 (кемеровское время)',
  );
  assert.equal(closes.text('en'), 'the vote closes on 1 December 2026, 13:00 (Kemerovo time)');
  assert.deepEqual(closes.params, { closesAt: '2026-12-01T06:00:00Z' });
  const taken = m.taken({ limit: 2500, unit: 'm3' });
  assert.equal(taken.text('ru'), `в объявлении — 2${NBSP}500${NBSP}м³ в год`);
  assert.equal(taken.text('en'), `the listing has 2,500${NBSP}m³ a year`);
  assert.deepEqual(taken.params, { limit: 2500, unit: 'm3' });
});

const colours = {
  red: { ru: 'красный', en: 'red' },
  green: { ru: 'зелёный', en: 'green' },
};

test('a code is worded as its vocabulary’s word; a code it lacks stays as it is', () => {
  assert.equal(wordFrom(colours, 'green', 'ru'), 'зелёный');
  assert.equal(wordFrom(colours, 'green', 'en'), 'green');
  assert.equal(wordFrom(colours, 'blue', 'ru'), 'blue');
  // a name every object has is not a word of the vocabulary
  assert.equal(wordFrom(colours, 'toString', 'en'), 'toString');
});

const w = defineMessages('test.wording.words', {
  light: {
    en: 'the light at {id} is {colour}',
    ru: 'на перекрёстке {id} горит {colour}',
    as: { colour: wordOf(colours) },
  },
});

test('a message words a parameter from its vocabulary and keeps the code as data', () => {
  const light = w.light({ id: 'X-1', colour: 'red' });
  assert.equal(light.text('ru'), 'на перекрёстке X-1 горит красный');
  assert.equal(light.text('en'), 'the light at X-1 is red');
  assert.deepEqual(light.params, { id: 'X-1', colour: 'red' });
  // a code outside the vocabulary, or a number, reads as given
  assert.equal(w.light({ id: 'X-2', colour: 'blue' }).text('ru'), 'на перекрёстке X-2 горит blue');
  assert.equal(w.light({ id: 'X-3', colour: 7 }).text('en'), 'the light at X-3 is 7');
});

test('a calendar month in words, the same month in any zone', () => {
  assert.equal(wordMonth('2025-12', 'ru'), 'декабрь 2025 г.');
  assert.equal(wordMonth('2026-01', 'en'), 'January 2026');
  assert.equal(wordMonth('not a month', 'en'), 'not a month');
});
