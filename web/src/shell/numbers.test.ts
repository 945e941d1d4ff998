import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  exactKopecks,
  kopecksToRubText,
  parseNumber,
  rubToKopecks,
  setPageDecimalMark,
  withDecimalMark,
  withDecimalMarks,
} from './numbers.ts';

describe('parseNumber', () => {
  test('plain integers and decimals, with a point or a Russian decimal comma', () => {
    assert.equal(parseNumber('25000'), 25000);
    assert.equal(parseNumber('12.5'), 12.5);
    assert.equal(parseNumber('12,5'), 12.5);
    assert.equal(parseNumber(',5'), 0.5);
    assert.equal(parseNumber('7,'), 7);
  });

  test('spaces, no-break and narrow no-break spaces between thousands', () => {
    assert.equal(parseNumber('25 000'), 25000);
    assert.equal(parseNumber('1\u00a0234\u00a0567,89'), 1234567.89);
    assert.equal(parseNumber('1\u202f000'), 1000);
    assert.equal(parseNumber('  42  '), 42);
  });

  test('minus signs as typed or pasted', () => {
    assert.equal(parseNumber('-3'), -3);
    assert.equal(parseNumber('\u22123,5'), -3.5);
    assert.equal(parseNumber('\u20132'), -2);
    assert.equal(parseNumber('+4'), 4);
    assert.ok(Object.is(parseNumber('-0'), 0), 'no negative zero');
  });

  test('empty is nothing typed', () => {
    assert.equal(parseNumber(''), undefined);
    assert.equal(parseNumber('   '), undefined);
    assert.equal(parseNumber('\u00a0'), undefined);
  });

  test('garbage is NaN, including forms Number() would take', () => {
    for (const s of ['abc', '12a', '1,2,3', '1.2.3', '--1', '-', ',', '0x10', '1e3', 'Infinity'])
      assert.ok(Number.isNaN(parseNumber(s)), `${JSON.stringify(s)} is not a number`);
  });
});

describe('rubToKopecks', () => {
  test('whole roubles and kopecks', () => {
    assert.equal(rubToKopecks('350'), 35000);
    assert.equal(rubToKopecks('350,5'), 35050);
    assert.equal(rubToKopecks('0,07'), 7);
    assert.equal(rubToKopecks('100 000'), 10_000_000);
  });

  test('rounds half away from zero at the kopeck, on the digits (no float error)', () => {
    assert.equal(rubToKopecks('1,005'), 101, 'Math.round(1.005 * 100) would give 100');
    assert.equal(rubToKopecks('1,004'), 100);
    assert.equal(rubToKopecks('0,015'), 2);
    assert.equal(rubToKopecks('-1,005'), -101, 'away from zero, not up');
    assert.equal(rubToKopecks('-0,004'), 0);
    assert.equal(rubToKopecks('2,675'), 268, '2.675 * 100 is 267.49999… as a float');
    assert.equal((rubToKopecks('0,1') ?? 0) + (rubToKopecks('0,2') ?? 0), 30);
  });

  test('more than three decimals: only the third decides', () => {
    assert.equal(rubToKopecks('1,0049999'), 100);
    assert.equal(rubToKopecks('1,0050001'), 101);
  });

  test('empty and garbage', () => {
    assert.equal(rubToKopecks(''), undefined);
    assert.ok(Number.isNaN(rubToKopecks('12 руб')));
    assert.ok(Number.isNaN(rubToKopecks('1e5')));
  });
});

describe('kopecksToRubText', () => {
  test('shows roubles with the decimal mark, no trailing zeros', () => {
    assert.equal(kopecksToRubText(35000, ','), '350');
    assert.equal(kopecksToRubText(12345, ','), '123,45');
    assert.equal(kopecksToRubText(12340, '.'), '123.4');
    assert.equal(kopecksToRubText(5, ','), '0,05');
    assert.equal(kopecksToRubText(-150, ','), '-1,5');
  });

  test('round-trips through rubToKopecks', () => {
    for (const k of [0, 1, 99, 100, 101, 12345, 10_000_000, -7])
      assert.equal(rubToKopecks(kopecksToRubText(k, ',')), k);
  });
});

