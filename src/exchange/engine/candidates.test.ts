import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factorTable, railNetwork } from '../reference.ts';
import {
  buildCandidates,
  type CandidateListing,
  cheapestMode,
  routeOf,
  substituteFactorOf,
  transportFrom,
  unlinkedReason,
  valuationFrom,
} from './candidates.ts';
import { compatibilityFrom, fitOf } from './compatibility.ts';
import { withOverrides } from './factors.ts';

const transport = transportFrom(factorTable(), railNetwork());
const table = compatibilityFrom(factorTable());
const opts = { transport, table };

const materials = new Map([
  ['fly-ash', { id: 'fly-ash', unit: 't', uses: ['cement-additive', 'backfill'] }],
  ['mine-methane', { id: 'mine-methane', unit: 'thousand_m3', uses: ['heat-generation'] }],
  ['overburden', { id: 'overburden', unit: 't', uses: ['reclamation'] }],
  ['slimes', { id: 'slimes', unit: 't', uses: ['fuel', 'briquettes'] }],
]);

const base = {
  quantityPerYear: 100,
  availableFrom: '2026-01-01',
  availableTo: '2026-12-31',
  quality: {},
  transportModes: ['road', 'rail'] as CandidateListing['transportModes'],
};
// Kemerovo and Novokuznetsk city centres: about 180 km apart on the great circle
const kem = { lat: 55.3911, lon: 86.0468 };
const nkz = { lat: 53.7943, lon: 87.2143 };

const offer = (over: Partial<CandidateListing> = {}): CandidateListing => ({
  ...base,
  id: 'o',
  side: 'offer',
  materialId: 'fly-ash',
  unit: 't',
  quality: { loi: 5 },
  disposalCostKopecksPerUnit: 300_00,
  ...kem,
  ...over,
});
const request = (over: Partial<CandidateListing> = {}): CandidateListing => ({
  ...base,
  id: 'r',
  side: 'request',
  useId: 'cement-additive',
  unit: 't',
  priceKopecksPerUnit: 1500_00,
  ...nkz,
  ...over,
});

test('compatibility: same material, a use the material serves, conversions with yields', () => {
  const ash = materials.get('fly-ash')!;
  assert.equal(fitOf(ash, { materialId: 'fly-ash', unit: 't' }, table)?.yield, 1);
  assert.equal(fitOf(ash, { useId: 'backfill', unit: 't' }, table)?.yield, 1);
  assert.equal(fitOf(ash, { useId: 'fuel', unit: 't' }, table), undefined);
  assert.equal(fitOf(ash, { materialId: 'overburden', unit: 't' }, table), undefined);
  const methane = materials.get('mine-methane')!;
  // per thousand m³ of pure CH4 at 20 °C: 0.668 kg/m³ × 50.0 MJ/kg = 33.4 GJ;
  // × 0.4 ÷ 3.6 = 3.711 MWh; × 0.9 ÷ 4.1868 = 7.180 Gcal
  const power = fitOf(methane, { materialId: 'electricity', unit: 'MWh' }, table);
  assert.ok(Math.abs(power!.yield - 3.7111) < 1e-3, String(power?.yield));
  assert.equal(power!.rule.scaledBy, 'ch4');
  const heat = fitOf(methane, { materialId: 'heat', unit: 'Gcal' }, table);
  assert.ok(Math.abs(heat!.yield - 7.1797) < 1e-3, String(heat?.yield));
  // one calorific value: the two yields imply the same energy per m³
  assert.ok(Math.abs((power!.yield * 3.6) / 0.4 - (heat!.yield * 4.1868) / 0.9) < 1e-9);
});

test("a methane link's yield scales with the offer's CH4 %; without it the link drops", () => {
  const gas = (ch4?: number) =>
    offer({
      materialId: 'mine-methane',
      unit: 'thousand_m3',
      quality: ch4 === undefined ? {} : { ch4 },
      transportModes: ['pipeline'],
    });
  const heat = request({
    materialId: 'heat',
    useId: undefined,
    unit: 'Gcal',
    transportModes: ['pipeline'],
    ...kem,
  });
  const at35 = buildCandidates([gas(35), heat], materials, opts).links[0];
  // 7.1797 Gcal per thousand m³ of CH4 × 35 ÷ 100 = 2.513
  assert.ok(Math.abs(at35.yield - 7.1797 * 0.35) < 1e-3, String(at35.yield));
  const at96 = buildCandidates([gas(96), heat], materials, opts).links[0];
  assert.ok(Math.abs(at96.yield / at35.yield - 96 / 35) < 1e-9);
  const none = buildCandidates([gas(), heat], materials, opts);
  assert.equal(none.links.length, 0);
  assert.equal(none.warnings[0].code, 'exchange.warning.yieldNeedsShare');
});

