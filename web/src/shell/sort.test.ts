import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nameSortKey, nextSort, sortRows } from './sort.ts';

interface Row {
  name: string;
  n: number | null;
}
const rows: Row[] = [
  { name: 'Разрез Бачатский', n: 3 },
  { name: 'Участок 10', n: null },
  { name: 'ёлка', n: 10 },
  { name: 'Участок 2', n: 2 },
  { name: 'Абагур', n: 3 },
];

describe('sortRows', () => {
  test('numbers by value, ties in their given order, missing values last', () => {
    const up = sortRows(rows, (r) => r.n, 'ascending', 'ru-RU').map((r) => r.name);
    assert.deepEqual(up, ['Участок 2', 'Разрез Бачатский', 'Абагур', 'ёлка', 'Участок 10']);
    const down = sortRows(rows, (r) => r.n, 'descending', 'ru-RU').map((r) => r.name);
    assert.deepEqual(down, ['ёлка', 'Разрез Бачатский', 'Абагур', 'Участок 2', 'Участок 10']);
  });

  test('text in the language’s order, numbers inside text numerically', () => {
    const up = sortRows(rows, (r) => r.name, 'ascending', 'ru-RU').map((r) => r.name);
    assert.deepEqual(up, ['Абагур', 'ёлка', 'Разрез Бачатский', 'Участок 2', 'Участок 10']);
  });

  test('does not change the rows it is given', () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.n, 'descending', 'en-GB');
    assert.deepEqual(rows, copy);
  });

  test('empty text and NaN count as missing', () => {
    const r = sortRows(
      [{ v: '' }, { v: 'b' }, { v: Number.NaN }, { v: 'a' }],
      (x) => x.v,
      'descending',
      'en-GB',
    );
    assert.deepEqual(
      r.map((x) => x.v),
      ['b', 'a', '', Number.NaN],
    );
  });
});

describe('nextSort', () => {
  test('a new column starts ascending, the same column flips', () => {
    assert.deepEqual(nextSort(null, 'a'), { key: 'a', direction: 'ascending' });
    const a = nextSort(null, 'a');
    assert.deepEqual(nextSort(a, 'a'), { key: 'a', direction: 'descending' });
    assert.deepEqual(nextSort(nextSort(a, 'a'), 'a'), { key: 'a', direction: 'ascending' });
    assert.deepEqual(nextSort(nextSort(a, 'a'), 'b'), { key: 'b', direction: 'ascending' });
  });
});

describe('M6: organisations sort by name, not by legal form', () => {
  const names = [
    'ООО «Ягуновский»',
    'АО «Черниговец»',
    'ПАО «Кокс»',
    'ФГБОУ ВО «Кузбасский государственный технический университет»',
    'Кемеровский завод',
    'ОАО «Азот»',
    'ЗАО "Болид"',
    'АО «СУЭК-Кузбасс»',
  ];
  test('the legal form and quotes are left out of the key', () => {
    assert.equal(nameSortKey('АО «Черниговец»'), 'Черниговец');
    assert.equal(nameSortKey('ФГБОУ ВО «КузГТУ»'), 'КузГТУ');
    assert.equal(nameSortKey('Inskaya GRES JSC'), 'Inskaya GRES');
    assert.equal(nameSortKey('LLC "Sibdata"'), 'Sibdata');
    assert.equal(nameSortKey('ООО'), 'ООО', 'a name that is only a form stays itself');
  });
  test('Russian names in Russian order, whatever their form', () => {
    const sorted = sortRows(names, nameSortKey, 'ascending', 'ru-RU');
    assert.deepEqual(sorted, [
      'ОАО «Азот»',
      'ЗАО "Болид"',
      'Кемеровский завод',
      'ПАО «Кокс»',
      'ФГБОУ ВО «Кузбасский государственный технический университет»',
      'АО «СУЭК-Кузбасс»',
      'АО «Черниговец»',
      'ООО «Ягуновский»',
    ]);
  });
  test('English names in English order', () => {
    const sorted = sortRows(
      ['Kuzbass Azot JSC', 'Belon LLC', 'PJSC Chernigovets', 'Abagur'],
      nameSortKey,
      'ascending',
      'en-GB',
    );
    assert.deepEqual(sorted, ['Abagur', 'Belon LLC', 'PJSC Chernigovets', 'Kuzbass Azot JSC']);
  });
});
