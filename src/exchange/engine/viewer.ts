// Pure: the figures of a plan as one viewer may see them. The planner works on true sites;
// a flow touching a holder hidden from the viewer has its distance, transport cost and CO2
// and its savings computed again from the holder's reference point (its agglomeration
// centre; outside the region the nearest regional capital of a fixed list), so that what the
// viewer reads is the same wherever in that area the holder's site is.

import { postKopecks, roundKopecks } from '../../model/money.ts';
import { agglomerationCentres, greatCircleKm } from '../../registry/engine/index.ts';
import type { FlowEnd, Impact, PlanDocument, PlanFlow, QualityLimit } from '../schema.ts';
import {
  cheapestMode,
  type Route,
  type RouteEnd,
  routeOf,
  substituteFactorOf,
  type TransportAssumptions,
} from './candidates.ts';
import {
  computeImpact,
  type EmissionFactors,
  flowEmissions,
  type ImpactFlow,
  netBenefitKopecks,
} from './impact.ts';

/**
 * Where a hidden holder outside the region is taken to be: the capital of a region (those
 * around Kuzbass, the federal districts' centres and the largest cities), the nearest one to
 * its site. City-centre coordinates, rounded to 0.01°.
 */
export const regionalCentres: ReadonlyArray<{ name: string; lat: number; lon: number }> = [
  { name: 'Novosibirsk', lat: 55.03, lon: 82.92 },
  { name: 'Tomsk', lat: 56.48, lon: 84.95 },
  { name: 'Barnaul', lat: 53.35, lon: 83.78 },
  { name: 'Gorno-Altaysk', lat: 51.96, lon: 85.96 },
  { name: 'Abakan', lat: 53.72, lon: 91.43 },
  { name: 'Krasnoyarsk', lat: 56.02, lon: 92.89 },
  { name: 'Kyzyl', lat: 51.72, lon: 94.44 },
  { name: 'Irkutsk', lat: 52.29, lon: 104.31 },
  { name: 'Ulan-Ude', lat: 51.83, lon: 107.58 },
  { name: 'Chita', lat: 52.03, lon: 113.5 },
  { name: 'Omsk', lat: 54.99, lon: 73.32 },
  { name: 'Tyumen', lat: 57.15, lon: 65.53 },
  { name: 'Khanty-Mansiysk', lat: 61.0, lon: 69.0 },
  { name: 'Kurgan', lat: 55.44, lon: 65.34 },
  { name: 'Yekaterinburg', lat: 56.84, lon: 60.61 },
  { name: 'Chelyabinsk', lat: 55.16, lon: 61.44 },
  { name: 'Kazan', lat: 55.8, lon: 49.11 },
  { name: 'Nizhny Novgorod', lat: 56.33, lon: 44.01 },
  { name: 'Moscow', lat: 55.76, lon: 37.62 },
  { name: 'Saint Petersburg', lat: 59.94, lon: 30.31 },
  { name: 'Rostov-on-Don', lat: 47.24, lon: 39.7 },
  { name: 'Yakutsk', lat: 62.04, lon: 129.68 },
  { name: 'Khabarovsk', lat: 48.48, lon: 135.07 },
  { name: 'Vladivostok', lat: 43.12, lon: 131.89 },
];

/**
 * The point a hidden holder's figures are computed from: its agglomeration's centre; outside
 * the region (no agglomeration) the nearest regional capital. Null when nothing is known.
 */
export function referencePoint(
  end: Pick<FlowEnd, 'agglomeration' | 'lat' | 'lon'>,
): { lat: number; lon: number } | null {
  if (end.agglomeration) {
    const c = agglomerationCentres[end.agglomeration];
    return { lat: c.lat, lon: c.lon };
  }
  if (end.lat === null || end.lon === null) return null;
  const site = { lat: end.lat, lon: end.lon };
  let best = regionalCentres[0];
  for (const c of regionalCentres) if (greatCircleKm(site, c) < greatCircleKm(site, best)) best = c;
  return { lat: best.lat, lon: best.lon };
}

/** What the viewer's figures read of a flow's listing (a listing record or a plan listing). */
export interface ViewerListing {
  transportModes: RouteEnd['transportModes'];
  maxDistanceKm?: number | null;
  unit: string;
  legalStatus?: string | null;
  quality?: Record<string, number | QualityLimit> | null;
}

/** The transport and emission factors the plan was computed with (its own, overrides included). */
export interface ViewerOptions {
  transport: TransportAssumptions;
  emissions: EmissionFactors;
}

