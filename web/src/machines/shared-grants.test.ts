import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grantState, lastDayOf } from './shared-grants.ts';

const grant = { from: '2026-12-01T17:00:00.000Z', to: '2026-12-10T17:00:00.000Z', revokedAt: null };
const at = (iso: string) => Date.parse(iso);

test('a received grant is in force between its days, unless revoked', () => {
  assert.equal(grantState(grant, at('2026-11-30T00:00:00Z')), 'upcoming');
  assert.equal(grantState(grant, at('2026-12-01T17:00:00Z')), 'active');
  assert.equal(grantState(grant, at('2026-12-10T16:59:59Z')), 'active');
  assert.equal(grantState(grant, at('2026-12-10T17:00:00Z')), 'ended');
  assert.equal(
    grantState({ ...grant, revokedAt: '2026-12-02T00:00:00Z' }, at('2026-12-05T00:00:00Z')),
    'revoked',
  );
});

test("the day read is the 24 h before now, within the grant's window", () => {
  assert.deepEqual(lastDayOf(grant, at('2026-12-05T12:00:00Z')), {
    from: '2026-12-04T12:00:00.000Z',
    to: '2026-12-05T12:00:00.000Z',
  });
  // hours after the grant began: from its start
  assert.deepEqual(lastDayOf(grant, at('2026-12-01T20:00:00Z')), {
    from: '2026-12-01T17:00:00.000Z',
    to: '2026-12-01T20:00:00.000Z',
  });
  // after its end: the last day of it
  assert.deepEqual(lastDayOf(grant, at('2026-12-20T00:00:00Z')), {
    from: '2026-12-09T17:00:00.000Z',
    to: '2026-12-10T17:00:00.000Z',
  });
});
