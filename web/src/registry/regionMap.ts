import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import outlineText from '../../../data/reference/kemerovo-oblast.geojson?raw';
import { agglomerationCentres } from '../../../src/registry/engine/index.ts';
import type { Agglomeration } from '../shell/types.ts';

/**
 * The base under the registry's cluster map and the exchange's flow map: offline, so no tile
 * layer, only the bundled region outline that every site and flow is seen against.
 */

/** The Kemerovo Oblast outline (bundled, ODbL). */
export const outline = JSON.parse(outlineText) as GeoJSON.FeatureCollection;
export const AGGLOMERATION_RADIUS_M = 30_000;

export const aggColours: Record<Agglomeration, string> = {
  kemerovo: '#2e6da4',
  novokuznetsk: '#b5651d',
  'leninsk-belovo': '#6a8d2f',
  north: '#7d5ba6',
};

/**
 * A map of the region in `element`: the outline drawn once, an attribution control for the
 * caller's credit line, and a layer group the caller redraws when its data change.
 */
export function createRegionMap(element: HTMLElement): {
  map: L.Map;
  layers: L.LayerGroup;
  attribution: L.Control.Attribution;
} {
  const map = L.map(element, {
    attributionControl: false,
    zoomSnap: 0.25,
    minZoom: 3,
    maxZoom: 13,
  });
  const attribution = L.control.attribution({ prefix: 'Leaflet' }).addTo(map);
  L.geoJSON(outline, {
    interactive: false,
    style: { color: '#5b7350', weight: 1.5, fillColor: '#f4f1e6', fillOpacity: 1 },
  }).addTo(map);
  const layers = L.layerGroup().addTo(map);
  return { map, layers, attribution };
}

/** The region's extent, to be extended by whatever lies outside it. */
export const regionBounds = (): L.LatLngBounds => L.geoJSON(outline).getBounds();

/** An agglomeration's area: a circle around its centre in its colour, drawn in the given style. */
export function agglomerationArea(
  a: Agglomeration,
  style: Pick<L.CircleOptions, 'weight' | 'dashArray' | 'fillOpacity' | 'className'>,
): L.Circle {
  const c = agglomerationCentres[a];
  return L.circle([c.lat, c.lon], {
    radius: AGGLOMERATION_RADIUS_M,
    color: aggColours[a],
    fillColor: aggColours[a],
    interactive: false,
    ...style,
  });
}

/**
 * Content for a Leaflet tooltip or popup built from data. Leaflet puts a string into
 * `innerHTML`, so a site or organisation name holding markup would run as HTML (security
 * review F1); a DOM node whose lines are set through `textContent` is always shown as text.
 * Each line is a string, or `[tag, text]` for an emphasised one (`strong`, `em`).
 */
export function textContent(
  ...lines: (string | [tag: 'strong' | 'em', text: string])[]
): HTMLElement {
  const box = document.createElement('div');
  box.className = 'map-text';
  for (const line of lines) {
    const row = document.createElement('div');
    if (typeof line === 'string') row.textContent = line;
    else {
      const em = document.createElement(line[0]);
      em.textContent = line[1];
      row.append(em);
    }
    box.append(row);
  }
  return box;
}

/**
 * Takes a shape out of the tab order. Chromium makes an SVG shape with focus listeners a tab
 * stop, and Leaflet adds them for a hover tooltip: without this a keyboard walks through
 * every town dot or flow line, unnamed, before reaching the rest of the page. For shapes whose
 * content is elsewhere in words (the town's name on hover only; the plan's flows table).
 */
export function withoutTabStop<T extends L.Path>(shape: T): T {
  const mark = () => {
    shape.getElement()?.setAttribute('tabindex', '-1');
    shape.getElement()?.setAttribute('aria-hidden', 'true');
  };
  // a map without a view yet creates the element only once it has one
  shape.on('add', mark);
  mark();
  return shape;
}
