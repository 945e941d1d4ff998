// The site fieldset without a browser: its body and its checks, with the server's own
// SiteInput schema as the browser loads it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSite } from './schema.ts';
import { blankSite, coordinateText, pointOf, siteBody, siteTouched, validateSite } from './site.ts';

const filled = { ...blankSite(), name: 'Промплощадка', lat: '53,7557', lon: '87.1099' };

describe('site fieldset', () => {
  test('coordinates take a decimal comma or a point', () => {
    assert.deepEqual(siteBody(filled), {
      name: 'Промплощадка',
      kind: 'plant',
      lat: 53.7557,
      lon: 87.1099,
      monotown: false,
      specialTerritory: null,
    });
    assert.deepEqual(pointOf(filled), { lat: 53.7557, lon: 87.1099 });
  });

  test('a click writes five decimals in the locale', () => {
    assert.equal(coordinateText(53.123456, 'ru'), '53,12346');
    assert.equal(coordinateText(87.5, 'en'), '87.50000');
  });

  test('empty and wrong boxes are named, in the server words for its rules', () => {
    const issues = validateSite(blankSite(), (b) => checkSite(b, 'ru'));
    assert.deepEqual(Object.keys(issues).sort(), ['lat', 'lon', 'name']);
    const far = validateSite({ ...filled, lat: '95' }, (b) => checkSite(b, 'en'));
    assert.deepEqual(Object.keys(far), ['lat']);
    assert.ok('text' in far.lat);
    assert.deepEqual(validateSite({ ...filled, lon: 'восток' }).lon, { key: 'siteErrLonNumber' });
    assert.equal(pointOf({ lat: '95', lon: '87' }), null);
    assert.deepEqual(
      validateSite(filled, (b) => checkSite(b, 'ru')),
      {},
    );
  });

  test('a monotown and a special territory go in the body; a kind without a name is named', () => {
    const yurga = {
      ...filled,
      monotown: true,
      specialKind: 'tor' as const,
      specialName: ' ТОР «Юрга» ',
    };
    assert.deepEqual(siteBody(yurga).specialTerritory, { kind: 'tor', name: 'ТОР «Юрга»' });
    assert.equal(siteBody(yurga).monotown, true);
    assert.deepEqual(validateSite({ ...yurga, specialName: '' }).specialName, {
      key: 'siteErrSpecialName',
    });
    // the server's rule (a name of 2+ characters) lands on the name's box
    const short = validateSite({ ...yurga, specialName: 'Ю' }, (b) => checkSite(b, 'en'));
    assert.deepEqual(Object.keys(short), ['specialName']);
    assert.deepEqual(
      validateSite(yurga, (b) => checkSite(b, 'ru')),
      {},
    );
  });

  test('an untouched site is told from a started one', () => {
    assert.equal(siteTouched(blankSite()), false);
    assert.equal(siteTouched({ ...blankSite(), lat: '54' }), true);
  });
});
