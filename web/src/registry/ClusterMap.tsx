import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { agglomerationCentres, cities } from '../../../src/registry/engine/index.ts';
import { localised, useFormat, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import type { Organisation, Site } from '../shell/types.ts';
import { agglomerations } from '../shell/vocabulary.ts';
import { registryDict } from './dict.ts';
import { kindColours, townName, useLabels } from './labels.ts';
import { orgName } from './names.ts';
import {
  agglomerationArea,
  createRegionMap,
  regionBounds,
  textContent,
  withoutTabStop,
} from './regionMap.ts';

/** the least distance on screen between two markers' centres: a marker's width and its rim */
const MARKER_GAP_PX = 16;

interface Placed {
  marker: L.CircleMarker;
  at: L.LatLng;
}

/**
 * Sites that fall on one spot at the map's zoom (several plants in one town) are pushed apart
 * on screen until each can be seen, hovered and clicked, each staying as near its own spot as
 * it can (user walk L7); they come back to their spots as the map is zoomed in.
 */
function spreadMarkers(map: L.Map, placed: Placed[]): void {
  const zoom = map.getZoom();
  const at = placed.map((x) => map.project(x.at, zoom));
  for (let round = 0; round < 120; round++) {
    let moved = false;
    for (let i = 0; i < at.length; i++)
      for (let j = i + 1; j < at.length; j++) {
        let d = at[j].subtract(at[i]);
        let distance = Math.hypot(d.x, d.y);
        if (distance >= MARKER_GAP_PX) continue;
        if (distance < 0.01) {
          // one spot exactly: part them along a direction of their own, the same every time
          d = L.point(Math.cos(j * 2.39996), Math.sin(j * 2.39996));
          distance = 1;
        }
        const push = d.multiplyBy((MARKER_GAP_PX - distance) / 2 / distance);
        at[i] = at[i].subtract(push);
        at[j] = at[j].add(push);
        moved = true;
      }
    if (!moved) break;
  }
  for (const [i, x] of placed.entries()) x.marker.setLatLng(map.unproject(at[i], zoom));
}

interface Props {
  sites: Site[];
  organisations: ReadonlyMap<string, Organisation>;
  /** draw the four agglomerations and the cities (the overview); off on a participant's page */
  context?: boolean;
  className?: string;
}

/**
 * An offline map: no tile layer, only the region outline (bundled GeoJSON), the
 * agglomerations and the sites as circle markers (`path.site-marker`, one per site).
 */
export function ClusterMap({ sites, organisations, context = true, className }: Props) {
  const t = useT(registryDict);
  const fmt = useFormat();
  const labels = useLabels();
  const element = useRef<HTMLDivElement>(null);
  const after = useRef<HTMLSpanElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const attribution = useRef<L.Control.Attribution | null>(null);
  // the credit line shown now, to take it off when the language changes (not to add a second)
  const credited = useRef<string | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const { map: m, layers: group, attribution: control } = createRegionMap(element.current);
    attribution.current = control;
    layers.current = group;
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layers.current;
    const control = attribution.current;
    if (!m || !group || !control) return;
    group.clearLayers();
    if (credited.current) control.removeAttribution(credited.current);
    credited.current = t('mapAttribution');
    control.addAttribution(credited.current);

    if (context) {
      for (const a of agglomerations) {
        agglomerationArea(a, {
          weight: 1.5,
          dashArray: '5 4',
          fillOpacity: 0.08,
          className: 'agglomeration-area',
        }).addTo(group);
        const c = agglomerationCentres[a];
        // the name sits on its circle's centre, never on the rim between two circles (user walk
        // L7); it lets the pointer through to the sites under it (CSS: pointer-events: none)
        L.tooltip({ permanent: true, direction: 'center', className: `agg-label agg-${a}` })
          .setLatLng([c.lat, c.lon])
          .setContent(textContent(labels.agglomeration(a)))
          .addTo(group);
      }
      for (const city of cities) {
        const dot = L.circleMarker([city.lat, city.lon], {
          radius: 2.5,
          color: '#4a4a4a',
          weight: 0,
          fillColor: '#4a4a4a',
          fillOpacity: 0.8,
          className: 'city-dot',
        });
        dot.bindTooltip(textContent(townName(city.name, fmt.locale)), {
          direction: 'right',
          className: 'city-label',
        });
        withoutTabStop(dot).addTo(group);
      }
    }

    const bounds = regionBounds();
    const placed: Placed[] = [];
    for (const site of sites) {
      const org = organisations.get(site.organisationId);
      const colour = org ? kindColours[org.kind] : '#95a5a6';
      const marker = L.circleMarker([site.lat, site.lon], {
        radius: context ? 7 : 8,
        className: 'site-marker',
        color: '#ffffff',
        weight: 1.5,
        fillColor: colour,
        fillOpacity: site.closedOn ? 0.35 : 0.92,
        dashArray: site.closedOn ? '2 2' : undefined,
      });
      marker.bindPopup(() => popup(site, org));
      const siteName = localised(fmt.locale, site.name, site.nameEn);
      marker.bindTooltip(
        org ? textContent(['strong', orgName(org, fmt.locale)], siteName) : textContent(siteName),
        { direction: 'top', offset: [0, -6] },
      );
      // on 'add': a map without a view yet creates the marker's element only once it has one.
      // A site is a button by keyboard too: named, Enter or Space opens its card
      marker.on('add', () => {
        const shape = marker.getElement();
        if (!shape) return;
        shape.setAttribute('data-site', site.id);
        shape.setAttribute('tabindex', '0');
        shape.setAttribute('role', 'button');
        shape.setAttribute(
          'aria-label',
          org ? `${orgName(org, fmt.locale)}: ${siteName}` : siteName,
        );
        L.DomEvent.on(shape as HTMLElement, 'keydown', (e) => {
          const key = (e as KeyboardEvent).key;
          if (key !== 'Enter' && key !== ' ') return;
          L.DomEvent.preventDefault(e);
          marker.openPopup();
          marker.getPopup()?.getElement()?.querySelector('a')?.focus();
        });
      });
      marker.addTo(group);
      placed.push({ marker, at: L.latLng(site.lat, site.lon) });
      bounds.extend([site.lat, site.lon]);
    }
    if (!context && sites.length > 0 && sites.every((s) => s.inRegion)) {
      // a participant's own sites, close up; the outline around them gives the context
      const own = L.latLngBounds(sites.map((s) => [s.lat, s.lon] as [number, number]));
      m.fitBounds(own.pad(0.5), { maxZoom: 10 });
    } else {
      // the region and every site stay in view, so a site far away is seen against Kuzbass
      m.fitBounds(bounds.pad(context ? 0.03 : 0.08));
    }
    const spread = () => spreadMarkers(m, placed);
    spread();
    m.on('zoomend', spread);

    function popup(site: Site, org: Organisation | undefined): HTMLElement {
      const box = document.createElement('div');
      box.className = 'site-popup';
      const title = document.createElement('strong');
      title.textContent = org ? orgName(org, fmt.locale) : '';
      const name = document.createElement('div');
      name.textContent = `${localised(fmt.locale, site.name, site.nameEn)} · ${labels.siteKind(site.kind)}`;
      const where = document.createElement('div');
      where.className = 'muted';
      where.textContent = [
        site.inRegion ? labels.agglomeration(site.agglomeration) : t('outsideRegion'),
        site.address && localised(fmt.locale, site.address, site.addressEn),
        site.closedOn ? t('closedOn', { date: fmt.date(site.closedOn) }) : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      box.append(title, name, where);
      if (org) {
        const link = document.createElement('a');
        link.href = href('participants', org.id);
        link.textContent = t('openParticipant');
        box.append(link);
      }
      return box;
    }
    return () => {
      m.off('zoomend', spread);
    };
  }, [sites, organisations, context, t, fmt, labels]);

  return (
    <>
      {/* the sites are stops in the tab order: a keyboard can step over them all at once */}
      <button
        type="button"
        className="skip-link map-skip"
        onClick={() => after.current?.focus()}
        data-testid="map-skip"
      >
        {t('mapSkip', { n: sites.length })}
      </button>
      <div ref={element} className={`cluster-map ${className ?? ''}`} data-testid="cluster-map" />
      <span ref={after} tabIndex={-1} className="map-after" data-testid="map-after" />
    </>
  );
}
