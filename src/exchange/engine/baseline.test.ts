// The baseline rules of honest impact: credits only from what happens today, a substitute's
// credit once at the end user, no exchange with oneself, a sale a transfer and not a saving,
// and a plan's totals the sums of its flows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { factorTable } from '../reference.ts';
import { Counterfactual, Substitute } from '../schema.ts';
import {
  avoidedDisposalPerUnit,
  counterfactualOf,
  creditedSubstitute,
  forgoneSalePerUnit,
  supplyMarginPerUnit,
} from './baseline.ts';
import { buildCandidates, transportFrom } from './candidates.ts';
import { compatibilityFrom } from './compatibility.ts';
import { computePlan, type PlanListing } from './plan.ts';
import { listing, near } from './test-listings.ts';

const factors = factorTable();

const materials = new Map([
  ['fly-ash', { id: 'fly-ash', unit: 't', uses: ['cement-additive'] }],
  [
    'coal-bed-methane',
    { id: 'coal-bed-methane', unit: 'thousand_m3', uses: ['chemical-feedstock'] },
  ],
  ['overburden', { id: 'overburden', unit: 't', uses: ['reclamation'] }],
]);

const ash = (over: Partial<PlanListing> = {}) =>
  listing({
    id: 'ash',
    side: 'offer',
    materialId: 'fly-ash',
    legalStatus: 'waste',
    disposalCostKopecksPerUnit: 300_00,
    counterfactual: 'dumped',
    ...over,
  });
const cement = (over: Partial<PlanListing> = {}) =>
  listing({
    id: 'cement',
    side: 'request',
    useId: 'cement-additive',
    priceKopecksPerUnit: 1500_00,
    substitute: 'clinker',
    ...near,
    ...over,
  });
const cbm = (over: Partial<PlanListing> = {}) =>
  listing({
    id: 'cbm',
    side: 'offer',
    materialId: 'coal-bed-methane',
    unit: 'thousand_m3',
    quality: { ch4: 96 },
    transportModes: ['pipeline'],
    maxDistanceKm: 50,
    legalStatus: 'by_product',
    counterfactual: 'sold',
    salePriceKopecksPerUnit: 5000_00,
    ...over,
  });
const azot = (over: Partial<PlanListing> = {}) =>
  listing({
    id: 'azot',
    side: 'request',
    useId: 'chemical-feedstock',
    unit: 'thousand_m3',
    transportModes: ['pipeline'],
    maxDistanceKm: 50,
    priceKopecksPerUnit: 5800_00,
    substitute: 'natural-gas',
    ...near,
    ...over,
  });

const plan = (listings: PlanListing[]) =>
  computePlan(listings, materials, { factors, now: new Date('2026-06-01T00:00:00Z') });

test('no venting credit for gas that is sold: only a vented gas earns the methane credit', async () => {
  const sold = await plan([cbm(), azot()]);
  assert.equal(sold.plan.flows.length, 1);
  const [f] = sold.plan.flows;
  assert.equal(f.counterfactual, 'sold');
  assert.equal(f.methaneCo2eT, 0);
  assert.equal(f.co2eAvoidedT, 0);
  assert.equal(sold.impact.co2eAvoidedT.value, 0);
  const vented = await plan([
    cbm({ counterfactual: 'vented', salePriceKopecksPerUnit: undefined }),
    azot(),
  ]);
  assert.ok((vented.plan.flows[0].methaneCo2eT ?? 0) > 0, 'a vented gas earns it');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...Counterfactual.options.filter((c) => c !== 'vented')),
      async (counterfactual) => {
        const p = await plan([
          cbm({ counterfactual, salePriceKopecksPerUnit: 1000_00, supplierCostKopecksPerUnit: 0 }),
          azot(),
        ]);
        for (const flow of p.plan.flows) assert.equal(flow.methaneCo2eT, 0);
      },
    ),
    { numRuns: 20 },
  );
});

test('no double credit through an intermediary: a reseller earns no substitute credit', async () => {
  const direct = await plan([ash(), cement()]);
  assert.equal(direct.plan.flows[0].substituteCo2eT, 1000 * 0.75);
  for (const reseller of [{ endUse: false }, { substitute: 'resale' as const }]) {
    const p = await plan([ash(), cement(reseller)]);
    assert.equal(p.plan.flows.length, 1);
    assert.equal(p.plan.flows[0].substituteCredited, false);
    assert.equal(p.plan.flows[0].co2eAvoidedT, 0);
    assert.equal(p.plan.flows[0].endUse, false);
  }
  fc.assert(
    fc.property(
      fc.constantFrom(...Counterfactual.options),
      fc.constantFrom(...Substitute.options),
      fc.option(fc.boolean(), { nil: undefined }),
      (counterfactual, substitute, endUse) => {
        const credited = creditedSubstitute({ counterfactual }, { substitute, endUse });
        if (endUse === false || substitute === 'resale' || substitute === 'none')
          assert.equal(credited, null);
        if (counterfactual === 'sold' || counterfactual === 'used_internally')
          assert.equal(credited, null, 'a material sold today displaces its substitute anyway');
        if (credited !== null) assert.equal(credited, substitute);
      },
    ),
    { numRuns: 300 },
  );
});

