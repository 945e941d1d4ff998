import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvName, listingCsvRows, qualityText, romanHazard, toCsv } from './csv.ts';
import { listingCsvDict } from './csvDict.ts';

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

test("a file is named by the cluster's day: 18:30 UTC is already the next day in Kemerovo", () => {
  assert.equal(csvName('plan', Date.parse('2026-12-02T18:30:00Z')), 'plan-2026-12-03.csv');
  assert.equal(csvName('listings', Date.parse('2026-12-02T16:59:59Z')), 'listings-2026-12-02.csv');
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

test('text that a spreadsheet would run as a formula is written as text; numbers stay numbers', () => {
  const csv = toCsv([['=HYPERLINK("http://x")', '+cmd', '@SUM(A1)', -5, 'зола']], 'en');
  assert.equal(csv, '\uFEFF"\'=HYPERLINK(""http://x"")",\'+cmd,\'@SUM(A1),-5,зола\r\n');
});

test('the word joiner that keeps «т/год» on one line on screen stays out of the file', () => {
  assert.equal(
    toCsv([['CO₂-экв., т/\u2060год', '12 т/\u2060год']], 'ru'),
    `${BOM}"CO₂-экв., т/год";12 т/год\r\n`,
  );
});

describe('M4: the marketplace CSV', () => {
  const listing = {
    id: 'lst-1',
    side: 'request',
    useId: 'use-cement',
    quantityPerYear: 20000,
    unit: 't',
    availableFrom: '2026-11-29',
    availableTo: '2028-12-31',
    quality: { d: { max: 100 }, aeff: { max: 740 }, cao: { min: 2.5, max: 8 } },
    legalStatus: 'waste',
    fkko: '61110001404',
    fkkoEntry: { hazardClass: 5 },
    holderHidden: false,
    organisationName: 'АО «Цемент»',
    agglomeration: 'kemerovo',
    visibility: 'public',
    status: 'active',
  };
  const units: Record<string, string> = { d: 'мкм', aeff: 'Бк/кг', cao: '%' };
  const symbols: Record<string, string> = { d: 'd', aeff: 'Aeff', cao: 'CaO' };
  const rows = listingCsvRows([listing], {
    header: (k) => listingCsvDict.ru[k],
    side: () => 'Спрос',
    material: () => '',
    use: () => 'Цемент',
    unit: () => 'т',
    legal: () => 'Отход',
    agglomeration: () => 'Кемеровская',
    visibility: () => 'Всем',
    status: () => 'Активно',
    quality: (l) =>
      qualityText(l.quality, {
        symbol: (id) => symbols[id],
        unit: (id) => units[id],
        number: (n) => String(n).replace('.', ','),
      }),
  });
  const [head, row] = rows;
  const cell = (name: string) => row[head.indexOf(name)];

  test('availability dates under "available from / until", not "from where / to where"', () => {
    assert.equal(cell('Доступно с'), '2026-11-29');
    assert.equal(cell('Доступно до'), '2028-12-31');
    assert.ok(!head.includes('Откуда') && !head.includes('Куда'));
  });
  test('tolerances in words with their units, no JSON', () => {
    assert.equal(
      cell('Показатели качества'),
      'd ≤ 100\u00a0мкм; Aeff ≤ 740\u00a0Бк/кг; CaO 2,5–8\u00a0%',
    );
    assert.ok(!/[{}]/.test(rows.flat().join(' ')));
  });
  test('hazard class in Roman numerals; codes beside their words; a labelled id', () => {
    assert.equal(cell('Класс опасности'), 'V');
    assert.equal(romanHazard(1), 'I');
    assert.equal(romanHazard(null), '');
    assert.equal(head.indexOf('Сторона'), head.indexOf('Сторона (код)') + 1);
    assert.equal(cell('Сторона (код)'), 'request');
    assert.equal(cell('Сторона'), 'Спрос');
    assert.equal(cell('Правовой статус (код)'), 'waste');
    assert.ok(!head.includes('id'));
    assert.equal(cell('Номер объявления'), 'lst-1');
  });
});
