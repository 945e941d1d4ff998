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
import { type Fit, fitOf } from './compatibility.ts';
import { type FactorTable, factor } from './factors.ts';
import {
  type RailNetwork,
  type RailTariff,
  railRoute,
  railRubPerT,
  railTariffFrom,
} from './rail.ts';
import type { ProblemInput } from './solve/index.ts';

export interface ModeAssumption {
  /** RUB per unit·km of route (a mode with a `tariff` uses that instead) */
  ratePerUnitKm: number;
  /** RUB per unit, loading and unloading */
  handlingPerUnit: number;
  /** route km per great-circle km (rail: only where the rail table has no station pair) */
  circuity: number;
  /** average speed; null where travel time does not apply (pipeline, wire) */
  speedKmh: number | null;
  source: string;
  /** rail: the charge per tonne by tariff distance (ТР-1, tapered) */
  tariff?: RailTariff;
  /** rail: the stations and tariff distances of the cluster's corridors (ТР-4) */
  network?: RailNetwork;
  /** rail: how far a site may be from its station, great-circle km */
  stationReachKm?: number;
}

export type TransportAssumptions = Record<TransportMode, ModeAssumption>;

const entry = (table: FactorTable, key: string) => {
  const e = table[key];
  if (!e) throw new RangeError(`no factor ${key}`);
  return `${e.value} ${e.unit} (${e.status === 'estimate' ? 'E' : e.source}, ${e.year})`;
};

/**
 * The transport assumptions from the factors table (`transport.*`) and, for rail, the rail
 * table: road at a rate per t·km over great-circle × circuity; rail over the rail table's
 * tariff distance at the tapered ТР-1 tariff; pipeline and wire within the holders' reach at
 * no modelled cost.
 */
