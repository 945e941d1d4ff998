import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { registryDict } from '../../registry/dict.ts';
import { useLabels } from '../../registry/labels.ts';
import {
  agglomerationArea,
  createRegionMap,
  regionBounds,
  textContent,
  withoutTabStop,
} from '../../registry/regionMap.ts';
import type { FlowEnd, PlanFlow } from '../../shell/types.ts';
import { agglomerations } from '../../shell/vocabulary.ts';
import { exchangeDict } from '../dict.ts';
import { modeColours } from '../labels.ts';
import { flowKey } from './flows.ts';

/** an arrowhead's length on screen, whatever the zoom */
const ARROW_PX = 11;

interface Arrow {
  head: L.Polygon;
  from: L.LatLng;
  to: L.LatLng;
  size: number;
}

/**
 * The corners of an arrowhead a little past the middle of the line from `from` to `to`,
 * pointing at `to`; none when the line is too short on screen to carry one.
 */
function arrowHead(map: L.Map, a: Arrow): L.LatLng[] {
  const zoom = map.getZoom();
  const start = map.project(a.from, zoom);
  const along = map.project(a.to, zoom).subtract(start);
  const length = Math.hypot(along.x, along.y);
  if (length < 3 * a.size) return [];
  const unit = along.divideBy(length);
  const side = L.point(-unit.y, unit.x).multiplyBy(a.size * 0.6);
  const tip = start.add(along.multiplyBy(0.5)).add(unit.multiplyBy(a.size / 2));
  const base = tip.subtract(unit.multiplyBy(a.size));
  return [tip, base.add(side), base.subtract(side)].map((p) => map.unproject(p, zoom));
}

interface Props {
  flows: PlanFlow[];
  /** the flow under the pointer in the table */
  highlight?: string | null;
  describe: (f: PlanFlow) => { title: string; detail: string };
}

/**
 * The plan on the offline map: one line per flow (`path.flow-line`) from the offer to the
 * request, its width by quantity (within a unit), its colour by transport mode; a hidden
 * holder is drawn at its agglomeration's centre, its line dashed (`path.flow-approximate`).
 */
export function FlowMap({ flows, highlight, describe }: Props) {
  const t = useT(exchangeDict);
  const r = useT(registryDict);
  const labels = useLabels();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const lines = useRef(new Map<string, L.Polyline>());

  useEffect(() => {
    if (!element.current) return;
    const { map: m, layers: group, attribution } = createRegionMap(element.current);
    attribution.addAttribution(r('mapAttribution'));
    layers.current = group;
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, [r]);

  useEffect(() => {
    const m = map.current;
    const group = layers.current;
    if (!m || !group) return;
    group.clearLayers();
    lines.current.clear();
    const arrows: Arrow[] = [];
    for (const a of agglomerations) {
      agglomerationArea(a, { weight: 1, dashArray: '4 4', fillOpacity: 0.05 })
        .bindTooltip(textContent(labels.agglomeration(a)), {
          permanent: true,
          direction: 'top',
          offset: [0, -10],
          className: 'agg-label',
        })
        .addTo(group);
    }
    const bounds = regionBounds();
    for (const f of flows)
      for (const e of [f.from, f.to])
        if (e.lat !== null && e.lon !== null) bounds.extend([e.lat, e.lon]);
    // the view first: a map without one adds its layers only later, and the lines need their elements now
    m.fitBounds(bounds.pad(0.04));
    // line widths compare quantities of one unit only
    const maxByUnit = new Map<string, number>();
    for (const f of flows) maxByUnit.set(f.unit, Math.max(maxByUnit.get(f.unit) ?? 0, f.quantity));
    const point = (e: FlowEnd): [number, number] | null =>
      e.lat === null || e.lon === null ? null : [e.lat, e.lon];
    const ends = new Map<
      string,
      { at: [number, number]; kind: 'offer' | 'request'; approx: boolean; title: string }
    >();
    for (const f of flows) {
      const a = point(f.from);
      const b = point(f.to);
      if (!a || !b) continue;
      const approx = f.from.approximate || f.to.approximate;
      const share = f.quantity / (maxByUnit.get(f.unit) || 1);
      const { title, detail } = describe(f);
      const line = L.polyline([a, b], {
        color: modeColours[f.mode],
        weight: 2 + 8 * Math.sqrt(share),
        opacity: 0.8,
        dashArray: approx ? '8 7' : undefined,
        lineCap: 'round',
        className: approx ? 'flow-line flow-approximate' : 'flow-line',
      });
      line.bindTooltip(
        textContent(
          ['strong', title],
          detail,
          ...(approx ? [['em', t('approximateEnd')] as ['em', string]] : []),
        ),
        { sticky: true },
      );
      // the flows table holds each line in words, for the keyboard and a screen reader
      withoutTabStop(line).addTo(group);
      line.getElement()?.setAttribute('data-flow', flowKey(f));
      // which way the material goes (user walk L7): an arrowhead in the middle of the line
      const head = L.polygon([], {
        color: modeColours[f.mode],
        weight: 1,
        fillColor: modeColours[f.mode],
        fillOpacity: 0.95,
        interactive: false,
        className: 'flow-arrow',
      });
      arrows.push({
        head,
        from: L.latLng(a),
        to: L.latLng(b),
        size: ARROW_PX + 2 * Math.sqrt(share) * 3,
      });
      head.addTo(group);
      lines.current.set(flowKey(f), line);
      ends.set(`o:${f.supply}`, {
        at: a,
        kind: 'offer',
        approx: f.from.approximate,
        title: title.split(' → ')[0],
      });
      ends.set(`r:${f.demand}`, {
        at: b,
        kind: 'request',
        approx: f.to.approximate,
        title: title.split(' → ')[1] ?? title,
      });
    }
    for (const e of ends.values()) {
      const end = L.circleMarker(e.at, {
        radius: e.approx ? 9 : 6,
        color: e.kind === 'offer' ? '#ffffff' : '#1d2733',
        weight: e.kind === 'offer' ? 1.5 : 2,
        fillColor: e.kind === 'offer' ? '#1d2733' : '#ffffff',
        fillOpacity: e.approx ? 0.35 : 0.95,
        dashArray: e.approx ? '3 3' : undefined,
        className: `flow-end flow-end-${e.kind}`,
      }).bindTooltip(textContent(e.title), { direction: 'top', offset: [0, -6] });
      withoutTabStop(end).addTo(group);
    }
    const placeArrows = () => {
      for (const a of arrows) a.head.setLatLngs(arrowHead(m, a));
    };
    placeArrows();
    m.on('zoomend', placeArrows);
    return () => {
      m.off('zoomend', placeArrows);
    };
  }, [flows, describe, labels, t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: flows redraw the lines, whose style follows
  useEffect(() => {
    for (const [key, line] of lines.current) {
      const on = key === highlight;
      line.setStyle({ opacity: highlight && !on ? 0.25 : 0.8 });
      if (on) line.bringToFront();
    }
  }, [highlight, flows]);

  return <div ref={element} className="cluster-map flow-map" data-testid="flow-map" />;
}
