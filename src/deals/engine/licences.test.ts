import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  activityOfPurpose,
  dealLicenceChecks,
  type HeldLicence,
  hazardClassOfFkko,
  licenceStatus,
} from './licences.ts';

const licence = (over: Partial<HeldLicence> = {}): HeldLicence => ({
  id: 'l1',
  organisationId: 'cement',
  number: 'ДЕМО-1',
  issuedOn: '2020-01-01',
  activities: ['transport', 'utilisation'],
  hazardClasses: [3, 4],
  fkko: [],
  validUntil: null,
  ...over,
});

const flyAsh = {
  providerId: 'gres',
  consumerId: 'cement',
  fkko: '6 11 100 01 40 4',
  transport: { mode: 'road', paidBy: 'consumer' as const },
};

test('the hazard class is the last digit of an 11-digit FKKO code', () => {
  assert.equal(hazardClassOfFkko('6 11 100 01 40 4'), 4);
  assert.equal(hazardClassOfFkko('61110001404'), 4);
  assert.equal(hazardClassOfFkko('3 08 131 11 33 2'), 2);
  assert.equal(hazardClassOfFkko('2 11 111 11 20 5'), 5);
  // a block or group ends in 0: no class; a short or missing code: none
  assert.equal(hazardClassOfFkko('6 11 100 00 00 0'), null);
  assert.equal(hazardClassOfFkko('6 11 100'), null);
  assert.equal(hazardClassOfFkko(null), null);
});

test('the receiver is checked for the activity of the purpose', () => {
  assert.equal(activityOfPurpose.utilisation, 'utilisation');
  assert.equal(activityOfPurpose.storage, 'placement');
  assert.equal(activityOfPurpose.burial, 'placement');
  const r = dealLicenceChecks(
    flyAsh,
    [licence({ activities: ['utilisation'] })],
    '2026-06-01',
    'neutralisation',
  );
  assert.deepEqual(
    r.checks.map((c) => [c.role, c.activity, c.status]),
    [
      ['receiver', 'neutralisation', 'missing'],
      ['carrier', 'transport', 'missing'],
    ],
  );
});

test('class 4 by road: the receiver and the paying side; found when a licence covers both', () => {
  const r = dealLicenceChecks(flyAsh, [licence()], '2026-06-01');
  assert.equal(r.required, true);
  assert.equal(r.hazardClass, 4);
  assert.deepEqual(
    r.checks.map((c) => [c.role, c.side, c.holderId, c.activity, c.hazardClass, c.status]),
    [
      ['receiver', 'consumer', 'cement', 'utilisation', 4, 'found'],
      ['carrier', 'consumer', 'cement', 'transport', 4, 'found'],
    ],
  );
  // the provider pays the carriage: its licence is checked, and it holds none
  const byProvider = dealLicenceChecks(
    { ...flyAsh, transport: { mode: 'road', paidBy: 'provider' } },
    [licence()],
    '2026-06-01',
  );
  assert.deepEqual(
    byProvider.checks.map((c) => [c.role, c.holderId, c.status]),
    [
      ['receiver', 'cement', 'found'],
      ['carrier', 'gres', 'missing'],
    ],
  );
});

test('rail: RZD carries, no transport check; class 5: no check at all', () => {
  const rail = dealLicenceChecks(
    { ...flyAsh, transport: { mode: 'rail', paidBy: 'provider' } },
    [],
    '2026-06-01',
  );
  assert.equal(rail.carriage, 'rail');
  assert.deepEqual(
    rail.checks.map((c) => c.role),
    ['receiver'],
  );
  const five = dealLicenceChecks({ ...flyAsh, fkko: '6 11 111 12 40 5' }, [], '2026-06-01');
  assert.deepEqual([five.required, five.checks.length], [false, 0]);
  const none = dealLicenceChecks({ ...flyAsh, fkko: null }, [], '2026-06-01');
  assert.deepEqual([none.required, none.hazardClass], [false, null]);
});

test('a licence for another class, or listing other FKKO codes, does not cover', () => {
  assert.equal(
    licenceStatus([licence({ hazardClasses: [3] })], 'utilisation', 4, flyAsh.fkko, '2026-06-01')
      .status,
    'missing',
  );
  assert.equal(
    licenceStatus(
      [licence({ fkko: ['6 11 200 01 21 4'] })],
      'utilisation',
      4,
      flyAsh.fkko,
      '2026-06-01',
    ).status,
    'missing',
  );
  assert.equal(
    licenceStatus([licence({ fkko: ['61110001404'] })], 'utilisation', 4, flyAsh.fkko, '2026-06-01')
      .status,
    'found',
  );
});

test('expiry: valid to its last day, expired after it; a valid one wins over an expired one', () => {
  const old = licence({ id: 'old', validUntil: '2026-05-31' });
  assert.equal(licenceStatus([old], 'utilisation', 4, null, '2026-05-31').status, 'found');
  const after = licenceStatus([old], 'utilisation', 4, null, '2026-06-01');
  assert.deepEqual([after.status, after.licence?.id], ['expired', 'old']);
  const renewed = licence({ id: 'new', validUntil: '2031-05-31' });
  const both = licenceStatus([old, renewed], 'utilisation', 4, null, '2026-06-01');
  assert.deepEqual([both.status, both.licence?.id], ['found', 'new']);
  // not yet in force on the day
  assert.equal(
    licenceStatus([licence({ issuedOn: '2026-07-01' })], 'utilisation', 4, null, '2026-06-01')
      .status,
    'expired',
  );
});