/** The flow as the impact figures take it (the offer's legal status and CH4 % from its listing). */
export function impactFlowOf(f: PlanFlow, offer?: ViewerListing): ImpactFlow {
  const ch4 = offer?.quality?.ch4;
  return {
    quantity: f.quantity,
    delivered: f.delivered,
    valueFactor: f.valueFactor,
    ...(f.valueBasis ? { substituteFactor: substituteFactorOf(f.valueBasis) } : {}),
    valueKopecks: f.valueKopecks,
    avoidedDisposalKopecks: f.avoidedDisposalKopecks,
    supplierCostKopecks: f.supplierCostKopecks,
    forgoneSaleKopecks: f.forgoneSaleKopecks,
    tradeValueKopecks: f.tradeValueKopecks,
    transportKopecks: f.transportKopecks,
    mode: f.mode,
    distanceKm: f.distanceKm,
    offer: {
      materialId: f.material,
      unit: f.unit,
      legalStatus: offer?.legalStatus ?? undefined,
      ch4Percent: typeof ch4 === 'number' ? ch4 : undefined,
      counterfactual: f.counterfactual,
    },
    request: {
      materialId: f.demandMaterial ?? undefined,
      useId: f.demandUse ?? undefined,
      unit: f.deliveredUnit,
      // the substitute as the plan credited it (engine/baseline.ts creditedSubstitute)
      substitute: f.substituteCredited ? (f.substitute ?? null) : null,
    },
  };
}

/**
 * The route a viewer is shown between two points: the cheapest mode both listings accept
 * within their reach (beyond it, the cheapest they accept), so the mode too depends only on
 * the points; without the listings, the flow's own mode.
 */
function viewerRoute(
  f: PlanFlow,
  from: { lat: number; lon: number },
  to: { lat: number; lon: number },
  offer: ViewerListing | undefined,
  request: ViewerListing | undefined,
  transport: TransportAssumptions,
): Route & { mode: PlanFlow['mode'] } {
  if (offer && request) {
    const end = (l: ViewerListing, at: { lat: number; lon: number }, reach: boolean) => ({
      transportModes: l.transportModes,
      maxDistanceKm: reach ? (l.maxDistanceKm ?? undefined) : undefined,
      unit: offer.unit,
      ...at,
    });
    const way =
      cheapestMode(end(offer, from, true), end(request, to, true), transport) ??
      cheapestMode(end(offer, from, false), end(request, to, false), transport);
    if (way) return way;
  }
  const own = routeOf(f.mode, from, to, transport);
  if (own) return { mode: f.mode, ...own };
  const km = greatCircleKm(from, to);
  return { mode: f.mode, distanceKm: km, greatCircleKm: km, costPerUnit: 0, travelHours: null };
}

/**
 * A flow's figures with each hidden end at its reference point: distance, mode, travel time,
 * transport cost and CO2, savings. The quantities, value and avoided disposal stay: they do
 * not depend on where the sites are.
 */
export function viewerFigures(
  f: PlanFlow,
  hidden: { supply: boolean; demand: boolean },
  listings: { offer?: ViewerListing; request?: ViewerListing } = {},
  options: ViewerOptions,
): Pick<
  PlanFlow,
  | 'distanceKm'
  | 'mode'
  | 'travelHours'
  | 'transportKopecksPerUnit'
  | 'transportKopecks'
  | 'savingsKopecks'
  | 'transportCo2eT'
> {
  // a shown end where its site is; a hidden one (or one with no coordinates) at its reference
  const at = (e: FlowEnd, hide: boolean) =>
    (!hide && e.lat !== null && e.lon !== null ? { lat: e.lat, lon: e.lon } : null) ??
    referencePoint(e) ?? { lat: 0, lon: 0 };
  const route = viewerRoute(
    f,
    at(f.from, hidden.supply),
    at(f.to, hidden.demand),
    listings.offer,
    listings.request,
    options.transport,
  );
  const transportKopecksPerUnit = roundKopecks(route.costPerUnit * 100);
  const transportKopecks = postKopecks(transportKopecksPerUnit, f.quantity);
  const figures = {
    distanceKm: Math.round(route.distanceKm * 10) / 10,
    mode: route.mode,
    travelHours: route.travelHours === null ? null : Math.round(route.travelHours * 100) / 100,
    transportKopecksPerUnit,
    transportKopecks,
  };
  const savingsKopecks = netBenefitKopecks(impactFlowOf({ ...f, transportKopecks }));
  const co2 = flowEmissions(impactFlowOf({ ...f, ...figures }, listings.offer), options.emissions);
  return { ...figures, savingsKopecks, transportCo2eT: co2.transportT };
}

/**
 * The plan's impact over the flows a viewer gets: `computeImpact` again, on the stored plan's
 * baseline (every offer disposed of, every request bought new: it depends on no site).
 */
export function viewerImpact(
  plan: PlanDocument,
  flows: readonly PlanFlow[],
  listing: (id: string) => ViewerListing | undefined,
  options: ViewerOptions,
): Impact {
  const base = plan.impact.baselineCost.factorsKopecks;
  return computeImpact(
    flows.map((f) => impactFlowOf(f, listing(f.supply))),
    {
      offers: [{ disposalKopecks: base.disposal ?? 0 }],
      requests: [{ purchaseKopecks: base.purchases ?? 0 }],
    },
    options.emissions,
  );
}