test('GBFS replaced earns nothing at system level; clinker replaced earns its factor', async () => {
  const gbfs = await plan([ash(), cement({ substitute: 'gbfs' })]);
  assert.equal(gbfs.plan.flows[0].co2eAvoidedT, 0);
  assert.equal(gbfs.plan.flows[0].substitute, 'gbfs');
  const clinker = await plan([ash(), cement()]);
  assert.equal(clinker.impact.co2eBreakdown?.bySubstitute.clinker, 750);
  assert.equal(clinker.impact.co2eBreakdown?.byCounterfactual.dumped, 750);
});

test('never a self-link: an organisation’s own offer and request are internal reuse', async () => {
  const own = { organisationId: 'pit', organisationName: 'Pit' };
  const overburden = listing({
    id: 'rock',
    side: 'offer',
    materialId: 'overburden',
    legalStatus: 'waste',
    disposalCostKopecksPerUnit: 40_00,
    counterfactual: 'dumped',
    quantityPerYear: 1500,
    ...own,
  });
  const fill = listing({
    id: 'fill',
    side: 'request',
    useId: 'reclamation',
    priceKopecksPerUnit: 90_00,
    quantityPerYear: 700,
    substitute: 'none',
    ...own,
  });
  const p = await plan([overburden, fill]);
  assert.equal(p.plan.flows.length, 0, 'no flow from an organisation to itself');
  assert.equal(p.counts.links, 0);
  assert.deepEqual(
    p.internalReuse?.pairs.map((x) => [x.supply, x.demand, x.organisationId, x.quantity]),
    [['rock', 'fill', 'pit', 700]],
  );
  assert.equal(p.impact.savings.valueKopecks, 0, 'internal reuse is not in the totals');
  assert.equal(p.impact.divertedT.value, 0);

  // any mix of holders: no link joins two listings of one organisation
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          side: fc.constantFrom('offer' as const, 'request' as const),
          org: fc.constantFrom('a', 'b', 'c'),
        }),
        { minLength: 2, maxLength: 10 },
      ),
      (spec) => {
        const ls = spec.map((s, i) =>
          s.side === 'offer'
            ? ash({ id: `o${i}`, organisationId: s.org })
            : cement({ id: `r${i}`, organisationId: s.org }),
        );
        const orgOf = new Map(ls.map((l) => [l.id, l.organisationId]));
        const c = buildCandidates(ls, materials, {
          transport: transportFrom(factors),
          table: compatibilityFrom(factors),
        });
        for (const l of c.links) assert.notEqual(orgOf.get(l.supply), orgOf.get(l.demand));
        for (const x of c.internal) {
          assert.equal(orgOf.get(x.supply), x.organisationId);
          assert.equal(orgOf.get(x.demand), x.organisationId);
        }
        const offers = ls.filter((l) => l.side === 'offer');
        const requests = ls.filter((l) => l.side === 'request');
        const pairs = offers.flatMap((o) =>
          requests.map((r) => o.organisationId === r.organisationId),
        );
        assert.equal(c.links.length + c.internal.length, pairs.length);
        assert.equal(c.internal.length, pairs.filter(Boolean).length);
      },
    ),
    { numRuns: 100 },
  );
});

test('a sale is trade value, not benefit: the supplier forgoes its price elsewhere', async () => {
  const p = await plan([cbm(), azot()]);
  const [f] = p.plan.flows;
  assert.equal(f.quantity, 1000);
  assert.equal(f.valueKopecks, 1000 * 5800_00);
  assert.equal(f.tradeValueKopecks, 1000 * 5000_00);
  assert.equal(f.forgoneSaleKopecks, 1000 * 5000_00);
  assert.equal(f.avoidedDisposalKopecks, 0);
  assert.equal(f.savingsKopecks, 1000 * 800_00, 'only the buyer’s cheaper gas is a benefit');
  assert.equal(p.impact.tradeValue?.valueKopecks, 1000 * 5000_00);
  assert.equal(p.impact.savings.valueKopecks, 1000 * 800_00);
  // a sold gas that the buyer values below its market price is not moved at all
  const dear = await plan([cbm({ salePriceKopecksPerUnit: 6000_00 }), azot()]);
  assert.equal(dear.plan.flows.length, 0);
  // the supplier's own cost comes off the benefit
  const costly = await plan([ash({ supplierCostKopecksPerUnit: 100_00 }), cement()]);
  const plain = await plan([ash(), cement()]);
  assert.equal(
    plain.plan.flows[0].savingsKopecks - costly.plan.flows[0].savingsKopecks,
    1000 * 100_00,
  );
  fc.assert(
    fc.property(
      fc.constantFrom(...Counterfactual.options),
      fc.nat(10_000_00),
      fc.nat(10_000_00),
      fc.nat(10_000_00),
      (counterfactual, disposal, cost, price) => {
        const o = {
          counterfactual,
          disposalCostKopecksPerUnit: disposal,
          supplierCostKopecksPerUnit: cost,
          salePriceKopecksPerUnit: price,
        };
        const cf = counterfactualOf(o);
        assert.equal(
          avoidedDisposalPerUnit(o),
          ['landfilled', 'dumped', 'stored'].includes(cf) ? disposal : 0,
        );
        assert.equal(forgoneSalePerUnit(o), ['sold', 'used_internally'].includes(cf) ? price : 0);
        assert.ok(supplyMarginPerUnit(o) <= avoidedDisposalPerUnit(o), 'a sale never adds');
      },
    ),
    { numRuns: 300 },
  );
});

