// The licence form without a browser: its body and its checks, with the server's own
// WasteLicenceInput schema as the browser loads it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  blankLicence,
  fkkoCode,
  type LicenceValue,
  licenceBody,
  licenceExpired,
  licenceField,
  validateLicence,
} from './licence.ts';
import { checkLicence } from './licenceSchema.ts';

const value: LicenceValue = {
  number: ' (42)-420001-СТОУР ',
  issuedOn: '2020-03-01',
  issuedBy: 'Сибирское межрегиональное управление Росприроднадзора',
  activities: ['utilisation', 'collection'],
  hazardClasses: [4, 3],
  fkko: '61110001404\n\n 6 11 300 01 39 4 ',
  validUntil: '',
  permanent: true,
};

describe('licence form', () => {
  test('the body: trimmed, in the vocabulary order, codes spaced, permanent as null', () => {
    assert.deepEqual(licenceBody(value), {
      number: '(42)-420001-СТОУР',
      issuedOn: '2020-03-01',
      issuedBy: 'Сибирское межрегиональное управление Росприроднадзора',
      activities: ['collection', 'utilisation'],
      hazardClasses: [3, 4],
      fkko: ['6 11 100 01 40 4', '6 11 300 01 39 4'],
      validUntil: null,
    });
    assert.deepEqual(
      validateLicence(value, (b) => checkLicence(b, 'ru')),
      {},
    );
    assert.equal(fkkoCode('6 11 100 01 40'), null);
  });

  test('boxes left empty and nothing ticked are named by the form', () => {
    const issues = validateLicence(blankLicence(), (b) => checkLicence(b, 'ru'));
    assert.deepEqual(
      Object.fromEntries(Object.entries(issues).map(([k, i]) => [k, 'key' in i ? i.key : i.text])),
      {
        number: 'errNumber',
        issuedOn: 'errIssuedOn',
        issuedBy: 'errIssuedBy',
        activities: 'errActivities',
        hazardClasses: 'errClasses',
        validUntil: 'errValidUntil',
      },
    );
  });

  test('a last day before the first, a code not of 11 digits, a code twice', () => {
    const v = { ...value, permanent: false, validUntil: '2019-12-31', fkko: '6 11 100\n' };
    const issues = validateLicence(v);
    assert.deepEqual(issues.validUntil, { key: 'errValidBefore' });
    assert.deepEqual(issues.fkko, { key: 'errFkko', params: { line: '6 11 100' } });
    const twice = validateLicence({ ...value, fkko: '61110001404\n6 11 100 01 40 4' });
    assert.deepEqual(twice.fkko, { key: 'errFkkoTwice', params: { code: '6 11 100 01 40 4' } });
  });

  test("the server's rules in its words, by the form's box", () => {
    const long = { ...value, number: 'N'.repeat(61) };
    const issues = validateLicence(long, (b) => checkLicence(b, 'en'));
    assert.ok(issues.number && 'text' in issues.number, JSON.stringify(issues));
    assert.equal(licenceField('fkko.1'), 'fkko');
    assert.equal(licenceField('activities[0]'), 'activities');
  });

  test('a licence past its last day has expired; a permanent one never does', () => {
    assert.equal(licenceExpired({ validUntil: '2026-11-30' }, '2026-12-01'), true);
    assert.equal(licenceExpired({ validUntil: '2026-12-01' }, '2026-12-01'), false);
    assert.equal(licenceExpired({ validUntil: null }, '2026-12-01'), false);
  });
});
