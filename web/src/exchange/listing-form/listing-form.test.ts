// The listing form without a browser: its values, its body, its checks (with the server's own
// schema, as the browser loads it), and its limits against the schema's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { rules } from '../../../../src/exchange/messages.ts';
import { ListingFields, ListingInput } from '../../../../src/exchange/schema.ts';
import { fieldProblems } from '../../../../src/model/errors.ts';
import { Taxonomy as TaxonomySchema } from '../../../../src/registry/schema.ts';
import type { Listing } from '../../shell/types.ts';
import { exchangeDict } from '../dict.ts';
import { checkListing } from '../schemas.ts';
import { buildTaxonomy } from '../taxonomy.ts';
import { toBody, toPatch } from './body.ts';
import { formLimits } from './limits.ts';
import { formField, type Issue, problemIssues, validate } from './validate.ts';
import { blank, copyOf, fromListing, onForm, type Values } from './values.ts';

const data = TaxonomySchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../../data/taxonomy/materials.json', import.meta.url), 'utf8'),
  ),
);
const tx = buildTaxonomy(data.materials, data.uses, data.properties, 'ru');
const ru = (body: unknown) => checkListing(body, 'ru');
const en = (body: unknown) => checkListing(body, 'en');

/** A complete offer of fly ash, as a member would fill the form in. */
const offer = (change: Partial<Values> = {}): Values => ({
  ...blank('myski-gres', '2026-11-29'),
  siteId: 'myski-gres-site',
  materialId: 'fly-ash',
  quantityPerYear: '120 000',
  legalStatus: 'waste',
  fkko: '6 11 100 01 40 4',
  disposalCostKopecksPerUnit: '350,50',
  ...change,
});
const request = (change: Partial<Values> = {}): Values =>
  offer({
    side: 'request',
    useId: 'road-base',
    materialId: 'bottom-slag',
    legalStatus: '',
    fkko: '',
    disposalCostKopecksPerUnit: '',
    priceKopecksPerUnit: '320',
    ...change,
  });

const codes = (issues: Record<string, Issue>) =>
  Object.fromEntries(Object.entries(issues).map(([k, i]) => [k, 'key' in i ? i.key : i.code]));

describe('the form limits are the schema limits', () => {
  const shape = ListingFields.shape;
  // the bounds of quantities and money are the schema's rules (listingRules: worded with the
  // listing's unit); the fields state them for OpenAPI
  const maximum = (s: { meta(): Record<string, unknown> | undefined }) => s.meta()?.maximum;
  test('quantities', () => {
    assert.equal(formLimits.quantityPerYear, maximum(shape.quantityPerYear));
    assert.equal(formLimits.mustShipMin, maximum(shape.mustShipMin.unwrap()));
    assert.equal(formLimits.mustTakeMin, maximum(shape.mustTakeMin.unwrap()));
  });
  test('money: roubles in the form, kopecks in the schema', () => {
    assert.equal(
      formLimits.disposalRubPerUnit * 100,
      maximum(shape.disposalCostKopecksPerUnit.unwrap()),
    );
    assert.equal(formLimits.priceRubPerUnit * 100, maximum(shape.priceKopecksPerUnit.unwrap()));
  });
  test('reach and text lengths', () => {
    assert.equal(formLimits.maxDistanceKm, shape.maxDistanceKm.unwrap().maxValue);
    assert.equal(
      formLimits.priceCalorificKcalPerKg,
      shape.priceCalorificKcalPerKg.unwrap().maxValue,
    );
    assert.equal(formLimits.byProductOf, shape.byProductOf.unwrap().maxLength);
    assert.equal(formLimits.standard, shape.standard.unwrap().maxLength);
    assert.equal(formLimits.note, shape.note.unwrap().maxLength);
  });
  test('every limit is a finite number', () => {
    for (const [k, v] of Object.entries(formLimits))
      assert.ok(Number.isFinite(v) && v > 0, `${k}: ${v}`);
  });
});

