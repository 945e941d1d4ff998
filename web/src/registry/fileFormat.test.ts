import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatOf } from './fileFormat.ts';

test('a file’s format by its name, whatever the case; a CSV may come as .txt', () => {
  assert.equal(formatOf('registry.json'), 'json');
  assert.equal(formatOf('Реестр.CSV'), 'csv');
  assert.equal(formatOf('export.txt'), 'csv');
  assert.equal(formatOf('a.b.xlsx'), 'xlsx');
  assert.equal(formatOf('sites.GeoJSON'), 'geojson');
  assert.equal(formatOf('notes.docx'), null);
  assert.equal(formatOf('no-extension'), null);
});