describe('exactKopecks', () => {
  test('to the kopeck as typed; a third decimal is refused, not rounded', () => {
    assert.equal(exactKopecks('1 500 000,5'), 150_000_050);
    assert.equal(exactKopecks('−2,07'), -207);
    assert.equal(exactKopecks(''), undefined);
    assert.ok(Number.isNaN(exactKopecks('1,005')));
    assert.ok(Number.isNaN(exactKopecks('1,000')), 'a third decimal even when it is zero');
    assert.ok(Number.isNaN(exactKopecks('много')));
  });
});

test("a number typed with one language's decimal mark takes the other's on a switch, its value kept", () => {
  assert.equal(withDecimalMark('1,5', '.'), '1.5');
  assert.equal(withDecimalMark('1.5', ','), '1,5');
  assert.equal(withDecimalMark('−120,25', '.'), '−120.25');
  assert.equal(withDecimalMark('25 000', '.'), '25 000');
  assert.equal(withDecimalMark('', ','), '');
  assert.equal(withDecimalMark('много', '.'), 'много', 'no number: as typed');
  assert.equal(withDecimalMark('1,2,3', '.'), '1,2,3');
  assert.deepEqual(withDecimalMarks({ a: '0,5', b: '2,5', c: 'x' }, ['a', 'c'], '.'), {
    a: '0.5',
    b: '2,5',
    c: 'x',
  });
  fc.assert(
    fc.property(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.constantFrom(',', '.'),
      (n, mark) => {
        const text = String(n);
        if (/e/i.test(text)) return;
        const other = mark === ',' ? '.' : ',';
        const shown = withDecimalMark(text.replace('.', other), mark);
        assert.equal(parseNumber(shown), parseNumber(text));
        assert.ok(!shown.includes(other), shown);
      },
    ),
    { numRuns: 300 },
  );
});

test('thousands marks as English and Russian pages type them; «1,500» read by the page’s language', () => {
  // both marks: the later one is the decimal mark (a user walk saw «1,250,000.50» refused)
  assert.equal(parseNumber('1,250,000.50', '.'), 1_250_000.5);
  assert.equal(parseNumber('1,250,000.50', ','), 1_250_000.5);
  assert.equal(parseNumber('1.250.000,50', ','), 1_250_000.5);
  assert.equal(exactKopecks('1,250,000.50', '.'), 125_000_050);
  // a mark repeated is a thousands mark
  assert.equal(parseNumber('1,250,000', ','), 1_250_000);
  assert.equal(parseNumber('1.250.000', '.'), 1_250_000);
  // a lone comma before three digits: thousands on an English page, decimals on a Russian one
  assert.equal(parseNumber('1,500', '.'), 1500);
  assert.equal(rubToKopecks('1,500', '.'), 150_000);
  assert.equal(parseNumber('1,500', ','), 1.5);
  assert.ok(Number.isNaN(exactKopecks('1,000', ',')));
  // not groups of three, or a leading zero: still a decimal comma, on either page
  assert.equal(parseNumber('12,5', '.'), 12.5);
  assert.equal(parseNumber('0,125', '.'), 0.125);
  assert.equal(parseNumber('−1,500', '.'), -1500);
  // broken groups are no number, never a guess
  for (const bad of ['1,25,000', '1,250,00', '1,250,000,50', '1.250,000.5', '12,34,5'])
    assert.ok(Number.isNaN(parseNumber(bad, '.')), bad);
  // the page's language decides when the caller does not say
  setPageDecimalMark('.');
  try {
    assert.equal(parseNumber('1,500'), 1500);
  } finally {
    setPageDecimalMark(',');
  }
  assert.equal(parseNumber('1,500'), 1.5);
});

test('a switch of language keeps the value of a number with thousands marks', () => {
  assert.equal(withDecimalMark('1,500', ','), '1500');
  assert.equal(withDecimalMark('1,250,000.50', ','), '1250000,50');
  assert.equal(withDecimalMark('1.250.000,50', '.'), '1250000.50');
  assert.equal(withDecimalMark('12,5', ','), '12,5');
  fc.assert(
    fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (n, c) => {
      const en = `${new Intl.NumberFormat('en-US').format(n)}.${String(c).padStart(2, '0')}`;
      const value = parseNumber(en, '.');
      assert.equal(parseNumber(withDecimalMark(en, ','), ','), value, en);
      const ru = withDecimalMark(en, ',');
      assert.equal(parseNumber(withDecimalMark(ru, '.'), '.'), value, ru);
    }),
    { numRuns: 300 },
  );
});