describe('toBody', () => {
  test('an offer: numbers parsed, roubles as whole kopecks, only the offer side', () => {
    const b = toBody(offer({ mustShipMin: '1 000', priceKopecksPerUnit: '99' }), tx);
    assert.equal(b.quantityPerYear, 120000);
    assert.equal(b.disposalCostKopecksPerUnit, 35050);
    assert.equal(b.mustShipMin, 1000);
    assert.equal(b.priceKopecksPerUnit, undefined, 'a request field is not sent with an offer');
    assert.equal(b.fkko, '6 11 100 01 40 4');
    assert.deepEqual(b.transportModes, ['road']);
  });

  test('a request: limits per property, the price in kopecks, no legal status', () => {
    const b = toBody(
      request({ quality: { size: { value: '', min: '', max: '40' } }, legalStatus: 'waste' }),
      tx,
    );
    assert.deepEqual(b.quality, { size: { min: undefined, max: 40 } });
    assert.equal(b.priceKopecksPerUnit, 32000);
    assert.equal(b.legalStatus, undefined);
    assert.equal(b.fkko, undefined);
  });

  test('a missing quantity is NaN (refused before sending), an empty option is left out', () => {
    const b = toBody(offer({ quantityPerYear: '', maxDistanceKm: '' }), tx);
    assert.ok(Number.isNaN(b.quantityPerYear));
    assert.equal(b.maxDistanceKm, undefined);
  });

  test('a patch removes the emptied fields with null', () => {
    const p = toPatch(toBody(offer({ disposalCostKopecksPerUnit: '', note: '  ' }), tx));
    assert.equal(p.disposalCostKopecksPerUnit, null);
    assert.equal(p.note, null);
    assert.equal(p.priceKopecksPerUnit, null);
    assert.equal(p.quantityPerYear, 120000);
  });
});

