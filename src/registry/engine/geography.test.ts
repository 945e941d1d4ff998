import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionOutline } from '../reference.ts';
import { greatCircleKm, insideOutline, placeSite } from './geography.ts';

test('great-circle distance Kemerovo–Novokuznetsk is about 192 km (road 225 km = 1.17 × great-circle)', () => {
  const km = greatCircleKm({ lat: 55.3911, lon: 86.0468 }, { lat: 53.7943, lon: 87.2143 });
  assert.ok(km > 185 && km < 200, String(km));
});

test('a site takes the agglomeration of its nearest listed city; outside the region, none', () => {
  const outline = regionOutline();
  assert.deepEqual(placeSite({ lat: 55.35, lon: 86.1 }, outline), {
    inRegion: true,
    nearestCity: 'Kemerovo',
    agglomeration: 'kemerovo',
  });
  assert.equal(placeSite({ lat: 54.42, lon: 86.3 }, outline).agglomeration, 'leninsk-belovo');
  assert.equal(placeSite({ lat: 53.69, lon: 88.05 }, outline).agglomeration, 'novokuznetsk');
  assert.equal(placeSite({ lat: 56.07, lon: 86.0 }, outline).agglomeration, 'north');
  assert.deepEqual(placeSite({ lat: 55.0302, lon: 82.9204 }, outline), {
    inRegion: false,
    nearestCity: null,
    agglomeration: null,
  });
});

test('point in polygon respects holes', () => {
  const square = [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
    [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
    ],
  ];
  assert.equal(insideOutline({ lat: 2, lon: 2 }, [square]), true);
  assert.equal(insideOutline({ lat: 5, lon: 5 }, [square]), false);
  assert.equal(insideOutline({ lat: 11, lon: 5 }, [square]), false);
});
