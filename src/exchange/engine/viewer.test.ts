import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { agglomerationCentres, greatCircleKm } from '../../registry/engine/index.ts';
import type { Agglomeration } from '../../registry/schema.ts';
import { factorTable } from '../reference.ts';
import type { PlanDocument } from '../schema.ts';
import { routeOf, transportFrom } from './candidates.ts';
import { emissionFactorsFrom } from './impact.ts';
import { computePlan, maskPlan, type PlanListing } from './plan.ts';
import { referencePoint, regionalCentres } from './viewer.ts';

const factors = factorTable();
const options = { transport: transportFrom(factors), emissions: emissionFactorsFrom(factors) };

const materials = new Map([
  ['fly-ash', { id: 'fly-ash', unit: 't', uses: ['cement-additive', 'backfill'] }],
]);
const now = new Date('2026-11-29T12:00:00Z');

const listing = (
  over: Partial<PlanListing> & Pick<PlanListing, 'id' | 'side' | 'lat' | 'lon'>,
): PlanListing => ({
  unit: 't',
  quantityPerYear: 1000,
  availableFrom: '2026-01-01',
  availableTo: '2027-12-31',
  quality: {},
  transportModes: ['road', 'rail'],
  organisationId: `org-${over.id}`,
  organisationName: `Org ${over.id}`,
  siteId: `site-${over.id}`,
  agglomeration: null,
  ...over,
});

/**
 * Two anonymous holders in one agglomeration — an ash offer (h-offer) and a backfill request
 * (h-request) — and two visible members: a cement plant (v-request) and another ash offer
 * (v-offer) at the viewer's positions. The hidden offer's site is the one that moves.
 */
function market(
  agg: Agglomeration,
  hiddenSite: { lat: number; lon: number },
  hiddenRequestSite: { lat: number; lon: number },
  viewer: { lat: number; lon: number },
  other: { lat: number; lon: number },
): PlanListing[] {
  return [
    listing({
      id: 'h-offer',
      side: 'offer',
      materialId: 'fly-ash',
      quality: { loi: 5 },
      quantityPerYear: 800,
      disposalCostKopecksPerUnit: 400_00,
      legalStatus: 'waste',
      agglomeration: agg,
      ...hiddenSite,
    }),
    listing({
      id: 'h-request',
      side: 'request',
      useId: 'backfill',
      quantityPerYear: 300,
      priceKopecksPerUnit: 200_00,
      agglomeration: agg,
      ...hiddenRequestSite,
    }),
    listing({
      id: 'v-request',
      side: 'request',
      useId: 'cement-additive',
      quantityPerYear: 400,
      priceKopecksPerUnit: 1500_00,
      ...viewer,
    }),
    listing({
      id: 'v-offer',
      side: 'offer',
      materialId: 'fly-ash',
      quality: { loi: 4 },
      quantityPerYear: 200,
      disposalCostKopecksPerUnit: 300_00,
      legalStatus: 'waste',
      ...other,
    }),
  ];
}

/** Which flows exist and how much each carries: what may still depend on the true site. */
const flowSet = (p: PlanDocument) =>
  p.plan.flows.map((f) => `${f.supply}→${f.demand}:${f.quantity}`).sort();

/** Everything the viewer reads of the answer, but the warnings (none here) and the timing. */
const seen = (p: PlanDocument) => ({ plan: p.plan, impact: p.impact, counts: p.counts });

const aggs = Object.keys(agglomerationCentres) as Agglomeration[];
const near = (c: { lat: number; lon: number }, r: number) =>
  fc
    .record({
      dLat: fc.double({ min: -r, max: r, noNaN: true }),
      dLon: fc.double({ min: -r, max: r, noNaN: true }),
    })
    .map(({ dLat, dLon }) => ({ lat: c.lat + dLat, lon: c.lon + dLon }));
const inKuzbass = fc
  .record({
    lat: fc.double({ min: 53.4, max: 56.2, noNaN: true }),
    lon: fc.double({ min: 85.0, max: 88.4, noNaN: true }),
  })
  .map((p) => ({ lat: Math.round(p.lat * 1e4) / 1e4, lon: Math.round(p.lon * 1e4) / 1e4 }));

