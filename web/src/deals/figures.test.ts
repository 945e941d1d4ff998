import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { QualityProperty } from '../shell/types.ts';
import { propertyResolver, qualityPlaceholder, shownProgress, vatRegimeChange } from './figures.ts';
import { parseQuality, readQuality } from './parse.ts';

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

test("the seller's VAT regime changed after the last lot: named; unchanged, or no lot with a regime: none", () => {
  const lot = (
    recordedAt: string,
    sellerVatRegime?: 'general' | 'usn_exempt',
    confirms?: string,
  ) => ({
    recordedAt,
    confirms: confirms ?? null,
    ...(sellerVatRegime ? { sellerVatRegime } : {}),
  });
  const regimes = { provider: 'usn_exempt', consumer: 'general' } as const;
  // the latest lot by recording time decides, whatever the list's order
  const lots = [lot('2026-03-02T10:00:00Z', 'general'), lot('2026-03-01T10:00:00Z', 'usn_exempt')];
  assert.deepEqual(vatRegimeChange(250_00, regimes, lots), { from: 'general', to: 'usn_exempt' });
  assert.equal(
    vatRegimeChange(250_00, regimes, [...lots, lot('2026-03-03T00:00:00Z', 'usn_exempt')]),
    null,
  );
  // a confirmation and a lot from before regimes say nothing
  assert.equal(
    vatRegimeChange(250_00, regimes, [
      lot('2026-03-01T00:00:00Z'),
      lot('2026-03-04T00:00:00Z', 'general', 'd1'),
    ]),
    null,
  );
  // a gate fee is the consumer's sale
  assert.equal(vatRegimeChange(-100_00, regimes, lots), null);
  assert.deepEqual(vatRegimeChange(-100_00, regimes, [lot('2026-03-01T00:00:00Z', 'usn_exempt')]), {
    from: 'usn_exempt',
    to: 'general',
  });
});

test('a quality that cannot be read says why: the word that is no property, the value that is no number', () => {
  const resolve = propertyResolver([ash, moisture]);
  assert.deepEqual(readQuality('крупность = 30 мм', resolve), {
    problem: 'property',
    word: 'крупность',
  });
  assert.deepEqual(readQuality('Зольность = много', resolve), { problem: 'number', word: 'много' });
  assert.deepEqual(readQuality('Зольность', resolve), { problem: 'pair', word: 'Зольность' });
  // a unit after the number is read past
  assert.deepEqual(readQuality('Зольность = 30 мм; Wt = 8 %', resolve), {
    values: { ash: 30, moisture: 8 },
  });
});
