import { pluralForm, useFormat, useLocale, useT } from '../../i18n/index.ts';
import type {
  Counterfactual,
  Figure,
  Impact,
  MoneyFigure,
  Plan,
  Substitute,
} from '../../shell/types.ts';
import { counterfactuals, isOneOf, substitutes } from '../../shell/vocabulary.ts';
import { exchangeDict } from '../dict.ts';
import { NBSP, useExchangeLabels } from '../labels.ts';
import { factorName, formulaText } from './formulas.ts';

/** A figure with its formula: the formula on hover, and the factors in an expandable part. */
function FigureCard({
  label,
  value,
  figure,
  extra,
  testId,
  partsIn,
}: {
  label: string;
  value: string;
  figure: Figure | MoneyFigure;
  extra?: string;
  testId: string;
  /** the unit of the factors when they are parts of the figure itself (net CO2e: avoided, transport) */
  partsIn?: string;
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const x = useExchangeLabels();
  const formula = formulaText(figure.formula, locale);
  const note = figure.note ? formulaText(figure.note, locale) : null;
  const substituteName = (code: string) => (isOneOf(substitutes, code) ? x.substitute(code) : code);
  // money figures list their parts in kopecks: each worded as the card's own figure is, a year's
  // roubles; parts of a figure in its unit, whole; any other factor as given, its unit in its name
  const factors: Record<string, string> =
    'factorsKopecks' in figure
      ? Object.fromEntries(
          Object.entries(figure.factorsKopecks).map(([k, v]) => [
            k,
            `${x.money(v)}${t('perYearSuffix')}`,
          ]),
        )
      : Object.fromEntries(
          Object.entries(figure.factors).map(([k, v]) => [
            k,
            typeof v !== 'number'
              ? v
              : partsIn
                ? `${fmt.integer(v)}${NBSP}${partsIn}`
                : fmt.decimal(v, 3),
          ]),
        );
  return (
    <div className="stat card figure-card" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" title={formula.text}>
        {value}
      </span>
      {extra && <span className="stat-hint">{extra}</span>}
      <details className="formula">
        <summary>{t('formula')}</summary>
        <code lang={formula.translated ? locale : 'en'}>{formula.text}</code>
        <dl>
          {Object.entries(factors).map(([k, v]) => (
            <div key={k}>
              <dt>{factorName(k, locale, substituteName)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {note && (
          <p className="muted small" lang={note.translated ? locale : 'en'}>
            {note.text}
          </p>
        )}
      </details>
    </div>
  );
}

export function ImpactSummary({
  impact,
  internal,
}: {
  impact: Impact;
  internal?: Plan['internalReuse'];
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
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
        partsIn={t('tCo2PerYear')}
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
      {impact.tradeValue && (
        <FigureCard
          testId="impact-trade"
          label={t('impTrade')}
          value={`${x.money(impact.tradeValue.valueKopecks)}${t('perYearSuffix')}`}
          figure={impact.tradeValue}
          extra={t('impTradeHint')}
        />
      )}
      {impact.co2eBreakdown && (
        <div className="stat card figure-card" data-testid="impact-co2-by">
          <span className="stat-label">{t('impCo2By')}</span>
          {/* two breakdowns of one total: by credit, then by today's fate (not added up) */}
          <span className="small muted">{t('impCo2ByCredit')}</span>
          <ul className="small">
            {impact.co2eBreakdown.methaneT > 0 && (
              <li>{t('impCo2ByMethane', { t: fmt.integer(impact.co2eBreakdown.methaneT) })}</li>
            )}
            {Object.entries(impact.co2eBreakdown.bySubstitute)
              .filter((e): e is [Substitute, number] => isOneOf(substitutes, e[0]) && e[1] > 0)
              .map(([what, v]) => (
                <li key={what}>
                  {t('impCo2BySubstitute', { what: x.substitute(what), t: fmt.integer(v) })}
                </li>
              ))}
          </ul>
          <span className="small muted">{t('impCo2ByToday')}</span>
          <ul className="small muted">
            {Object.entries(impact.co2eBreakdown.byCounterfactual)
              .filter(
                (e): e is [Counterfactual, number] => isOneOf(counterfactuals, e[0]) && e[1] > 0,
              )
              .map(([what, v]) => (
                <li key={what}>
                  {t('impCo2ByCounterfactual', {
                    what: x.counterfactual(what),
                    t: fmt.integer(v),
                  })}
                </li>
              ))}
          </ul>
        </div>
      )}
      {internal && internal.pairs.length > 0 && (
        <div className="stat card figure-card" data-testid="impact-internal">
          <span className="stat-label">{t('impInternal')}</span>
          <span className="stat-hint">
            {t('impInternalHint', {
              pairs: t(`pairs:${pluralForm(internal.pairs.length, locale)}`, {
                n: fmt.integer(internal.pairs.length),
              }),
            })}
          </span>
          <ul className="small">
            {internal.pairs.map((p) => (
              <li key={`${p.supply}-${p.demand}`}>{x.computedPerYear(p.quantity, p.unit)}</li>
            ))}
          </ul>
        </div>
      )}
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
