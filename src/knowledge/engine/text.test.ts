import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryTerms, stemWord, terms, termWeights } from './text.ts';

test('Russian case forms of one phrase give the same terms', () => {
  const forms = ['золошлаковые отходы', 'золошлаковых отходов', 'золошлаковыми отходами'];
  const [first, ...rest] = forms.map(queryTerms);
  assert.equal(first.length, 2);
  for (const t of rest) assert.deepEqual(t, first);
  // and the phrase inside a title meets the query
  const title = terms('Переработка золошлаковых отходов ТЭС');
  for (const t of first) assert.ok(title.includes(t), t);
});

test('a word whose vowel drops meets in every form: уголь, угля, углём; щебень, щебня', () => {
  for (const forms of [
    ['уголь', 'угля', 'углю', 'углём', 'угли', 'углей'],
    ['щебень', 'щебня', 'щебнем'],
    ['песок', 'песка', 'песков'],
    ['котёл', 'котла', 'котлов'],
  ])
    assert.equal(new Set(forms.map(stemWord)).size, 1, forms.join(' '));
});

test('English plural and singular meet: coal slurries / coal slurry', () => {
  assert.deepEqual(queryTerms('coal slurries'), queryTerms('Coal slurry'));
  assert.equal(stemWord('slurries'), stemWord('slurry'));
});

test('ё reads as е, case is ignored, stop words and one-letter words are left out', () => {
  assert.equal(stemWord('Отчёт'), stemWord('отчет'));
  assert.deepEqual(terms('и в a of'), []);
  assert.deepEqual(queryTerms('фильтр-прессы фильтр-прессах'), [
    stemWord('фильтр'),
    stemWord('прессы'),
  ]);
});

test('term weights add up over fields and occurrences', () => {
  const w = termWeights([
    { text: 'Зола и шлак', weight: 3 },
    { text: 'зола-унос', weight: 1 },
    { text: null, weight: 5 },
  ]);
  assert.equal(w.get(stemWord('зола')), 4);
  assert.equal(w.get(stemWord('шлак')), 3);
  assert.equal(w.get(stemWord('унос')), 1);
});