describe('validate', () => {
  test('a complete offer and a complete request pass', () => {
    assert.deepEqual(validate(offer(), tx, ru), {});
    assert.deepEqual(validate(request(), tx, ru), {});
  });

  test('empty required boxes and text that is not a number are the form’s own words', () => {
    const issues = validate(
      offer({ siteId: '', quantityPerYear: '', disposalCostKopecksPerUnit: '12 руб' }),
      tx,
      ru,
    );
    assert.deepEqual(codes(issues), {
      siteId: 'errRequired',
      quantityPerYear: 'errRequired',
      disposalCostKopecksPerUnit: 'errNumber',
    });
  });

  test('an end before the given day is named before sending; without a day it is the server’s', () => {
    const v = offer({ availableFrom: '2026-01-01', availableTo: '2026-11-30' });
    assert.deepEqual(codes(validate(v, tx, ru, '2026-12-07')), {
      availableTo: 'errEndsBeforeToday',
    });
    // today itself is fine (the listing is live through the day)
    assert.deepEqual(validate(v, tx, ru, '2026-11-30'), {});
    // an edit that keeps an end now past passes no day
    assert.deepEqual(validate(v, tx, ru), {});
  });

  const text = (i: Issue | undefined) => (i && 'text' in i ? i.text : '').replace(/\s/g, ' ');
  test('the schema’s limits, worded by the server’s catalogue in the user’s language', () => {
    const v = offer({ quantityPerYear: '100 000 001', disposalCostKopecksPerUnit: '100 000,01' });
    const issues = validate(v, tx, ru);
    assert.equal(codes(issues).quantityPerYear, 'exchange.limit.quantity.t');
    assert.equal(codes(issues).disposalCostKopecksPerUnit, 'exchange.limit.money.t');
    assert.equal(text(issues.quantityPerYear), 'не больше 100 000 000 т в год');
    assert.equal(text(issues.disposalCostKopecksPerUnit), 'не больше 100 000 ₽/т');
    const english = validate(v, tx, en);
    assert.equal(text(english.quantityPerYear), 'at most 100,000,000 t a year');
    assert.equal(text(english.disposalCostKopecksPerUnit), 'at most 100,000 RUB/t');
    // exactly at the limit is fine
    const edge = offer({ quantityPerYear: '100 000 000', disposalCostKopecksPerUnit: '100 000' });
    assert.deepEqual(validate(edge, tx, ru), {});
  });

  test('every figure of the form: letters, a negative, a huge value (user walk)', () => {
    const huge = '99999999999999999999';
    const v = offer({
      counterfactual: 'sold',
      quantityPerYear: huge,
      disposalCostKopecksPerUnit: huge,
      supplierCostKopecksPerUnit: huge,
      salePriceKopecksPerUnit: huge,
      mustShipMin: huge,
      maxDistanceKm: huge,
      quality: { ash: { value: huge, min: '', max: '' } },
    });
    const issues = validate(v, tx, ru);
    assert.equal(text(issues.quantityPerYear), 'не больше 100 000 000 т в год');
    assert.equal(text(issues.mustShipMin), 'не больше 100 000 000 т в год');
    for (const k of [
      'disposalCostKopecksPerUnit',
      'supplierCostKopecksPerUnit',
      'salePriceKopecksPerUnit',
    ] as const)
      assert.equal(text(issues[k]), 'не больше 100 000 ₽/т', k);
    assert.equal(text(issues.maxDistanceKm), 'не больше 5 000 км');
    assert.ok(!JSON.stringify(issues).includes('9007199254740991'));
    // a request's price, per m³ of a material counted so
    const req = validate(request({ priceKopecksPerUnit: huge, unit: 'm3' }), tx, en);
    assert.equal(text(req.priceKopecksPerUnit), 'at most 100,000 RUB/m³');
    // letters and negatives
    const letters = codes(
      validate(offer({ quantityPerYear: 'abc', salePriceKopecksPerUnit: 'сто' }), tx, ru),
    );
    assert.equal(letters.quantityPerYear, 'errNumber');
    assert.equal(letters.salePriceKopecksPerUnit, 'errNumber');
    const negative = validate(
      offer({ quantityPerYear: '-5', disposalCostKopecksPerUnit: '-1', mustShipMin: '-1' }),
      tx,
      ru,
    );
    assert.equal(text(negative.quantityPerYear), 'больше 0');
    assert.equal(text(negative.disposalCostKopecksPerUnit), 'не меньше 0');
    assert.equal(text(negative.mustShipMin), 'не меньше 0');
  });

  test('a quality value out of its property’s range, in the server’s words', () => {
    const share = validate(offer({ quality: { loi: { value: '150', min: '', max: '' } } }), tx, ru);
    assert.deepEqual(codes(share), { 'quality.loi': 'errQualityShare' });
    const negative = validate(
      offer({ quality: { size: { value: '-3', min: '', max: '' } } }),
      tx,
      ru,
    );
    assert.deepEqual(codes(negative), { 'quality.size': 'errQualityMeasure' });
    const limit = validate(request({ quality: { loi: { value: '', min: '', max: '1e3' } } }), tx);
    assert.deepEqual(codes(limit), { 'quality.loi': 'errNumber' });
    const above = validate(request({ quality: { loi: { value: '', min: '', max: '101' } } }), tx);
    assert.deepEqual(codes(above), { 'quality.loi': 'errQualityShare' });
    // a heating value beyond methane's is a slip the valuation by heat would multiply (probe)
    const hot = (value: string) =>
      codes(
        validate(
          offer({
            materialId: 'slimes',
            legalStatus: 'by_product',
            fkko: '',
            byProductOf: 'flotation',
            standard: 'TU 0000',
            quality: { calorific: { value, min: '', max: '' } },
          }),
          tx,
          ru,
        ),
      );
    assert.deepEqual(hot('900 000'), { 'quality.calorific': 'errQualityHeatKcal' });
    assert.deepEqual(hot('4 700'), {});
    for (const lang of ['ru', 'en'] as const) {
      assert.equal(exchangeDict[lang].errQualityShare, rules.qualityShare().text(lang));
      assert.equal(exchangeDict[lang].errQualityTemperature, rules.qualityTemperature().text(lang));
      assert.equal(exchangeDict[lang].errQualityMeasure, rules.qualityMeasure().text(lang));
      assert.equal(exchangeDict[lang].errQualityHeatKcal, rules.qualityHeatKcal().text(lang));
      assert.equal(exchangeDict[lang].errQualityHeatMj, rules.qualityHeatMj().text(lang));
    }
  });

  test('the server refuses what the form refuses, in the same words', () => {
    const body = {
      ...toBody(offer({ salePriceKopecksPerUnit: '99999999999999999999' }), tx),
      side: 'offer',
      status: 'draft',
    };
    const r = ListingInput.safeParse(body);
    assert.equal(r.success, false);
    const server = fieldProblems(r.error?.issues ?? []).map((p) => [
      p.field,
      p.message.text('ru').replace(/\s/g, ' '),
    ]);
    assert.deepEqual(server, [['salePriceKopecksPerUnit', 'не больше 100 000 ₽/т']]);
    const form = validate(offer({ salePriceKopecksPerUnit: '99999999999999999999' }), tx, ru);
    assert.equal(text(form.salePriceKopecksPerUnit), server[0][1]);
  });

  test('an empty form names all it lacks at once, cross-field rules with the fields (user walk)', () => {
    const issues = codes(validate(blank('myski-gres', '2026-11-29'), tx, ru));
    assert.equal(issues.siteId, 'errRequired');
    assert.equal(issues.quantityPerYear, 'errRequired');
    assert.equal(issues.materialId, 'exchange.rule.offerNamesMaterial');
    assert.equal(issues.legalStatus, 'exchange.rule.offerStatesLegalStatus');
    // waste chosen, the FKKO code missing: named in the same submit as the empty volume
    const waste = codes(
      validate({ ...blank('myski-gres', '2026-11-29'), legalStatus: 'waste' }, tx, ru),
    );
    assert.equal(waste.fkko, 'exchange.rule.wasteNeedsFkko');
    assert.equal(waste.quantityPerYear, 'errRequired');
    // a request names a material or a use
    const req = codes(validate({ ...blank('myski-gres', '2026-11-29'), side: 'request' }, tx, ru));
    assert.equal(req.useId, 'exchange.rule.requestNamesMaterialOrUse');
  });

  test('the coal a price refers to: only where a request buys coal by the tonne, in its bounds', () => {
    const boiler = (change: Partial<Values> = {}) =>
      request({
        materialId: '',
        useId: 'fuel',
        substitute: 'primary-coal',
        priceKopecksPerUnit: '1 900',
        priceCalorificKcalPerKg: '5 500',
        ...change,
      });
    assert.equal(toBody(boiler(), tx).priceCalorificKcalPerKg, 5500);
    assert.deepEqual(validate(boiler(), tx, ru), {});
    // another substitute or another unit: the box is not shown, nothing is sent
    assert.equal(
      toBody(boiler({ substitute: 'natural-aggregate' }), tx).priceCalorificKcalPerKg,
      undefined,
    );
    assert.equal(toBody(boiler({ unit: 'm3' }), tx).priceCalorificKcalPerKg, undefined);
    // emptied on an edit: the patch removes it
    assert.equal(
      toPatch(toBody(boiler({ priceCalorificKcalPerKg: '' }), tx)).priceCalorificKcalPerKg,
      null,
    );
    // out of bounds, in the server's words
    const hot = validate(boiler({ priceCalorificKcalPerKg: '12 000' }), tx, ru);
    assert.equal(codes(hot).priceCalorificKcalPerKg, 'exchange.rule.calorificLimit');
    assert.equal(text(hot.priceCalorificKcalPerKg), 'от 1 000 до 9 000 ккал/кг');
    assert.equal(
      text(validate(boiler({ priceCalorificKcalPerKg: '500' }), tx, en).priceCalorificKcalPerKg),
      'from 1,000 to 9,000 kcal/kg',
    );
    // the API refuses it on another request and on an offer
    const refused = (body: unknown) =>
      Object.fromEntries(
        fieldProblems(ListingInput.safeParse(body).error?.issues ?? []).map((p) => [
          p.field,
          p.message.code,
        ]),
      ).priceCalorificKcalPerKg;
    const body = { ...toBody(boiler(), tx), side: 'request' };
    assert.equal(refused(body), undefined);
    assert.equal(
      refused({ ...body, substitute: 'natural-aggregate' }),
      'exchange.rule.calorificBasisForCoal',
    );
    assert.equal(
      refused({ ...toBody(offer(), tx), side: 'offer', priceCalorificKcalPerKg: 5000 }),
      'exchange.rule.onlyForRequest',
    );
  });

  test('cross-field rules come from the schema (listingRules)', () => {
    assert.equal(
      codes(validate(offer({ legalStatus: '' }), tx, ru)).legalStatus,
      'exchange.rule.offerStatesLegalStatus',
    );
    assert.equal(codes(validate(offer({ fkko: '' }), tx, ru)).fkko, 'exchange.rule.wasteNeedsFkko');
    assert.equal(
      codes(validate(offer({ mustShipMin: '200 000' }), tx, ru)).mustShipMin,
      'exchange.rule.notAboveQuantity',
    );
    assert.equal(
      codes(validate(offer({ availableTo: '2026-01-01' }), tx, ru)).availableTo,
      'exchange.rule.notBeforeFrom',
    );
    assert.equal(
      codes(validate(offer({ transportModes: ['road', 'pipeline'] }), tx, ru)).maxDistanceKm,
      'exchange.rule.reachNeeded',
    );
    assert.equal(
      codes(validate(request({ materialId: '', useId: '' }), tx, ru)).useId,
      'exchange.rule.requestNamesMaterialOrUse',
    );
  });

  test('a request’s crossed limits show on the property’s row', () => {
    const issues = validate(
      request({ quality: { loi: { value: '', min: '5', max: '3' } } }),
      tx,
      ru,
    );
    assert.deepEqual(codes(issues), { 'quality.loi': 'exchange.rule.minAboveMax' });
    const garbage = validate(request({ quality: { loi: { value: '', min: 'x', max: '' } } }), tx);
    assert.deepEqual(codes(garbage), { 'quality.loi': 'errNumber' });
  });

  test('the taxonomy: a use the material serves, an FKKO code of the material', () => {
    assert.equal(codes(validate(offer({ useId: 'fuel' }), tx, ru)).useId, 'errUseOfMaterial');
    const issues = validate(offer({ fkko: '6 11 200 01 21 4' }), tx, ru);
    assert.deepEqual(issues.fkko, {
      key: 'errFkkoMaterial',
      params: { codes: '6 11 100 01 40 4, 6 11 111 12 40 5' },
    });
  });

  test('a by-product’s texts are bounded by the schema', () => {
    const long = 'x'.repeat(formLimits.byProductOf + 1);
    const v = offer({ legalStatus: 'by_product', fkko: '', byProductOf: long, standard: 'ГОСТ' });
    assert.equal(codes(validate(v, tx, ru)).byProductOf, 'field.tooLong');
    assert.deepEqual(validate({ ...v, byProductOf: 'обогащение' }, tx, ru), {});
  });

  test('without the schema (its chunk failed to load) only the form’s own checks run', () => {
    assert.deepEqual(validate(offer({ quantityPerYear: '1e20', legalStatus: '' }), tx), {
      quantityPerYear: { key: 'errNumber' },
    });
  });
});

