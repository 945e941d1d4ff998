// Pure: candidate links between live offers and requests, with the engine problem they make.

import { kopecksToRub } from '../../model/money.ts';
import { greatCircleKm } from '../../registry/engine/index.ts';
import { warnings as w, warningData } from '../messages.ts';
import type { CompatibilityRow, PlanWarning, QualityLimit, TransportMode } from '../schema.ts';
import { compatibilityTable, fitOf } from './compatibility.ts';
import type { ProblemInput } from './solve/index.ts';

export interface ModeAssumption {
  /** RUB per unit·km of route */
  ratePerUnitKm: number;
  /** RUB per unit, loading and unloading */
  handlingPerUnit: number;
  /** route km per great-circle km */
  circuity: number;
  /** average speed; null where travel time does not apply (pipeline, wire) */
  speedKmh: number | null;
  source: string;
}

export type TransportAssumptions = Record<TransportMode, ModeAssumption>;

/** Defaults from kuzbass-facts.md "Transport" (ranges; the middle taken) and estimates. */
export const defaultTransport: TransportAssumptions = {
  road: {
    ratePerUnitKm: 6.5,
    handlingPerUnit: 50,
    circuity: 1.2,
    speedKmh: 70,
    source:
      'tipper truck 5-8 RUB/t·km (E, facts), road = 1.2 × great-circle at 70 km/h (E, facts); handling 50 RUB/t (E)',
  },
  rail: {
    ratePerUnitKm: 0.65,
    handlingPerUnit: 120,
    circuity: 1.3,
    speedKmh: 35,
    source: 'rail 0.5-0.8 RUB/t·km (E, facts); circuity 1.3, 35 km/h, handling 120 RUB/t (E)',
  },
  pipeline: {
    ratePerUnitKm: 0,
    handlingPerUnit: 0,
    circuity: 1,
    speedKmh: null,
    source: "the holders' own pipeline within its reach; its cost is not modelled (E)",
  },
  wire: {
    ratePerUnitKm: 0,
    handlingPerUnit: 0,
    circuity: 1,
    speedKmh: null,
    source: 'a line within its reach; its cost is not modelled (E)',
  },
};

/** Units that road and rail carry (m³ counted as tonnes of water-like material). */
const bulkUnits = new Set(['t', 'm3']);

export interface CandidateListing {
  id: string;
  side: 'offer' | 'request';
  materialId?: string;
  useId?: string;
  unit: string;
  quantityPerYear: number;
  availableFrom: string;
  availableTo: string;
  quality: Record<string, number | QualityLimit>;
  /** kopecks per unit */
  disposalCostKopecksPerUnit?: number;
  mustShipMin?: number;
  /** kopecks per unit */
  priceKopecksPerUnit?: number;
  mustTakeMin?: number;
  transportModes: TransportMode[];
  maxDistanceKm?: number;
  lat: number;
  lon: number;
}

export interface CandidateMaterial {
  id: string;
  unit: string;
  uses: readonly string[];
}

export interface CandidateLink {
  supply: string;
  demand: string;
  mode: TransportMode;
  /** route km: great-circle × circuity of the mode */
  distanceKm: number;
  greatCircleKm: number;
  travelHours: number | null;
  costPerUnit: number;
  yield: number;
  rule: CompatibilityRow;
}

export interface Candidates {
  problem: ProblemInput;
  links: CandidateLink[];
  /** as message codes with their parameters (exchange/messages.ts `warnings`) */
  warnings: PlanWarning[];
}

const overlaps = (a: CandidateListing, b: CandidateListing) =>
  a.availableFrom <= b.availableTo && b.availableFrom <= a.availableTo;

/** One mode's route between two points: its length, cost per unit and travel time. */
export interface Route {
  /** route km: great-circle × circuity of the mode */
  distanceKm: number;
  greatCircleKm: number;
  /** RUB per unit carried */
  costPerUnit: number;
  travelHours: number | null;
}

/**
 * The route of one mode from one point to another, as every figure of transport is priced:
 * the planner's links and the figures a viewer gets from a hidden holder's agglomeration
 * centre (engine/viewer.ts) both come from here. Undefined when the mode has no figures.
 */
export function routeOf(
  mode: TransportMode,
  from: { lat: number; lon: number },
  to: { lat: number; lon: number },
  transport: TransportAssumptions = defaultTransport,
): Route | undefined {
  const a = transport[mode];
  if (!a) return undefined;
  const km = greatCircleKm(from, to);
  const distanceKm = km * a.circuity;
  return {
    distanceKm,
    greatCircleKm: km,
    costPerUnit: distanceKm * a.ratePerUnitKm + a.handlingPerUnit,
    travelHours: a.speedKmh ? distanceKm / a.speedKmh : null,
  };
}

