// Pure: rail routes and the rail tariff. A site ships from its nearest station of the rail
// table (data/reference/rail-distances.json: ТР-4 tariff distances between the stations of the
// cluster's corridors); the route between two sites is the table's distance between their
// stations. The charge per tonne follows ТР-1 scheme N8 (per wagon by distance belt), tapered by
// the class-1 coefficient K1, times the commodity, wagon and security coefficients, per tonne
// loaded, plus the operator's share (wagon rate and empty return). Every number comes from the
// factors table (engine/factors.ts).
import { z } from 'zod';
import { greatCircleKm } from '../../registry/engine/index.ts';
import { type FactorTable, factor, group } from './factors.ts';

export const RailStation = z.object({
  code: z.string().regex(/^[A-Z]+$/),
  name: z.string(),
  esr: z.string().optional(),
  town: z.string().optional(),
  lat: z.number().finite(),
  lon: z.number().finite(),
  coordinates: z.string().optional(),
});
export type RailStation = z.infer<typeof RailStation>;

/** The rail table as the data file holds it: stations and tariff km by "AAA-BBB" (codes sorted). */
export const RailNetwork = z.object({
  source: z.string(),
  year: z.int(),
  status: z.enum(['sourced', 'estimate']),
  basis: z.string().optional(),
  stations: z.array(RailStation).min(1),
  km: z.record(z.string().regex(/^[A-Z]+-[A-Z]+$/), z.number().positive()),
});
export type RailNetwork = z.infer<typeof RailNetwork>;

/** The key of a station pair in `RailNetwork.km`: the two codes in order. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}-${b}` : `${b}-${a}`);

/** The table's distance between two stations; undefined for a pair it does not hold. */
export function stationKm(network: RailNetwork, a: string, b: string): number | undefined {
  return network.km[pairKey(a, b)];
}

type Nearest = { station: RailStation; km: number } | undefined;

/** Per network, the nearest station of each point asked (a plan asks for each site many times). */
const nearestCache = new WeakMap<RailNetwork, Map<string, Nearest>>();

/** The station nearest a point (great-circle) within `reachKm`; undefined when none is. */
export function nearestStation(
  network: RailNetwork,
  p: { lat: number; lon: number },
  reachKm: number,
): Nearest {
  let cache = nearestCache.get(network);
  if (!cache) {
    cache = new Map();
    nearestCache.set(network, cache);
  }
  const key = `${p.lat} ${p.lon} ${reachKm}`;
  if (cache.has(key)) return cache.get(key);
  let best: Nearest;
  for (const station of network.stations) {
    const km = greatCircleKm(p, station);
    if (km <= reachKm && (!best || km < best.km)) best = { station, km };
  }
  cache.set(key, best);
  return best;
}

/**
 * The rail route between two points: from the station nearest each, the table's distance
 * (`stations` names them); undefined where either point has no station within reach, both
 * share one, or the table lacks the pair (the caller falls back to great-circle × circuity).
 */
export function railRoute(
  network: RailNetwork,
  from: { lat: number; lon: number },
  to: { lat: number; lon: number },
  reachKm: number,
): { km: number; stations: [string, string] } | undefined {
  const a = nearestStation(network, from, reachKm);
  const b = nearestStation(network, to, reachKm);
  if (!a || !b || a.station.code === b.station.code) return undefined;
  const km = stationKm(network, a.station.code, b.station.code);
  return km === undefined ? undefined : { km, stations: [a.station.code, b.station.code] };
}

export interface RailTariff {
  /** scheme N8 base, RUB per wagon, at increasing tariff km */
  n8: Array<{ km: number; rubPerWagon: number }>;
  k1: { base: number; upToKm: number; stepKm: number; step: number; floor: number };
  ownWagon: number;
  k3: number;
  k3UniversalWagon: number;
  security: number;
  wagonLoadT: number;
  operatorShare: number;
}

/** The tariff from the factors table (`transport.rail.*`). */
export function railTariffFrom(table: FactorTable): RailTariff {
  const f = (k: string) => factor(table, `transport.rail.${k}`);
  const n8 = Object.entries(group(table, 'transport.rail.n8'))
    .map(([k, e]) => ({ km: Number(k.replace(/^km/, '')), rubPerWagon: e.value }))
    .sort((a, b) => a.km - b.km);
  if (!n8[1] || n8.some((p) => !Number.isFinite(p.km)))
    throw new RangeError('transport.rail.n8 needs at least two points named km<distance>');
  return {
    n8,
    k1: {
      base: f('k1.base'),
      upToKm: f('k1.upToKm'),
      stepKm: f('k1.stepKm'),
      step: f('k1.step'),
      floor: f('k1.floor'),
    },
    ownWagon: f('ownWagon'),
    k3: f('k3'),
    k3UniversalWagon: f('k3UniversalWagon'),
    security: f('security'),
    wagonLoadT: f('wagonLoadT'),
    operatorShare: f('operatorShare'),
  };
}

/**
 * Scheme N8 per wagon at a tariff distance: linear between the table's points (the tariff's
 * belts are 5-100 km wide; the points are the belts of those distances), the first point's
 * value below it, the last segment's slope beyond the last point.
 */
export function n8RubPerWagon(t: RailTariff, km: number): number {
  const p = t.n8;
  if (km <= p[0].km) return p[0].rubPerWagon;
  let i = 1;
  while (i < p.length - 1 && km > p[i].km) i++;
  const [a, b] = [p[i - 1], p[i]];
  return a.rubPerWagon + ((b.rubPerWagon - a.rubPerWagon) * (km - a.km)) / (b.km - a.km);
}

/** K1 for class-1 cargo: its base up to `upToKm`, then `step` less per started `stepKm`, not below `floor`. */
export function k1(t: RailTariff, km: number): number {
  const { base, upToKm, stepKm, step, floor } = t.k1;
  if (km <= upToKm) return base;
  return Math.max(floor, base - step * Math.ceil((km - upToKm) / stepKm));
}

/** RUB per tonne by rail over a tariff distance, before loading and unloading. */
export function railRubPerT(t: RailTariff, km: number): number {
  const perWagon = n8RubPerWagon(t, km) * t.ownWagon * k1(t, km) * t.k3 * t.k3UniversalWagon;
  return ((perWagon * t.security) / t.wagonLoadT) * (1 + t.operatorShare);
}
