// The impact ledger (GET /api/v1/impact): the three levels side by side — tonnes diverted, CO2e
// avoided net of transport, net benefit — a table per month, a table per organisation, and the
// formula, the attribution rule and the distance rule. A member sees the cluster's totals and
// its own organisation only (the server decides; the page shows what it gets).
import '../shell/zodJitless.ts'; // before any schema the page's imports build
import { useExchangeLabels } from '../exchange/labels.ts';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { answer, client } from '../shell/api.ts';
import type { components } from '../shell/api-types.ts';
import { isOperator, useSession } from '../shell/session.tsx';
import { Empty, ErrorState, Loading, NeedLogin, PageHeader, TableScroll } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useOrgNames } from './bits.tsx';
import { impactDict } from './impactDict.ts';

type Report = components['schemas']['ImpactReport'];
type Totals = components['schemas']['ImpactTotals'];
type LevelName = components['schemas']['ImpactLevel'];

const loadImpact = () => answer(client.GET('/api/v1/impact'));

export function ImpactPage() {
  const t = useT(impactDict);
  const { user } = useSession();
  const report = useResource(user ? loadImpact : null, [Boolean(user)]);
  if (user === undefined) return <Loading />;
  if (user === null) return <NeedLogin />;
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={`${t('lead')} ${isOperator(user) ? t('leadOperator') : t('leadMember')}`}
      />
      {report.error ? (
        <ErrorState error={report.error} onRetry={report.reload} />
      ) : !report.data ? (
        <Loading />
      ) : report.data.levels.every((l) => l.records === 0) ? (
        <section className="card" data-testid="impact-empty">
          <Empty title={t('empty')}>{t('emptyText')}</Empty>
        </section>
      ) : (
        <ImpactBody report={report.data} />
      )}
    </>
  );
}

