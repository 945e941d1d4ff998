import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { agglomerationCentres, cities } from '../../../src/registry/engine/index.ts';
import { useFormat, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import type { Organisation, Site } from '../shell/types.ts';
import { agglomerations } from '../shell/vocabulary.ts';
import { registryDict } from './dict.ts';
import { kindColours, useLabels } from './labels.ts';
import {
  AGGLOMERATION_RADIUS_M,
  agglomerationArea,
  createRegionMap,
  regionBounds,
  textContent,
} from './regionMap.ts';

/** one degree of latitude, near enough everywhere */
const METRES_PER_DEGREE_LAT = 111_320;

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
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const attribution = useRef<L.Control.Attribution | null>(null);

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
    control.removeAttribution(t('mapAttribution'));
    control.addAttribution(t('mapAttribution'));

    if (context) {
      for (const a of agglomerations) {
        agglomerationArea(a, {
          weight: 1.5,
          dashArray: '5 4',
          fillOpacity: 0.08,
          className: 'agglomeration-area',
        }).addTo(group);
        const c = agglomerationCentres[a];
        // the name sits above the circle's northern edge, not on its centre, where the
        // city's sites are: the markers stay visible and clickable
        L.tooltip({ permanent: true, direction: 'top', offset: [0, -2], className: 'agg-label' })
          .setLatLng([c.lat + AGGLOMERATION_RADIUS_M / METRES_PER_DEGREE_LAT, c.lon])
          .setContent(textContent(labels.agglomeration(a)))
          .addTo(group);
      }
      for (const city of cities) {
        L.circleMarker([city.lat, city.lon], {
          radius: 2.5,
          color: '#4a4a4a',
          weight: 0,
          fillColor: '#4a4a4a',
          fillOpacity: 0.8,
          className: 'city-dot',
        })
          .bindTooltip(textContent(city.name), { direction: 'right', className: 'city-label' })
          .addTo(group);
      }
    }

    const bounds = regionBounds();
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
      marker.bindTooltip(textContent(site.name), { direction: 'top', offset: [0, -6] });
      // on 'add': a map without a view yet creates the marker's element only once it has one
      marker.on('add', () => marker.getElement()?.setAttribute('data-site', site.id));
      marker.addTo(group);
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

    function popup(site: Site, org: Organisation | undefined): HTMLElement {
      const box = document.createElement('div');
      box.className = 'site-popup';
      const title = document.createElement('strong');
      title.textContent = org ? (fmt.locale === 'en' && org.nameEn ? org.nameEn : org.name) : '';
      const name = document.createElement('div');
      name.textContent = `${site.name} · ${labels.siteKind(site.kind)}`;
      const where = document.createElement('div');
      where.className = 'muted';
      where.textContent = [
        site.inRegion ? labels.agglomeration(site.agglomeration) : t('outsideRegion'),
        site.address,
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
  }, [sites, organisations, context, t, fmt, labels]);

  return (
    <div ref={element} className={`cluster-map ${className ?? ''}`} data-testid="cluster-map" />
  );
}
