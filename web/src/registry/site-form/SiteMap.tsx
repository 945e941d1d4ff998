import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { outlineFromGeoJson, placeSite } from '../../../../src/registry/engine/index.ts';
import { useLocale, useT } from '../../i18n/index.ts';
import { createRegionMap, outline, textContent } from '../regionMap.ts';
import { siteFormDict } from './dict.ts';
import { coordinateText } from './site.ts';

interface Props {
  /** the point the typed coordinates give, or null: the marker follows it */
  point: { lat: number; lon: number } | null;
  /** the site's name, for the marker's tooltip (text, never HTML) */
  name: string;
  /** a click on the map (or Enter on the focused map) places the site here */
  onPlace: (p: { lat: number; lon: number }) => void;
  /** the id of the text that explains the map, for aria-describedby */
  describedBy?: string;
}

/**
 * The offline region map of the site fieldset: the bundled outline only (no tiles, nothing
 * loaded from outside), one marker where the coordinates say. Loaded lazily with Leaflet.
 */
export default function SiteMap({ point, name, onPlace, describedBy }: Props) {
  const t = useT(siteFormDict);
  const { locale } = useLocale();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const attribution = useRef<L.Control.Attribution | null>(null);
  // the latest callback, so the map's handlers (bound once) never call a stale one
  const latest = useRef(onPlace);
  latest.current = onPlace;
  const place = useRef((p: { lat: number; lon: number }) => {
    latest.current(p);
    // a place set on the map is typed work like the boxes': told the way they tell it, so the
    // form's unsaved-work guard (shell/unsaved.ts) hears it
    element.current?.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const region = useMemo(() => outlineFromGeoJson(outline), []);

  useEffect(() => {
    if (!element.current) return;
    const { map: m, attribution: control } = createRegionMap(element.current);
    attribution.current = control;
    m.fitBounds(L.geoJSON(outline).getBounds().pad(0.03));
    m.on('click', (e: L.LeafletMouseEvent) =>
      place.current({ lat: e.latlng.lat, lon: e.latlng.lng }),
    );
    // the keyboard's way to place: arrows pan the map (Leaflet), Enter places at its centre
    m.on('keypress', (e: L.LeafletKeyboardEvent) => {
      if (e.originalEvent.key !== 'Enter') return;
      const c = m.getCenter();
      place.current({ lat: c.lat, lon: c.lng });
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, []);

  useEffect(() => {
    const control = attribution.current;
    if (!control) return;
    control.addAttribution(t('siteMapAttribution'));
    return () => {
      control.removeAttribution(t('siteMapAttribution'));
    };
  }, [t]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!point) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at: L.LatLngExpression = [point.lat, point.lon];
    if (!marker.current) {
      marker.current = L.circleMarker(at, {
        radius: 9,
        className: 'site-form-marker',
        color: '#ffffff',
        weight: 2,
        fillColor: '#c0392b',
        fillOpacity: 0.95,
        interactive: false,
      }).addTo(m);
    } else marker.current.setLatLng(at);
    if (name.trim()) marker.current.bindTooltip(textContent(name.trim()), { direction: 'top' });
    else marker.current.unbindTooltip();
    // a typed point off the visible part (another region, a typo) comes into view
    if (!m.getBounds().contains(at)) m.panTo(at);
  }, [point, name]);

  const inside = point ? placeSite(point, region).inRegion : true;
  return (
    <>
      <div
        ref={element}
        className="site-form-map"
        data-testid="site-map"
        role="application"
        aria-label={t('siteMapLabel')}
        aria-describedby={describedBy}
      />
      <p className="site-form-map-status" aria-live="polite" data-testid="site-map-status">
        {point && !inside
          ? t('siteMapOutside')
          : point
            ? t('siteMapPlaced', {
                lat: coordinateText(point.lat, locale),
                lon: coordinateText(point.lon, locale),
              })
            : ''}
      </p>
    </>
  );
}
