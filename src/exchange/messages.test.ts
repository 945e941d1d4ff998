// The exchange's messages word a count with its noun in the reader's plural form: «по 21 прогону»,
// «по 20 прогонам», '1 run', '21 runs' — never «из 21 прогонов».
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageByCode } from '../model/messages.ts';
import { type CountedNoun, countedNoun, messages, warnings, withCountedNouns } from './messages.ts';

const run: CountedNoun = {
  ru: { one: 'прогон', few: 'прогона', many: 'прогонов', other: 'прогона' },
  en: { one: 'run', other: 'runs' },
};

test('a noun after a count takes the plural form of the language', () => {
  const ru = [1, 2, 4, 5, 11, 12, 14, 20, 21, 22, 25, 101, 111].map(
    (n) => `${n} ${countedNoun('ru', n, run)}`,
  );
  assert.deepEqual(ru, [
    '1 прогон',
    '2 прогона',
    '4 прогона',
    '5 прогонов',
    '11 прогонов',
    '12 прогонов',
    '14 прогонов',
    '20 прогонов',
    '21 прогон',
    '22 прогона',
    '25 прогонов',
    '101 прогон',
    '111 прогонов',
  ]);
  assert.equal(countedNoun('ru', 1.5, run), 'прогона', 'a fraction: the genitive singular');
  assert.deepEqual(
    [0, 1, 2, 21].map((n) => `${n} ${countedNoun('en', n, run)}`),
    ['0 runs', '1 run', '2 runs', '21 runs'],
  );
});

/** The robustness warning as a reader gets it: stored counts, worded with their noun. */
const robustness = (runs: number, asked: number, lang: 'ru' | 'en') => {
  const stored = warnings.robustnessPartial({ runs, asked });
  assert.deepEqual(stored.params, { runs, asked }, 'a plan stores the bare counts');
  return messageByCode(stored.code, withCountedNouns(stored.code, stored.params, lang))?.text(lang);
};

test('the robustness warning counts its runs in Russian and English', () => {
  assert.equal(
    robustness(20, 21, 'ru'),
    'устойчивость: к сроку завершились не все прогоны; доли посчитаны по 20 прогонам из 21',
  );
  assert.match(robustness(21, 40, 'ru') ?? '', /по 21 прогону из 40$/);
  assert.match(robustness(1, 2, 'ru') ?? '', /по 1 прогону из 2$/);
  assert.match(robustness(3, 5, 'ru') ?? '', /по 3 прогонам из 5$/);
  assert.equal(
    robustness(20, 21, 'en'),
    'robustness: not every run finished before the deadline; the shares are over 20 runs of 21',
  );
  assert.match(robustness(1, 2, 'en') ?? '', /over 1 run of 2$/);
});

test('a message without counted nouns keeps its parameters', () => {
  const params = { supply: 'o-1', demand: 'r-1', properties: 'loi' };
  assert.deepEqual(withCountedNouns(warnings.linkDropped.code, params, 'ru'), params);
  // a count stored as text (an older plan, say) is left as it is
  assert.deepEqual(
    withCountedNouns(warnings.robustnessPartial.code, { runs: '20', asked: 21 }, 'en'),
    { runs: '20', asked: 21 },
  );
});

test('the day a site closed is worded for the reader', () => {
  assert.equal(
    messages.siteClosed({ closedOn: '2026-03-01' }).text('ru'),
    'площадка закрыта 1 марта 2026 г.',
  );
  assert.equal(
    messages.siteClosed({ closedOn: '2026-03-01' }).text('en'),
    'closed on 1 March 2026',
  );
});
