import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { latestDay } from '../model/days.ts';
import {
  dealableBy,
  earliestLotDay,
  isFutureLot,
  periodOnListing,
  quantityOverPeriod,
  readsBooks,
  termLimitOf,
} from './limits.ts';

test('the latest day a lot may be dated is tomorrow by UTC, so this morning in Kuzbass (UTC+7) counts', () => {
  assert.equal(latestDay(new Date('2026-11-30T15:00:00Z')), '2026-12-01');
  assert.equal(latestDay(new Date('2026-11-30T00:00:00Z')), '2026-12-01');
  assert.equal(latestDay(new Date('2026-11-30T23:59:59.999Z')), '2026-12-01');
  assert.equal(latestDay(new Date('2026-12-31T18:00:00Z')), '2027-01-01');
  assert.equal(latestDay(new Date('2028-02-28T12:00:00Z')), '2028-02-29');
  // 06:00 on 1 December in Kemerovo is 23:00 on 30 November in UTC: the local date is allowed
  const kemerovoMorning = new Date('2026-12-01T06:00:00+07:00');
  assert.equal(isFutureLot('2026-12-01', kemerovoMorning), false);
  assert.equal(isFutureLot('2026-12-02', kemerovoMorning), true);
});

test('a lot is refused exactly when it is dated after the latest day', () => {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
      fc.integer({ min: -400, max: 400 }),
      (now, offsetDays) => {
        const on = day(now + offsetDays * 86_400_000);
        const latest = latestDay(new Date(now));
        assert.equal(isFutureLot(on, new Date(now)), on > latest);
        assert.equal(isFutureLot(latest, new Date(now)), false, 'the latest day itself is allowed');
        assert.equal(isFutureLot(on, new Date(now)), offsetDays > 1);
      },
    ),
  );
});

test('the books are read by the operator and by the staff of an organisation, not by an observer', () => {
  assert.equal(readsBooks({ role: 'operator_admin', organisationId: 'kuzbass-technopark' }), true);
  assert.equal(readsBooks({ role: 'operator_admin', organisationId: null }), true);
  assert.equal(readsBooks({ role: 'org_admin', organisationId: 'tsement-tom' }), true);
  assert.equal(readsBooks({ role: 'member', organisationId: 'tsement-tom' }), true);
  assert.equal(readsBooks({ role: 'member', organisationId: null }), false);
  assert.equal(readsBooks({ role: 'observer', organisationId: 'minprom-kuzbass' }), false);
  assert.equal(readsBooks({ role: null, organisationId: null }), false);
});

test("a deal's earliest lot day: the day it was opened in Kuzbass or its schedule's start, the earlier", () => {
  // opened at 20:00 UTC on 2 December is 3 December in Kemerovo
  const deal = { createdAt: '2026-12-02T20:00:00Z', schedule: { from: '2027-01-01' } };
  assert.equal(earliestLotDay(deal), '2026-12-03');
  assert.equal(earliestLotDay({ ...deal, schedule: { from: '2026-11-01' } }), '2026-11-01');
});

test('a deal is opened on an active listing whose holder is named and someone else', () => {
  const listing = { status: 'active', visibility: 'public', organisationId: 'myski-gres' };
  assert.equal(dealableBy(listing, 'tsement-tom'), true);
  assert.equal(dealableBy({ ...listing, visibility: 'members' }, 'tsement-tom'), true);
  assert.equal(dealableBy(listing, 'myski-gres'), false, 'not with oneself');
  assert.equal(dealableBy({ ...listing, visibility: 'anonymous' }, 'tsement-tom'), false);
  for (const status of ['draft', 'withdrawn', 'expired'])
    assert.equal(dealableBy({ ...listing, status }, 'tsement-tom'), false, status);
  assert.equal(dealableBy({ ...listing, organisationId: null }, 'tsement-tom'), false);
  assert.equal(dealableBy({ ...listing, organisationId: null }, null), false, 'no holder to name');
});

test("a deal on a listing contracts the listing's yearly rate over the deal's period (user walk)", () => {
  assert.equal(quantityOverPeriod(200_000, '2026-07-01', '2028-06-30'), 400_000);
  assert.equal(quantityOverPeriod(300_000, '2026-10-01', '2031-06-30'), 1_425_000);
  assert.equal(quantityOverPeriod(1200, '2027-01-01', '2027-12-31'), 1200);
  assert.equal(quantityOverPeriod(1200, '2028-02-01', '2028-02-29'), 100, 'a leap February');
  assert.equal(quantityOverPeriod(1200, '2027-03-01', '2027-03-16'), 51.613, 'half a month');
  assert.equal(quantityOverPeriod(1200, '2027-05-01', '2027-04-30'), 0, 'an end before the start');
  // over whole years the rate times the years, whatever the first month
  fc.assert(
    fc.property(
      fc.integer({ min: 2000, max: 2090 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      (year, month, years, perYear) => {
        const from = `${year}-${String(month).padStart(2, '0')}-01`;
        const end = new Date(Date.UTC(year + years, month - 1, 0)).toISOString().slice(0, 10);
        assert.equal(quantityOverPeriod(perYear, from, end), perYear * years);
      },
    ),
    { numRuns: 200 },
  );
});

test('a deal on a listing covers its window from today on: months past are not contracted (user walk)', () => {
  const window = { availableFrom: '2026-07-01', availableTo: '2028-06-30' };
  assert.deepEqual(periodOnListing(window, '2026-12-04'), { from: '2026-12-04', to: '2028-06-30' });
  assert.deepEqual(periodOnListing(window, '2026-07-01'), { from: '2026-07-01', to: '2028-06-30' });
  assert.deepEqual(
    periodOnListing(window, '2026-05-20'),
    { from: '2026-07-01', to: '2028-06-30' },
    'not begun',
  );
  assert.deepEqual(
    periodOnListing(window, '2028-06-30'),
    { from: '2028-06-30', to: '2028-06-30' },
    'its last day',
  );
  assert.deepEqual(
    periodOnListing(window, '2028-07-01'),
    { from: '2026-07-01', to: '2028-06-30' },
    'over: whole',
  );
  // within the window: the period is its part from today, never past days and never beyond it
  const day = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));
  fc.assert(
    fc.property(day, day, day, (a, b, today) => {
      const [availableFrom, availableTo] = a <= b ? [a, b] : [b, a];
      const period = periodOnListing({ availableFrom, availableTo }, today);
      assert.equal(period.to, availableTo);
      assert.ok(period.from >= availableFrom && period.from <= availableTo);
      if (today >= availableFrom && today <= availableTo) assert.equal(period.from, today);
      else assert.equal(period.from, availableFrom);
    }),
    { numRuns: 300 },
  );
});

test('a schedule may run to the same date ten years on, a 29 February to the 29th of a leap year', () => {
  assert.equal(termLimitOf('2026-12-08'), '2036-12-08');
  assert.equal(termLimitOf('2028-02-29'), '2038-02-29');
  // «2038-02-29» is no day, but compared as text it lies between the 28th and 1 March, as it should
  assert.ok('2038-02-28' <= termLimitOf('2028-02-29') && '2038-03-01' > termLimitOf('2028-02-29'));
});
