import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factorTable } from '../reference.ts';
import { computeImpact, emissionFactorsFrom, flowEmissions, type ImpactFlow } from './impact.ts';

const factors = emissionFactorsFrom(factorTable());

const ashFlow: ImpactFlow = {
  quantity: 1000,
  delivered: 1000,
  valueKopecks: 1500_00 * 1000,
  avoidedDisposalKopecks: 300_00 * 1000,
  transportKopecks: 200_00 * 1000,
  mode: 'road',
  distanceKm: 50,
  offer: { materialId: 'fly-ash', unit: 't', legalStatus: 'waste', counterfactual: 'dumped' },
  request: { useId: 'cement-additive', unit: 't', substitute: 'clinker' },
};
const methaneFlow: ImpactFlow = {
  quantity: 100,
  delivered: 100,
  valueKopecks: 0,
  avoidedDisposalKopecks: 0,
  transportKopecks: 0,
  mode: 'pipeline',
  distanceKm: 2,
  offer: {
    materialId: 'mine-methane',
    unit: 'thousand_m3',
    ch4Percent: 50,
    counterfactual: 'vented',
  },
  request: { materialId: 'mine-methane', useId: 'heat-generation', unit: 'thousand_m3' },
};
const baseline = {
  offers: [{ disposalKopecks: 2000 * 300_00 }],
  requests: [{ purchaseKopecks: 1000 * 1500_00 }],
};

test('tonnes diverted count waste offers in mass units only', () => {
  const i = computeImpact(
    [ashFlow, methaneFlow, { ...ashFlow, offer: { ...ashFlow.offer, legalStatus: 'by_product' } }],
    baseline,
    factors,
  );
  assert.equal(i.divertedT.value, 1000);
  assert.equal(i.divertedT.unit, 't/yr');
});

test('CO2e: clinker replaced, vented methane used, transport, each with formula and factors', () => {
  const i = computeImpact([ashFlow, methaneFlow], baseline, factors);
  // 100 thousand m³ × 50 % CH4 × 0.668 kg/m³ at 20 °C × (29.8 − 2.75) t CO2e per t CH4
  const methane = 100 * 1000 * 0.5 * 0.000668 * (29.8 - 2.75);
  assert.ok(Math.abs(i.co2eAvoidedT.value - (1000 * 0.75 + methane)) < 1e-3);
  assert.equal(i.co2eAvoidedT.factors['substitutes.clinker.tCo2PerUnit'], 0.75);
  assert.equal(i.co2eBreakdown?.bySubstitute.clinker, 750);
  assert.ok(Math.abs((i.co2eBreakdown?.methaneT ?? 0) - methane) < 1e-3);
  assert.ok(Math.abs((i.co2eAvoidedT.factors['t CO2e per t CH4'] as number) - 27.05) < 1e-9);
  assert.match(i.co2eAvoidedT.formula, /CH4/);
  // road 0.10163 kg CO2e per t·km ([DEFRA25])
  assert.ok(Math.abs(i.transportCo2eT.value - (1000 * 50 * 0.10163) / 1000) < 1e-3);
  assert.ok(Math.abs(i.netCo2eT.value - (i.co2eAvoidedT.value - i.transportCo2eT.value)) < 1e-3);
  const custom = computeImpact([ashFlow], baseline, {
    ...factors,
    transportKgPerTkm: { ...factors.transportKgPerTkm, road: 0.2 },
  });
  assert.equal(custom.transportCo2eT.value, 10);
});

test('a substitute is credited by the quantity of it replaced: delivered × substitute factor', () => {
  // 1 000 t delivered, each worth 0.94 t of what it replaces (a fuel valued by its heat)
  const e = flowEmissions({ ...ashFlow, valueFactor: 0.94 }, factors);
  assert.ok(Math.abs(e.substituteT - 1000 * 0.94 * 0.75) < 1e-9);
  assert.equal(flowEmissions(ashFlow, factors).substituteT, 750);
  // a price referring to other coal changes the value, not the coal replaced
  const own = flowEmissions(
    { ...ashFlow, valueFactor: 4700 / 5500, substituteFactor: 0.94 },
    factors,
  );
  assert.ok(Math.abs(own.substituteT - 1000 * 0.94 * 0.75) < 1e-9);
});

test('net benefit against the baseline: disposal avoided, substitutes no longer bought', () => {
  const i = computeImpact([ashFlow], baseline, factors);
  assert.equal(i.baselineCost.valueKopecks, (2000 * 300 + 1000 * 1500) * 100);
  assert.equal(i.savings.valueKopecks, (1_500_000 + 300_000 - 200_000) * 100);
  assert.equal(i.planCost.valueKopecks, i.baselineCost.valueKopecks - i.savings.valueKopecks);
  for (const f of [i.baselineCost, i.planCost, i.savings])
    assert.ok(Number.isSafeInteger(f.valueKopecks), 'money is whole kopecks');
  for (const f of [i.divertedT, i.co2eAvoidedT, i.baselineCost, i.savings, i.tradeValue])
    assert.ok((f?.formula.length ?? 0) > 0);
});

test("each flow's CO2e adds up to the plan's totals", () => {
  const flows = [ashFlow, methaneFlow, { ...ashFlow, mode: 'rail' as const, distanceKm: 300 }];
  const i = computeImpact(flows, baseline, factors);
  const each = flows.map((f) => flowEmissions(f, factors));
  const sum = (k: 'avoidedT' | 'transportT') => each.reduce((s, e) => s + e[k], 0);
  assert.ok(Math.abs(sum('avoidedT') - i.co2eAvoidedT.value) < 1e-3);
  assert.ok(Math.abs(sum('transportT') - i.transportCo2eT.value) < 1e-3);
  assert.equal(each[1].transportT, 0, 'a pipeline in thousand m³ carries no t·km');
});
