import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { QualityProperty } from '../shell/types.ts';
import { propertyResolver, qualityPlaceholder, shownProgress } from './figures.ts';
import { parseQuality } from './parse.ts';

test('delivered and remaining as shown add up to the contract (user walk: 85 013 + 14 988)', () => {
  assert.deepEqual(shownProgress(100_000, 85_012.5), { delivered: 85_012.5, remaining: 14_987.5 });
  assert.deepEqual(shownProgress(100_000, 0), { delivered: 0, remaining: 100_000 });
  // past the contract nothing remains
  assert.deepEqual(shownProgress(100, 104.5), { delivered: 104.5, remaining: 0 });
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1e8 }),
      fc.array(fc.integer({ min: 1, max: 1e7 }), { maxLength: 30 }),
      (contracted, lots) => {
        // lots entered to the thousandth, summed as the server sums them
        const delivered = lots.reduce((s, n) => s + n / 1000, 0);
        fc.pre(delivered <= contracted);
        const shown = shownProgress(contracted, delivered);
        assert.equal(Math.round((shown.delivered + shown.remaining) * 1000), contracted * 1000);
      },
    ),
    { numRuns: 300 },
  );
});

const ash: QualityProperty = {
  id: 'ash',
  name: { ru: 'Зольность', en: 'Ash content, dry basis' },
  symbol: 'Ad',
  unit: '%',
};
const moisture: QualityProperty = {
  id: 'moisture',
  name: { ru: 'Влажность общая', en: 'Total moisture, as received' },
  symbol: 'Wt',
  unit: '%',
};

test('the placeholder is in the page’s words, «;» between pairs, the decimal mark of the language', () => {
  assert.equal(qualityPlaceholder([ash, moisture], 'ru'), 'Зольность = 4,5; Влажность общая = 0,6');
  assert.equal(
    qualityPlaceholder([ash, moisture], 'en'),
    'Ash content, dry basis = 4.5; Total moisture, as received = 0.6',
  );
  assert.equal(qualityPlaceholder([], 'ru'), '');
});

test('what the placeholder shows reads back: names in either language, symbols, ids, a unit', () => {
  const resolve = propertyResolver([ash, moisture]);
  for (const lang of ['ru', 'en'] as const)
    assert.deepEqual(parseQuality(qualityPlaceholder([ash, moisture], lang), resolve), {
      ash: 4.5,
      moisture: 0.6,
    });
  assert.deepEqual(parseQuality('зольность=12,5 %; Wt = 8', resolve), { ash: 12.5, moisture: 8 });
  assert.deepEqual(
    parseQuality('Зольность 12,5\nВлажность общая = 8'.replace(' 12', '=12'), resolve),
    {
      ash: 12.5,
      moisture: 8,
    },
  );
  // an id of another property is for the server to judge; an unknown name is refused
  assert.deepEqual(parseQuality('loi=4,5', resolve), { loi: 4.5 });
  assert.equal(parseQuality('Прочность = 4', resolve), null);
  assert.equal(parseQuality('Зольность = много', resolve), null);
});
