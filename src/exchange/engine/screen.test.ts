import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listingLimits } from '../limits.ts';
import { factorTable, railNetwork } from '../reference.ts';
import { buildCandidates, type CandidateListing, transportFrom } from './candidates.ts';
import { compatibilityFrom } from './compatibility.ts';
import { maxTransportKopecksPerUnit, PLAN_WEIGHT_KOPECKS, screenListings } from './screen.ts';
import { EngineInputError, validateProblem } from './solve/index.ts';

const transport = transportFrom(factorTable(), railNetwork());
const opts = { transport, table: compatibilityFrom(factorTable()) };

const materials = new Map([['fly-ash', { id: 'fly-ash', unit: 't', uses: ['cement-additive'] }]]);
const window = { availableFrom: '2026-01-01', availableTo: '2026-12-31' };
// as far apart as the globe allows, by road only: the dearest transport there is
const offer = (over: Partial<CandidateListing> = {}): CandidateListing => ({
  id: 'o',
  side: 'offer',
  materialId: 'fly-ash',
  unit: 't',
  quantityPerYear: listingLimits.quantityPerYear,
  disposalCostKopecksPerUnit: listingLimits.kopecksPerUnit,
  quality: {},
  transportModes: ['road'],
  lat: 55,
  lon: 86,
  ...window,
  ...over,
});
const request = (over: Partial<CandidateListing> = {}): CandidateListing => ({
  id: 'r',
  side: 'request',
  materialId: 'fly-ash',
  useId: 'cement-additive',
  unit: 't',
  quantityPerYear: listingLimits.quantityPerYear,
  priceKopecksPerUnit: listingLimits.kopecksPerUnit,
  quality: {},
  transportModes: ['road'],
  lat: -55,
  lon: -94,
  ...window,
  ...over,
});

test('listings at the current limits are kept, and the engine takes every link they make', () => {
  const { kept, warnings } = screenListings([offer(), request()], transport);
  assert.equal(kept.length, 2);
  assert.deepEqual(warnings, []);
  const c = buildCandidates(kept, materials, opts);
  assert.equal(c.links.length, 1, 'the antipodes are linked by road');
  assert.doesNotThrow(() => validateProblem(c.problem));
});

test("the review's listings (10^9 units at 10^6 RUB, the old limits) are left out, each named", () => {
  const legacy = [
    offer({ id: 'o-old', quantityPerYear: 1e9, disposalCostKopecksPerUnit: 1e8 }),
    request({ id: 'r-old', quantityPerYear: 1e9, priceKopecksPerUnit: 1e8 }),
    offer({ id: 'o-ok', quantityPerYear: 10, disposalCostKopecksPerUnit: 100 }),
  ];
  // without screening they break the whole problem
  assert.throws(
    () => validateProblem(buildCandidates(legacy, materials, opts).problem),
    EngineInputError,
  );
  const { kept, warnings } = screenListings(legacy, transport);
  assert.deepEqual(
    kept.map((l) => l.id),
    ['o-ok'],
  );
  assert.deepEqual(
    warnings.map((w) => [w.code, w.params.id, w.params.field, w.params.value, w.params.limit]),
    [
      ['exchange.warning.listingBeyondRange', 'o-old', 'quantityPerYear', 1e9, 1e8],
      ['exchange.warning.listingBeyondRange', 'o-old', 'disposalCostKopecksPerUnit', 1e8, 1e7],
      ['exchange.warning.listingBeyondRange', 'r-old', 'quantityPerYear', 1e9, 1e8],
      ['exchange.warning.listingBeyondRange', 'r-old', 'priceKopecksPerUnit', 1e8, 1e7],
    ],
  );
});

test('a fractional or non-finite figure is beyond the range too', () => {
  const { kept, warnings } = screenListings(
    [
      offer({ id: 'frac', disposalCostKopecksPerUnit: 10.5 }),
      request({ id: 'inf', quantityPerYear: Number.POSITIVE_INFINITY }),
    ],
    transport,
  );
  assert.deepEqual(kept, []);
  assert.deepEqual(
    warnings.map((w) => [w.params.id, w.params.field]),
    [
      ['frac', 'disposalCostKopecksPerUnit'],
      ['inf', 'quantityPerYear'],
    ],
  );
});

test("past the plan's exact sums, the heaviest listings are left out, the lighter kept", () => {
  const perUnit = maxTransportKopecksPerUnit(transport);
  // half the globe by road: about 26 049 km at 6.5 RUB per unit·km plus 50 RUB handling
  assert.ok(Math.abs(perUnit - (20015.1 * 1.2 * 6.5 + 50) * 100) < 1000, String(perUnit));
  const heavy = (id: string) => offer({ id });
  const weight = listingLimits.quantityPerYear * (listingLimits.kopecksPerUnit + perUnit);
  const fit = Math.floor(PLAN_WEIGHT_KOPECKS / weight);
  assert.ok(fit >= 1, 'one offer at the maxima always fits');
  const light = offer({ id: 'light', quantityPerYear: 1000, disposalCostKopecksPerUnit: 300_00 });
  const listings = [...Array.from({ length: fit + 2 }, (_, i) => heavy(`h${i}`)), light];
  const { kept, warnings } = screenListings(listings, transport);
  assert.deepEqual(
    kept.map((l) => l.id),
    ['light', ...Array.from({ length: fit }, (_, i) => `h${i}`)].sort(),
  );
  assert.deepEqual(
    warnings.map((w) => [w.code, w.params.id]),
    [fit, fit + 1].map((i) => ['exchange.warning.listingBeyondPlanTotal', `h${i}`]),
  );
});
