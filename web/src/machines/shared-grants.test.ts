import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grantState, lastDaysOf, sharedCsvRows } from './shared-grants.ts';

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
  assert.deepEqual(lastDaysOf(grant, at('2026-12-05T12:00:00Z'), 1), {
    from: '2026-12-04T12:00:00.000Z',
    to: '2026-12-05T12:00:00.000Z',
  });
  // hours after the grant began: from its start
  assert.deepEqual(lastDaysOf(grant, at('2026-12-01T20:00:00Z'), 1), {
    from: '2026-12-01T17:00:00.000Z',
    to: '2026-12-01T20:00:00.000Z',
  });
  // after its end: the last day of it
  assert.deepEqual(lastDaysOf(grant, at('2026-12-20T00:00:00Z'), 1), {
    from: '2026-12-09T17:00:00.000Z',
    to: '2026-12-10T17:00:00.000Z',
  });
});

test('a longer period reads back as far as the grant goes, and no further', () => {
  assert.deepEqual(lastDaysOf(grant, at('2026-12-05T12:00:00Z'), 7), {
    from: '2026-12-01T17:00:00.000Z',
    to: '2026-12-05T12:00:00.000Z',
  });
  assert.deepEqual(lastDaysOf(grant, at('2026-12-09T12:00:00Z'), 2), {
    from: '2026-12-07T12:00:00.000Z',
    to: '2026-12-09T12:00:00.000Z',
  });
});

test('the readings as a file: a row per time, a column per reading, gaps left empty', () => {
  const rows = sharedCsvRows(
    [
      {
        key: 'ash_pct',
        unit: '%',
        points: [
          { ts: '2026-12-05T10:00:00.000Z', value: 9.5 },
          { ts: '2026-12-05T11:00:00.000Z', value: null },
        ],
      },
      { key: 'moisture_pct', unit: '%', points: [{ ts: '2026-12-05T11:00:00.000Z', value: 8 }] },
    ],
    {
      time: 'Время',
      reading: (k) => (k === 'ash_pct' ? 'Зольность' : 'Влажность'),
      at: (ms) => new Date(ms).toISOString(),
    },
  );
  assert.deepEqual(rows, [
    ['Время', 'Зольность, %', 'Влажность, %'],
    ['2026-12-05T10:00:00.000Z', 9.5, null],
    ['2026-12-05T11:00:00.000Z', null, 8],
  ]);
});
