import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deviceProfiles } from '../profiles.ts';
import {
  attributeOf,
  CONTEXT_PATH,
  contextDocument,
  entityTypes,
  isUri,
  knownContext,
  parseEntityId,
  simplified,
  typeOf,
} from './entities.ts';

test('entity ids and types: short names and full IRIs', () => {
  assert.deepEqual(parseEntityId('urn:ngsi-ld:Device:d-1'), { type: 'Device', id: 'd-1' });
  assert.deepEqual(parseEntityId('urn:ngsi-ld:ProcessChemicalAnalysis:d-1'), {
    type: 'ProcessChemicalAnalysis',
    id: 'd-1',
  });
  assert.equal(parseEntityId('urn:ngsi-ld:Vehicle:v-1'), null);
  assert.equal(parseEntityId('d-1'), null);
  assert.equal(typeOf(entityTypes.Device), 'Device');
  assert.equal(typeOf('Vehicle'), null);
  assert.ok(isUri('urn:ngsi-ld:Device:d-1'));
  assert.ok(!isUri('d-1'));
});

test('the context names every term the entities use; known contexts only', () => {
  const ctx = contextDocument(deviceProfiles)['@context'] as Record<string, unknown>;
  for (const p of deviceProfiles) for (const k of p.keys) assert.ok(ctx[k.key], k.key);
  assert.equal(attributeOf(String(ctx.ash_pct), deviceProfiles), 'ash_pct');
  assert.equal(attributeOf('ash_pct', deviceProfiles), 'ash_pct');
  assert.ok(knownContext(`http://127.0.0.1:8080${CONTEXT_PATH}`));
  assert.ok(knownContext('https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld'));
  assert.ok(!knownContext('https://example.org/context.jsonld'));
});

test('keyValues: values and relationship objects', () => {
  assert.deepEqual(
    simplified({
      id: 'urn:ngsi-ld:ProcessChemicalAnalysis:d-1',
      type: 'ProcessChemicalAnalysis',
      dateObserved: { type: 'Property', value: 'x' },
      refDevice: { type: 'Relationship', object: 'urn:ngsi-ld:Device:d-1' },
    }),
    {
      id: 'urn:ngsi-ld:ProcessChemicalAnalysis:d-1',
      type: 'ProcessChemicalAnalysis',
      dateObserved: 'x',
      refDevice: 'urn:ngsi-ld:Device:d-1',
    },
  );
});
