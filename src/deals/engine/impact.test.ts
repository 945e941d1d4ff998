import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type EmissionFactors,
  emissionFactorsFrom,
  FactorTable,
} from '../../exchange/engine/index.ts';
import {
  dealFlowFigures,
  type IdentifiedFlow,
  type ImpactDeal,
  type ImpactDelivery,
  type ImpactLedger,
  type ImpactTotals,
  impactLedger,
  impactLevels,
} from './impact.ts';

const factors: EmissionFactors = {
  substitutes: { clinker: { tCo2PerUnit: 0.75, unit: 't CO2e per t', source: 'test' } },
  methane: { materials: ['mine-methane'], tCo2ePerTCh4: 27.05, tPerM3: 0.000668, source: 'test' },
  transportKgPerTkm: { road: 0.1, rail: 0.013, pipeline: 0, wire: 0 },
  transportSource: 'test',
};

const ash: ImpactDeal = {
  id: 'deal-ash',
  state: 'active',
  agreedAt: '2026-03-10T08:00:00Z',
  providerId: 'tpp',
  consumerId: 'cement',
  material: 'fly-ash',
  unit: 't',
  legalStatus: 'waste',
  quantity: 1000,
  priceKopecksPerUnit: -10_000,
  transport: { mode: 'road', paidBy: 'consumer' },
  distanceKm: 50,
  transportKopecksPerUnit: 30_000,
  offer: {
    counterfactual: 'landfilled',
    disposalCostKopecksPerUnit: 20_000,
    supplierCostKopecksPerUnit: 5_000,
  },
  request: { substitute: 'clinker', endUse: true, priceKopecksPerUnit: 300_000 },
};

const deliveries: ImpactDelivery[] = [
  { id: 'l1', dealId: 'deal-ash', date: '2026-04-02', quantity: 400, distanceKm: 60 },
  {
    id: 'l2',
    dealId: 'deal-ash',
    date: '2026-05-15',
    quantity: 700,
    distanceKm: 55,
    transportKopecks: 20_000_000,
  },
];

const planFlow = (planId: string, at: string, quantity: number): IdentifiedFlow => ({
  planId,
  planComputedAt: at,
  providerId: 'tpp',
  consumerId: 'cement',
  legalStatus: 'waste',
  flow: {
    supply: 'offer-1',
    demand: 'request-1',
    quantity,
    material: 'fly-ash',
    unit: 't',
    valueKopecks: quantity * 300_000,
    avoidedDisposalKopecks: quantity * 20_000,
    supplierCostKopecks: 0,
    forgoneSaleKopecks: 0,
    tradeValueKopecks: 0,
    transportKopecks: quantity * 30_000,
    substituteCo2eT: quantity * 0.75,
    methaneCo2eT: 0,
    co2eAvoidedT: quantity * 0.75,
    transportCo2eT: quantity * 0.005,
  },
});

const org = (l: ImpactLedger, level: (typeof impactLevels)[number], id: string) =>
  l[level].organisations.find((o) => o.organisationId === id)!;

