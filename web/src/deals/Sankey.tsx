// The value chain drawn as SVG by React: d3-sankey only lays the nodes and links out (positions
// and widths); React draws them. Each link carries its tonnes in `data-tonnes` (what the e2e
// check compares with the mass balance) and a tooltip; each node its label and throughput.
import { type SankeyLink, type SankeyNode, sankey, sankeyLinkHorizontal } from 'd3-sankey';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n/index.ts';
import type { ValueChain } from './api.ts';
import { flowsDict } from './flowsDict.ts';

type ChainNode = ValueChain['nodes'][number];
type ChainLink = ValueChain['links'][number];
type Node = SankeyNode<ChainNode, Omit<ChainLink, 'source' | 'target'>>;
type Link = SankeyLink<ChainNode, Omit<ChainLink, 'source' | 'target'>>;

// laid out at the width it is shown at, so its labels keep their size on any screen
const MIN_WIDTH = 560;
const HEIGHT = 460;

/**
 * The chart's height by its busiest column (d3-sankey's layers, sinks justified to the right): a
 * member with one link gets a band of 160 px, not a block filling 460.
 */
function heightFor(nodes: readonly Node[]): number {
  // a column is the nodes laid at one x
  const perColumn = new Map<number, number>();
  for (const n of nodes) {
    const x = Math.round(n.x0 ?? 0);
    perColumn.set(x, (perColumn.get(x) ?? 0) + 1);
  }
  const busiest = Math.max(1, ...perColumn.values());
  return Math.min(HEIGHT, Math.max(160, 90 * busiest + 40));
}

const colours: Record<string, string> = {
  open_pit: '#6b4f2a',
  underground_mine: '#3d3d3d',
  preparation_plant: '#1f5fa8',
  logistics: '#7a7a7a',
  power_plant: '#b3261e',
  coke_chemical: '#8a5a00',
  chemical: '#7b3fa0',
  waste_processor: '#1e6b3a',
  construction_materials: '#c46a00',
  construction: '#9a5b2e',
};
const colourOf = (kind: string) => colours[kind] ?? '#5d6b7a';

/** The laid-out graph, or null when d3-sankey refuses it (it never should: the engine's DAG). */
function layout(
  chain: ValueChain,
  width: number,
  height: number,
): { nodes: Node[]; links: Link[] } | null {
  try {
    const graph = sankey<ChainNode, Omit<ChainLink, 'source' | 'target'>>()
      .nodeId((n) => n.id)
      .nodeWidth(16)
      .nodePadding(22)
      .extent([
        [1, 8],
        [width - 1, height - 8],
      ])({
      nodes: chain.nodes.map((n) => ({ ...n })),
      links: chain.links.map((l) => ({ ...l, value: l.valueT })),
    });
    return { nodes: graph.nodes, links: graph.links };
  } catch {
    return null;
  }
}

export function Sankey({ chain, tonnes }: { chain: ValueChain; tonnes: (t: number) => string }) {
  const t = useT(flowsDict);
  const { locale } = useLocale();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1100);
  // narrower than the chart's least width (a phone): it scrolls sideways, and says so
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      setWidth(Math.max(MIN_WIDTH, Math.round(el.clientWidth)));
      setNarrow(el.clientWidth < MIN_WIDTH);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const laid = useMemo(() => {
    const trial = layout(chain, width, HEIGHT);
    const height = trial ? heightFor(trial.nodes) : HEIGHT;
    return { graph: height === HEIGHT ? trial : layout(chain, width, height), height };
  }, [chain, width]);
  const { graph, height } = laid;
  if (!graph) return null;
  const path = sankeyLinkHorizontal<ChainNode, Omit<ChainLink, 'source' | 'target'>>();
  const label = (n: ChainNode) => n.label[locale];
  const end = (x: Link['source']) => x as Node;
  return (
    <>
      {narrow && (
        <p className="muted small" data-testid="sankey-scroll">
          {t('scrollSideways')}
        </p>
      )}
      <div className="sankey-wrap" ref={box}>
        <svg
          className="sankey"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-label={t('diagramLabel')}
          data-testid="sankey"
        >
          <g fill="none">
            {graph.links.map((l) => {
              const s = end(l.source);
              const d = end(l.target);
              return (
                <path
                  key={`${s.id}>${d.id}`}
                  className="sankey-link"
                  d={path(l) ?? undefined}
                  stroke={colourOf(s.kind)}
                  strokeWidth={Math.max(1, l.width ?? 1)}
                  data-testid="sankey-link"
                  data-source={s.id}
                  data-target={d.id}
                  data-tonnes={l.valueT}
                >
                  <title>
                    {t('linkTitle', {
                      source: label(s),
                      target: label(d),
                      tonnes: tonnes(l.valueT),
                    })}
                  </title>
                </path>
              );
            })}
          </g>
          {graph.nodes.map((n) => {
            const x0 = n.x0 ?? 0;
            const x1 = n.x1 ?? 0;
            const y0 = n.y0 ?? 0;
            const y1 = n.y1 ?? 0;
            const left = x0 > width / 2;
            const inT = (n.targetLinks ?? []).reduce((a, l) => a + l.valueT, 0);
            const outT = (n.sourceLinks ?? []).reduce((a, l) => a + l.valueT, 0);
            return (
              <g key={n.id} data-testid="sankey-node" data-node={n.id}>
                <rect
                  x={x0}
                  y={y0}
                  width={x1 - x0}
                  height={Math.max(1, y1 - y0)}
                  fill={colourOf(n.kind)}
                  opacity={n.isReturn ? 0.55 : 1}
                >
                  <title>
                    {t('nodeTitle', { label: label(n), in: tonnes(inT), out: tonnes(outT) })}
                  </title>
                </rect>
                <text
                  className="sankey-label"
                  x={left ? x0 - 6 : x1 + 6}
                  y={(y0 + y1) / 2}
                  dy="0.35em"
                  textAnchor={left ? 'end' : 'start'}
                >
                  {label(n)}
                  <tspan className="sankey-value"> {tonnes(Math.max(inT, outT))}</tspan>
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </>
  );
}