export function transportFrom(table: FactorTable, network?: RailNetwork): TransportAssumptions {
  const road = (k: string) => factor(table, `transport.road.${k}`);
  const rail = (k: string) => factor(table, `transport.rail.${k}`);
  return {
    road: {
      ratePerUnitKm: road('rateRubPerTkm'),
      handlingPerUnit: road('handlingRubPerT'),
      circuity: road('circuity'),
      speedKmh: road('speedKmh'),
      source: `road ${entry(table, 'transport.road.rateRubPerTkm')} + handling ${entry(table, 'transport.road.handlingRubPerT')}; route = great-circle × ${road('circuity')}`,
    },
    rail: {
      ratePerUnitKm: 0,
      handlingPerUnit: rail('handlingRubPerT'),
      circuity: rail('circuity'),
      speedKmh: rail('speedKmh'),
      tariff: railTariffFrom(table),
      network,
      stationReachKm: rail('stationReachKm'),
      source: `rail: TR-1 scheme N8 × K1 (taper) × K3 × coefficients ÷ ${rail('wagonLoadT')} t × (1 + ${rail('operatorShare')}) + handling ${entry(table, 'transport.rail.handlingRubPerT')}; route = TR-4 distance between the nearest stations${network ? ` (${network.source}, ${network.year})` : ''}, else great-circle × ${rail('circuity')}`,
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
}

/** The cost of one unit over `km` of route by a mode: its tariff or rate, plus handling. */
export function costPerUnitOver(a: ModeAssumption, km: number): number {
  return (a.tariff ? railRubPerT(a.tariff, km) : km * a.ratePerUnitKm) + a.handlingPerUnit;
}

export interface Route {
  /** route km: the rail table's tariff distance, else great-circle × circuity of the mode */
  distanceKm: number;
  greatCircleKm: number;
  /** RUB per unit */
  costPerUnit: number;
  travelHours: number | null;
  /** rail only: true where no station pair of the rail table served (great-circle × circuity) */
  railFallback?: boolean;
}

/**
 * A link's route by one mode between two points: distance, cost per unit and travel time.
 * Rail goes between the stations nearest each point by the rail table's distance; where it has
 * no pair, great-circle × circuity (flagged `railFallback`). Undefined for an unknown mode.
 */
export function routeOf(
  mode: TransportMode,
  from: { lat: number; lon: number },
  to: { lat: number; lon: number },
  transport: TransportAssumptions,
): Route | undefined {
  const a = transport[mode];
  if (!a) return undefined;
  const gc = greatCircleKm(from, to);
  let distanceKm = gc * a.circuity;
  let railFallback: boolean | undefined;
  if (mode === 'rail') {
    const viaTable = a.network
      ? railRoute(a.network, from, to, a.stationReachKm ?? Infinity)
      : undefined;
    railFallback = !viaTable;
    if (viaTable) distanceKm = viaTable.km;
  }
  return {
    distanceKm,
    greatCircleKm: gc,
    costPerUnit: costPerUnitOver(a, distanceKm),
    travelHours: a.speedKmh ? distanceKm / a.speedKmh : null,
    ...(railFallback === undefined ? {} : { railFallback }),
  };
}

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
  /** request replacing primary coal by the tonne: the kcal/kg its price refers to */
  priceCalorificKcalPerKg?: number;
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

/** How a delivered unit is valued against its request's price, from the factors table. */
export interface Valuation {
  /** kcal/kg of the coal the per-tonne price of a request replacing primary coal refers to */
  coalNcvKcalPerKg: number;
}

export const valuationFrom = (table: FactorTable): Valuation => ({
  coalNcvKcalPerKg: factor(table, 'energy.coal.ncvKcalPerKg'),
});

/** Why a link's delivered unit is worth other than the request's price per unit. */
export interface ValueBasis {
  property: 'calorific';
  /** the offer's value of the property */
  offer: number;
  /** the value the request's price refers to: the request's own, else the factors' */
  reference: number;
  referenceFrom: 'request' | 'factors';
  /** the value of the coal the substitute's CO2 factor refers to (energy.coal.ncvKcalPerKg) */
  factorReference: number;
}

/**
 * A request that replaces primary coal and is priced by the tonne buys heat: a tonne of fuel
 * delivered to it is worth its calorific value ÷ that of the coal the price refers to (a
 * 4 700 kcal/kg slime replaces 0.94 t of 5 000 kcal/kg coal) — the request's own basis
 * (coal contracts price a basis calorific value), else the factors'. Null: valued at the price.
 */
export function valueBasisOf(
  o: Pick<CandidateListing, 'unit' | 'quality'>,
  r: Pick<CandidateListing, 'unit' | 'substitute' | 'priceCalorificKcalPerKg'>,
  valuation: Valuation | undefined,
): ValueBasis | null {
  const q = o.quality.calorific;
  if (!valuation || r.substitute !== 'primary-coal' || r.unit !== 't' || o.unit !== 't')
    return null;
  if (typeof q !== 'number' || !(q > 0)) return null;
  const own = r.priceCalorificKcalPerKg;
  const factorReference = valuation.coalNcvKcalPerKg;
  return own !== undefined && own > 0
    ? { property: 'calorific', offer: q, reference: own, referenceFrom: 'request', factorReference }
    : {
        property: 'calorific',
        offer: q,
        reference: factorReference,
        referenceFrom: 'factors',
        factorReference,
      };
}

/** What a delivered unit is worth in units of its request's price. */
export const valueFactorOf = (basis: ValueBasis | null): number =>
  basis ? basis.offer / basis.reference : 1;

/**
 * Units of the substitute one delivered unit replaces, for its CO2 credit: the heat it brings
 * in tonnes of the coal the CO2 factor refers to, whatever coal the request's price refers to
 * (a basis saved before the factor reference was kept: the price's reference).
 */
export const substituteFactorOf = (
  basis: Pick<ValueBasis, 'offer' | 'reference'> & { factorReference?: number },
): number => basis.offer / (basis.factorReference ?? basis.reference);

export interface CandidateMaterial {
  id: string;
  unit: string;
  uses: readonly string[];
}

export interface CandidateLink {
  supply: string;
  demand: string;
  mode: TransportMode;
  /** route km: the rail table's distance, else great-circle × circuity of the mode */
  distanceKm: number;
  greatCircleKm: number;
  travelHours: number | null;
  costPerUnit: number;
  yield: number;
  /** what a delivered unit is worth in units of the request's price (valueBasisOf) */
  valueFactor: number;
  valueBasis: ValueBasis | null;
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

/** Whether a figure lies within a request's limit of one property. */
const withinLimit = (v: number, limit: QualityLimit) =>
  (limit.min === undefined || v >= limit.min) && (limit.max === undefined || v <= limit.max);

/** Whether an offer's measured values meet every limit of a request, on its own (no blend). */
const meetsLimits = (o: CandidateListing, r: CandidateListing) =>
  Object.entries(r.quality).every(([p, limit]) => {
    const v = o.quality[p];
    return typeof v === 'number' && typeof limit !== 'number' && withinLimit(v, limit);
  });

const overlaps = (a: CandidateListing, b: CandidateListing) =>
  a.availableFrom <= b.availableTo && b.availableFrom <= a.availableTo;

/** The request's quality properties the offer states no figure for. */
const missingProperties = (o: CandidateListing, r: CandidateListing) =>
  Object.keys(r.quality).filter((p) => typeof o.quality[p] !== 'number');

/**
 * Properties a request limits in every lot, not as a blend's average: a fraction's top size
 * is its largest lump, and 300 mm rock blended with fine ash still brings 300 mm lumps to a
 * road base that takes ≤ 40 mm (a user walk saw such a link, and the deal from it flagged
 * every delivery). The other properties are mass shares or specific figures, which a blend
 * carries as its delivered-quantity-weighted average.
 */
const PER_LOT_PROPERTIES: ReadonlySet<string> = new Set(['size']);

/** Whether the offer's own figure breaks a limit the request sets on every lot. */
const breaksPerLotLimit = (o: CandidateListing, r: CandidateListing) =>
  Object.entries(r.quality).some(([p, limit]) => {
    const v = o.quality[p];
    return (
      PER_LOT_PROPERTIES.has(p) &&
      typeof v === 'number' &&
      typeof limit !== 'number' &&
      !withinLimit(v, limit)
    );
  });

/**
 * Why an offer and a request are no link of a plan: the offer's material does not fit the
 * request's material or use, their availability periods do not overlap, no transport mode both
 * accept reaches within their delivery distances, or the offer lacks a quality figure the
 * request limits (or the share its yield scales with) or breaks a limit set on every lot.
 */
export type UnlinkedReason = 'material' | 'dates' | 'route' | 'quality';

/** The checks of a pair that need no warning, in `buildCandidates`' order. */
function screenPair(
  o: CandidateListing,
  material: CandidateMaterial | undefined,
  r: CandidateListing,
  transport: TransportAssumptions,
  table: readonly CompatibilityRow[],
):
  | { unlinked: Exclude<UnlinkedReason, 'quality'> }
  | { fit: Fit; way: NonNullable<ReturnType<typeof cheapestMode>> } {
  const fit = material && fitOf(material, r, table);
  if (!fit) return { unlinked: 'material' };
  if (!overlaps(o, r)) return { unlinked: 'dates' };
  const way = cheapestMode(o, r, transport);
  if (!way) return { unlinked: 'route' };
  return { fit, way };
}

/**
 * Why `buildCandidates` makes no link of this offer and request (the first check it fails), or
 * null when it makes one; a pair of one organisation is internal reuse, not a link, and null too.
 */
export function unlinkedReason(
  o: CandidateListing,
  r: CandidateListing,
  materials: ReadonlyMap<string, CandidateMaterial>,
  options: { transport: TransportAssumptions; table: readonly CompatibilityRow[] },
): UnlinkedReason | null {
  const material = o.materialId ? materials.get(o.materialId) : undefined;
  const pair = screenPair(o, material, r, options.transport, options.table);
  if ('unlinked' in pair) return pair.unlinked;
  if (o.organisationId !== undefined && o.organisationId === r.organisationId) return null;
  const scale = pair.fit.rule.scaledBy;
  if (
    missingProperties(o, r).length ||
    (scale && typeof o.quality[scale] !== 'number') ||
    breaksPerLotLimit(o, r)
  )
    return 'quality';
  return null;
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
  transport: TransportAssumptions,
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
  options: {
    transport: TransportAssumptions;
    table: readonly CompatibilityRow[];
    /** without it every delivered unit is worth its request's price */
    valuation?: Valuation;
  },
): Candidates {
  const { transport, table, valuation } = options;
  const offers = listings.filter((l) => l.side === 'offer');
  const requests = listings.filter((l) => l.side === 'request');
  const links: CandidateLink[] = [];
  const warnings: PlanWarning[] = [];
  const internal: InternalPair[] = [];
  for (const o of offers) {
    const material = o.materialId ? materials.get(o.materialId) : undefined;
    if (!material) continue;
    for (const r of requests) {
      const pair = screenPair(o, material, r, transport, table);
      if ('unlinked' in pair) continue;
      const { fit, way } = pair;
      // A yield per unit of a pure component (methane) scales with the offer's share of it.
      const scale = fit.rule.scaledBy;
      if (o.organisationId !== undefined && o.organisationId === r.organisationId) {
        // never an exchange with itself: internal reuse, if the offer meets the limits alone
        const ownShare = scale ? o.quality[scale] : 1;
        if (meetsLimits(o, r) && typeof ownShare === 'number') {
          const y = scale ? (fit.yield * ownShare) / 100 : fit.yield;
          const quantity = Math.min(o.quantityPerYear, r.quantityPerYear / y);
          internal.push({
            supply: o.id,
            demand: r.id,
            organisationId: o.organisationId,
            quantity,
            delivered: quantity * y,
            yield: y,
          });
        }
        continue;
      }
      const missing = missingProperties(o, r);
      if (missing.length) {
        warnings.push(
          warningData(
            w.linkDropped({ supply: o.id, demand: r.id, properties: missing.join(', ') }),
          ),
        );
        continue;
      }
      if (scale && typeof o.quality[scale] !== 'number') {
        warnings.push(
          warningData(w.yieldNeedsShare({ supply: o.id, demand: r.id, properties: scale })),
        );
        continue;
      }
      // no warning: nothing the offer can add would make its lumps fit
      if (breaksPerLotLimit(o, r)) continue;
      const share = scale ? (o.quality[scale] as number) / 100 : 1;
      const { railFallback, ...route } = way;
      if (railFallback && way.mode === 'rail')
        warnings.push(
          warningData(
            w.railDistanceEstimated({
              supply: o.id,
              demand: r.id,
              km: Math.round(route.distanceKm),
              circuity: transport.rail.circuity,
            }),
          ),
        );
      const valueBasis = valueBasisOf(o, r, valuation);
      links.push({
        supply: o.id,
        demand: r.id,
        yield: fit.yield * share,
        valueFactor: valueFactorOf(valueBasis),
        valueBasis,
        rule: fit.rule,
        ...route,
      });
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
            ? w.offerUnlinked({ id: l.id, min: min!, unit: l.unit })
            : w.requestUnlinked({ id: l.id, min: min!, unit: l.unit }),
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
      ...(l.valueFactor === 1 ? {} : { valueFactor: l.valueFactor }),
    })),
  };
  return { problem, links, warnings, internal };
}