test('known answer at the three levels, computed by hand', () => {
  const l = impactLedger(
    {
      planFlows: [
        planFlow('p1', '2026-01-05T00:00:00Z', 800),
        planFlow('p2', '2026-02-07T00:00:00Z', 1200),
      ],
      deals: [ash, { ...ash, id: 'deal-offered', state: 'offered', agreedAt: null }],
      deliveries,
    },
    factors,
  );
  // identified: the pair once, from the latest plan p2 (1200 t), in 2026-02
  assert.equal(l.identified.records, 1);
  assert.equal(l.identified.cluster.divertedT, 1200);
  assert.deepEqual(
    l.identified.months.map((m) => m.month),
    ['2026-02'],
  );
  // contracted: only the active deal. 1000 t waste diverted;
  //   substitute 1000 × 0.75 = 750 t CO2e; transport 1000 t × 50 km × 0.1 kg ÷ 1000 = 5 t
  //   money: value 1000 × 300 000 = 300 000 000; avoided disposal 1000 × 20 000 = 20 000 000;
  //   own cost 5 000 000; transport 1000 × 30 000 = 30 000 000
  //   net = 300 000 000 + 20 000 000 − 5 000 000 − 30 000 000 = 285 000 000 kopecks
  //   provider (gate fee 100 RUB/t paid): 20 000 000 − 5 000 000 − 10 000 000 = 5 000 000
  //   consumer (pays transport): 300 000 000 + 10 000 000 − 30 000 000 = 280 000 000
  const c = l.contracted;
  assert.equal(c.records, 1);
  assert.deepEqual(c.cluster, {
    divertedT: 1000,
    co2eAvoidedT: 750,
    transportCo2eT: 5,
    netCo2eT: 745,
    netBenefitKopecks: 285_000_000,
  });
  assert.equal(org(l, 'contracted', 'tpp').attributed.netBenefitKopecks, 5_000_000);
  assert.equal(org(l, 'contracted', 'cement').attributed.netBenefitKopecks, 280_000_000);
  assert.equal(org(l, 'contracted', 'tpp').attributed.divertedT, 1000);
  assert.equal(org(l, 'contracted', 'cement').attributed.divertedT, 0);
  assert.equal(org(l, 'contracted', 'cement').attributed.co2eAvoidedT, 750);
  assert.equal(org(l, 'contracted', 'cement').attributed.transportCo2eT, 5);
  // the exchange's own net benefit gives the same figure
  assert.equal(dealFlowFigures(ash, 1000, 50, 30_000_000, factors).netBenefitKopecks, 285_000_000);
  // a delivered unit worth 0.94 of the price (a fuel by its heat): value 282 000 000,
  //   net 285 000 000 − 18 000 000; the substitute credit 750 × 0.94
  const byHeat = dealFlowFigures({ ...ash, valueFactor: 0.94 }, 1000, 50, 30_000_000, factors);
  assert.equal(byHeat.flow.valueKopecks, 282_000_000);
  assert.equal(byHeat.netBenefitKopecks, 267_000_000);
  assert.ok(Math.abs(byHeat.substituteT - 705) < 1e-9);
  // a price referring to 5 500 kcal/kg coal: worth 4 700 ÷ 5 500 of it, still 0.94 t replaced
  const ownBasis = { ...ash, valueFactor: 4700 / 5500, substituteFactor: 0.94 };
  const byOwn = dealFlowFigures(ownBasis, 1000, 50, 30_000_000, factors);
  assert.equal(byOwn.flow.valueKopecks, Math.round(300_000_000 * (4700 / 5500)));
  assert.ok(Math.abs(byOwn.substituteT - 705) < 1e-9);
  assert.deepEqual(
    c.months.map((m) => m.month),
    ['2026-03'],
  );
  // delivered: 400 + 700 = 1100 t, beyond the 1000 contracted, counted as measured
  //   substitute 1100 × 0.75 = 825; transport (400 × 60 + 700 × 55) × 0.1 ÷ 1000 = 6.25 t
  //   money: 330 000 000 + 22 000 000 − 5 500 000 − (12 000 000 + 20 000 000) = 314 500 000
  const d = l.delivered;
  assert.equal(d.records, 2);
  assert.equal(d.cluster.divertedT, 1100);
  assert.ok(Math.abs(d.cluster.co2eAvoidedT - 825) < 1e-9);
  assert.ok(Math.abs(d.cluster.transportCo2eT - 6.25) < 1e-9);
  assert.equal(d.cluster.netBenefitKopecks, 314_500_000);
  assert.deepEqual(
    d.months.map((m) => [m.month, m.cluster.divertedT]),
    [
      ['2026-04', 400],
      ['2026-05', 700],
    ],
  );
});

