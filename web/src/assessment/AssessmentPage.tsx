// The Assessment page: the cluster's placement on the paper's nine characteristics (radar and
// evidence), its trajectory by month, Industry 4.0 readiness with the member's own
// questionnaire, and the territorial baseline. Every figure shows its formula and status.
import '../shell/zodJitless.ts'; // before any schema the page's imports build
import { type FormEvent, useState } from 'react';
import {
  readinessBandWords,
  readinessDimensions,
  readinessDimensionWords,
} from '../../../src/assessment/engine/readiness.ts';
import { lqFormula } from '../../../src/assessment/engine/territory.ts';
import {
  indicatorWords,
  paperRows,
  wordingSource,
} from '../../../src/assessment/engine/typology.ts';
import { intlLocale, type Locale, useFormat, useLocale, useT } from '../i18n/index.ts';
import type { ApiError } from '../shell/api.ts';
import { isObserver, useSession } from '../shell/session.tsx';
import { ErrorState, NeedLogin, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { assessmentApi, type ReadinessBody } from './api.ts';
import { DataTable, Loaded } from './blocks.tsx';
import { Radar, Trajectory } from './charts.tsx';
import { DecreeSection } from './DecreeSection.tsx';
import { assessmentDict } from './dict.ts';
import { NetworkSection } from './NetworkSection.tsx';
import { SustainabilitySection } from './SustainabilitySection.tsx';
import './assessment.css';

type T = ReturnType<typeof useT<keyof typeof assessmentDict.ru>>;
type Form = 'territorial_cluster' | 'digital_cluster' | 'business_ecosystem' | 'no_data';
const paperForm = {
  territorial_cluster: 'territorial',
  digital_cluster: 'digital',
  business_ecosystem: 'ecosystem',
} as const;
const number = (locale: Locale, x: number) =>
  x.toLocaleString(intlLocale(locale), { maximumFractionDigits: 3 });

function FormBadge({ form, t }: { form: Form; t: T }) {
  return <span className={`badge form-${form}`}>{t(`form:${form}`)}</span>;
}

function Placement({ t, locale }: { t: T; locale: Locale }) {
  const fmt = useFormat();
  const placement = useResource(() => assessmentApi.placement(), []);
  const path = useResource(() => assessmentApi.trajectory(), []);
  return (
    <Loaded resource={placement}>
      {(a) => (
        <>
          <section className="card stack" aria-labelledby="placement-title">
            <h2 className="card-title" id="placement-title">
              {t('placement')}
            </h2>
            <p className="overall" data-testid="overall-form">
              {t('overall')}: <FormBadge form={a.overall.form} t={t} />{' '}
              {a.overall.score !== null && (
                <strong>{t('scoreOf', { score: number(locale, a.overall.score) })}</strong>
              )}{' '}
              <span className="muted small">
                {t('asOf', { date: fmt.date(a.asOf), months: a.windowMonths })}
              </span>
            </p>
            <div className="assessment-radar">
              <Radar
                label={t('radarLabel')}
                axes={a.characteristics.map((c) => ({
                  label: paperRows[c.id].title[locale],
                  score: c.score,
                }))}
              />
            </div>
            <DataTable
              testId="characteristics"
              className="characteristics-table table-cards"
              head={{
                characteristic: t('characteristic'),
                form: t('form'),
                score: t('score'),
                indicators: t('indicators'),
              }}
              rows={a.characteristics}
              row={(c) => {
                const row = paperRows[c.id];
                const says = c.form === 'no_data' ? null : row[paperForm[c.form]][locale];
                return (
                  <tr key={c.id} data-characteristic={c.id}>
                    <td>
                      <strong>{row.title[locale]}</strong>
                      {says && (
                        <div className="muted small" data-source={wordingSource(says)}>
                          {t(wordingSource(says) === 'paper' ? 'paperSays' : 'platformSays', {
                            text: says,
                          })}
                        </div>
                      )}
                    </td>
                    <td data-label={t('form')}>
                      <FormBadge form={c.form} t={t} />
                    </td>
                    <td className="num" data-label={t('score')}>
                      {c.score === null ? '—' : number(locale, c.score)}
                    </td>
                    <td data-label={t('indicators')}>
                      <ul className="indicators">
                        {c.indicators.map((i) => {
                          const w = indicatorWords[i.name];
                          return (
                            <li key={i.name} data-indicator={i.name}>
                              <span>{w ? w[locale] : i.name}</span>:{' '}
                              <strong>
                                {i.value === null ? t('noData') : number(locale, i.value)}
                              </strong>
                              <div className="muted small formula">
                                {locale === 'ru' && w ? w.formulaRu : i.formula}
                                {i.thresholds &&
                                  ` (${i.thresholds.lowerIsCloser ? '≤' : '≥'} ${number(locale, i.thresholds.digital)} → 1, ${i.thresholds.lowerIsCloser ? '≤' : '≥'} ${number(locale, i.thresholds.ecosystem)} → 2)`}
                              </div>
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                  </tr>
                );
              }}
            />
          </section>
          <section className="card stack" aria-labelledby="trajectory-title">
            <h2 className="card-title" id="trajectory-title">
              {t('trajectory')}
            </h2>
            <Loaded
              resource={path}
              isEmpty={(p) => p.length === 0}
              empty={<p className="muted">{t('trajectoryEmpty')}</p>}
            >
              {(p) => (
                <Trajectory
                  label={t('trajectoryLabel')}
                  bands={[
                    t('form:territorial_cluster'),
                    t('form:digital_cluster'),
                    t('form:business_ecosystem'),
                  ]}
                  points={p.map((m) => ({ month: m.month, score: m.overall.score }))}
                  format={(score) => number(locale, score)}
                  formatMonth={fmt.month}
                />
              )}
            </Loaded>
          </section>
        </>
      )}
    </Loaded>
  );
}

function ReadinessForm({
  organisationId,
  t,
  locale,
  onSaved,
}: {
  organisationId: string;
  t: T;
  locale: Locale;
  onSaved: () => void;
}) {
  const mine = useResource(() => assessmentApi.myReadiness(organisationId), [organisationId]);
  const latest = mine.data?.[0];
  const [bands, setBands] = useState<Record<string, number> | null>(null);
  // the note of the latest version until edited: a new version rests on it unless changed
  const [edited, setNote] = useState<string | null>(null);
  const note = edited ?? latest?.note ?? '';
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const fmt = useFormat();
  const current =
    bands ?? latest?.bands ?? Object.fromEntries(readinessDimensions.map((d) => [d, 0]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const body = {
        bands: current,
        ...(note.trim() ? { note: note.trim() } : {}),
      } as ReadinessBody;
      const s = await assessmentApi.answerReadiness(organisationId, body);
      setSaved(s.version);
      setBands(null);
      setNote(null);
      mine.reload();
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <form className="stack readiness-form" onSubmit={submit} data-testid="readiness-form">
      <h3>{t('myAnswers')}</h3>
      <p className="muted small">
        {latest
          ? t('myVersion', { n: latest.version, date: fmt.date(latest.submittedAt) })
          : t('myNone')}
      </p>
      <div className="readiness-grid">
        {readinessDimensions.map((d) => (
          <label key={d} className="field">
            <span>{readinessDimensionWords[d][locale]}</span>
            <select
              value={current[d]}
              onChange={(e) => setBands({ ...current, [d]: Number(e.target.value) })}
              data-dimension={d}
            >
              {readinessBandWords.map((w, band) => (
                <option key={w.en} value={band}>
                  {w[locale]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('note')}</span>
        <textarea
          value={note}
          maxLength={2000}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      {error && <ErrorState error={error} />}
      {saved !== null && (
        <p className="alert alert-success" role="status">
          {t('saved', { n: saved })}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn-primary">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}

function Readiness({ t, locale }: { t: T; locale: Locale }) {
  const { user } = useSession();
  const summary = useResource(() => assessmentApi.readiness(), []);
  const canAnswer = Boolean(user?.organisationId) && !isObserver(user);
  return (
    <section className="card stack" aria-labelledby="readiness-title">
      <h2 className="card-title" id="readiness-title">
        {t('readiness')}
      </h2>
      <p className="muted small">{t('readinessLead')}</p>
      <Loaded
        resource={summary}
        isEmpty={(s) => s.organisations === 0}
        empty={
          <p className="muted" data-testid="readiness-empty">
            {t('readinessEmpty')}
          </p>
        }
      >
        {(s) => (
          <>
            <p className="small">
              {t('organisations', { n: s.organisations, staff: number(locale, s.employees) })}
            </p>
            <DataTable
              testId="readiness-table"
              head={{
                dimension: t('dimension'),
                weightedMean: t('weightedMean'),
                mean: t('mean'),
                spread: t('spread'),
                range: t('range'),
              }}
              rows={s.dimensions}
              row={(d) => (
                <tr
                  key={d.dimension}
                  className={s.weakest.includes(d.dimension) ? 'weak' : undefined}
                >
                  <td>{readinessDimensionWords[d.dimension][locale]}</td>
                  <td className="num">
                    {d.weightedMean === null ? '—' : number(locale, d.weightedMean)}
                  </td>
                  <td className="num">{number(locale, d.mean)}</td>
                  <td className="num">{d.spread === null ? '—' : number(locale, d.spread)}</td>
                  <td className="num">
                    {d.min}–{d.max}
                  </td>
                </tr>
              )}
            />
            <p className="small">
              {t('weakest', {
                list: s.weakest.map((d) => readinessDimensionWords[d][locale]).join(', '),
              })}
            </p>
          </>
        )}
      </Loaded>
      {canAnswer && user?.organisationId ? (
        <ReadinessForm
          organisationId={user.organisationId}
          t={t}
          locale={locale}
          onSaved={summary.reload}
        />
      ) : (
        <p className="muted small">{t('needMembership')}</p>
      )}
    </section>
  );
}

function Territory({ t, locale }: { t: T; locale: Locale }) {
  const r = useResource(() => assessmentApi.territory(), []);
  return (
    <section className="card stack" aria-labelledby="territory-title">
      <h2 className="card-title" id="territory-title">
        {t('territory')}
      </h2>
      <p className="muted small">{t('territoryLead')}</p>
      <Loaded resource={r}>
        {(data) => (
          <>
            <DataTable
              testId="territory-table"
              head={{ industry: t('industry'), lq: t('lq'), status: t('status') }}
              rows={data.industries}
              row={(i) => (
                <tr key={i.industry}>
                  <td>
                    {i.industry} {i.name[locale]}
                  </td>
                  <td className="num">
                    {i.lq === null ? t('noData') : number(locale, i.lq)}
                    <div className="muted small formula" data-testid="territory-formula">
                      {i.terms ? lqFormula(i.terms, locale) : t('noData')}
                    </div>
                  </td>
                  <td>
                    <span className={i.status === 'estimate' ? 'badge badge-estimate' : 'badge'}>
                      {t(i.status)} {i.year ?? ''}
                    </span>
                    {i.basis && (
                      <div className="muted small" data-testid="territory-basis">
                        {t('basis', { text: i.basis[locale] })}
                      </div>
                    )}
                    <div className="muted small" data-testid="territory-source">
                      {t('source', { text: i.source[locale] })}
                    </div>
                  </td>
                </tr>
              )}
            />
            <p className="muted small" data-testid="territory-total">
              {t('total', {
                region: number(locale, data.total.region),
                country: number(locale, data.total.country),
                year: data.total.year,
              })}{' '}
              {data.total.basis && `${t('basis', { text: data.total.basis[locale] })}. `}
              {t('source', { text: data.total.source[locale] })}.
            </p>
            <p className="muted small">{t('strongNoData')}</p>
          </>
        )}
      </Loaded>
    </section>
  );
}

/** The ministry's report as a file, in the page's language (the server checks who may read it). */
function ReportLinks({ t, locale }: { t: T; locale: Locale }) {
  const formats = ['pdf', 'html', 'xlsx'] as const;
  return (
    <nav className="report-links small" aria-label={t('downloadLabel')} data-testid="report-links">
      <span>{t('download')}</span>{' '}
      {formats.map((f, i) => (
        <span key={f}>
          {i > 0 && ' · '}
          <a href={`/api/v1/assessment/report?format=${f}&lang=${locale}`} download data-format={f}>
            {f.toUpperCase()}
          </a>
        </span>
      ))}
    </nav>
  );
}

export function AssessmentPage() {
  const t = useT(assessmentDict);
  const { locale } = useLocale();
  const { user } = useSession();
  if (!user) return <NeedLogin />;
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={<ReportLinks t={t} locale={locale} />}
      />
      <div className="stack">
        <Placement t={t} locale={locale} />
        {user.role === 'operator_admin' && <NetworkSection t={t} locale={locale} />}
        <DecreeSection />
        <SustainabilitySection locale={locale} />
        <Readiness t={t} locale={locale} />
        <Territory t={t} locale={locale} />
      </div>
    </>
  );
}
