// The bounds of a listing's figures as the server states them: refused past the bound, worded
// with the listing's unit in the reader's language, never with zod's safe-integer bound.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../model/errors.ts';
import { parseInput } from '../model/validate.ts';
import { inQualityRange, listingLimits, qualityRangeOf } from './limits.ts';
import { ListingInput } from './schema.ts';

const offer = {
  siteId: 'myski-gres-site',
  side: 'offer',
  materialId: 'fly-ash',
  quantityPerYear: 120_000,
  unit: 't',
  availableFrom: '2026-12-01',
  availableTo: '2027-12-31',
  legalStatus: 'waste',
  fkko: '6 11 100 01 40 4',
  transportModes: ['road'],
};

/** The server's refusal of a body: each field's first message (as the form shows it), in `lang`. */
function refusal(body: object, lang: 'ru' | 'en'): Record<string, string> {
  try {
    parseInput(ListingInput, body);
  } catch (e) {
    assert.ok(e instanceof DomainError);
    assert.equal(e.status, 400);
    const out: Record<string, string> = {};
    for (const f of e.fields) out[f.field] ??= f.message.text(lang).replace(/\s/g, ' ');
    return out;
  }
  assert.fail('accepted');
}

test('a price past its bound: the bound per unit, in the reader’s words (user walk)', () => {
  const body = { ...offer, counterfactual: 'sold', salePriceKopecksPerUnit: 1e20 };
  assert.deepEqual(refusal(body, 'ru'), { salePriceKopecksPerUnit: 'не больше 100 000 ₽/т' });
  assert.deepEqual(refusal(body, 'en'), { salePriceKopecksPerUnit: 'at most 100,000 RUB/t' });
});

test('every money field and quantity, with the listing’s own unit', () => {
  const huge = 1e22;
  const body = {
    ...offer,
    unit: 'm3',
    quantityPerYear: huge,
    disposalCostKopecksPerUnit: huge,
    supplierCostKopecksPerUnit: huge,
    salePriceKopecksPerUnit: huge,
    mustShipMin: huge,
    maxDistanceKm: huge,
  };
  const ru = refusal(body, 'ru');
  assert.equal(ru.quantityPerYear, 'не больше 100 000 000 м³ в год');
  assert.equal(ru.mustShipMin, 'не больше 100 000 000 м³ в год');
  assert.equal(ru.disposalCostKopecksPerUnit, 'не больше 100 000 ₽/м³');
  assert.equal(ru.supplierCostKopecksPerUnit, 'не больше 100 000 ₽/м³');
  assert.equal(ru.salePriceKopecksPerUnit, 'не больше 100 000 ₽/м³');
  assert.equal(ru.maxDistanceKm, 'не больше 5 000 км');
  assert.ok(!JSON.stringify(ru).includes('9007199254740991'));
  const request = { ...offer, side: 'request', materialId: 'bottom-slag', unit: 'MWh' };
  delete (request as Partial<typeof request>).legalStatus;
  delete (request as Partial<typeof request>).fkko;
  const price = refusal({ ...request, priceKopecksPerUnit: huge, mustTakeMin: huge }, 'en');
  assert.equal(price.priceKopecksPerUnit, 'at most 100,000 RUB/MWh');
  assert.equal(price.mustTakeMin, 'at most 100,000,000 MWh a year');
});

test('exactly at the bounds is accepted; a fraction of a kopeck and a negative are not', () => {
  const edge = {
    ...offer,
    quantityPerYear: listingLimits.quantityPerYear,
    disposalCostKopecksPerUnit: listingLimits.kopecksPerUnit,
    maxDistanceKm: listingLimits.maxDistanceKm,
  };
  assert.doesNotThrow(() => parseInput(ListingInput, edge));
  assert.deepEqual(refusal({ ...offer, disposalCostKopecksPerUnit: 300.5 }, 'ru'), {
    disposalCostKopecksPerUnit: 'целое число копеек',
  });
  assert.deepEqual(
    refusal({ ...offer, disposalCostKopecksPerUnit: -1, quantityPerYear: -1 }, 'ru'),
    {
      disposalCostKopecksPerUnit: 'не меньше 0',
      quantityPerYear: 'больше 0',
    },
  );
});

test('a heating value lies from 0 to methane’s, by its unit', () => {
  assert.equal(qualityRangeOf('kcal/kg'), 'heatKcal');
  assert.equal(qualityRangeOf('MJ/kg'), 'heatMj');
  assert.ok(inQualityRange('kcal/kg', 4700));
  assert.ok(inQualityRange('kcal/kg', 12000));
  assert.ok(!inQualityRange('kcal/kg', 900000));
  assert.ok(!inQualityRange('kcal/kg', -1));
  assert.ok(inQualityRange('MJ/kg', 19.7));
  assert.ok(!inQualityRange('MJ/kg', 51));
  // other measures keep their own range
  assert.ok(inQualityRange('mm', 900000));
});