/** What `cheapestMode` reads of a listing. */
export type RouteEnd = Pick<
  CandidateListing,
  'transportModes' | 'maxDistanceKm' | 'unit' | 'lat' | 'lon'
>;

/** The cheapest mode both sides accept, within each side's reach; undefined when none. */
export function cheapestMode(
  offer: RouteEnd,
  request: RouteEnd,
  transport: TransportAssumptions = defaultTransport,
): (Route & { mode: TransportMode }) | undefined {
  const reach = Math.min(offer.maxDistanceKm ?? Infinity, request.maxDistanceKm ?? Infinity);
  let best: ReturnType<typeof cheapestMode>;
  for (const mode of offer.transportModes) {
    if (!request.transportModes.includes(mode)) continue;
    if ((mode === 'road' || mode === 'rail') && !bulkUnits.has(offer.unit)) continue;
    const route = routeOf(mode, offer, request, transport);
    if (!route || route.distanceKm > reach) continue;
    if (!best || route.costPerUnit < best.costPerUnit) best = { mode, ...route };
  }
  return best;
}

/**
 * Links every active offer to every active request it can serve: the material or use fits
 * (with its yield), the windows overlap, a transport mode both accept reaches, and the offer
 * reports every property the request limits (otherwise the link is dropped with a warning).
 */
export function buildCandidates(
  listings: readonly CandidateListing[],
  materials: ReadonlyMap<string, CandidateMaterial>,
  options: { transport?: TransportAssumptions; table?: readonly CompatibilityRow[] } = {},
): Candidates {
  const transport = options.transport ?? defaultTransport;
  const table = options.table ?? compatibilityTable;
  const offers = listings.filter((l) => l.side === 'offer');
  const requests = listings.filter((l) => l.side === 'request');
  const links: CandidateLink[] = [];
  const warnings: PlanWarning[] = [];
  for (const o of offers) {
    const material = o.materialId ? materials.get(o.materialId) : undefined;
    if (!material) continue;
    for (const r of requests) {
      const fit = fitOf(material, r, table);
      if (!fit || !overlaps(o, r)) continue;
      const way = cheapestMode(o, r, transport);
      if (!way) continue;
      const missing = Object.keys(r.quality).filter((p) => typeof o.quality[p] !== 'number');
      if (missing.length) {
        warnings.push(
          warningData(
            w.linkDropped({ supply: o.id, demand: r.id, properties: missing.join(', ') }),
          ),
        );
        continue;
      }
      links.push({ supply: o.id, demand: r.id, yield: fit.yield, rule: fit.rule, ...way });
    }
  }
  const linkedIds = new Set(links.flatMap((l) => [l.supply, l.demand]));
  const linked = (id: string) => linkedIds.has(id);
  for (const l of listings) {
    const min = l.side === 'offer' ? l.mustShipMin : l.mustTakeMin;
    if ((min ?? 0) > 0 && !linked(l.id))
      warnings.push(
        warningData(
          l.side === 'offer'
            ? w.offerUnlinked({ id: l.id, min: min! })
            : w.requestUnlinked({ id: l.id, min: min! }),
        ),
      );
  }
  const problem: ProblemInput = {
    supplies: offers
      .filter((o) => linked(o.id))
      .map((o) => ({
        id: o.id,
        quantity: o.quantityPerYear,
        minQuantity: o.mustShipMin ?? 0,
        disposalCost: kopecksToRub(o.disposalCostKopecksPerUnit ?? 0),
        properties: Object.fromEntries(
          Object.entries(o.quality).filter((e): e is [string, number] => typeof e[1] === 'number'),
        ),
      })),
    demands: requests
      .filter((r) => linked(r.id))
      .map((r) => ({
        id: r.id,
        quantity: r.quantityPerYear,
        minQuantity: r.mustTakeMin ?? 0,
        value: kopecksToRub(r.priceKopecksPerUnit ?? 0),
        limits: Object.fromEntries(
          Object.entries(r.quality).filter(
            (e): e is [string, QualityLimit] => typeof e[1] !== 'number',
          ),
        ),
      })),
    links: links.map((l) => ({
      supply: l.supply,
      demand: l.demand,
      cost: l.costPerUnit,
      yield: l.yield,
    })),
  };
  return { problem, links, warnings };
}
