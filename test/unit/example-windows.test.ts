// The example's availability windows are written as of its reference date and moved to the
// seeding month (src/example/seed.ts): on any seeding day every listing is within its window,
// and no two windows overlap on one day and not on another.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addMonths,
  EXAMPLE_REFERENCE_DATE,
  exampleListings,
  monthsFromReference,
} from '../../src/example/seed.ts';

const written: Array<{ id: string; availableFrom: string; availableTo: string }> = JSON.parse(
  readFileSync(new URL('../../data/kuzbass/listings.json', import.meta.url), 'utf8'),
);

test('every window of the data holds the reference date', () => {
  for (const l of written)
    assert.ok(
      l.availableFrom <= EXAMPLE_REFERENCE_DATE && EXAMPLE_REFERENCE_DATE <= l.availableTo,
      `${l.id}: ${l.availableFrom}..${l.availableTo}`,
    );
});

test('addMonths keeps the first and the last day of a month, across years and leap days', () => {
  assert.equal(addMonths('2026-10-31', 1), '2026-11-30');
  assert.equal(addMonths('2026-01-01', 5), '2026-06-01');
  assert.equal(addMonths('2027-12-31', 2), '2028-02-29');
  assert.equal(addMonths('2028-02-29', 12), '2029-02-28');
  assert.equal(addMonths('2026-04-15', -5), '2025-11-15');
  assert.equal(addMonths('2026-05-01', -17), '2024-12-01');
  assert.equal(addMonths('2030-12-31', 0), '2030-12-31');
  assert.equal(monthsFromReference(new Date('2026-06-30T23:59:59Z')), 0);
  assert.equal(monthsFromReference(new Date('2029-03-10T00:00:00Z')), 33);
  assert.equal(monthsFromReference(new Date('2025-12-31T12:00:00Z')), -6);
});

test('seeded on any day from 2000 to 2100: every listing live that day, overlaps unchanged', () => {
  const overlaps = (ls: typeof written) =>
    ls
      .flatMap((a) =>
        ls.map(
          (b) =>
            `${a.id}|${b.id}|${a.availableFrom <= b.availableTo && b.availableFrom <= a.availableTo}`,
        ),
      )
      .sort();
  const before = overlaps(written);
  fc.assert(
    fc.property(
      fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      (day) => {
        const today = day.toISOString().slice(0, 10);
        const seeded = exampleListings(day);
        assert.equal(seeded.length, written.length);
        for (const l of seeded)
          assert.ok(
            l.availableFrom <= today && today <= l.availableTo,
            `${l.id} on ${today}: ${l.availableFrom}..${l.availableTo}`,
          );
        assert.deepEqual(overlaps(seeded), before);
      },
    ),
    { numRuns: 200 },
  );
});

test('anonymous listings are created last, in the order of their ids (F9: createdAt)', () => {
  const seeded = exampleListings(new Date('2026-06-15T00:00:00Z'));
  const firstAnonymous = seeded.findIndex((l) => l.visibility === 'anonymous');
  const tail = seeded.slice(firstAnonymous);
  assert.ok(firstAnonymous > 0);
  assert.ok(tail.every((l) => l.visibility === 'anonymous'));
  assert.deepEqual(
    tail.map((l) => l.id),
    tail.map((l) => l.id).sort(),
  );
});
