// Human potential: the competence gaps of the cluster and of its organisations, the courses and
// internships that close them (with the reasons), and every course, programme, internship and
// vacancy offered, in the user's language.
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { href } from '../shell/router.ts';
import { Empty, ErrorState, Loading, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { knowledgeApi } from './api.ts';
import { knowledgeDict } from './dict.ts';
import { useCompetenceName } from './useCompetenceName.ts';

type Report = NonNullable<Awaited<ReturnType<typeof knowledgeApi.gaps>>>;
type Gap = Report['cluster'][number];
type Ranked = Report['openings'][number];

const pick = (locale: string, ru?: string | null, en?: string | null) =>
  (locale === 'en' ? (en ?? ru) : (ru ?? en)) ?? '';

function GapTable({ rows, byOrganisation }: { rows: Gap[]; byOrganisation: boolean }) {
  const t = useT(knowledgeDict);
  return (
    <DataTable
      cards
      rows={rows}
      rowKey={(g) => `${g.organisationId ?? '*'}:${g.competence}`}
      testId={byOrganisation ? 'gaps-organisations' : 'gaps-cluster'}
      columns={[
        {
          key: 'competence',
          header: t('colCompetence'),
          label: t('colCompetence'),
          cell: (g) => g.competenceName,
          sortValue: (g) => g.competenceName,
        },
        byOrganisation && {
          key: 'organisation',
          header: t('colOrganisation'),
          label: t('colOrganisation'),
          cell: (g) =>
            g.organisationId ? (
              <a href={href('participants', g.organisationId)}>
                {g.organisationName ?? g.organisationId}
              </a>
            ) : null,
          sortValue: (g) => g.organisationName ?? '',
        },
        {
          key: 'demanded',
          header: t('colDemanded'),
          label: t('colDemanded'),
          numeric: true,
          cell: (g) => g.demanded,
          sortValue: (g) => g.demanded,
        },
        {
          key: 'present',
          header: t('colPresent'),
          label: t('colPresent'),
          numeric: true,
          cell: (g) => g.present,
          sortValue: (g) => g.present,
        },
        !byOrganisation && {
          key: 'holders',
          header: t('colHolders'),
          label: t('colHolders'),
          numeric: true,
          cell: (g) => g.holders,
        },
        {
          key: 'demands',
          header: t('colDemands'),
          label: t('colDemands'),
          numeric: true,
          cell: (g) => g.demands.length,
          sortValue: (g) => g.demands.length,
        },
        {
          // the level is there but too few hold it: a row of 4 and 4 says why it is a gap
          key: 'short',
          header: t('colShort'),
          label: t('colShort'),
          cell: (g) =>
            g.present < g.demanded
              ? t('shortLevel', { demanded: g.demanded, present: g.present })
              : t('shortPeople', { holders: g.holders, demands: g.demands.length }),
          sortValue: (g) => g.demanded - g.present,
        },
      ]}
    />
  );
}

/** Reasons shown at once; the rest fold under a summary. */
const SHOWN_REASONS = 4;

/** Ranked courses, internships or vacancies, each with the reasons the server names. */
export function RankedOpenings({ rows, testId }: { rows: Ranked[]; testId: string }) {
  const t = useT(knowledgeDict);
  return (
    <ol className="stack" data-testid={testId}>
      {rows.map((o) => (
        <li key={o.id}>
          <strong>{o.title}</strong> <span className="badge">{t(`opening:${o.kind}`)}</span>{' '}
          <a className="small" href={href('participants', o.organisationId)}>
            {o.organisationName ?? o.organisationId}
          </a>
          <ul>
            {o.reasons.slice(0, SHOWN_REASONS).map((r) => (
              <li key={`${r.kind}:${r.competence}:${r.organisationId ?? ''}`} className="small">
                {r.text}
              </li>
            ))}
          </ul>
          {o.reasons.length > SHOWN_REASONS && (
            <details className="small">
              <summary>{t('moreReasons', { n: o.reasons.length - SHOWN_REASONS })}</summary>
              <ul>
                {o.reasons.slice(SHOWN_REASONS).map((r) => (
                  <li key={`${r.kind}:${r.competence}:${r.organisationId ?? ''}`}>{r.text}</li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}

export function PotentialPage() {
  const t = useT(knowledgeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const gaps = useResource(() => knowledgeApi.gaps(), [locale]);
  const openings = useResource(() => knowledgeApi.openings(), []);
  const competenceName = useCompetenceName();
  return (
    <>
      <a className="back-link" href={href('knowledge')}>
        {t('backToSearch')}
      </a>
      <PageHeader title={t('potentialTitle')} lead={t('potentialLead')} />
      {gaps.error ? (
        <ErrorState error={gaps.error} onRetry={gaps.reload} />
      ) : !gaps.data ? (
        <Loading />
      ) : (
        <>
          <section className="card stack">
            <h2 className="card-title">{t('gapsCluster')}</h2>
            <p className="muted small">{t('gapsWhat')}</p>
            {gaps.data.cluster.length === 0 ? (
              <p className="muted">{t('gapsClusterNone')}</p>
            ) : (
              <GapTable rows={gaps.data.cluster} byOrganisation={false} />
            )}
          </section>
          <section className="card stack">
            <h2 className="card-title">{t('closingTitle')}</h2>
            {gaps.data.openings.length === 0 ? (
              <p className="muted">{t('closingNone')}</p>
            ) : (
              <RankedOpenings rows={gaps.data.openings} testId="closing-openings" />
            )}
          </section>
          <section className="card stack">
            <h2 className="card-title">{t('gapsOrganisations')}</h2>
            {gaps.data.organisations.length === 0 ? (
              <p className="muted">{t('gapsNone')}</p>
            ) : (
              <GapTable rows={gaps.data.organisations} byOrganisation />
            )}
          </section>
        </>
      )}
      <section className="stack">
        <h2>{t('openingsTitle')}</h2>
        {openings.error ? (
          <ErrorState error={openings.error} onRetry={openings.reload} />
        ) : !openings.data ? (
          <Loading />
        ) : openings.data.length === 0 ? (
          <Empty title={t('openingsNone')} />
        ) : (
          <div className="stack" data-testid="openings">
            {openings.data.map((o) => (
              <div className="card stack" key={o.id} data-testid={`opening-${o.id}`}>
                <h3 className="card-title">{pick(locale, o.titleRu, o.titleEn)}</h3>
                <div className="tags">
                  <span className="badge">{t(`opening:${o.kind}`)}</span>
                  <a href={href('participants', o.organisationId)}>
                    {pick(locale, o.organisationName, o.organisationNameEn) || o.organisationId}
                  </a>
                  {o.hours !== undefined && (
                    <span className="muted small">{t('hours', { n: o.hours })}</span>
                  )}
                  {o.places !== undefined && (
                    <span className="muted small">{t('places', { n: o.places })}</span>
                  )}
                  {o.salaryKopecks !== undefined && (
                    <span className="muted small">
                      {t('salary', { sum: fmt.integer(o.salaryKopecks / 100) })}
                    </span>
                  )}
                  {o.startsOn && (
                    <span className="muted small">
                      {t('startsOn', { date: fmt.date(o.startsOn) })}
                    </span>
                  )}
                </div>
                {(o.textRu || o.textEn) && (
                  <p className="description">{pick(locale, o.textRu, o.textEn)}</p>
                )}
                <p className="small">
                  {t('competences')}:{' '}
                  {o.competences
                    .map(
                      (c) => `${competenceName(c.competence)} (${t('level', { level: c.level })})`,
                    )
                    .join('; ')}
                </p>
              </div>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
