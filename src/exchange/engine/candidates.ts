// Pure: candidate links between live offers and requests, with the engine problem they make.

import { kopecksToRub } from '../../model/money.ts';
import { greatCircleKm } from '../../registry/engine/index.ts';
import { warnings as w, warningData } from '../messages.ts';
import type {
  CompatibilityRow,
  Counterfactual,
  PlanWarning,
  QualityLimit,
  Substitute,
  TransportMode,
} from '../schema.ts';
import { supplyMarginPerUnit } from './baseline.ts';
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
  /** the holder: an organisation's own offer and request are never linked (internal reuse) */
  organisationId?: string;
  /** offer: see engine/baseline.ts */
  counterfactual?: Counterfactual;
  supplierCostKopecksPerUnit?: number;
  salePriceKopecksPerUnit?: number;
  /** request: see engine/baseline.ts */
  substitute?: Substitute;
  endUse?: boolean;
}

/**
 * An organisation's own offer that could serve its own request: internal reuse, never an
 * exchange (no link, no proposal), reported apart from the plan's totals.
 */
export interface InternalPair {
  supply: string;
  demand: string;
  organisationId: string;
  /** shipped at most: the offer's quantity, or what the request takes, in the offer's unit */
  quantity: number;
  /** received, in the request's unit */
  delivered: number;
  yield: number;
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
  /** an organisation's own offer and request that fit: not links, reported apart */
  internal: InternalPair[];
}

/** Whether an offer's measured values meet every limit of a request, on its own (no blend). */
const meetsLimits = (o: CandidateListing, r: CandidateListing) =>
  Object.entries(r.quality).every(([p, limit]) => {
    const v = o.quality[p];
    if (typeof v !== 'number' || typeof limit === 'number') return false;
    return (
      (limit.min === undefined || v >= limit.min) && (limit.max === undefined || v <= limit.max)
    );
  });

const overlaps = (a: CandidateListing, b: CandidateListing) =>
  a.availableFrom <= b.availableTo && b.availableFrom <= a.availableTo;

/** The cheapest mode both sides accept, within each side's reach; undefined when none. */
export function cheapestMode(
  offer: CandidateListing,
  request: CandidateListing,
  km: number,
  transport: TransportAssumptions = defaultTransport,
): Omit<CandidateLink, 'supply' | 'demand' | 'yield' | 'rule'> | undefined {
  const reach = Math.min(offer.maxDistanceKm ?? Infinity, request.maxDistanceKm ?? Infinity);
  let best: ReturnType<typeof cheapestMode>;
  for (const mode of offer.transportModes) {
    if (!request.transportModes.includes(mode)) continue;
    if ((mode === 'road' || mode === 'rail') && !bulkUnits.has(offer.unit)) continue;
    const a = transport[mode];
    const distanceKm = km * a.circuity;
    if (distanceKm > reach) continue;
    const costPerUnit = distanceKm * a.ratePerUnitKm + a.handlingPerUnit;
    if (!best || costPerUnit < best.costPerUnit)
      best = {
        mode,
        distanceKm,
        greatCircleKm: km,
        travelHours: a.speedKmh ? distanceKm / a.speedKmh : null,
        costPerUnit,
      };
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
  const internal: InternalPair[] = [];
  for (const o of offers) {
    const material = o.materialId ? materials.get(o.materialId) : undefined;
    if (!material) continue;
    for (const r of requests) {
      const fit = fitOf(material, r, table);
      if (!fit || !overlaps(o, r)) continue;
      const way = cheapestMode(o, r, greatCircleKm(o, r), transport);
      if (!way) continue;
      if (o.organisationId !== undefined && o.organisationId === r.organisationId) {
        // never an exchange with itself: internal reuse, if the offer meets the limits alone
        if (meetsLimits(o, r)) {
          const quantity = Math.min(o.quantityPerYear, r.quantityPerYear / fit.yield);
          internal.push({
            supply: o.id,
            demand: r.id,
            organisationId: o.organisationId,
            quantity,
            delivered: quantity * fit.yield,
            yield: fit.yield,
          });
        }
        continue;
      }
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
        // the supply side of the net benefit: avoided disposal − own cost − forgone sale
        disposalCost: kopecksToRub(supplyMarginPerUnit(o)),
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
  return { problem, links, warnings, internal };
}
