import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cardsDict } from '../deals/cardsDict.ts';
import { dealsDict } from '../deals/dict.ts';
import { flowsDict } from '../deals/flowsDict.ts';
import { impactDict } from '../deals/impactDict.ts';
import { governanceDict } from '../governance/dict.ts';
import { type Dictionary, type Locale, pluralForm } from '../i18n/index.ts';
import { listingCsvDict } from './csvDict.ts';
import { exchangeDict } from './dict.ts';
import { exchangeLabelsDict } from './labels.ts';

/** A counted text as `t` renders it: the category's form with the count in it. */
const counted = (locale: Locale, prefix: 'pairs' | 'runs', n: number) =>
  exchangeDict[locale][`${prefix}:${pluralForm(n, locale)}`].replace('{n}', String(n));

test('internal reuse counts its pairs with the right form, never «пар(ы)»', () => {
  assert.deepEqual(
    [1, 2, 5, 11, 21, 24].map((n) => counted('ru', 'pairs', n)),
    ['1 пара', '2 пары', '5 пар', '11 пар', '21 пара', '24 пары'],
  );
  assert.deepEqual(
    [1, 2, 21].map((n) => counted('en', 'pairs', n)),
    ['1 pair', '2 pairs', '21 pairs'],
  );
  const hint = exchangeDict.ru.impInternalHint.replace('{pairs}', counted('ru', 'pairs', 3));
  assert.match(hint, /— 3 пары$/);
});

test('robustness runs in the progress line, in the genitive after «Расчёт плана и»', () => {
  assert.deepEqual(
    [1, 2, 5, 20, 21].map((n) => counted('ru', 'runs', n)),
    ['1 прогона', '2 прогонов', '5 прогонов', '20 прогонов', '21 прогона'],
  );
  assert.deepEqual(
    [1, 20].map((n) => counted('en', 'runs', n)),
    ['1 robustness run', '20 robustness runs'],
  );
});

/** «пар(ы)», «объявлени(я)», “pair(s)”: a word with its plural ending in brackets. */
const bracketedPlural = /\p{L}\((?:ы|а|и|я|ов|ей|ий|s|es)\)/u;

test('no text of the exchange, deals or governance writes a plural in brackets', () => {
  const dicts: Record<string, Dictionary<string>> = {
    exchangeDict,
    exchangeLabelsDict,
    listingCsvDict,
    dealsDict,
    cardsDict,
    flowsDict,
    impactDict,
    governanceDict,
  };
  for (const [name, dict] of Object.entries(dicts))
    for (const locale of ['ru', 'en'] as const)
      for (const [key, text] of Object.entries(dict[locale]))
        assert.doesNotMatch(text, bracketedPlural, `${name}.${locale}.${key}: ${text}`);
  // the server's messages and the API's descriptions of these modules
  for (const file of [
    'exchange/messages.ts',
    'exchange/routes.ts',
    'exchange/schema.ts',
    'deals/messages.ts',
    'deals/routes.ts',
    'deals/schema.ts',
    'governance/messages.ts',
    'governance/routes.ts',
    'governance/schema.ts',
  ]) {
    const text = readFileSync(new URL(`../../../src/${file}`, import.meta.url), 'utf8');
    const line = text.split('\n').findIndex((l) => bracketedPlural.test(l));
    assert.equal(line, -1, `src/${file}:${line + 1}`);
  }
});