test('a fuel replacing coal by the tonne is worth its calorific value ÷ that of the coal', () => {
  const valuation = valuationFrom(factorTable());
  assert.equal(valuation.coalNcvKcalPerKg, 5000);
  const slimes = (calorific?: number) =>
    offer({
      materialId: 'slimes',
      quality: calorific === undefined ? {} : { calorific },
      transportModes: ['road'],
    });
  const boiler = request({ useId: 'fuel', substitute: 'primary-coal', transportModes: ['road'] });
  const link = (o: CandidateListing, r: CandidateListing, withValuation = true) =>
    buildCandidates([o, r], materials, withValuation ? { ...opts, valuation } : opts).links[0];
  const at4700 = link(slimes(4700), boiler);
  assert.ok(Math.abs(at4700.valueFactor - 0.94) < 1e-12);
  assert.deepEqual(at4700.valueBasis, {
    property: 'calorific',
    offer: 4700,
    reference: 5000,
    referenceFrom: 'factors',
    factorReference: 5000,
  });
  // the engine values each delivered tonne at price × factor
  const c = buildCandidates([slimes(4700), boiler], materials, { ...opts, valuation });
  assert.equal(c.problem.links[0].valueFactor, at4700.valueFactor);
  // a richer fuel is worth more than the reference coal
  assert.ok(Math.abs(link(slimes(6000), boiler).valueFactor - 1.2) < 1e-12);
  // at the price: no calorific value stated, another substitute, not by the tonne, no valuation
  assert.equal(link(slimes(), boiler).valueFactor, 1);
  assert.equal(link(slimes(), boiler).valueBasis, null);
  const briquettes = request({
    useId: 'briquettes',
    substitute: 'resale',
    transportModes: ['road'],
  });
  assert.equal(link(slimes(4700), briquettes).valueFactor, 1);
  assert.equal(link(slimes(4700), boiler, false).valueFactor, 1);
});

test("a request's own calorific basis prices the fuel; the coal it replaces for CO2 stays the factors'", () => {
  const valuation = valuationFrom(factorTable());
  const slimes = offer({
    materialId: 'slimes',
    quality: { calorific: 4700 },
    transportModes: ['road'],
  });
  // the boiler house buys 5 500 kcal/kg coal: its price refers to that
  const boiler = request({
    useId: 'fuel',
    substitute: 'primary-coal',
    priceCalorificKcalPerKg: 5500,
    transportModes: ['road'],
  });
  const l = buildCandidates([slimes, boiler], materials, { ...opts, valuation }).links[0];
  assert.deepEqual(l.valueBasis, {
    property: 'calorific',
    offer: 4700,
    reference: 5500,
    referenceFrom: 'request',
    factorReference: 5000,
  });
  assert.ok(Math.abs(l.valueFactor - 4700 / 5500) < 1e-12);
  // the heat delivered replaces 0.94 t of the coal the CO2 factor counts, whatever the price's basis
  assert.ok(Math.abs(substituteFactorOf(l.valueBasis!) - 0.94) < 1e-12);
  // a basis saved before the factor reference was kept: the price's reference
  assert.equal(substituteFactorOf({ offer: 4700, reference: 4700 }), 1);
});

test('windows must overlap', () => {
  const c = buildCandidates(
    [offer({ availableTo: '2026-03-31' }), request({ availableFrom: '2026-04-01' })],
    materials,
    opts,
  );
  assert.equal(c.links.length, 0);
  assert.equal(buildCandidates([offer(), request()], materials, opts).links.length, 1);
});

test('every limited property must be reported by the offer, else the link drops with a warning', () => {
  const c = buildCandidates(
    [offer({ quality: { loi: 5 } }), request({ quality: { loi: { max: 8 }, sio2: { min: 45 } } })],
    materials,
    opts,
  );
  assert.equal(c.links.length, 0);
  assert.deepEqual(c.warnings, [
    {
      code: 'exchange.warning.linkDropped',
      params: { supply: 'o', demand: 'r', properties: 'sio2' },
    },
  ]);
  const ok = buildCandidates([offer(), request({ quality: { loi: { max: 8 } } })], materials, opts);
  assert.equal(ok.links.length, 1);
  assert.deepEqual(ok.problem.demands[0].limits, { loi: { max: 8 } });
  assert.deepEqual(ok.problem.supplies[0].properties, { loi: 5 });
});