test('a viewer to whom a holder is hidden gets the same figures wherever in its agglomeration its site is', async () => {
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(
      fc
        .constantFrom(...aggs)
        .chain((agg) =>
          fc.tuple(
            fc.constant(agg),
            near(agglomerationCentres[agg], 0.12),
            near(agglomerationCentres[agg], 0.12),
            near(agglomerationCentres[agg], 0.12),
          ),
        ),
      inKuzbass,
      inKuzbass,
      fc.constantFrom('third party', 'hidden request holder', 'visible request holder'),
      async ([agg, siteA, siteB, requestSite], viewer, other, who) => {
        // what the viewer's organisation may see: its own listings and the visible ones
        const shown = (id: string) =>
          id.startsWith('v-') || (who === 'hidden request holder' && id === 'h-request');
        const view = async (site: { lat: number; lon: number }) => {
          const listings = market(agg, site, requestSite, viewer, other);
          const byId = new Map(listings.map((l) => [l.id, l]));
          const plan = await computePlan(listings, materials, { now, factors });
          return { plan, masked: maskPlan(plan, shown, (id) => byId.get(id), options) };
        };
        const [a, b] = [await view(siteA), await view(siteB)];
        // the optimiser works on true sites: the two anonymous holders are apart
        const hh = a.plan.plan.flows.find(
          (f) => f.supply === 'h-offer' && f.demand === 'h-request',
        );
        if (hh && greatCircleKm(siteA, requestSite) > 0.1) assert.ok(hh.distanceKm > 0);
        assert.ok(a.plan.plan.flows.every((f) => !f.approximate));
        if (JSON.stringify(flowSet(a.plan)) !== JSON.stringify(flowSet(b.plan))) return;
        compared++;
        assert.deepEqual(seen(a.masked), seen(b.masked));
        // … computed from the agglomeration centre, and flagged approximate
        const centre = agglomerationCentres[agg];
        for (const f of a.masked.plan.flows) {
          const hidden = !shown(f.supply) || !shown(f.demand);
          assert.equal(f.approximate, hidden);
          if (!hidden) continue;
          const from = shown(f.supply) ? f.from : centre;
          const to = shown(f.demand) ? f.to : centre;
          const route = routeOf(
            f.mode,
            from as { lat: number; lon: number },
            to as { lat: number; lon: number },
            options.transport,
          )!;
          assert.equal(f.distanceKm, Math.round(route.distanceKm * 10) / 10);
          assert.equal(
            f.savingsKopecks,
            f.valueKopecks + f.avoidedDisposalKopecks - f.transportKopecks,
          );
          for (const e of [f.from, f.to].filter((e) => e.organisationId === null))
            assert.deepEqual([e.lat, e.lon, e.siteId], [centre.lat, centre.lon, null]);
        }
        // the totals are those of the flows shown
        const flows = a.masked.plan.flows;
        assert.equal(
          a.masked.plan.objectiveKopecks,
          flows.reduce((s, f) => s + f.savingsKopecks, 0),
        );
        assert.equal(
          a.masked.impact.savings.valueKopecks,
          flows.reduce(
            (s, f) => s + f.valueKopecks + f.avoidedDisposalKopecks - f.transportKopecks,
            0,
          ),
        );
        const transportT = flows.reduce((s, f) => s + f.transportCo2eT, 0);
        assert.ok(Math.abs(a.masked.impact.transportCo2eT.value - transportT) < 1e-3);
      },
    ),
    { numRuns: 60, seed: 20261129 },
  );
  assert.ok(compared >= 20, `only ${compared} of 60 runs had the same flows at both sites`);
});

test('outside the region a hidden holder is taken at the nearest regional capital of the list', () => {
  const novosibirsk = regionalCentres.find((c) => c.name === 'Novosibirsk')!;
  for (const site of [
    { lat: 55.03, lon: 82.92 },
    { lat: 54.9, lon: 83.1 },
    { lat: 55.2, lon: 82.6 },
  ])
    assert.deepEqual(referencePoint({ agglomeration: null, ...site }), {
      lat: novosibirsk.lat,
      lon: novosibirsk.lon,
    });
  const tomsk = regionalCentres.find((c) => c.name === 'Tomsk')!;
  assert.deepEqual(referencePoint({ agglomeration: null, lat: 56.5, lon: 85.0 }), {
    lat: tomsk.lat,
    lon: tomsk.lon,
  });
  // in the region, the agglomeration's centre, wherever the site is
  assert.deepEqual(referencePoint({ agglomeration: 'kemerovo', lat: 55.6, lon: 86.3 }), {
    lat: agglomerationCentres.kemerovo.lat,
    lon: agglomerationCentres.kemerovo.lon,
  });
  assert.equal(referencePoint({ agglomeration: null, lat: null, lon: null }), null);
});

test('F5: outside the region a viewer gets the figures from the regional capital, not a grid cell', async () => {
  const kemerovo = { lat: 55.3911, lon: 86.0468 };
  const view = async (site: { lat: number; lon: number }) => {
    // the hidden offer and the viewer's request only
    const listings = market('kemerovo', site, kemerovo, kemerovo, kemerovo)
      .filter((l) => l.id === 'h-offer' || l.id === 'v-request')
      .map((l) => (l.id === 'h-offer' ? { ...l, agglomeration: null } : l));
    const byId = new Map(listings.map((l) => [l.id, l]));
    const plan = await computePlan(listings, materials, { now, factors });
    const shown = (id: string) => id.startsWith('v-');
    return { plan, masked: maskPlan(plan, shown, (id) => byId.get(id), options) };
  };
  // two sites in and around Novosibirsk, 0.5° apart (the old grid told them apart)
  const [a, b] = [await view({ lat: 54.85, lon: 82.7 }), await view({ lat: 55.3, lon: 83.2 })];
  assert.deepEqual(flowSet(a.plan), flowSet(b.plan));
  assert.notDeepEqual(
    a.plan.plan.flows.map((f) => f.distanceKm),
    b.plan.plan.flows.map((f) => f.distanceKm),
  );
  assert.deepEqual(seen(a.masked), seen(b.masked));
  const novosibirsk = regionalCentres.find((c) => c.name === 'Novosibirsk')!;
  const f = a.masked.plan.flows.find((x) => x.supply === 'h-offer' && x.demand === 'v-request')!;
  assert.ok(f, 'the hidden offer ships to the visible request');
  assert.deepEqual([f.from.lat, f.from.lon], [novosibirsk.lat, novosibirsk.lon]);
  assert.equal(
    f.distanceKm,
    Math.round(routeOf(f.mode, novosibirsk, kemerovo, options.transport)!.distanceKm * 10) / 10,
  );
});
