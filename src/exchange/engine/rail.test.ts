// The rail table (ТР-4 distances between stations) and the tapered ТР-1 tariff, against answers
// worked by hand from docs/domain/reference-data.md §1.2, §2.1, §2.3 and §2.4.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factorTable, railNetwork } from '../reference.ts';
import { withOverrides } from './factors.ts';
import {
  k1,
  n8RubPerWagon,
  nearestStation,
  pairKey,
  railRoute,
  railRubPerT,
  railTariffFrom,
  stationKm,
} from './rail.ts';

const net = railNetwork();
const tariff = railTariffFrom(factorTable());
const at = (code: string) => net.stations.find((s) => s.code === code)!;
const near = (x: number, y: number, eps = 0.01) =>
  assert.ok(Math.abs(x - y) < eps, `${x} is not ${y}`);

test('the rail table: 17 stations, every pair, symmetric, as reference-data.md §1.2 gives', () => {
  assert.equal(net.stations.length, 17);
  assert.equal(Object.keys(net.km).length, (17 * 16) / 2);
  // §1.2 matrix: KEM–NKZ 314, MYS–KRS 928, BEL–LNK 39; out-of-region pairs: NSK–TOM 316
  assert.equal(stationKm(net, 'KEM', 'NKZ'), 314);
  assert.equal(stationKm(net, 'NKZ', 'KEM'), 314);
  assert.equal(stationKm(net, 'MYS', 'KRS'), 928);
  assert.equal(stationKm(net, 'BEL', 'LNK'), 39);
  assert.equal(stationKm(net, 'TOM', 'NSK'), 316);
  assert.equal(pairKey('NKZ', 'KEM'), 'KEM-NKZ');
  assert.equal(stationKm(net, 'KEM', 'XXX'), undefined);
});

test('a site ships from its nearest station within reach; the route is the table distance', () => {
  // Myski GRES (53.745, 87.86) is ~4 km from Myski; the Krasnoyarsk cement plant (56.0, 92.97) ~11 km from Krasnoyarsk
  const myski = { lat: 53.745, lon: 87.86 };
  const krs = { lat: 56.0, lon: 92.97 };
  assert.equal(nearestStation(net, myski, 40)?.station.code, 'MYS');
  assert.deepEqual(railRoute(net, myski, krs, 40), { km: 928, stations: ['MYS', 'KRS'] });
  // the review's case: 928 km by rail where great-circle × 1.3 gave 535
  assert.equal(nearestStation(net, { lat: 60, lon: 60 }, 40), undefined);
  assert.equal(railRoute(net, myski, { lat: 60, lon: 60 }, 40), undefined);
  // two sites at one station: no pair in the table
  assert.equal(railRoute(net, at('KEM'), { lat: 55.4, lon: 86.05 }, 40), undefined);
});

test('scheme N8 between its points, K1 tapering past 1 200 km (ТР-1 Табл. 2)', () => {
  near(n8RubPerWagon(tariff, 300), 39056);
  near(n8RubPerWagon(tariff, 20), 21932, 1e-9); // below the first point: its value
  // 400 km: halfway 300 → 500: (39 056 + 51 927) ÷ 2 = 45 491.5
  near(n8RubPerWagon(tariff, 400), 45491.5);
  // beyond 5 000 km, the last slope: 292 652 + (292 652 − 237 201) × 0.5 = 320 377.5
  near(n8RubPerWagon(tariff, 5500), 320377.5);
  // K1: 0.75 to 1 200; 1 201–1 400 0.74; 1 500 0.73; 3 000 0.66; 5 000 0.56; ≥ 5 001 0.55
  for (const [km, k] of [
    [100, 0.75],
    [1200, 0.75],
    [1201, 0.74],
    [1400, 0.74],
    [1500, 0.73],
    [3000, 0.66],
    [5000, 0.56],
    [5001, 0.55],
    [9000, 0.55],
  ])
    near(k1(tariff, km), k, 1e-9);
});

test('RUB per tonne of ash and slag: the §2.4 table, then the operator share', () => {
  // §2.4 rule: N8 × 0.9346 × K1 × K3 0.77 × 0.909 × 1.01 ÷ 70 t; the table gives 181 (100 km),
  // 276 (300 km), 575 (1 000 km) RUB/t for crushed stone and ash. Without the operator share:
  const bare = railTariffFrom(withOverrides(factorTable(), { 'transport.rail.operatorShare': 0 }));
  near(railRubPerT(bare, 100), 181.34); // 25 617 × 0.9346 × 0.75 × 0.77 × 0.909 × 1.01 ÷ 70
  near(railRubPerT(bare, 300), 276.47);
  near(railRubPerT(bare, 1000), 575.2);
  // 1 500 km: 109 361 × 0.9346 × 0.73 × 0.77 × 0.909 × 1.01 ÷ 70 = 753.51 (K1 tapers)
  near(railRubPerT(bare, 1500), 753.51);
  // the taper: per t·km it falls with distance (1.81 → 0.92 → 0.58 → 0.50)
  const perTkm = [100, 300, 1000, 1500].map((km) => railRubPerT(bare, km) / km);
  for (let i = 1; i < perTkm.length; i++) assert.ok(perTkm[i] < perTkm[i - 1]);
  // with the operator's wagon rate and empty return, + 45 %
  near(railRubPerT(tariff, 300), 276.47 * 1.45);
});