describe('values', () => {
  const listing: Listing = {
    id: 'l-1',
    organisationId: 'myski-gres',
    organisationName: 'Томь-Усинская ГРЭС',
    organisationNameEn: null,
    siteName: 'Площадка',
    lat: 53.4,
    lon: 87.8,
    agglomeration: 'novokuznetsk',
    holderHidden: false,
    status: 'expired',
    fkkoEntry: null,
    provenance: {},
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    side: 'offer',
    siteId: 'myski-gres-site',
    materialId: 'fly-ash',
    quantityPerYear: 120000,
    unit: 't',
    availableFrom: '2026-01-01',
    availableTo: '2026-06-30',
    quality: { sio2: 56, loi: { max: 5 } },
    disposalCostKopecksPerUnit: 35050,
    transportModes: ['road', 'rail'],
    legalStatus: 'waste',
    fkko: '6 11 100 01 40 4',
    visibility: 'anonymous',
  };

  test('a listing in the form: money in roubles with the locale’s decimal mark', () => {
    const ru = fromListing(listing, ',');
    assert.equal(ru.disposalCostKopecksPerUnit, '350,5');
    assert.equal(fromListing(listing, '.').disposalCostKopecksPerUnit, '350.5');
    assert.equal(ru.quantityPerYear, '120000');
    assert.deepEqual(ru.quality.sio2, { value: '56', min: '', max: '' });
    assert.deepEqual(ru.quality.loi, { value: '', min: '', max: '5' });
    assert.equal(ru.priceKopecksPerUnit, '');
  });

  test('a request’s coal basis comes back into its box', () => {
    const boiler: Listing = {
      ...listing,
      side: 'request',
      useId: 'fuel',
      materialId: undefined,
      substitute: 'primary-coal',
      priceKopecksPerUnit: 190000,
      priceCalorificKcalPerKg: 5500,
    };
    const v = fromListing(boiler, ',');
    assert.equal(v.priceCalorificKcalPerKg, '5500');
    assert.equal(toBody(v, tx).priceCalorificKcalPerKg, 5500);
  });

  test('form → body → form keeps a listing’s terms', () => {
    const b = toBody(fromListing(listing, ','), tx);
    assert.equal(b.disposalCostKopecksPerUnit, listing.disposalCostKopecksPerUnit);
    assert.equal(b.quantityPerYear, listing.quantityPerYear);
    assert.deepEqual(b.quality, { sio2: 56 });
  });

  test('a copy of an expired listing runs from today to the end of next year', () => {
    const c = copyOf(listing, ',', '2026-11-29');
    assert.equal(c.availableFrom, '2026-11-29');
    assert.equal(c.availableTo, '2027-12-31');
    const current = copyOf({ ...listing, availableTo: '2027-03-01' }, ',', '2026-11-29');
    assert.equal(current.availableFrom, '2026-11-29');
    assert.equal(current.availableTo, '2027-03-01');
  });
});

