// The ecosystem network for the operator: organisations on a circle grouped by community
// (colour), sized by betweenness, ties as chords; the keystones and dominators named, with the
// network's figures. Plain SVG: a cluster has tens of organisations, not thousands.
import { useState } from 'react';
import { intlLocale, type Locale, localised, type useT } from '../i18n/index.ts';
import { useResource } from '../shell/useResource.ts';
import { assessmentApi, type NetworkLayer } from './api.ts';
import { DataTable, Loaded } from './blocks.tsx';
import type { assessmentDict } from './dict.ts';

type T = ReturnType<typeof useT<keyof typeof assessmentDict.ru>>;
const palette = [
  '#1f6feb',
  '#1a7f37',
  '#bf8700',
  '#cf222e',
  '#8250df',
  '#0a7e8c',
  '#bc4c00',
  '#57606a',
];

type Network = Awaited<ReturnType<typeof assessmentApi.network>>;

/** The network drawn: a circle ordered by community, each community sitting together. */
function NetworkChart({ net, t, locale }: { net: Network; t: T; locale: Locale }) {
  const size = 560;
  const c = size / 2;
  const radius = 220;
  const order = [...net.nodes].sort(
    (a, b) => a.community - b.community || a.id.localeCompare(b.id),
  );
  const at = new Map(
    order.map((n, i) => {
      const angle = (i / Math.max(1, order.length)) * Math.PI * 2 - Math.PI / 2;
      return [n.id, [c + radius * Math.cos(angle), c + radius * Math.sin(angle)] as const];
    }),
  );
  const maxB = Math.max(1e-9, ...net.nodes.map((n) => n.betweenness));
  return (
    <div className="assessment-radar">
      <svg
        className="network"
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={t('networkLabel')}
      >
        {net.edges.map((e) => {
          const a = at.get(e.source);
          const b = at.get(e.target);
          return a && b ? (
            <line
              key={`${e.source}|${e.target}|${e.layer}`}
              className={`network-edge layer-${e.layer}`}
              x1={a[0]}
              y1={a[1]}
              x2={b[0]}
              y2={b[1]}
            />
          ) : null;
        })}
        {order.map((n) => {
          const [x, y] = at.get(n.id) ?? [c, c];
          return (
            <circle
              key={n.id}
              cx={x}
              cy={y}
              r={3 + 9 * Math.sqrt(n.betweenness / maxB)}
              fill={palette[n.community % palette.length]}
              className={`network-node role-${n.role}`}
            >
              <title>{`${localised(locale, n.name, n.nameEn)} — ${t(`role:${n.role}`)}`}</title>
            </circle>
          );
        })}
      </svg>
    </div>
  );
}

/** The table's organisations: a few, the network's brokers and largest traders first. */
const TOP = 8;
function topNodes<
  N extends { betweenness: number; valueShare: number; name: string; nameEn?: string | null },
>(nodes: readonly N[], locale: Locale): N[] {
  return [...nodes]
    .sort(
      (a, b) =>
        b.betweenness - a.betweenness ||
        b.valueShare - a.valueShare ||
        localised(locale, a.name, a.nameEn).localeCompare(
          localised(locale, b.name, b.nameEn),
          locale,
        ),
    )
    .slice(0, TOP);
}

export function NetworkSection({ t, locale }: { t: T; locale: Locale }) {
  const [layer, setLayer] = useState<NetworkLayer | ''>('');
  const r = useResource(() => assessmentApi.network(layer || undefined), [layer]);
  const fmt = (x: number | null) =>
    x === null ? t('noData') : x.toLocaleString(intlLocale(locale), { maximumFractionDigits: 3 });
  return (
    <section className="card stack" aria-labelledby="network-title">
      <h2 className="card-title" id="network-title">
        {t('network')}
      </h2>
      <p className="muted small">{t('networkLead')}</p>
      <label className="field network-layer">
        <span>{t('layer')}</span>
        <select
          value={layer}
          onChange={(e) => setLayer(e.target.value as NetworkLayer | '')}
          data-testid="network-layer"
        >
          <option value="">{t('layer:all')}</option>
          <option value="exchange">{t('layer:exchange')}</option>
          <option value="knowledge">{t('layer:knowledge')}</option>
          <option value="governance">{t('layer:governance')}</option>
        </select>
      </label>
      <Loaded resource={r}>
        {(net) => (
          <>
            <p className="small" data-testid="network-figures">
              {t('networkFigures', {
                months: net.months ?? '—',
                density: fmt(net.density),
                modularity: fmt(net.modularity),
                hhi: fmt(net.valueHhi),
                agglomeration: fmt(net.crossing.agglomerationTies),
                region: fmt(net.crossing.regionTies),
              })}
            </p>
            <NetworkChart net={net} t={t} locale={locale} />
            <DataTable
              testId="network-table"
              head={{
                organisation: t('organisation'),
                role: t('role'),
                betweenness: t('betweenness'),
                valueShare: t('valueShare'),
                community: t('community'),
              }}
              // the eight organisations of the highest betweenness, then of the largest value
              // share (a layer where no one brokers: every betweenness is 0), then by name
              rows={topNodes(net.nodes, locale)}
              row={(n) => (
                <tr key={n.id}>
                  <td>{localised(locale, n.name, n.nameEn)}</td>
                  <td>
                    <span className={`badge role-${n.role}`}>{t(`role:${n.role}`)}</span>
                  </td>
                  <td className="num">{fmt(n.betweenness)}</td>
                  <td className="num">{fmt(n.valueShare)}</td>
                  <td className="num">{n.community + 1}</td>
                </tr>
              )}
            />
            {net.nodes.length > TOP && (
              <p className="muted small" data-testid="network-top">
                {t('networkTop', { shown: TOP, all: net.nodes.length })}
              </p>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
