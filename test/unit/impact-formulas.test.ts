import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computeImpact,
  emissionFactorsFrom,
  type ImpactFlow,
} from '../../src/exchange/engine/impact.ts';
import { factorTable } from '../../src/exchange/reference.ts';
import { factorName, formulaText } from '../../web/src/exchange/plan/formulas.ts';

const factors = emissionFactorsFrom(factorTable());
const ash: ImpactFlow = {
  quantity: 1000,
  delivered: 1000,
  valueKopecks: 100_000,
  avoidedDisposalKopecks: 50_000,
  transportKopecks: 20_000,
  mode: 'road',
  distanceKm: 50,
  offer: { materialId: 'fly-ash', unit: 't', legalStatus: 'waste', counterfactual: 'dumped' },
  request: { useId: 'cement-additive', unit: 't', substitute: 'clinker' },
};
const gas: ImpactFlow = {
  ...ash,
  mode: 'rail',
  offer: {
    materialId: 'mine-methane',
    unit: 'thousand_m3',
    ch4Percent: 35,
    counterfactual: 'vented',
  },
  request: { materialId: 'mine-methane', unit: 'thousand_m3', substitute: null },
};
const baseline = { offers: [{ disposalKopecks: 1 }], requests: [{ purchaseKopecks: 1 }] };

test('M1: every formula, note and factor name of the impact reads in Russian on the Russian page', () => {
  const texts = new Set<string>();
  const names = new Set<string>();
  // every branch the engine writes: both credits, neither, and the money figures
  for (const flows of [[ash, gas], [ash], [gas], []]) {
    const impact = computeImpact(flows, baseline, factors);
    for (const figure of Object.values(impact)) {
      if (!figure || typeof figure !== 'object' || !('formula' in figure)) continue;
      texts.add(figure.formula);
      if (figure.note) texts.add(figure.note);
      const listed = 'factorsKopecks' in figure ? figure.factorsKopecks : figure.factors;
      for (const k of Object.keys(listed)) names.add(k);
    }
  }
  assert.ok(texts.size >= 12, `${texts.size} texts`);
  for (const text of texts) {
    const ru = formulaText(text, 'ru');
    assert.ok(ru.translated, `no Russian for: ${text}`);
    assert.match(ru.text, /[а-яё]/i, text);
    assert.equal(formulaText(text, 'en').text, text);
  }
  for (const name of names) {
    const ru = factorName(name, 'ru', (code) => `«${code}»`);
    assert.ok(
      /[а-яё]/i.test(ru) || /^[A-Z0-9 ·³]+$/.test(ru),
      `no Russian name for factor ${name}: ${ru}`,
    );
  }
});

test('M1: an unknown formula stays as written and says it is not translated', () => {
  assert.deepEqual(formulaText('a new formula', 'ru'), {
    text: 'a new formula',
    translated: false,
  });
});