function ImpactBody({ report }: { report: Report }) {
  const t = useT(impactDict);
  const f = useFormat();
  // an estimate's money as the plan writes it (millions from a million up), not to the kopeck
  const labels = useExchangeLabels();
  const { locale } = useLocale();
  const names = useOrgNames();
  // whole tonnes from 100 up, as the plan writes its volumes («1 060 900 т», not «…,0 т»),
  // and none as «0»
  const figure = (x: number) =>
    Math.abs(x) >= 100 || x === 0 ? f.integer(Math.round(x)) : f.fixed(x, 1);
  const tonnes = (x: number) => `${figure(x)}\u00a0${t('tonnes')}`;
  const co2 = (x: number) => `${figure(x)}\u00a0${t('tCo2e')}`;
  const ownOnly = report.scope === 'organisation';
  const levels = report.levels;
  const fromCentre = report.flowsFromCentre > 0 && (
    <p className="note" data-testid="impact-from-centre">
      {t('fromCentre', { n: report.flowsFromCentre })}
    </p>
  );
  const months = [...new Set(levels.flatMap((l) => l.months.map((m) => m.month)))].sort();
  const monthOf = (level: (typeof levels)[number], month: string): Totals | undefined =>
    level.months.find((m) => m.month === month)?.cluster;
  const orgRows = levels.flatMap((l) =>
    l.organisations.map((o) => ({ level: l.level as LevelName, ...o })),
  );
  return (
    <>
      <div className="grid-3" data-testid="impact-levels">
        {levels.map((l) => (
          <section
            key={l.level}
            className="card stack"
            data-testid={`impact-level-${l.level}`}
            aria-labelledby={`impact-${l.level}`}
          >
            <h2 id={`impact-${l.level}`}>{t(`level:${l.level}`)}</h2>
            <p className="muted small">
              {t(`levelNote:${l.level}`)} · {t('records', { n: l.records })}
            </p>
            {l.level === 'identified' && fromCentre}
            <dl className="impact-figures">
              <dt>{t('diverted')}</dt>
              <dd data-testid="impact-diverted">{tonnes(l.cluster.divertedT)}</dd>
              <dt>{t('co2Net')}</dt>
              <dd data-testid="impact-co2">
                {co2(l.cluster.netCo2eT)}
                <span className="muted small">
                  {' '}
                  ({t('co2Avoided')} {co2(l.cluster.co2eAvoidedT)} − {t('co2Transport')}{' '}
                  {co2(l.cluster.transportCo2eT)})
                </span>
              </dd>
              <dt>{t('benefit')}</dt>
              <dd data-testid="impact-benefit">{labels.money(l.cluster.netBenefitKopecks)}</dd>
            </dl>
          </section>
        ))}
      </div>

      <section className="card stack" data-testid="impact-months">
        <h2 className="card-title">{t('byMonth')}</h2>
        {months.length === 0 ? (
          <Empty title={t('noMonths')} />
        ) : (
          <TableScroll>
            <table className="table">
              <thead>
                <tr>
                  <th rowSpan={2}>{t('month')}</th>
                  {levels.map((l) => (
                    <th key={l.level} colSpan={3}>
                      {t(`level:${l.level}`)}
                    </th>
                  ))}
                </tr>
                <tr>
                  {levels.flatMap((l) => [
                    <th key={`${l.level}-t`} className="num unit-head">
                      {t('tonnes')}
                    </th>,
                    <th key={`${l.level}-c`} className="num unit-head">
                      {t('tCo2e')}
                    </th>,
                    <th key={`${l.level}-r`} className="num unit-head">
                      {locale === 'ru' ? 'млн\u00a0₽' : 'mln\u00a0RUB'}
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m} data-testid="impact-month-row">
                    <td>{f.month(m)}</td>
                    {levels.flatMap((l) => {
                      const x = monthOf(l, m);
                      return [
                        <td key={`${l.level}-t`} className="num">
                          {x ? figure(x.divertedT) : '—'}
                        </td>,
                        <td key={`${l.level}-c`} className="num">
                          {x ? figure(x.netCo2eT) : '—'}
                        </td>,
                        <td key={`${l.level}-r`} className="num">
                          {/* in millions, as the cards above and the plan write money */}
                          {x ? labels.millions(x.netBenefitKopecks) : '—'}
                        </td>,
                      ];
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section className="card stack" data-testid="impact-organisations">
        <h2 className="card-title">{t('byOrganisation')}</h2>
        {orgRows.length === 0 ? (
          // a member sees its own shares only: with none, say why rather than that there are none
          <Empty title={t(ownOnly ? 'noOwnShares' : 'noOrganisations')}>
            {ownOnly ? t('noOwnSharesText') : undefined}
          </Empty>
        ) : (
          <TableScroll>
            <table className="table">
              <thead>
                <tr>
                  <th>{t('organisation')}</th>
                  <th>{t('level')}</th>
                  <th className="num">{t('diverted')}</th>
                  <th className="num">{t('co2Net')}</th>
                  <th className="num">{t('benefit')}</th>
                </tr>
              </thead>
              <tbody>
                {orgRows.map((o) => (
                  <tr key={`${o.level}-${o.organisationId}`} data-testid="impact-org-row">
                    <td>{names.name(o.organisationId)}</td>
                    <td>{t(`level:${o.level}`)}</td>
                    <td className="num">{tonnes(o.attributed.divertedT)}</td>
                    <td className="num">{co2(o.attributed.netCo2eT)}</td>
                    <td className="num">{labels.money(o.attributed.netBenefitKopecks)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section className="card stack" data-testid="impact-formula">
        <h2 className="card-title">{t('formula')}</h2>
        <p>{report.formula[locale]}</p>
        <h3>{t('attribution')}</h3>
        <p>{report.attributionRule[locale]}</p>
        <h3>{t('distance')}</h3>
        <p>{report.distanceRule[locale]}</p>
        {report.dealsWithoutRoute > 0 && (
          <p className="muted small">{t('withoutRoute', { n: report.dealsWithoutRoute })}</p>
        )}
      </section>
    </>
  );
}
