import type { ReactNode } from 'react';
import { useFormat, useT } from '../../i18n/index.ts';
import { useLabels } from '../../registry/labels.ts';
import type { Column } from '../../shell/DataTable.tsx';
import { href } from '../../shell/router.ts';
import { nameSortKey } from '../../shell/sort.ts';
import type { FlowEnd, PlanFlow } from '../../shell/types.ts';
import { exchangeDict } from '../dict.ts';
import { useHolderName } from '../holderName.ts';
import { modeColours, useExchangeLabels } from '../labels.ts';
import { flowCo2e } from './flows.ts';
import type { useFlowWords } from './useFlowWords.ts';

/** One end of a flow: its holder (and site), or where a hidden holder is. */
function End({ end, site }: { end: FlowEnd; site?: string }) {
  const t = useT(exchangeDict);
  const labels = useLabels();
  const holderName = useHolderName();
  if (!end.organisationId)
    return (
      <span className="anonymous" title={t('approximateEnd')}>
        {t('anonymousAt', { agg: labels.agglomeration(end.agglomeration) })}
      </span>
    );
  return (
    <span>
      <a href={href('participants', end.organisationId)}>{holderName(end)}</a>
      {site && <span className="sub"> · {site}</span>}
    </span>
  );
}

/**
 * A figure of a flow with a hidden holder: computed from its agglomeration centre (the
 * server's engine/viewer.ts), marked ≈ with the reason on hover.
 */
/** A flow by the parties' own pipeline or line: the engine puts no cost on it (candidates.ts). */
const notModelled = (f: PlanFlow) =>
  (f.mode === 'pipeline' || f.mode === 'wire') && f.transportKopecks === 0;

function Approx({ flow, children }: { flow: PlanFlow; children: ReactNode }) {
  const t = useT(exchangeDict);
  if (!flow.approximate) return <>{children}</>;
  return (
    <span className="approximate" title={t('approximateFigures')} data-testid="approximate">
      ≈&nbsp;{children}
    </span>
  );
}

