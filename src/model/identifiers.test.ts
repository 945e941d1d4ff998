import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  completeInn10,
  completeOgrn13,
  isValidInn,
  isValidKpp,
  isValidOgrn,
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
      fc.stringMatching(/^\d{12}$/),
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
  );
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
