import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { FactorTable } from '../../exchange/engine/index.ts';
import {
  type DealTransactionFacts,
  dealTransactionCost,
  type TransactionCostConfig,
  transactionCostConfigFrom,
  transactionCosts,
} from './costs.ts';

const config: TransactionCostConfig = {
  meetingsPerStage: {
    firstContact: 1,
    negotiation: 2,
    contractSigning: 1,
    deliveryAcceptance: 0.5,
  },
  meetingHours: 2,
  staffPerMeeting: 2,
  staffKopecksPerHour: 110_000,
  carKgCo2PerKm: 0.16725,
  carKopecksPerKm: 1_500,
  circuity: 1.2,
  speedKmh: 70,
  digitalMinutesPerMessage: 10,
  digitalMinutesPerTransition: 15,
};

const deal: DealTransactionFacts = {
  dealId: 'd1',
  providerId: 'org-a',
  consumerId: 'org-b',
  firstContactAt: '2026-03-01T09:00:00Z',
  agreedAt: '2026-03-04T15:00:00Z',
  offered: true,
  messages: 20,
  transitions: 6,
  deliveries: 4,
  providerSite: { lat: 54, lon: 86 },
  consumerSite: { lat: 55, lon: 86 },
};

test('known answer, computed by hand', () => {
  // Two sites on one meridian, 1° of latitude apart:
  //   great-circle = 6371.0088 km × π/180 = 111.19508023 km
  //   road one way = × 1.2 = 133.43409628 km; there and back 266.86819256 km
  //   meetings = 1 first contact + 2 negotiation + 1 signing + 4 deliveries × 0.5 = 6
  //   km = 6 × 266.86819256 = 1601.20915536 km
  //   staff h = 6 × (266.86819256 ÷ 70 + 2) × 2 = 6 × 5.81240275 × 2 = 69.74883301 h
  //   staff = 69.74883301 h × 1100 RUB/h = 7 672 371.63 kopecks → 7 672 372
  //   car   = 1601.20915536 km × 15 RUB/km = 2 401 813.73 kopecks → 2 401 814
  //   territorial = 10 074 186 kopecks = 100 741.86 RUB; CO2 = 1601.20915536 × 0.16725 = 267.80223 kg
  //   digital = (20 × 10 + 6 × 15) min = 290 min = 4.83333 h × 1100 = 531 666.67 → 531 667 kopecks
  //   saved = 10 074 186 − 531 667 = 9 542 519 kopecks; 69.74883 − 4.83333 = 64.91550 h
  //   elapsed = 1 Mar 09:00 → 4 Mar 15:00 = 78 h
  const r = dealTransactionCost(deal, config);
  assert.ok(Math.abs(r.territorial.greatCircleKm - 111.19508023) < 1e-6);
  assert.equal(r.territorial.meetings, 6);
  assert.ok(Math.abs(r.territorial.km - 1601.20915536) < 1e-6);
  assert.ok(Math.abs(r.territorial.hours - 69.74883301) < 1e-6);
  assert.equal(r.territorial.staffKopecks, 7_672_372);
  assert.equal(r.territorial.carKopecks, 2_401_814);
  assert.equal(r.territorial.kopecks, 10_074_186);
  assert.ok(Math.abs(r.territorial.co2Kg - 267.80223) < 1e-5);
  assert.equal(r.digital.kopecks, 531_667);
  assert.equal(r.digital.elapsedHours, 78);
  assert.equal(r.saved.kopecks, 9_542_519);
  assert.ok(Math.abs(r.saved.hours - 64.9155) < 1e-4);
  // the formula states the computation with these numbers
  assert.match(r.formula.en, /1601\.2 km/);
  assert.match(r.formula.en, /100741\.86 RUB/);
  assert.match(r.formula.en, /95425\.19 RUB/);
  assert.match(r.formula.ru, /1601,2 км/);
  assert.match(r.formula.ru, /100741,86 ₽/);
  assert.match(r.formula.ru, /[А-Яа-я]/);
});

test('a deal never agreed has no signing meeting and no elapsed time', () => {
  const r = dealTransactionCost({ ...deal, agreedAt: null, offered: false, deliveries: 0 }, config);
  assert.equal(r.territorial.meetings, 1);
  assert.equal(r.digital.elapsedHours, null);
});

