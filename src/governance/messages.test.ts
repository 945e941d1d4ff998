// Governance's messages name a proposal by its title as written: a title carrying its own quotes
// gets none added (no «…«…»» nesting), and English readers get the English title in English
// punctuation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages } from './messages.ts';

const quoted = {
  title: 'Принять в кластер АО «Енисейский цемент»',
  titleEn: 'Admit Yenisei Cement',
};
const at = { opensAt: '2026-12-01T06:00:00Z', closesAt: '2026-12-20T12:00:00Z' };

const titled = [
  messages.voteNotOpen({ ...quoted, opensAt: at.opensAt }),
  messages.voteClosed({ ...quoted, closesAt: at.closesAt }),
  messages.alreadyDecided(quoted),
  messages.notYetClosed({ ...quoted, closesAt: at.closesAt }),
  messages.discussionClosed(quoted),
];

test('a title with its own quotes is not quoted again', () => {
  for (const m of titled) {
    const ru = m.text('ru');
    assert.ok(ru.startsWith(`${quoted.title}: `), ru);
    assert.equal(ru.split('«').length - 1, 1, ru);
    assert.equal(ru.split('»').length - 1, 1, ru);
  }
  assert.equal(
    titled[2].text('ru'),
    'Принять в кластер АО «Енисейский цемент»: решение уже принято',
  );
});

test('English messages name the English title and use no Russian quotes', () => {
  for (const m of titled) {
    const en = m.text('en');
    assert.ok(en.startsWith(`${quoted.titleEn}: `), en);
    assert.doesNotMatch(en, /[«»]/);
  }
  assert.equal(
    titled[0].text('en'),
    'Admit Yenisei Cement: the vote opens on 1 December 2026, 13:00 (Kemerovo time)',
  );
});

test('the moments of a vote are worded in Kemerovo time; the params keep ISO', () => {
  assert.equal(
    titled[0].text('ru'),
    'Принять в кластер АО «Енисейский цемент»: голосование откроется 1 декабря 2026 г., 13:00 (кемеровское время)',
  );
  assert.equal(
    titled[1].text('ru'),
    'Принять в кластер АО «Енисейский цемент»: голосование закрыто 20 декабря 2026 г., 19:00 (кемеровское время), бюллетени больше не принимаются',
  );
  assert.equal(
    titled[3].text('en'),
    'Admit Yenisei Cement: the vote closes on 20 December 2026, 19:00 (Kemerovo time); the result is counted after that',
  );
  assert.equal(titled[3].params.closesAt, at.closesAt);
  for (const m of titled) {
    for (const lang of ['ru', 'en'] as const)
      assert.doesNotMatch(m.text(lang), /\d{4}-\d{2}-\d{2}T/);
  }
});

test('an option not on the ballot is named after a colon, with no quotes added', () => {
  const m = messages.notAnOption({ option: 'Отвал разреза «Южный»' });
  assert.equal(m.text('ru'), 'не из предложенных вариантов: Отвал разреза «Южный»');
  assert.equal(
    messages.notAnOption({ option: 'maybe' }).text('en'),
    'not one of the options: maybe',
  );
});

test('no governance message puts «» around a placeholder or uses «» in English', () => {
  for (const [key, make] of Object.entries(messages)) {
    const params = new Proxy({}, { get: (_t, k) => `{${String(k)}}`, has: () => true });
    const m = (make as (p: object) => { text(l: 'ru' | 'en'): string })(params);
    assert.doesNotMatch(m.text('ru'), /«\{\w+\}»/, key);
    assert.doesNotMatch(m.text('en'), /[«»]/, key);
  }
});
