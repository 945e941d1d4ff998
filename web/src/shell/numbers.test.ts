import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  exactKopecks,
  kopecksToRubText,
  parseNumber,
  rubToKopecks,
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
