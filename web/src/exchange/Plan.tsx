import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { registryApi } from '../registry/api.ts';
import { useLabels } from '../registry/labels.ts';
import { ApiError } from '../shell/api.ts';
import { href } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import type {
  Figure,
  FlowEnd,
  Impact,
  Listing,
  MoneyFigure,
  Plan,
  PlanFlow,
  PlanRequest,
} from '../shell/types.ts';
import {
  Empty,
  Field,
  FormError,
  Loading,
  NeedLogin,
  PageHeader,
  TableScroll,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { transportModes } from '../shell/vocabulary.ts';
import { exchangeApi } from './api.ts';
import { download, toCsv } from './csv.ts';
import { exchangeDict } from './dict.ts';
import { FlowMap, flowKey } from './FlowMap.tsx';
import { modeColours, NBSP, useExchangeLabels } from './labels.ts';
import { canList } from './rights.ts';
import { type Taxonomy, useTaxonomy } from './taxonomy.ts';

/** The last plan of this page, kept while the user looks elsewhere. */
let lastRun: { plan: Plan; request: PlanRequest } | null = null;

/** A flow's CO2e as the plan computed it: avoided less the transport's emissions. */
function flowCo2e(f: PlanFlow) {
  return {
    avoided: f.co2eAvoidedT,
    transport: f.transportCo2eT,
    net: f.co2eAvoidedT - f.transportCo2eT,
  };
}

export function PlanPage() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  return <Planner />;
}