test('an offer with no counterfactual: landfilled if it has a disposal cost, else not stated', () => {
  assert.equal(counterfactualOf({ disposalCostKopecksPerUnit: 100 }), 'landfilled');
  assert.equal(counterfactualOf({ disposalCostKopecksPerUnit: 0 }), 'not_stated');
  assert.equal(counterfactualOf({}), 'not_stated');
  assert.equal(avoidedDisposalPerUnit({}), 0);
});

test("a plan's totals are the sums of its flows", async () => {
  const ls = [
    ash(),
    ash({ id: 'ash2', counterfactual: 'sold', salePriceKopecksPerUnit: 200_00 }),
    cement({ quantityPerYear: 1500 }),
    cement({ id: 'cement2', substitute: 'gbfs', priceKopecksPerUnit: 900_00 }),
    cbm(),
    azot(),
  ];
  const p = await plan(ls);
  assert.ok(p.plan.flows.length >= 3);
  const sum = (k: (f: (typeof p.plan.flows)[number]) => number) =>
    p.plan.flows.reduce((s, f) => s + k(f), 0);
  assert.equal(
    p.impact.savings.valueKopecks,
    sum((f) => f.savingsKopecks),
  );
  assert.equal(
    p.plan.objectiveKopecks,
    sum((f) => f.savingsKopecks),
  );
  assert.equal(
    p.impact.tradeValue?.valueKopecks,
    sum((f) => f.tradeValueKopecks ?? 0),
  );
  const factorsK = p.impact.savings.factorsKopecks;
  assert.equal(
    factorsK.value,
    sum((f) => f.valueKopecks),
  );
  assert.equal(
    factorsK.avoidedDisposal,
    sum((f) => f.avoidedDisposalKopecks),
  );
  assert.equal(
    factorsK.supplierCost,
    sum((f) => f.supplierCostKopecks ?? 0),
  );
  assert.equal(
    factorsK.forgoneSale,
    sum((f) => f.forgoneSaleKopecks ?? 0),
  );
  assert.equal(
    factorsK.transport,
    sum((f) => f.transportKopecks),
  );
  assert.ok(Math.abs(p.impact.co2eAvoidedT.value - sum((f) => f.co2eAvoidedT)) < 1e-3);
  assert.ok(Math.abs(p.impact.transportCo2eT.value - sum((f) => f.transportCo2eT)) < 1e-3);
  for (const f of p.plan.flows)
    assert.ok(
      Math.abs(f.co2eAvoidedT - (f.substituteCo2eT ?? 0) - (f.methaneCo2eT ?? 0)) < 1e-9,
      'a flow’s CO2e is its substitute and methane credits',
    );
});

test('a request with no price that no offer reaches is named in a warning; priced or served, not', async () => {
  // ash kept on site costs nothing to keep: with no price at the cement works, the trip does not pay
  const kept = { counterfactual: 'stored' as const, disposalCostKopecksPerUnit: 0 };
  const unpriced = await plan([ash(kept), cement({ priceKopecksPerUnit: undefined })]);
  assert.equal(unpriced.plan.flows.length, 0);
  assert.deepEqual(
    unpriced.warnings.filter((w) => w.code === 'exchange.warning.requestUnpriced'),
    [{ code: 'exchange.warning.requestUnpriced', params: { id: 'cement' } }],
  );
  const priced = await plan([ash(kept), cement()]);
  assert.equal(priced.plan.flows.length, 1);
  assert.ok(!priced.warnings.some((w) => w.code === 'exchange.warning.requestUnpriced'));
  // no price, but the ash's landfill fee pays the trip: served, so nothing to warn of
  const served = await plan([ash(), cement({ priceKopecksPerUnit: 0 })]);
  assert.equal(served.plan.flows.length, 1);
  assert.ok(!served.warnings.some((w) => w.code === 'exchange.warning.requestUnpriced'));
});
