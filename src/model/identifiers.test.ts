import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  completeInn10,
  completeOgrn13,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidOgrnIn,
  isValidOkved,
} from './identifiers.ts';

test('known valid identifiers pass their checksums', () => {
  // Sberbank: INN 7707083893, OGRN 1027700132195 (public registry data)
  assert.equal(isValidInn('7707083893'), true);
  assert.equal(isValidOgrn('1027700132195'), true);
  assert.equal(isValidInn('500100732259'), true); // a 12-digit INN with both check digits right
  assert.equal(isValidOgrn('304500116000157'), true); // OGRNIP, 15 digits
});

test('a changed digit breaks the checksum', () => {
  assert.equal(isValidInn('7707083894'), false);
  assert.equal(isValidOgrn('1027700132196'), false);
  assert.equal(isValidInn('500100732258'), false);
  assert.equal(isValidInn('77070838'), false);
  assert.equal(isValidInn('77070838a3'), false);
});

test('generated identifiers are valid, and any single-digit change of the check digit is caught', () => {
  fc.assert(
    fc.property(
      fc.stringMatching(/^\d{9}$/),
      // a sign of 1 or 5, a year from 2002 to 2025, then any region, office and serial
      fc
        .tuple(
          fc.constantFrom('1', '5'),
          fc.integer({ min: 2, max: 25 }),
          fc.stringMatching(/^\d{9}$/),
        )
        .map(([sign, yy, rest]) => `${sign}${String(yy).padStart(2, '0')}${rest}`),
      fc.integer({ min: 1, max: 9 }),
      (inn9, ogrn12, delta) => {
        const inn = completeInn10(inn9);
        const ogrn = completeOgrn13(ogrn12);
        assert.equal(isValidInn(inn), true);
        assert.equal(isValidOgrn(ogrn), true);
        const badInn = inn.slice(0, 9) + ((Number(inn[9]) + delta) % 10);
        const badOgrn = ogrn.slice(0, 12) + ((Number(ogrn[12]) + delta) % 10);
        assert.equal(isValidInn(badInn), false);
        assert.equal(isValidOgrn(badOgrn), false);
      },
    ),
    { numRuns: 300 },
  );
});

/** A 13-digit OGRN from its first 12 digits, or a 15-digit OGRNIP from its first 14. */
const complete = (body: string) =>
  body + String((BigInt(body) % (body.length === 12 ? 11n : 13n)) % 10n);

test('the first digit: 1 or 5 for an OGRN, 3 for an OGRNIP', () => {
  for (const sign of '0123456789') {
    const ogrn = complete(`${sign}03422208599`);
    assert.equal(isValidOgrnIn(ogrn, 2026), sign === '1' || sign === '5', ogrn);
    const ogrnip = complete(`${sign}0450011600015`);
    assert.equal(isValidOgrnIn(ogrnip, 2026), sign === '3', ogrnip);
  }
});

test('the year: an OGRN from 02 (July 2002), an OGRNIP from 04 (2004), up to the current year', () => {
  const ogrn = (yy: string) => complete(`1${yy}422208599`);
  const ogrnip = (yy: string) => complete(`3${yy}50011600015`);
  // «Шахта Кондомская» had 1014222085998 (year 01), checksum right: no longer accepted
  assert.equal(isValidOgrnIn('1014222085998', 2026), false);
  assert.equal(isValidOgrnIn('1034222085996', 2026), true);
  for (const [yy, ok] of [
    ['00', false],
    ['01', false],
    ['02', true],
    ['15', true],
    ['26', true],
    ['27', false],
    ['99', false],
  ] as const)
    assert.equal(isValidOgrnIn(ogrn(yy), 2026), ok, `OGRN year ${yy}`);
  for (const [yy, ok] of [
    ['02', false],
    ['03', false],
    ['04', true],
    ['26', true],
    ['27', false],
  ] as const)
    assert.equal(isValidOgrnIn(ogrnip(yy), 2026), ok, `OGRNIP year ${yy}`);
  // the current year moves the upper bound
  assert.equal(isValidOgrnIn(ogrn('27'), 2027), true);
  assert.equal(isValidOgrn(ogrn(String(new Date().getUTCFullYear() % 100).padStart(2, '0'))), true);
});

test('KPP and OKVED by format', () => {
  assert.equal(isValidKpp('420501001'), true);
  assert.equal(isValidKpp('7707AB001'), true);
  assert.equal(isValidKpp('42050100'), false);
  for (const ok of ['05', '05.1', '05.10', '05.10.1', '05.10.11', '35.11.1'])
    assert.equal(isValidOkved(ok), true, ok);
  for (const bad of ['5', '05.', '05.100', 'AB.10', '05.10.111'])
    assert.equal(isValidOkved(bad), false, bad);
});
