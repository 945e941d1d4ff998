import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { ListingRecord } from '../schema.ts';
import { declineStillHolds, termFields, termsChanged, termsKey } from './terms.ts';

const offer: ListingRecord = {
  id: 'l-ash',
  organisationId: 'myski-gres',
  siteId: 'myski-gres-plant',
  side: 'offer',
  materialId: 'fly-ash',
  useId: 'cement-additive',
  quantityPerYear: 1000,
  unit: 't',
  availableFrom: '2026-01-01',
  availableTo: '2027-12-31',
  quality: { loi: 4, sio2: 55 },
  disposalCostKopecksPerUnit: 300_00,
  transportModes: ['road', 'rail'],
  legalStatus: 'waste',
  fkko: '6 11 100 01 40 4',
  visibility: 'public',
  provenance: {},
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

test('H2 terms: price, quantity, quality, window and transport are terms', () => {
  const changes: Array<Partial<ListingRecord>> = [
    { disposalCostKopecksPerUnit: 301_00 },
    { priceKopecksPerUnit: 10 },
    { quantityPerYear: 999 },
    { mustShipMin: 10 },
    { quality: { loi: 4, sio2: 56 } },
    { availableTo: '2028-01-01' },
    { availableFrom: '2026-02-01' },
    { transportModes: ['road'] },
    { maxDistanceKm: 100 },
    { siteId: 'myski-gres-ash-dump' },
  ];
  for (const c of changes) assert.ok(termsChanged(offer, { ...offer, ...c }), JSON.stringify(c));
});

test('H2 terms: visibility, paperwork, notes and timestamps are not', () => {
  const changes: Array<Partial<ListingRecord>> = [
    { visibility: 'anonymous' },
    { note: 'reworded' },
    { fkko: '6 11 100 02 40 4' },
    { standard: 'ГОСТ 25818-2017' },
    { legalStatus: 'by_product' },
    { updatedAt: '2026-06-01T00:00:00.000Z' },
    // the order of quality keys or transport modes is no change
    { quality: { sio2: 55, loi: 4 } },
    { transportModes: ['rail', 'road'] },
  ];
  for (const c of changes) assert.ok(!termsChanged(offer, { ...offer, ...c }), JSON.stringify(c));
});

test('H2 terms: a change of any one term field changes the key; the key is stable (property)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...termFields),
      fc.oneof(fc.integer({ min: 1, max: 1e6 }), fc.string({ minLength: 1, maxLength: 8 })),
      (field, value) => {
        const next = { ...offer, [field]: value };
        assert.equal(termsKey(next), termsKey({ ...next }));
        return offer[field] === value || termsChanged(offer, next);
      },
    ),
  );
});

test('H2 a decline holds while the terms are those declined on', () => {
  const declinedOn = { termsKey: termsKey(offer), decidedAt: '2026-06-01T00:00:00.000Z' };
  assert.equal(declineStillHolds(declinedOn, offer), true);
  const noted: ListingRecord = { ...offer, note: 'x' };
  assert.equal(declineStillHolds(declinedOn, noted), true);
  assert.equal(declineStillHolds(declinedOn, { ...offer, disposalCostKopecksPerUnit: 1 }), false);
  // a decline from before terms were kept: remembered until the listing is changed at all
  const legacy = { termsKey: null, decidedAt: '2026-06-01T00:00:00.000Z' };
  assert.equal(declineStillHolds(legacy, offer), true);
  assert.equal(
    declineStillHolds(legacy, { ...offer, updatedAt: '2026-07-01T00:00:00.000Z' }),
    false,
  );
});