test('organisations split each deal in half; their sums equal the cluster', () => {
  const deals = [
    deal,
    { ...deal, dealId: 'd2', providerId: 'org-b', consumerId: 'org-c', messages: 3 },
  ];
  const r = transactionCosts(deals, config);
  assert.deepEqual(
    r.organisations.map((o) => o.organisationId),
    ['org-a', 'org-b', 'org-c'],
  );
  const sum = (f: (o: (typeof r.organisations)[number]) => number) =>
    r.organisations.reduce((s, o) => s + f(o), 0);
  assert.equal(
    sum((o) => o.territorial.kopecks),
    r.cluster.territorial.kopecks,
  );
  assert.equal(
    sum((o) => o.saved.kopecks),
    r.cluster.saved.kopecks,
  );
  assert.equal(
    sum((o) => o.digital.kopecks),
    r.cluster.digital.kopecks,
  );
  assert.ok(Math.abs(sum((o) => o.territorial.km) - r.cluster.territorial.km) < 1e-6);
  assert.equal(r.cluster.deals, 2);
  assert.match(r.formula.en, /Σ over 2 deals/);
  assert.ok(r.formula.en.includes(`${(r.cluster.saved.kopecks / 100).toFixed(2)} RUB`));
  assert.match(r.formula.ru, /Σ по 2 сделкам/);
  assert.equal(r.organisations[1].deals, 2, 'org-b is a party to both deals');
  assert.equal(r.organisations[0].deals, 1);
  assert.ok(Math.abs(r.organisations[0].territorial.km - r.deals[0].territorial.km / 2) < 1e-9);
});

const site = fc.record({
  lat: fc.double({ min: 50, max: 57, noNaN: true }),
  lon: fc.double({ min: 82, max: 90, noNaN: true }),
});

test('property: territorial figures scale linearly with the meetings; km is never negative', () => {
  fc.assert(
    fc.property(
      site,
      site,
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 1, max: 5 }),
      (a, b, deliveries, messages, k) => {
        const facts = { ...deal, providerSite: a, consumerSite: b, deliveries, messages };
        const one = dealTransactionCost(facts, config);
        const m = config.meetingsPerStage;
        const scaled = dealTransactionCost(facts, {
          ...config,
          meetingsPerStage: {
            firstContact: m.firstContact * k,
            negotiation: m.negotiation * k,
            contractSigning: m.contractSigning * k,
            deliveryAcceptance: m.deliveryAcceptance * k,
          },
        });
        const close = (x: number, y: number) => Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(y));
        assert.ok(one.territorial.km >= 0 && one.saved.km >= 0 && one.saved.co2Kg >= 0);
        assert.ok(close(scaled.territorial.km, k * one.territorial.km));
        assert.ok(close(scaled.territorial.hours, k * one.territorial.hours));
        assert.ok(close(scaled.territorial.co2Kg, k * one.territorial.co2Kg));
        // kopecks are rounded once per posting (staff, car): within a kopeck per posting × k
        assert.ok(Math.abs(scaled.territorial.kopecks - k * one.territorial.kopecks) <= 2 * k);
        // saved = territorial − digital, and the digital side does not depend on meetings
        assert.equal(scaled.digital.kopecks, one.digital.kopecks);
        assert.equal(scaled.saved.kopecks, scaled.territorial.kopecks - scaled.digital.kopecks);
        assert.ok(close(scaled.saved.km, k * one.saved.km));
      },
    ),
    { numRuns: 200 },
  );
});

test('data/reference/transaction-costs.json: every entry complete, an estimate with its basis', () => {
  const raw = JSON.parse(
    readFileSync(
      new URL('../../../data/reference/transaction-costs.json', import.meta.url),
      'utf8',
    ),
  ).factors as Record<string, Record<string, unknown>>;
  const table = FactorTable.parse(raw);
  for (const [key, e] of Object.entries(raw)) {
    assert.equal(e.status, 'estimate', key);
    assert.ok(typeof e.basis === 'string' && e.basis.length > 0, key);
    assert.ok(typeof e.source === 'string' && e.source.length > 0, key);
  }
  const c = transactionCostConfigFrom(table);
  assert.equal(c.circuity, 1.2);
  assert.equal(c.speedKmh, 70);
  assert.equal(c.staffKopecksPerHour, 110_000);
  assert.equal(c.carKopecksPerKm, 1_500);
  assert.deepEqual(c.meetingsPerStage, config.meetingsPerStage);
  // with the table's own values the known answer above holds too
  assert.equal(dealTransactionCost(deal, c).territorial.kopecks, 10_074_186);
});