/** The flows table's columns: each figure with its unit, its basis on hover, and its order. */
export function useFlowColumns(
  words: ReturnType<typeof useFlowWords>,
  siteName: Map<string, string>,
): Array<Column<PlanFlow>> {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  return [
    {
      key: 'flow',
      header: t('colFlow'),
      cell: (f) => (
        <>
          <a className="strong-link" href={href('marketplace', f.supply)}>
            {words.material(f)}
          </a>
          <div className="sub">
            → <a href={href('marketplace', f.demand)}>{words.target(f)}</a>
          </div>
        </>
      ),
      sortValue: words.material,
    },
    {
      key: 'ends',
      header: t('colFromTo'),
      cell: (f) => (
        <>
          <End end={f.from} site={f.from.siteId ? siteName.get(f.from.siteId) : undefined} />
          <div className="sub">
            → <End end={f.to} />
          </div>
        </>
      ),
      sortValue: (f) => nameSortKey(words.holder(f.from)),
    },
    {
      key: 'quantity',
      header: t('colQuantity'),
      numeric: true,
      className: 'nowrap',
      cell: (f) => (
        <>
          {x.computedPerYear(f.quantity, f.unit)}
          {f.agreed && (
            <div className="sub agreed" data-testid="flow-agreed" title={t('flowAgreedHint')}>
              {t('flowAgreed')}
            </div>
          )}
        </>
      ),
      sortValue: (f) => f.quantity,
    },
    {
      key: 'delivered',
      header: t('colDelivered'),
      numeric: true,
      className: 'nowrap',
      cell: (f) => (
        <>
          {x.computedPerYear(f.delivered, f.deliveredUnit)}
          {f.valueBasis && (
            // short under the figure (the table must fit 1366 px), the basis on hover
            <div
              className="sub"
              data-testid="value-basis"
              title={t('valueByHeatHint', {
                offer: fmt.integer(f.valueBasis.offer),
                reference: fmt.integer(f.valueBasis.reference),
                from: t(
                  f.valueBasis.referenceFrom === 'request'
                    ? 'valueByHeatFromRequest'
                    : 'valueByHeatFromFactors',
                ),
                factor: fmt.decimal(f.valueFactor ?? 1, 2),
              })}
            >
              {t('valueByHeat', { factor: fmt.decimal(f.valueFactor ?? 1, 2) })}
            </div>
          )}
        </>
      ),
      cellProps: (f) => ({ title: t('yieldHint', { y: fmt.decimal(f.yield, 3) }) }),
      sortValue: (f) => f.delivered,
    },
    {
      key: 'distance',
      header: t('colDistance'),
      numeric: true,
      className: 'nowrap',
      cell: (f) => (
        <>
          <Approx flow={f}>{fmt.number(f.distanceKm)}</Approx>
          <div className="sub kind">
            <span className="line-swatch" style={{ background: modeColours[f.mode] }} />
            {x.mode(f.mode)}
          </div>
        </>
      ),
      cellProps: (f) => ({
        title:
          f.travelHours !== null ? t('hours', { h: fmt.decimal(f.travelHours, 1) }) : undefined,
      }),
      sortValue: (f) => f.distanceKm,
    },
    {
      key: 'transport',
      header: t('colTransportMln'),
      numeric: true,
      className: 'nowrap',
      cell: (f) =>
        notModelled(f) ? (
          <span className="muted" data-testid="transport-not-modelled">
            {t('transportNotModelled')}
          </span>
        ) : (
          <>
            <Approx flow={f}>{x.millions(f.transportKopecks)}</Approx>
            <div className="sub">{x.kopecksPerUnit(f.transportKopecksPerUnit, f.unit)}</div>
          </>
        ),
      cellProps: (f) => ({
        title: notModelled(f)
          ? t('transportNotModelledHint')
          : t('transportHint', { rate: x.kopecksPerUnit(f.transportKopecksPerUnit, f.unit) }),
      }),
      sortValue: (f) => f.transportKopecks,
    },
    {
      key: 'savings',
      header: t('colSavingsMln'),
      numeric: true,
      className: 'nowrap',
      cell: (f) => (
        <>
          <strong>
            <Approx flow={f}>{x.millions(f.savingsKopecks)}</Approx>
          </strong>
          {/* a loss shown for a flow the plan chose: the haul from the hidden side's centre is
              not the one the plan computed from its true site (user walk) */}
          {f.approximate && f.savingsKopecks < 0 && (
            <span className="flow-note" data-testid="approximate-loss">
              {t('approximateLoss')}
            </span>
          )}
        </>
      ),
      cellProps: (f) => ({
        title: [
          t('savingsHint', {
            value: x.money(f.valueKopecks),
            disposal: x.money(f.avoidedDisposalKopecks),
            cost: x.money(f.supplierCostKopecks ?? 0),
            forgone: x.money(f.forgoneSaleKopecks ?? 0),
            transport: x.money(f.transportKopecks),
          }),
          f.approximate ? t('approximateFigures') : '',
        ]
          .filter(Boolean)
          .join('\n'),
      }),
      sortValue: (f) => f.savingsKopecks,
    },
    {
      key: 'co2e',
      header: t('colCo2e'),
      numeric: true,
      className: 'nowrap',
      cell: (f) => {
        const co2 = flowCo2e(f);
        return co2.avoided === 0 && co2.transport === 0 ? (
          '—'
        ) : (
          <Approx flow={f}>{fmt.integer(co2.net)}</Approx>
        );
      },
      cellProps: (f) => ({
        title: t('co2Hint', {
          avoided: fmt.decimal(f.co2eAvoidedT, 1),
          transport: fmt.decimal(f.transportCo2eT, 1),
        }),
      }),
      sortValue: (f) => flowCo2e(f).net,
    },
  ];
}
