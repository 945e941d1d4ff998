import { useFormat, useT } from '../../i18n/index.ts';
import type { Figure, Impact, MoneyFigure } from '../../shell/types.ts';
import { exchangeDict } from '../dict.ts';
import { NBSP, useExchangeLabels } from '../labels.ts';

/** A figure with its formula: the formula on hover, and the factors in an expandable part. */
function FigureCard({
  label,
  value,
  figure,
  extra,
  testId,
}: {
  label: string;
  value: string;
  figure: Figure | MoneyFigure;
  extra?: string;
  testId: string;
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  // money figures list their parts in kopecks: shown in roubles
  const factors: Record<string, number | string> =
    'factorsKopecks' in figure
      ? Object.fromEntries(Object.entries(figure.factorsKopecks).map(([k, v]) => [k, v / 100]))
      : figure.factors;
  return (
    <div className="stat card figure-card" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" title={figure.formula}>
        {value}
      </span>
      {extra && <span className="stat-hint">{extra}</span>}
      <details className="formula">
        <summary>{t('formula')}</summary>
        <code lang="en">{figure.formula}</code>
        <dl>
          {Object.entries(factors).map(([k, v]) => (
            <div key={k}>
              <dt lang="en">{k}</dt>
              <dd>{typeof v === 'number' ? fmt.decimal(v, 3) : v}</dd>
            </div>
          ))}
        </dl>
        {figure.note && (
          <p className="muted small" lang="en">
            {figure.note}
          </p>
        )}
      </details>
    </div>
  );
}

export function ImpactSummary({ impact }: { impact: Impact }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  return (
    <div className="stats impact" data-testid="impact">
      <FigureCard
        testId="impact-diverted"
        label={t('impDiverted')}
        value={`${fmt.integer(impact.divertedT.value)}${NBSP}${t('tPerYear')}`}
        figure={impact.divertedT}
        extra={t('impDivertedHint')}
      />
      <FigureCard
        testId="impact-co2"
        label={t('impCo2')}
        value={`${fmt.integer(impact.netCo2eT.value)}${NBSP}${t('tCo2PerYear')}`}
        figure={impact.netCo2eT}
        extra={t('impCo2Hint', {
          avoided: fmt.integer(impact.co2eAvoidedT.value),
          transport: fmt.integer(impact.transportCo2eT.value),
        })}
      />
      <FigureCard
        testId="impact-savings"
        label={t('impSavings')}
        value={`${x.money(impact.savings.valueKopecks)}${t('perYearSuffix')}`}
        figure={impact.savings}
        extra={t('impSavingsHint', {
          share: fmt.percent(
            impact.baselineCost.valueKopecks
              ? impact.savings.valueKopecks / impact.baselineCost.valueKopecks
              : 0,
          ),
        })}
      />
      <FigureCard
        testId="impact-baseline"
        label={t('impBaseline')}
        value={`${x.money(impact.baselineCost.valueKopecks)} → ${x.money(impact.planCost.valueKopecks)}`}
        figure={impact.planCost}
        extra={t('impBaselineHint')}
      />
    </div>
  );
}
