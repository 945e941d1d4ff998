import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { planBounds } from '../schemas.ts';
import { factorName, namedFactorKeys, sourceInWords } from './factorNames.ts';
import { flowCo2e, flowKey, robustLevel } from './flows.ts';
import { runRequest } from './runRequest.ts';

describe('runRequest', () => {
  const robust = (runs: string, variation: string) => ({ robust: true, runs, variation });

  test('without robustness the request is empty', () => {
    assert.deepEqual(runRequest({ robust: false, runs: 'x', variation: 'y' }, planBounds), {
      request: {},
    });
  });

  test('runs and a percentage (a comma allowed) become runs and a share', () => {
    assert.deepEqual(runRequest(robust('20', '12,5'), planBounds), {
      request: { robustness: { runs: 20, variation: 0.125, seed: 1 } },
    });
  });

  test('the server schema’s bounds, the variation shown in percent', () => {
    assert.deepEqual(planBounds, { runs: { min: 1, max: 200 }, variation: { min: 0, max: 0.5 } });
    assert.deepEqual(runRequest(robust('201', '51'), planBounds), {
      problems: [
        { field: 'runs', key: 'errRuns', params: { min: 1, max: 200 } },
        { field: 'variation', key: 'errVariation', params: { min: 0, max: 50 } },
      ],
    });
    assert.ok('request' in runRequest(robust('200', '50'), planBounds));
    assert.ok('problems' in runRequest(robust('0', '10'), planBounds));
    assert.ok('problems' in runRequest(robust('2,5', '10'), planBounds), 'a whole number of runs');
    assert.ok('problems' in runRequest(robust('', '10'), planBounds));
  });

  test('without the bounds only numbers are asked for; the server says the rest', () => {
    assert.ok('request' in runRequest(robust('5000', '90'), null));
    assert.deepEqual(runRequest(robust('many', ''), null), {
      problems: [
        { field: 'runs', key: 'errNumber' },
        { field: 'variation', key: 'errNumber' },
      ],
    });
  });
});

describe('flows', () => {
  test('a flow’s key is its offer and request', () => {
    assert.equal(flowKey({ supply: 'l-1', demand: 'l-2' }), 'l-1>l-2');
  });
  test('net CO2e is avoided less transport', () => {
    assert.deepEqual(flowCo2e({ co2eAvoidedT: 120, transportCo2eT: 20.5 }), {
      avoided: 120,
      transport: 20.5,
      net: 99.5,
    });
  });
  test('robustness levels', () => {
    assert.deepEqual([0.8, 0.79, 0.5, 0.49, 0].map(robustLevel), [
      'high',
      'mid',
      'mid',
      'low',
      'low',
    ]);
  });
});

describe('factor names', () => {
  const file = JSON.parse(
    readFileSync(new URL('../../../../data/reference/factors.json', import.meta.url), 'utf8'),
  ) as {
    factors: Record<string, { unit: string; source: string; basis?: string }>;
    sources: Record<string, string>;
  };

  test('every factor of the file has a Russian and an English name, and a Russian unit', () => {
    for (const [key, { unit }] of Object.entries(file.factors)) {
      const ru = factorName(key, unit, 'ru');
      const en = factorName(key, unit, 'en');
      assert.ok(ru && en, `${key} has no name`);
      assert.match(ru.name, /[а-яё]/i, key);
      assert.doesNotMatch(en.name, /[а-яё]{3}/i, key);
      // the Russian unit is Russian (units such as "km/h" or "RUB/t" were English before)
      assert.doesNotMatch(ru.unit, /\b(RUB|per|km|kg|coefficient|wagon)\b/, key);
      // English keeps the file's unit, except where it names another factor by its key
      if (/\b[a-z]+\.[a-z0-9]+\.[a-zA-Z0-9.]+\b/.test(unit)) {
        assert.notEqual(en.unit, unit, key);
        assert.doesNotMatch(en.unit, /\b[a-z]+\.[a-z0-9]+\./, key);
      } else assert.equal(en.unit, unit, key);
    }
  });

  test('a source names no repository file in either language, and every code it cites has a citation', () => {
    const say = (w: string) => `«${w}»`;
    for (const [key, { source, basis }] of Object.entries(file.factors)) {
      const shown = sourceInWords(source, say);
      assert.doesNotMatch(shown, /\.(md|json)\b|data\/reference/, key);
      for (const [, code] of `${source} ${basis ?? ''}`.matchAll(/\[([A-Z0-9]+)\]/g))
        assert.ok(file.sources[code], `${key} cites [${code}] without a citation`);
    }
    assert.equal(
      sourceInWords('[TR1] Табл. 2 via [SC]; reference-data.md §2.1', say),
      '[TR1] Табл. 2 via [SC]; «doc:reference» §2.1',
    );
    assert.equal(
      sourceInWords('model value (fidelity review §2.3)', say),
      '«doc:model» («doc:review» §2.3)',
    );
  });

  test('no name is kept for a factor the file no longer has', () => {
    for (const key of namedFactorKeys) assert.ok(key in file.factors, key);
  });

  test('the rail tariff rows are named by their distance', () => {
    assert.equal(
      factorName('transport.rail.n8.km300', 'x', 'ru')?.name,
      'Ж/д тариф ТР-1, схема N8: 300 км',
    );
    assert.equal(factorName('made.up', 'x', 'ru'), undefined);
  });
});