test('exchange rules: a material sold today earns no substitute credit, an intermediary none', () => {
  const sold = {
    ...ash,
    offer: { counterfactual: 'sold' as const, salePriceKopecksPerUnit: 5_000 },
  };
  assert.equal(dealFlowFigures(sold, 100, 10, 0, factors).substituteT, 0);
  const resale = { ...ash, request: { substitute: 'clinker' as const, endUse: false } };
  assert.equal(dealFlowFigures(resale, 100, 10, 0, factors).substituteT, 0);
  assert.equal(dealFlowFigures(ash, 100, 10, 0, factors).substituteT, 75);
});

// ------------------------------------------------------------------ property

const table = FactorTable.parse(
  JSON.parse(readFileSync(new URL('../../../data/reference/factors.json', import.meta.url), 'utf8'))
    .factors,
);
const realFactors = emissionFactorsFrom(table);
const orgs = ['a', 'b', 'c', 'd'];
const states = ['requested', 'offered', 'agreed', 'active', 'completed', 'terminated'];
const substitutes = ['clinker', 'natural-aggregate', 'none', 'resale'] as const;
const counterfactuals = ['landfilled', 'stored', 'sold', 'not_stated'] as const;

const arbDeal = fc.record({
  state: fc.constantFrom(...states),
  month: fc.integer({ min: 1, max: 12 }),
  providerId: fc.constantFrom(...orgs),
  consumerId: fc.constantFrom(...orgs),
  quantity: fc.integer({ min: 1, max: 5000 }),
  price: fc.integer({ min: -50_000, max: 200_000 }),
  paidBy: fc.constantFrom('provider' as const, 'consumer' as const),
  distanceKm: fc.integer({ min: 0, max: 400 }),
  transport: fc.integer({ min: 0, max: 100_000 }),
  counterfactual: fc.constantFrom(...counterfactuals),
  disposal: fc.integer({ min: 0, max: 50_000 }),
  substitute: fc.constantFrom(...substitutes),
  value: fc.integer({ min: 0, max: 500_000 }),
  waste: fc.boolean(),
});

const arbFlow = fc.record({
  plan: fc.integer({ min: 1, max: 3 }),
  pair: fc.integer({ min: 0, max: 5 }),
  providerId: fc.constantFrom(...orgs),
  consumerId: fc.constantFrom(...orgs),
  quantity: fc.integer({ min: 1, max: 5000 }),
  transport: fc.integer({ min: 0, max: 1_000_000 }),
  value: fc.integer({ min: 0, max: 1_000_000 }),
  co2: fc.double({ min: 0, max: 1000, noNaN: true }),
});

const input = fc
  .record({
    deals: fc.array(arbDeal, { minLength: 1, maxLength: 6 }),
    lots: fc.array(
      fc.record({
        deal: fc.nat(),
        month: fc.integer({ min: 1, max: 12 }),
        quantity: fc.integer({ min: 0, max: 2000 }),
        km: fc.integer({ min: 0, max: 400 }),
      }),
      { maxLength: 12 },
    ),
    // a plan holds a pair once
    flows: fc.uniqueArray(arbFlow, { maxLength: 10, selector: (f) => `${f.plan}/${f.pair}` }),
  })
  .map(({ deals, lots, flows }) => {
    const mm = (m: number) => `2026-${String(m).padStart(2, '0')}`;
    const ds: ImpactDeal[] = deals.map((d, i) => ({
      id: `d${i}`,
      state: d.state,
      agreedAt: ['agreed', 'active', 'completed'].includes(d.state)
        ? `${mm(d.month)}-01T00:00:00Z`
        : null,
      providerId: d.providerId,
      consumerId: d.consumerId,
      material: 'fly-ash',
      unit: 't',
      legalStatus: d.waste ? 'waste' : 'by_product',
      quantity: d.quantity,
      priceKopecksPerUnit: d.price,
      transport: { mode: 'road', paidBy: d.paidBy },
      distanceKm: d.distanceKm,
      transportKopecksPerUnit: d.transport,
      offer: { counterfactual: d.counterfactual, disposalCostKopecksPerUnit: d.disposal },
      request: { substitute: d.substitute, priceKopecksPerUnit: d.value },
    }));
    const ls: ImpactDelivery[] = lots.map((l, i) => ({
      id: `l${i}`,
      dealId: `d${l.deal % ds.length}`,
      date: `${mm(l.month)}-15`,
      quantity: l.quantity,
      distanceKm: l.km,
    }));
    const fs: IdentifiedFlow[] = flows.map((f) => ({
      planId: `p${f.plan}`,
      planComputedAt: `${mm(f.plan)}-01T00:00:00Z`,
      providerId: f.providerId,
      consumerId: f.consumerId,
      legalStatus: 'waste',
      flow: {
        supply: `o${f.pair}`,
        demand: `r${f.pair}`,
        quantity: f.quantity,
        material: 'fly-ash',
        unit: 't',
        valueKopecks: f.value,
        avoidedDisposalKopecks: f.value,
        transportKopecks: f.transport,
        tradeValueKopecks: f.value,
        substituteCo2eT: f.co2,
        methaneCo2eT: 0,
        co2eAvoidedT: f.co2,
        transportCo2eT: f.co2 / 10,
      },
    }));
    return { deals: ds, deliveries: ls, planFlows: fs };
  });

