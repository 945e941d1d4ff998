import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from './csv.ts';

const BOM = '\uFEFF';

test('Russian: BOM, «;» between cells, a decimal comma, CRLF lines', () => {
  const csv = toCsv(
    [
      ['Материал', 'Объём'],
      ['Зола', 1234.5],
    ],
    'ru',
  );
  assert.equal(csv, `${BOM}Материал;Объём\r\nЗола;1234,5\r\n`);
});

test('English: commas and a decimal point', () => {
  assert.equal(toCsv([['a', 0.25]], 'en'), `${BOM}a,0.25\r\n`);
});

test('numbers keep at most three decimals and no group separators', () => {
  assert.equal(toCsv([[1000000.123456, -0.0004]], 'ru'), `${BOM}1000000,123;0\r\n`);
});

test('empty cells, and text quoted when it holds a separator, a quote or a line break', () => {
  const csv = toCsv([[null, undefined, 'a;b', 'say "hi"', 'two\nlines', 'a,b']], 'ru');
  assert.equal(csv, `${BOM};;"a;b";"say ""hi""";"two\nlines";"a,b"\r\n`);
});
