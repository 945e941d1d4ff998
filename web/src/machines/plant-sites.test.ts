import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plantSites, runsCoalPlants } from './plant-sites.ts';

const site = (id: string, kind: string) => ({ id, kind });

test('the Plant page offers the sites that can host a plant, and any with a described plant', () => {
  const sites = [
    site('plant', 'plant'),
    site('pond', 'dump'),
    site('mine', 'mine'),
    site('office', 'office'),
    site('pit', 'open_pit'),
    site('dump-with-plant', 'dump'),
  ];
  assert.deepEqual(
    plantSites(sites, [{ siteId: 'dump-with-plant' }]).map((s) => s.id),
    ['plant', 'mine', 'pit', 'dump-with-plant'],
  );
  // an organisation with only a pond, an office and a campus: none
  assert.deepEqual(
    plantSites([site('pond', 'dump'), site('office', 'office'), site('c', 'campus')], []),
    [],
  );
});

test('the plant form opens by itself for coal miners and preparers only', () => {
  for (const kind of ['open_pit', 'underground_mine', 'preparation_plant'])
    assert.equal(runsCoalPlants(kind), true, kind);
  for (const kind of ['construction_materials', 'power_plant', 'regional_government', undefined])
    assert.equal(runsCoalPlants(kind), false, String(kind));
});
