import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildCandidates,
  type CandidateListing,
  cheapestMode,
  defaultTransport,
} from './candidates.ts';
import { fitOf } from './compatibility.ts';

const materials = new Map([
  ['fly-ash', { id: 'fly-ash', unit: 't', uses: ['cement-additive', 'backfill'] }],
  ['mine-methane', { id: 'mine-methane', unit: 'thousand_m3', uses: ['heat-generation'] }],
  ['overburden', { id: 'overburden', unit: 't', uses: ['reclamation'] }],
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
  assert.equal(fitOf(ash, { materialId: 'fly-ash', unit: 't' })?.yield, 1);
  assert.equal(fitOf(ash, { useId: 'backfill', unit: 't' })?.yield, 1);
  assert.equal(fitOf(ash, { useId: 'fuel', unit: 't' }), undefined);
  assert.equal(fitOf(ash, { materialId: 'overburden', unit: 't' }), undefined);
  const methane = materials.get('mine-methane')!;
  const power = fitOf(methane, { materialId: 'electricity', unit: 'MWh' });
  assert.equal(power?.yield, 1.3);
  assert.match(power!.rule.source, /IFX/);
  assert.ok(fitOf(methane, { materialId: 'heat', unit: 'Gcal' })!.yield > 1);
});

test('windows must overlap', () => {
  const c = buildCandidates(
    [offer({ availableTo: '2026-03-31' }), request({ availableFrom: '2026-04-01' })],
    materials,
  );
  assert.equal(c.links.length, 0);
  assert.equal(buildCandidates([offer(), request()], materials).links.length, 1);
});

test('every limited property must be reported by the offer, else the link drops with a warning', () => {
  const c = buildCandidates(
    [offer({ quality: { loi: 5 } }), request({ quality: { loi: { max: 8 }, sio2: { min: 45 } } })],
    materials,
  );
  assert.equal(c.links.length, 0);
  assert.deepEqual(c.warnings, [
    {
      code: 'exchange.warning.linkDropped',
      params: { supply: 'o', demand: 'r', properties: 'sio2' },
    },
  ]);
  const ok = buildCandidates([offer(), request({ quality: { loi: { max: 8 } } })], materials);
  assert.equal(ok.links.length, 1);
  assert.deepEqual(ok.problem.demands[0].limits, { loi: { max: 8 } });
  assert.deepEqual(ok.problem.supplies[0].properties, { loi: 5 });
});

test('distance, cost and mode: the cheapest mode both accept', () => {
  const c = buildCandidates([offer(), request()], materials);
  const l = c.links[0];
  assert.equal(l.mode, 'rail', 'rail is cheaper over ~180 km');
  assert.ok(l.greatCircleKm > 170 && l.greatCircleKm < 200, String(l.greatCircleKm));
  assert.ok(Math.abs(l.distanceKm - l.greatCircleKm * 1.3) < 1e-9);
  assert.ok(Math.abs(l.costPerUnit - (l.distanceKm * 0.65 + 120)) < 1e-9);
  assert.ok(Math.abs(l.travelHours! - l.distanceKm / 35) < 1e-9);
  const road = buildCandidates([offer(), request({ transportModes: ['road'] })], materials)
    .links[0];
  assert.equal(road.mode, 'road');
  assert.ok(Math.abs(road.costPerUnit - (road.greatCircleKm * 1.2 * 6.5 + 50)) < 1e-9);
  // a short haul: road's lower handling wins
  const near = cheapestMode(
    offer(),
    request({ lat: kem.lat + 0.01, lon: kem.lon }),
    defaultTransport,
  );
  assert.equal(near?.mode, 'road');
  assert.deepEqual(c.problem.links[0], { supply: 'o', demand: 'r', cost: l.costPerUnit, yield: 1 });
  assert.equal(c.problem.supplies[0].disposalCost, 300);
  assert.equal(c.problem.demands[0].value, 1500);
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
  const near = buildCandidates([gas, want], materials).links;
  assert.equal(near.length, 1);
  assert.equal(near[0].mode, 'pipeline');
  assert.equal(near[0].travelHours, null);
  assert.equal(buildCandidates([gas, { ...want, ...nkz }], materials).links.length, 0);
});
