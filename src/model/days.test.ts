// The cluster's calendar: days of recorded moments in UTC+7, and a year's term by the calendar.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { clusterDay, clusterDayOf, yearTermEnd } from './days.ts';

describe("the cluster's days", () => {
  test('a moment is dated by its day in Kemerovo; a plain day stays as it is', () => {
    assert.equal(clusterDayOf('2026-12-31T16:59:59.000Z'), '2026-12-31');
    assert.equal(clusterDayOf('2026-12-31T17:00:00.000Z'), '2027-01-01');
    assert.equal(clusterDayOf('2027-01-01T06:00:00+07:00'), '2027-01-01');
    assert.equal(clusterDayOf('2026-02-28'), '2026-02-28');
  });

  test("a year's term ends the day before the same date a year on, leap days included", () => {
    assert.equal(yearTermEnd('2026-12-08'), '2027-12-07');
    assert.equal(yearTermEnd('2027-03-01'), '2028-02-29');
    assert.equal(yearTermEnd('2028-02-29'), '2029-02-28');
    assert.equal(yearTermEnd('2028-01-01'), '2028-12-31');
  });

  test('property: a term is 364 or 365 days and ends before the start a year on', () => {
    const DAY = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * 366 }), (n) => {
        const from = clusterDay(Date.UTC(2020, 0, 1) + n * DAY);
        const to = yearTermEnd(from);
        const days = (Date.parse(to) - Date.parse(from)) / DAY;
        assert.ok(days === 364 || days === 365, `${from} → ${to}`);
        assert.ok(
          to.slice(5) !== from.slice(5) && to < `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`,
        );
      }),
      { numRuns: 300 },
    );
  });
});
