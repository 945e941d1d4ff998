import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/index.ts';
import type { PlanFlow } from '../../shell/types.ts';
import { Empty, Loading } from '../../shell/ui.tsx';
import { transportModes } from '../../shell/vocabulary.ts';
import { exchangeDict } from '../dict.ts';
import { modeColours, useExchangeLabels } from '../labels.ts';

// the map brings Leaflet: it loads with the first plan, not with the app
const FlowMap = lazy(() => import('./FlowMap.tsx').then((m) => ({ default: m.FlowMap })));

/** The plan's flows on the region's map, with the legend of what lines and dots mean. */
export function FlowMapCard({
  flows,
  highlight,
  describe,
}: {
  flows: PlanFlow[];
  highlight: string | null;
  describe: (f: PlanFlow) => { title: string; detail: string };
}) {
  const t = useT(exchangeDict);
  const x = useExchangeLabels();
  return (
    <section className="card map-card">
      <div className="map-layout">
        <div className="map-main">
          <h2 className="card-title">{t('flowMap')}</h2>
          {flows.length === 0 && (
            <div className="map-empty">
              <Empty title={t('noFlows')} />
            </div>
          )}
          <Suspense fallback={<Loading />}>
            <FlowMap flows={flows} highlight={highlight} describe={describe} />
          </Suspense>
        </div>
        <aside className="legend" aria-label={t('legend')}>
          <h3>{t('legend')}</h3>
          <ul>
            {transportModes
              .filter((m) => flows.some((f) => f.mode === m))
              .map((m) => (
                <li key={m}>
                  <span className="line-swatch" style={{ background: modeColours[m] }} />
                  {x.mode(m)}
                </li>
              ))}
            <li>
              <span className="line-swatch dashed" />
              {t('legendApprox')}
            </li>
            <li>
              <span className="dot" style={{ background: '#1d2733' }} />
              {t('legendOffer')}
            </li>
            <li>
              <span className="dot dot-ring" />
              {t('legendRequest')}
            </li>
          </ul>
          <p className="legend-note">{t('legendWidth')}</p>
        </aside>
      </div>
    </section>
  );
}
