// Agreed matches in a plan: fixed at their quantity, oldest first, while they still fit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Lang, messageByCode } from '../../model/messages.ts';
import '../messages.ts';
import { factorTable } from '../reference.ts';
import { computePlan, type MatchFlow, type PlanListing, withAgreedFlows } from './plan.ts';
import type { ProblemInput } from './solve/index.ts';
import { solve } from './solve/index.ts';
import { kem, listing, near } from './test-listings.ts';

const factors = factorTable();

const problem: ProblemInput = {
  supplies: [{ id: 'ash', quantity: 500 }],
  demands: [
    { id: 'cement', quantity: 300, value: 50 },
    { id: 'roads', quantity: 400, value: 80 },
    { id: 'bricks', quantity: 100, value: 90 },
  ],
  links: [
    { supply: 'ash', demand: 'cement', cost: 10 },
    { supply: 'ash', demand: 'roads', cost: 10, yield: 0.5 },
  ],
};

test('an agreed flow is fixed at its quantity: minimum and capacity', () => {
  const {
    problem: p,
    kept,
    leftOut,
  } = withAgreedFlows(problem, [{ supply: 'ash', demand: 'cement', quantity: 200 }]);
  assert.deepEqual(p.links[0], { ...problem.links[0], minQuantity: 200, capacity: 200 });
  assert.deepEqual(p.links[1], problem.links[1], 'the other link is as it was');
  assert.deepEqual([...kept], ['ash\u0000cement']);
  assert.deepEqual(leftOut, []);
});

test('oldest first, each while both listings have room; no link, no flow', () => {
  const agreed = [
    { supply: 'ash', demand: 'cement', quantity: 300 },
    // 300 of the 500 taken: 250 more does not fit the offer
    { supply: 'ash', demand: 'roads', quantity: 250 },
    // the request takes delivered units: 180 shipped at yield 0.5 is 90 of its 400
    { supply: 'ash', demand: 'roads', quantity: 180 },
    // no link between them (the request no longer fits the offer)
    { supply: 'ash', demand: 'bricks', quantity: 10 },
  ];
  const { problem: p, kept, leftOut } = withAgreedFlows(problem, agreed);
  assert.deepEqual(
    p.links.map((l) => [l.demand, l.minQuantity, l.capacity]),
    [
      ['cement', 300, 300],
      ['roads', 180, 180],
    ],
  );
  assert.equal(kept.size, 2);
  assert.deepEqual(leftOut, [
    { ...agreed[1], reason: 'quantity' },
    { ...agreed[3], reason: 'link' },
  ]);
});

test("a rounding's overshoot is fixed at what is left, so the rows still hold", async () => {
  const { problem: p, leftOut } = withAgreedFlows(problem, [
    { supply: 'ash', demand: 'cement', quantity: 300 * (1 + 1e-12) },
  ]);
  assert.deepEqual(leftOut, []);
  assert.equal(p.links[0].minQuantity, 300);
  const r = await solve(p);
  assert.equal(r.status, 'optimal');
  // the agreed 300 to cement, the offer's rest to roads
  assert.deepEqual(
    r.flows.map((f) => [f.demand, f.quantity]),
    [
      ['cement', 300],
      ['roads', 200],
    ],
  );
});

const materials = new Map([['fly-ash', { id: 'fly-ash', unit: 't', uses: ['cement-additive'] }]]);
const ash = listing({
  id: 'ash',
  side: 'offer',
  materialId: 'fly-ash',
  legalStatus: 'waste',
  disposalCostKopecksPerUnit: 300_00,
  quality: { loi: 8 },
});
const cement = (id: string, priceKopecksPerUnit: number, over: Partial<PlanListing> = {}) =>
  listing({ id, side: 'request', useId: 'cement-additive', priceKopecksPerUnit, ...near, ...over });
const planWith = (listings: PlanListing[], agreed: MatchFlow[]) =>
  computePlan(listings, materials, { factors, agreed, now: new Date('2026-06-01T00:00:00Z') });
const shipped = (p: Awaited<ReturnType<typeof planWith>>) =>
  p.plan.flows.map((f) => [f.demand, f.quantity, f.agreed ?? false]);