function Planner() {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const labels = useLabels();
  const x = useExchangeLabels();
  const { user } = useSession();
  const taxonomy = useTaxonomy();
  const listings = useResource(() => exchangeApi.listings(), []);
  const sites = useResource(registryApi.sites, []);
  const [robust, setRobust] = useState(Boolean(lastRun?.request.robustness));
  const [runs, setRuns] = useState(String(lastRun?.request.robustness?.runs ?? 20));
  const [variation, setVariation] = useState(
    String((lastRun?.request.robustness?.variation ?? 0.1) * 100),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState(lastRun);
  const [running, setRunning] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Plan | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);

  useEffect(() => {
    if (running === null) return;
    const timer = setInterval(() => setElapsed((Date.now() - running) / 1000), 100);
    return () => clearInterval(timer);
  }, [running]);

  const request = (): PlanRequest | null => {
    if (!robust) return {};
    const e: Record<string, string> = {};
    const n = Number(runs);
    const v = Number(variation.replace(',', '.'));
    if (!Number.isInteger(n) || n < 1 || n > 200) e.runs = t('errRuns');
    if (!Number.isFinite(v) || v < 0 || v > 50) e.variation = t('errVariation');
    setErrors(e);
    if (Object.keys(e).length) return null;
    return { robustness: { runs: n, variation: v / 100, seed: 1 } };
  };

  const run = async (e: FormEvent) => {
    e.preventDefault();
    const body = request();
    if (!body) return;
    setFailure(null);
    setSaved(null);
    setElapsed(0);
    setRunning(Date.now());
    try {
      const plan = await exchangeApi.plan(body);
      lastRun = { plan, request: body };
      setResult(lastRun);
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
      else throw err;
    } finally {
      setRunning(null);
    }
  };

  const save = async () => {
    if (!result) return;
    setFailure(null);
    setSaving(true);
    try {
      setSaved(await exchangeApi.savePlan(result.request));
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
      else throw err;
    } finally {
      setSaving(false);
    }
  };

  const byListing = useMemo(
    () => new Map((listings.data ?? []).map((l) => [l.id, l])),
    [listings.data],
  );
  const siteName = useMemo(
    () => new Map((sites.data ?? []).map((s) => [s.id, s.name])),
    [sites.data],
  );
  const holder = useCallback(
    (e: FlowEnd) =>
      e.organisationName
        ? e.organisationName
        : t('anonymousAt', { agg: labels.agglomeration(e.agglomeration) }),
    [t, labels],
  );
  const tx = taxonomy.data;
  const what = useCallback(
    (f: PlanFlow) =>
      tx
        ? `${tx.materialName(f.material)} → ${f.demandUse ? tx.nameOfUse(f.demandUse) : tx.materialName(f.demandMaterial)}`
        : f.material,
    [tx],
  );
  const describe = useCallback(
    (f: PlanFlow) => ({
      title: `${holder(f.from)} → ${holder(f.to)}`,
      detail: `${what(f)}: ${x.perYear(f.quantity, f.unit)}, ${fmt.number(f.distanceKm)}${NBSP}${t('km')}, ${x.mode(f.mode)}`,
    }),
    [holder, what, x, fmt, t],
  );

  const plan = result?.plan;
  const flows = plan?.plan.flows ?? [];

  const exportCsv = () => {
    if (!plan || !tx) return;
    const rows = [
      [
        t('colFrom'),
        t('colTo'),
        t('colMaterial'),
        t('colUse'),
        t('colQuantity'),
        t('colUnit'),
        t('colDelivered'),
        t('colUnit'),
        t('colDistance'),
        t('colMode'),
        t('colTransportRub'),
        t('colSavingsRub'),
        t('colCo2e'),
      ],
      ...flows.map((f) => [
        holder(f.from),
        holder(f.to),
        tx.materialName(f.material),
        f.demandUse ? tx.nameOfUse(f.demandUse) : tx.materialName(f.demandMaterial),
        f.quantity,
        x.unit(f.unit),
        f.delivered,
        x.unit(f.deliveredUnit),
        f.distanceKm,
        x.mode(f.mode),
        f.transportKopecks / 100,
        f.savingsKopecks / 100,
        flowCo2e(f).net,
      ]),
    ];
    download(`plan-${plan.computedAt.slice(0, 10)}.csv`, toCsv(rows, locale));
  };

  return (
    <>
      <PageHeader title={t('planTitle')} lead={t('planLead')} />
      <form className="card run-form" onSubmit={run} noValidate data-testid="plan-form">
        <div className="run-row">
          <label className="check">
            <input
              type="checkbox"
              name="robustness"
              checked={robust}
              onChange={(e) => setRobust(e.target.checked)}
            />
            {t('robustCheck')}
          </label>
          <Field label={t('runs')} error={errors.runs} className="run-field">
            {(p) => (
              <input
                {...p}
                name="runs"
                inputMode="numeric"
                value={runs}
                disabled={!robust}
                onChange={(e) => setRuns(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('variation')} error={errors.variation} className="run-field">
            {(p) => (
              <input
                {...p}
                name="variation"
                inputMode="decimal"
                value={variation}
                disabled={!robust}
                onChange={(e) => setVariation(e.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={running !== null}
            data-testid="run-plan"
          >
            {running !== null ? t('running') : result ? t('rerun') : t('run')}
          </button>
        </div>
        <p className="muted small run-note">{t('runNote')}</p>
        {running !== null && (
          <div className="progress" role="status" aria-live="polite" data-testid="plan-progress">
            <div className="progress-bar" aria-hidden="true">
              <span />
            </div>
            <span>
              {robust
                ? t('progressRobust', { runs, s: fmt.decimal(elapsed, 1) })
                : t('progress', { s: fmt.decimal(elapsed, 1) })}
            </span>
          </div>
        )}
      </form>
      <FormError error={failure} />

      {!plan ? (
        running === null && <Empty title={t('noPlan')}>{t('noPlanText')}</Empty>
      ) : (
        <div className={running !== null ? 'stale' : undefined}>
          <div className="plan-status" data-testid="plan-status">
            <span className={`badge plan-${plan.plan.status}`}>
              {t(`planStatus:${plan.plan.status}`)}
            </span>
            <span>
              {t('planCounts', {
                offers: fmt.integer(plan.counts.offers),
                requests: fmt.integer(plan.counts.requests),
                links: fmt.integer(plan.counts.links),
                flows: fmt.integer(flows.length),
              })}
            </span>
            <span className="muted">
              {t('planEngine', { engine: plan.plan.engine, at: fmt.dateTime(plan.computedAt) })}
              {plan.plan.mipGap !== null &&
                ` · ${t('mipGap', { gap: fmt.percent(plan.plan.mipGap) })}`}
            </span>
          </div>

          <ImpactSummary impact={plan.impact} />

          <section className="card map-card">
            <div className="map-layout">
              <div className="map-main">
                <h2 className="card-title">{t('flowMap')}</h2>
                {flows.length === 0 && (
                  <div className="map-empty">
                    <Empty title={t('noFlows')} />
                  </div>
                )}
                <FlowMap flows={flows} highlight={highlight} describe={describe} />
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

          <section className="card table-card">
            <div className="table-meta">
              <strong className="table-title">{t('flowsTitle')}</strong>
              {t('flowsCount', { n: fmt.integer(flows.length) })}
              <button
                type="button"
                className="btn btn-small meta-action"
                onClick={exportCsv}
                disabled={!tx}
              >
                {t('exportCsv')}
              </button>
            </div>
            {flows.length === 0 ? (
              <Empty title={t('noFlows')}>{t('noFlowsText')}</Empty>
            ) : (
              <TableScroll>
                <table className="table flows-table" data-testid="flows-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('colFlow')}</th>
                      <th scope="col">{t('colFromTo')}</th>
                      <th scope="col" className="num">
                        {t('colQuantity')}
                      </th>
                      <th scope="col" className="num">
                        {t('colDelivered')}
                      </th>
                      <th scope="col" className="num">
                        {t('colDistance')}
                      </th>
                      <th scope="col" className="num">
                        {t('colTransportMln')}
                      </th>
                      <th scope="col" className="num">
                        {t('colSavingsMln')}
                      </th>
                      <th scope="col" className="num">
                        {t('colCo2e')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {flows.map((f) => {
                      const co2 = flowCo2e(f);
                      const key = flowKey(f);
                      return (
                        <tr
                          key={key}
                          data-flow={key}
                          className={highlight === key ? 'row-highlight' : undefined}
                          onMouseEnter={() => setHighlight(key)}
                          onMouseLeave={() => setHighlight(null)}
                        >
                          <td>
                            <a className="strong-link" href={href('marketplace', f.supply)}>
                              {tx?.materialName(f.material) ?? f.material}
                            </a>
                            <div className="sub">
                              →{' '}
                              <a href={href('marketplace', f.demand)}>
                                {f.demandUse
                                  ? tx?.nameOfUse(f.demandUse)
                                  : tx?.materialName(f.demandMaterial)}
                              </a>
                            </div>
                          </td>
                          <td>
                            <End end={f.from} siteName={siteName} />
                            <div className="sub">
                              → <End end={f.to} siteName={siteName} inline />
                            </div>
                          </td>
                          <td className="num nowrap">{x.perYear(f.quantity, f.unit)}</td>
                          <td
                            className="num nowrap"
                            title={t('yieldHint', { y: fmt.decimal(f.yield, 3) })}
                          >
                            {x.perYear(f.delivered, f.deliveredUnit)}
                          </td>
                          <td
                            className="num nowrap"
                            title={
                              f.travelHours !== null
                                ? t('hours', { h: fmt.decimal(f.travelHours, 1) })
                                : undefined
                            }
                          >
                            {fmt.number(f.distanceKm)}
                            <div className="sub kind">
                              <span
                                className="line-swatch"
                                style={{ background: modeColours[f.mode] }}
                              />
                              {x.mode(f.mode)}
                            </div>
                          </td>
                          <td
                            className="num nowrap"
                            title={t('transportHint', {
                              rate: x.kopecksPerUnit(f.transportKopecksPerUnit, f.unit),
                            })}
                          >
                            {x.millions(f.transportKopecks)}
                            <div className="sub">
                              {x.kopecksPerUnit(f.transportKopecksPerUnit, f.unit)}
                            </div>
                          </td>
                          <td
                            className="num nowrap"
                            title={t('savingsHint', {
                              value: x.money(f.valueKopecks),
                              disposal: x.money(f.avoidedDisposalKopecks),
                              transport: x.money(f.transportKopecks),
                            })}
                          >
                            <strong>{x.millions(f.savingsKopecks)}</strong>
                          </td>
                          <td
                            className="num nowrap"
                            title={t('co2Hint', {
                              avoided: fmt.decimal(co2.avoided, 1),
                              transport: fmt.decimal(co2.transport, 1),
                            })}
                          >
                            {co2.avoided === 0 && co2.transport === 0 ? '—' : fmt.integer(co2.net)}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>

          {plan.robustness && tx && (
            <Robustness plan={plan} tx={tx} byListing={byListing} holder={holder} />
          )}

          {plan.warnings.length > 0 && (
            <section className="card" data-testid="plan-warnings">
              <details>
                <summary className="card-title summary-title">
                  {t('warningsTitle', { n: fmt.integer(plan.warnings.length) })}
                </summary>
                <p className="muted small">{t('warningsLead')}</p>
                <ul className="warnings">
                  {plan.warnings.map((w) => (
                    <li key={w} lang="en">
                      {w}
                    </li>
                  ))}
                </ul>
              </details>
            </section>
          )}

          <section className="card save-card">
            {saved ? (
              <div className="alert alert-success" role="status" data-testid="plan-saved">
                {t('savedText', { n: fmt.integer(saved.plan.flows.length) })}{' '}
                <a href={href('matches')}>{t('toMatches')}</a>
              </div>
            ) : (
              <>
                <div>
                  <h2 className="card-title">{t('saveTitle')}</h2>
                  <p className="muted small">{t('saveLead')}</p>
                </div>
                {canList(user) ? (
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={saving || running !== null || flows.length === 0}
                    onClick={save}
                    data-testid="save-plan"
                  >
                    {saving ? t('saving') : t('savePlan')}
                  </button>
                ) : (
                  <p className="note">{t('saveObserver')}</p>
                )}
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}

function End({
  end,
  siteName,
  inline,
}: {
  end: FlowEnd;
  siteName: Map<string, string>;
  inline?: boolean;
}) {
  const t = useT(exchangeDict);
  const labels = useLabels();
  if (!end.organisationId)
    return (
      <span className="anonymous" title={t('approximateEnd')}>
        {t('anonymousAt', { agg: labels.agglomeration(end.agglomeration) })}
      </span>
    );
  const site = end.siteId ? siteName.get(end.siteId) : undefined;
  return (
    <span>
      <a href={href('participants', end.organisationId)}>{end.organisationName}</a>
      {site && !inline && <span className="sub"> · {site}</span>}
    </span>
  );
}

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

function ImpactSummary({ impact }: { impact: Impact }) {
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

function Robustness({
  plan,
  tx,
  byListing,
  holder,
}: {
  plan: Plan;
  tx: Taxonomy;
  byListing: Map<string, Listing>;
  holder: (e: FlowEnd) => string;
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const labels = useLabels();
  const entries = plan.robustness ?? [];
  const inPlan = new Map(plan.plan.flows.map((f) => [flowKey(f), f]));
  const name = (id: string) => {
    const l = byListing.get(id);
    if (!l) return id;
    const who = l.holderHidden
      ? t('anonymousAt', { agg: labels.agglomeration(l.agglomeration) })
      : l.organisationName;
    return `${l.materialId ? tx.materialName(l.materialId) : tx.nameOfUse(l.useId)} (${who})`;
  };
  return (
    <section className="card" data-testid="robustness">
      <h2 className="card-title">{t('robustTitle')}</h2>
      <p className="muted small">{t('robustLead')}</p>
      {entries.length === 0 ? (
        <Empty title={t('noFlows')} />
      ) : (
        <ul className="bars robust-bars">
          {entries.map((e) => {
            const f = inPlan.get(flowKey(e));
            const label = f
              ? `${tx.materialName(f.material)}: ${holder(f.from)} → ${holder(f.to)}`
              : `${name(e.supply)} → ${name(e.demand)}`;
            const level = e.share >= 0.8 ? 'high' : e.share >= 0.5 ? 'mid' : 'low';
            return (
              <li key={flowKey(e)}>
                <span className="bar-label">
                  {label}
                  {!f && <span className="badge">{t('notInPlan')}</span>}
                </span>
                <span className="bar-track" aria-hidden="true">
                  <span
                    className={`bar-fill robust-${level}`}
                    style={{ width: `${100 * e.share}%` }}
                  />
                </span>
                <span className="bar-value">{fmt.percent(e.share)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