describe('server problems by form field', () => {
  test('a limit’s path shows on its property; the first message of a field wins', () => {
    assert.equal(formField('quality.ash.max'), 'quality.ash');
    assert.equal(formField('transportModes.0'), 'transportModes');
    assert.deepEqual(
      problemIssues([
        { field: 'quality.ash.max', code: 'zod.too_big', message: 'не больше 100' },
        { field: 'fkko', code: 'a', message: 'первое' },
        { field: 'fkko', code: 'b', message: 'второе' },
        { message: 'без поля' },
      ]),
      {
        'quality.ash': { code: 'zod.too_big', text: 'не больше 100' },
        fkko: { code: 'a', text: 'первое' },
      },
    );
  });
});

test('a problem’s field is placed on the form when a box of the form shows it', () => {
  assert.ok(onForm('quantityPerYear'));
  assert.ok(onForm('quality.ash.max'));
  assert.ok(onForm('transportModes.0'));
  assert.ok(!onForm('provenance.quantityPerYear'));
  assert.ok(!onForm('status'));
  assert.ok(!onForm('(body)'));
});

describe('checkListing: the cross-field rules run once, whatever the fields', () => {
  /** An offer whose fields all parse but which breaks four rules, one of them twice over. */
  const breaking = {
    siteId: 'myski-gres-site',
    side: 'offer',
    materialId: 'fly-ash',
    quantityPerYear: 100,
    unit: 't',
    availableFrom: '2027-01-01',
    availableTo: '2026-01-01', // rule: not before the start
    transportModes: ['road'],
    legalStatus: 'waste', // rule: a waste needs its FKKO code
    priceKopecksPerUnit: 100, // rule: only for a request
    mustShipMin: 200, // rule: not above the quantity
    status: 'draft',
  };
  const ruleCodes = [
    'exchange.rule.notBeforeFrom',
    'exchange.rule.wasteNeedsFkko',
    'exchange.rule.onlyForRequest',
    'exchange.rule.notAboveQuantity',
  ];
  const count = (problems: Array<{ code: string }>, code: string) =>
    problems.filter((p) => p.code === code).length;
  const onceEach = (body: unknown, why: string) => {
    for (const check of [ru, en]) {
      const problems = check(body);
      for (const code of ruleCodes)
        assert.equal(count(problems, code), 1, `${why}: ${code} in ${JSON.stringify(problems)}`);
      // and each message once: no field carries the same text twice
      const seen = problems.map((p) => `${p.field} ${p.text}`);
      assert.equal(new Set(seen).size, seen.length, `${why}: ${seen.join(' | ')}`);
    }
    return ru(body);
  };

  test('every field parses: the rules once each (the schema alone would name them too)', () => {
    const problems = onceEach(breaking, 'fields parse');
    assert.deepEqual(
      problems.map((p) => p.field).sort(),
      ['availableTo', 'fkko', 'mustShipMin', 'priceKopecksPerUnit'],
      'only the rules: no field problem',
    );
    assert.equal(
      problems.find((p) => p.field === 'fkko')?.text,
      'для отхода нужен код ФККО',
      'worded by the server catalogue',
    );
  });

  test('a field fails softly (a number out of range): its problem and the rules once each', () => {
    const problems = onceEach({ ...breaking, maxDistanceKm: -5 }, 'soft failure');
    assert.equal(problems.filter((p) => p.field === 'maxDistanceKm').length, 1);
  });

  test('a field fails hard (not a number, a box missing): the rules are named at once, once', () => {
    const problems = onceEach(
      { ...breaking, quantityPerYear: '100', siteId: undefined },
      'hard failure',
    );
    assert.ok(
      problems.some((p) => p.field === 'quantityPerYear' && !p.code.startsWith('exchange.rule')),
    );
    assert.ok(problems.some((p) => p.field === 'siteId'));
  });

  test('a field that fails hard does not hide the rule that speaks for it', () => {
    // an offer's price is not a number, and an offer takes no price at all: both are said
    const problems = onceEach({ ...breaking, priceKopecksPerUnit: 'сто' }, 'hard, same field');
    const price = problems.filter((p) => p.field === 'priceKopecksPerUnit').map((p) => p.code);
    assert.equal(price.length, 2, price.join(', '));
    assert.ok(price.includes('exchange.rule.onlyForRequest'));
  });

  test("a field's own problem does not hide a rule on the same field", () => {
    // mustShipMin beyond the schema's bound and above the quantity: both are said
    const problems = onceEach({ ...breaking, mustShipMin: 2e8 }, 'same field');
    const mustShip = problems.filter((p) => p.field === 'mustShipMin').map((p) => p.code);
    assert.equal(mustShip.length, 2, mustShip.join(', '));
    assert.ok(mustShip.includes('exchange.rule.notAboveQuantity'));
  });

  test('a body without a problem has none', () => {
    assert.deepEqual(
      ru({
        ...breaking,
        availableTo: '2027-12-31',
        fkko: '6 11 100 01 40 4',
        priceKopecksPerUnit: undefined,
        mustShipMin: 50,
      }),
      [],
    );
  });
});