const keys: (keyof ImpactTotals)[] = [
  'divertedT',
  'co2eAvoidedT',
  'transportCo2eT',
  'netCo2eT',
  'netBenefitKopecks',
];
const sumOf = (list: ImpactTotals[], k: keyof ImpactTotals) => list.reduce((s, t) => s + t[k], 0);
function assertSums(total: ImpactTotals, parts: ImpactTotals[], what: string) {
  for (const k of keys) {
    if (k === 'netBenefitKopecks') assert.equal(sumOf(parts, k), total[k], `${what} ${k}`);
    else
      assert.ok(
        Math.abs(sumOf(parts, k) - total[k]) <= 1e-6 * Math.max(1, Math.abs(total[k])),
        `${what} ${k}: ${sumOf(parts, k)} ≠ ${total[k]}`,
      );
  }
}

test('property: every level is the sum of the organisations’ shares, and of its months', () => {
  fc.assert(
    fc.property(input, (i) => {
      const l = impactLedger(i, realFactors);
      for (const level of impactLevels) {
        const r = l[level];
        assertSums(
          r.cluster,
          r.organisations.map((o) => o.attributed),
          `${level} attributed`,
        );
        assertSums(
          r.cluster,
          r.organisations.map((o) => o.asProvider),
          `${level} as provider`,
        );
        assertSums(
          r.cluster,
          r.organisations.map((o) => o.asConsumer),
          `${level} as consumer`,
        );
        assertSums(
          r.cluster,
          r.months.map((m) => m.cluster),
          `${level} months`,
        );
        for (const m of r.months)
          assertSums(
            m.cluster,
            m.organisations.map((o) => o.attributed),
            `${level} ${m.month}`,
          );
      }
    }),
    { numRuns: 150 },
  );
});

test('property: adding a duplicate record never changes the totals', () => {
  fc.assert(
    fc.property(input, fc.nat(), fc.constantFrom('deal', 'delivery', 'flow'), (i, n, what) => {
      const before = impactLedger(i, realFactors);
      const dup = {
        deals: what === 'deal' ? [...i.deals, i.deals[n % i.deals.length]] : i.deals,
        deliveries:
          what === 'delivery' && i.deliveries.length
            ? [...i.deliveries, i.deliveries[n % i.deliveries.length]]
            : i.deliveries,
        planFlows:
          what === 'flow' && i.planFlows.length
            ? [i.planFlows[n % i.planFlows.length], ...i.planFlows]
            : i.planFlows,
      };
      const after = impactLedger(dup, realFactors);
      for (const level of impactLevels) {
        assert.deepEqual(after[level].cluster, before[level].cluster, level);
        assert.equal(after[level].records, before[level].records, level);
      }
    }),
    { numRuns: 150 },
  );
});
