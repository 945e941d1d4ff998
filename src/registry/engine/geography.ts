import type { Agglomeration } from '../schema.ts';

/** Cities of Kemerovo Oblast with coordinates (kuzbass-facts.md, source [H]) and the agglomeration each belongs to (estimate, ibid.). */
export const cities: ReadonlyArray<{
  name: string;
  lat: number;
  lon: number;
  agglomeration: Agglomeration;
}> = [
  { name: 'Kemerovo', lat: 55.3911, lon: 86.0468, agglomeration: 'kemerovo' },
  { name: 'Berezovsky', lat: 55.6694, lon: 86.2744, agglomeration: 'kemerovo' },
  { name: 'Topki', lat: 55.2765, lon: 85.6153, agglomeration: 'kemerovo' },
  { name: 'Novokuznetsk', lat: 53.7943, lon: 87.2143, agglomeration: 'novokuznetsk' },
  { name: 'Prokopyevsk', lat: 53.8604, lon: 86.7184, agglomeration: 'novokuznetsk' },
  { name: 'Kiselyovsk', lat: 54.006, lon: 86.6366, agglomeration: 'novokuznetsk' },
  { name: 'Osinniki', lat: 53.5988, lon: 87.3371, agglomeration: 'novokuznetsk' },
  { name: 'Kaltan', lat: 53.5211, lon: 87.2772, agglomeration: 'novokuznetsk' },
  { name: 'Myski', lat: 53.7126, lon: 87.8056, agglomeration: 'novokuznetsk' },
  { name: 'Mezhdurechensk', lat: 53.6865, lon: 88.0703, agglomeration: 'novokuznetsk' },
  { name: 'Leninsk-Kuznetsky', lat: 54.6674, lon: 86.1797, agglomeration: 'leninsk-belovo' },
  { name: 'Polysayevo', lat: 54.6055, lon: 86.2809, agglomeration: 'leninsk-belovo' },
  { name: 'Belovo', lat: 54.4221, lon: 86.3037, agglomeration: 'leninsk-belovo' },
  { name: 'Anzhero-Sudzhensk', lat: 56.0786, lon: 86.0201, agglomeration: 'north' },
  { name: 'Yurga', lat: 55.7203, lon: 84.8886, agglomeration: 'north' },
];

/** The four agglomerations and the city each is drawn at. */
export const agglomerationCentres: Record<
  Agglomeration,
  { name: string; lat: number; lon: number }
> = {
  kemerovo: { name: 'Kemerovo', lat: 55.3911, lon: 86.0468 },
  novokuznetsk: { name: 'Novokuznetsk', lat: 53.7943, lon: 87.2143 },
  'leninsk-belovo': { name: 'Leninsk-Kuznetsky', lat: 54.6674, lon: 86.1797 },
  north: { name: 'Anzhero-Sudzhensk', lat: 56.0786, lon: 86.0201 },
};

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine). */
export function greatCircleKm(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

type Ring = number[][];
/** Region outline as GeoJSON polygons (lon, lat rings). */
export type Outline = Ring[][];

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd test over each polygon (outer ring minus holes). */
export function insideOutline(point: { lat: number; lon: number }, outline: Outline): boolean {
  return outline.some(
    ([outer, ...holes]) =>
      inRing(point.lon, point.lat, outer) && !holes.some((h) => inRing(point.lon, point.lat, h)),
  );
}

/** Reads the polygons out of a GeoJSON FeatureCollection, Feature or geometry. */
export function outlineFromGeoJson(geojson: unknown): Outline {
  const out: Outline = [];
  type GeoNode = {
    type?: string;
    features?: GeoNode[];
    geometry?: GeoNode;
    geometries?: GeoNode[];
    coordinates?: unknown;
  };
  const visit = (g: GeoNode | undefined): void => {
    if (!g) return;
    if (g.type === 'FeatureCollection') for (const f of g.features ?? []) visit(f);
    else if (g.type === 'Feature') visit(g.geometry);
    else if (g.type === 'Polygon') out.push(g.coordinates as Ring[]);
    else if (g.type === 'MultiPolygon') out.push(...(g.coordinates as Ring[][]));
    else if (g.type === 'GeometryCollection') for (const x of g.geometries ?? []) visit(x);
  };
  visit(geojson as GeoNode);
  return out;
}

export interface Placement {
  inRegion: boolean;
  nearestCity: string | null;
  agglomeration: Agglomeration | null;
}

/** A site belongs to the agglomeration of its nearest listed city; outside the region, to none. */
export function placeSite(point: { lat: number; lon: number }, outline: Outline): Placement {
  if (!insideOutline(point, outline))
    return { inRegion: false, nearestCity: null, agglomeration: null };
  let best = cities[0];
  let bestKm = Number.POSITIVE_INFINITY;
  for (const c of cities) {
    const km = greatCircleKm(point, c);
    if (km < bestKm) {
      best = c;
      bestKm = km;
    }
  }
  return { inRegion: true, nearestCity: best.name, agglomeration: best.agglomeration };
}