test("a top size limits every lot: an offer whose own lumps are too big is no link, whatever a blend's average", () => {
  const road = request({ id: 'road', useId: 'backfill', quality: { size: { max: 40 } } });
  const fine = offer({ id: 'fine', quality: { size: 5 } });
  const coarse = offer({ id: 'coarse', quality: { size: 300 } });
  const c = buildCandidates([fine, coarse, road], materials, opts);
  assert.deepEqual(
    c.links.map((l) => l.supply),
    ['fine'],
  );
  // nothing to add would make the lumps fit: no warning, and the reason is quality
  assert.deepEqual(c.warnings, []);
  assert.equal(unlinkedReason(coarse, road, materials, opts), 'quality');
  assert.equal(unlinkedReason(fine, road, materials, opts), null);
  // a lower bound on the top size holds per lot too; another property still blends
  const lump = request({ quality: { size: { min: 25 }, loi: { max: 4 } } });
  const mixed = buildCandidates(
    [
      offer({ id: 'big', quality: { size: 50, loi: 6 } }),
      offer({ id: 'dust', quality: { size: 1, loi: 2 } }),
      lump,
    ],
    materials,
    opts,
  );
  assert.deepEqual(
    mixed.links.map((l) => l.supply),
    ['big'],
  );
  assert.deepEqual(mixed.problem.demands[0].limits, { size: { min: 25 }, loi: { max: 4 } });
});

test('distance, cost and mode: rail by the rail table and its tapered tariff, road by circuity', () => {
  const c = buildCandidates([offer(), request()], materials, opts);
  const l = c.links[0];
  assert.equal(l.mode, 'rail', 'rail is cheaper over ~180 km');
  assert.ok(l.greatCircleKm > 170 && l.greatCircleKm < 200, String(l.greatCircleKm));
  // Kemerovo → Novokuznetsk: 314 km tariff distance (reference-data.md §1.2), not 1.3 × 180
  assert.equal(l.distanceKm, 314);
  // N8 at 314 km: 39 056 + (51 927 − 39 056) × 14/200 = 39 956.97 RUB/wagon;
  // × 0.9346 × K1 0.75 × K3 0.77 × 0.909 × 1.01 ÷ 70 t = 282.85 RUB/t; × 1.45 = 410.13; + 120
  assert.ok(Math.abs(l.costPerUnit - 530.134) < 1e-3, String(l.costPerUnit));
  assert.ok(Math.abs(l.travelHours! - 314 / 35) < 1e-9);
  assert.equal(c.warnings.length, 0);
  const road = buildCandidates([offer(), request({ transportModes: ['road'] })], materials, opts)
    .links[0];
  assert.equal(road.mode, 'road');
  assert.ok(Math.abs(road.costPerUnit - (road.greatCircleKm * 1.2 * 6.5 + 50)) < 1e-9);
  // a short haul: road's lower handling wins
  const near = cheapestMode(offer(), request({ lat: kem.lat + 0.01, lon: kem.lon }), transport);
  assert.equal(near?.mode, 'road');
  assert.deepEqual(c.problem.links[0], { supply: 'o', demand: 'r', cost: l.costPerUnit, yield: 1 });
  assert.equal(c.problem.supplies[0].disposalCost, 300);
  assert.equal(c.problem.demands[0].value, 1500);
});

test('routeOf: one route per mode between two points; rail falls back to circuity with a warning', () => {
  const rail = routeOf('rail', kem, nkz, transport)!;
  assert.equal(rail.distanceKm, 314);
  assert.equal(rail.railFallback, false);
  const road = routeOf('road', kem, nkz, transport)!;
  assert.ok(Math.abs(road.distanceKm - road.greatCircleKm * 1.2) < 1e-9);
  assert.equal(road.travelHours, road.distanceKm / 70);
  // far from every station of the table (Omsk): great-circle × 1.5
  const omsk = { lat: 54.99, lon: 73.37 };
  const far = routeOf('rail', kem, omsk, transport)!;
  assert.equal(far.railFallback, true);
  assert.ok(Math.abs(far.distanceKm - far.greatCircleKm * 1.5) < 1e-9);
  const c = buildCandidates([offer(), request(omsk)], materials, opts);
  assert.equal(c.links[0].mode, 'rail');
  assert.equal(c.warnings[0].code, 'exchange.warning.railDistanceEstimated');
  // an override of a transport factor changes the figure
  const dearer = transportFrom(
    withOverrides(factorTable(), { 'transport.rail.handlingRubPerT': 200 }),
    railNetwork(),
  );
  assert.ok(
    Math.abs(routeOf('rail', kem, nkz, dearer)!.costPerUnit - rail.costPerUnit - 80) < 1e-9,
  );
});

test('pipeline only within reach; gas never by road', () => {
  const gas = offer({
    materialId: 'mine-methane',
    unit: 'thousand_m3',
    quality: {},
    transportModes: ['pipeline', 'road'],
    maxDistanceKm: 10,
  });
  const want = request({
    materialId: 'mine-methane',
    useId: undefined,
    unit: 'thousand_m3',
    transportModes: ['pipeline', 'road'],
    maxDistanceKm: 50,
    lat: kem.lat + 0.05,
    lon: kem.lon,
  });
  const near = buildCandidates([gas, want], materials, opts).links;
  assert.equal(near.length, 1);
  assert.equal(near[0].mode, 'pipeline');
  assert.equal(near[0].travelHours, null);
  assert.equal(buildCandidates([gas, { ...want, ...nkz }], materials, opts).links.length, 0);
});