test('a plan keeps an agreed flow where a richer request would take the offer', async () => {
  const listings = [ash, cement('agreed', 1500_00), cement('richer', 2000_00)];
  assert.deepEqual(shipped(await planWith(listings, [])), [['richer', 1000, false]]);
  const p = await planWith(listings, [{ supply: 'ash', demand: 'agreed', quantity: 600 }]);
  assert.deepEqual(shipped(p), [
    ['agreed', 600, true],
    ['richer', 400, false],
  ]);
  assert.deepEqual(p.warnings, []);
});

test('an agreed flow that breaks a request’s limit is planned without, and says so', async () => {
  // the request now limits loss on ignition below the offer's: no plan could keep the flow
  const listings = [ash, cement('agreed', 1500_00, { quality: { loi: { max: 5 } } })];
  const p = await planWith(listings, [{ supply: 'ash', demand: 'agreed', quantity: 600 }]);
  assert.equal(p.plan.status, 'optimal');
  assert.deepEqual(shipped(p), []);
  assert.deepEqual(
    p.warnings.map((w) => [w.code, w.params]),
    [
      [
        'exchange.warning.agreedLeftOutBecause',
        { supply: 'ash', demand: 'agreed', reason: 'limits' },
      ],
    ],
  );
});

test('the warning names the check the agreed pair now fails, once per pair', async () => {
  const agreedWith = (request: PlanListing, offer = ash) =>
    planWith(
      [offer, request],
      [
        { supply: 'ash', demand: 'agreed', quantity: 600 },
        // an older agreement on the same pair: one warning still
        { supply: 'ash', demand: 'agreed', quantity: 100 },
      ],
    );
  const reasonOf = async (p: ReturnType<typeof agreedWith>) => {
    // besides the agreement's, the warning the check gives (linkDropped names the property)
    const warnings = (await p).warnings.filter(
      (w) => w.code === 'exchange.warning.agreedLeftOutBecause',
    );
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    return warnings[0].params.reason;
  };
  const cases: [string, Promise<string | number>][] = [
    [
      'dates',
      reasonOf(
        agreedWith(
          cement('agreed', 1500_00, { availableFrom: '2027-01-01', availableTo: '2027-12-31' }),
        ),
      ),
    ],
    // 10 km apart, the request now takes deliveries from 1 km at most
    [
      'route',
      reasonOf(
        agreedWith(cement('agreed', 1500_00, { maxDistanceKm: 1, ...kem, lat: kem.lat + 0.1 })),
      ),
    ],
    ['route', reasonOf(agreedWith(cement('agreed', 1500_00, { transportModes: ['rail'] })))],
    ['material', reasonOf(agreedWith(cement('agreed', 1500_00, { useId: 'road-base' })))],
    // the request limits a property the offer states no figure for
    ['quality', reasonOf(agreedWith(cement('agreed', 1500_00, { quality: { so3: { max: 3 } } })))],
    // the offer now has 500 t a year, less than the agreed 600
    ['quantity', reasonOf(agreedWith(cement('agreed', 1500_00), { ...ash, quantityPerYear: 500 }))],
  ];
  for (const [reason, found] of cases) assert.equal(await found, reason);
});

const warningText = (w: { code: string; params: Record<string, string | number> }, lang: Lang) =>
  messageByCode(w.code, w.params)?.text(lang);

test('the reason reads in both languages', async () => {
  const p = await planWith(
    [ash, cement('agreed', 1500_00, { availableFrom: '2027-01-01', availableTo: '2027-12-31' })],
    [{ supply: 'ash', demand: 'agreed', quantity: 600 }],
  );
  const [w] = p.warnings;
  assert.equal(
    warningText(w, 'en'),
    'the agreed match of the offer ash and the request agreed was left out of the plan: their availability periods no longer overlap — correct the listings or agree anew',
  );
  assert.equal(
    warningText(w, 'ru'),
    'согласованное сопоставление предложения ash и запроса agreed не вошло в план: их сроки доступности больше не пересекаются — исправьте объявления или согласуйте заново',
  );
});

test('an agreement on a listing no longer live is left out without a word', async () => {
  const p = await planWith(
    [ash, cement('richer', 2000_00)],
    [{ supply: 'ash', demand: 'withdrawn', quantity: 600 }],
  );
  assert.deepEqual(shipped(p), [['richer', 1000, false]]);
  assert.deepEqual(p.warnings, []);
});
