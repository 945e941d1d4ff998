import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  downgradeFlow,
  downgradeListingData,
  downgradePlanDocument,
  LEGACY_WARNING,
  rubToKopecks,
  upgradeFlow,
  upgradeListingData,
  upgradePlanDocument,
} from './legacy.ts';

test('roubles become kopecks rounded half away from zero, as the amount is written', () => {
  assert.equal(rubToKopecks(350), 35000);
  assert.equal(rubToKopecks(12.345), 1235, '1234.4999… in floats, 1234.5 as written');
  assert.equal(rubToKopecks(-12.345), -1235);
  assert.equal(rubToKopecks(0.005), 1);
  assert.equal(rubToKopecks(-0.004), 0);
  assert.equal(rubToKopecks(186.8414081699087), 18684);
  assert.equal(rubToKopecks(1e6), 1e8);
  assert.throws(() => rubToKopecks(1e15), RangeError);
});

test("a listing's money leaves its JSON for the columns, its sources renamed with it", () => {
  const old = {
    side: 'offer',
    quantityPerYear: 200000,
    disposalCostRubPerUnit: 350.5,
    provenance: {
      quantityPerYear: { kind: 'estimate' },
      disposalCostRubPerUnit: { kind: 'sourced' },
    },
  };
  const { data, money } = upgradeListingData(old);
  assert.deepEqual(money, { disposalCostKopecksPerUnit: 35050, priceKopecksPerUnit: null });
  assert.deepEqual(data, {
    side: 'offer',
    quantityPerYear: 200000,
    provenance: {
      quantityPerYear: { kind: 'estimate' },
      disposalCostKopecksPerUnit: { kind: 'sourced' },
    },
  });
  assert.deepEqual(downgradeListingData(data, money), old);
  // written by the first step of the module contract: kopecks in the JSON already
  const step = upgradeListingData({ side: 'request', priceKopecksPerUnit: 150000 });
  assert.deepEqual(step, {
    data: { side: 'request' },
    money: { disposalCostKopecksPerUnit: null, priceKopecksPerUnit: 150000 },
  });
});

test("a flow's sums become postings, its savings their exact sum", () => {
  const old = {
    supply: 's',
    demand: 'd',
    value: 112500000,
    avoidedDisposal: 24000000,
    transport: 14013105.612743152,
    savingsRub: 122486894.38725685,
    transportRubPerUnit: 186.8414081699087,
    quantity: 75000,
  };
  const flow = upgradeFlow(old);
  assert.deepEqual(flow, {
    supply: 's',
    demand: 'd',
    quantity: 75000,
    valueKopecks: 11250000000,
    avoidedDisposalKopecks: 2400000000,
    transportKopecks: 1401310561,
    savingsKopecks: 11250000000 + 2400000000 - 1401310561,
    transportKopecksPerUnit: 18684,
  });
  assert.deepEqual(upgradeFlow(flow), flow, 'a flow in kopecks stays as it is');
  const back = downgradeFlow(flow);
  assert.equal(back.transport, 14013105.61);
  assert.deepEqual(upgradeFlow(back), flow);
});

test("a plan's objective and money figures are re-added from its postings; warnings become messages", () => {
  const flow = {
    value: 100.25,
    avoidedDisposal: 50,
    transport: 20.115,
    transportRubPerUnit: 2.0115,
  };
  const figure = (value: number, factors: Record<string, number>) => ({
    value,
    unit: 'RUB/yr',
    formula: 'f',
    factors,
  });
  const old = {
    id: 'p',
    plan: { status: 'optimal', objective: 130.135, flows: [flow, flow] },
    impact: {
      divertedT: { value: 1, unit: 't/yr', formula: 'd', factors: {} },
      baselineCostRub: figure(1000.5, { disposal: 600.25, purchases: 400.25 }),
      planCostRub: figure(740.23, {}),
      savingsRub: figure(260.27, {}),
    },
    warnings: ['link a→b dropped: request b limits ash, which offer a does not report'],
  };
  const doc = upgradePlanDocument(old) as {
    plan: { objectiveKopecks: number; flows: Array<Record<string, number>> };
    impact: Record<string, { valueKopecks: number; factorsKopecks: Record<string, number> }>;
    warnings: unknown[];
  };
  // each flow: 10025 + 5000 − 2012 (20.115 RUB rounds half up to 2012 kopecks)
  const savings = 10025 + 5000 - 2012;
  assert.equal(doc.plan.flows[0].savingsKopecks, savings);
  assert.equal(doc.plan.objectiveKopecks, 2 * savings);
  assert.equal(doc.impact.baselineCost.valueKopecks, 60025 + 40025);
  assert.equal(doc.impact.savings.valueKopecks, 2 * savings);
  assert.equal(doc.impact.planCost.valueKopecks, 60025 + 40025 - 2 * savings);
  assert.deepEqual(doc.impact.divertedT, old.impact.divertedT);
  assert.deepEqual(doc.warnings, [{ code: LEGACY_WARNING, params: { text: old.warnings[0] } }]);
  const back = downgradePlanDocument(doc, (w) => String(w.params.text)) as typeof old;
  assert.deepEqual(back.warnings, old.warnings);
  assert.equal(back.plan.objective, (2 * savings) / 100);
  assert.deepEqual(upgradePlanDocument(back), doc);
});
