import { lazy, Suspense, useMemo } from 'react';
import { OrganisationListings } from '../exchange/OrganisationListings.tsx';
import { localised, provenanceNote, useFormat, useLocale, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { isOperator, useSession } from '../shell/session.tsx';
import type { Organisation } from '../shell/types.ts';
import { Empty, ErrorState, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { ClusterMap } from './LazyClusterMap.tsx';
import { kindColours, regionName, useLabels } from './labels.ts';
import { memberDict } from './memberDict.ts';
import { orgName } from './names.ts';
import { MembershipsTable, SitesTable } from './ParticipantTables.tsx';

// loaded with the page's first showing of it: the main bundle stays within its budget
const OrganisationLicences = lazy(() =>
  import('./OrganisationLicences.tsx').then((m) => ({ default: m.OrganisationLicences })),
);

type Provenance = Organisation['provenance'][string];

/**
 * Where a figure comes from, its note in the user's language; `compact` keeps the note in the
 * tooltip only. `identifier`: the badge agrees with an identifier (ИНН, ОГРН: masculine).
 */
function ProvenanceTag({
  p,
  compact = false,
  identifier = false,
}: {
  p: Provenance | undefined;
  compact?: boolean;
  identifier?: boolean;
}) {
  const t = useT(registryDict);
  const { locale } = useLocale();
  if (!p) return <span className="prov prov-none">{t('provNone')}</span>;
  const text =
    p.kind === 'sourced'
      ? t('prov:sourced', { key: p.key ?? '' })
      : p.kind === 'generated' && identifier
        ? t('prov:generatedIdentifier')
        : t(`prov:${p.kind}`);
  const note = provenanceNote(locale, p);
  return (
    <span className={`prov prov-${p.kind}`} title={note}>
      {text}
      {note && !compact && <span className="prov-note"> — {note}</span>}
    </span>
  );
}

export function Participant({ id }: { id: string }) {
  const t = useT(registryDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const labels = useLabels();
  const m = useT(memberDict);
  const { user } = useSession();
  const org = useResource(() => registryApi.organisation(id), [id]);
  const sites = useResource(() => registryApi.organisationSites(id), [id]);
  const memberships = useResource(() => registryApi.organisationMemberships(id), [id]);
  const byId = useMemo(
    () => new Map(org.data ? [[org.data.id, org.data] as const] : []),
    [org.data],
  );

  const back = (
    <a className="back-link" href={href('participants')}>
      {t('backToList')}
    </a>
  );
  if (org.error) {
    return (
      <>
        {back}
        <ErrorState error={org.error} onRetry={org.reload} />
      </>
    );
  }
  if (!org.data) {
    return (
      <>
        {back}
        <Loading />
      </>
    );
  }
  const o = org.data;
  const generatedBadge = o.identifiersGenerated && (
    <span className="badge badge-generated" title={t('generatedHint')}>
      {t('generated')}
    </span>
  );
  const identifiers: Array<[string, string | undefined, string]> = [
    [t('inn'), o.inn, 'inn'],
    [t('ogrn'), o.ogrn, 'ogrn'],
    [t('kpp'), o.kpp, 'kpp'],
    [t('okved'), o.okved, 'okved'],
  ];

  return (
    <>
      {back}
      {isOperator(user) && (
        // the operator manages any organisation: its users' reset links, its profile and sites
        <a className="back-link operator-manage" href={href('organisation', o.id)}>
          {m('manageOrganisation')}
        </a>
      )}
      <div className="page-header participant-header">
        <div>
          <h1>{orgName(o, locale)}</h1>
          <p className="lead">
            {locale === 'en' ? o.name : o.nameEn}
            {(locale === 'en' ? o.name : o.nameEn) && ' · '}
            {regionName(o.region, locale)}
          </p>
          <div className="tags">
            <span className="kind">
              <span className="dot" style={{ background: kindColours[o.kind] }} />
              {labels.kind(o.kind)}
            </span>
            {o.role && <span className={`badge role-${o.role}`}>{labels.role(o.role)}</span>}
            <span className={`badge status-${o.status}`}>{labels.status(o.status)}</span>
          </div>
        </div>
      </div>

      <div className="grid-2">
        <section className="card" data-testid="identifiers">
          <h2 className="card-title">
            {t('identifiers')} {generatedBadge}
          </h2>
          <dl className="facts">
            {identifiers.map(([label, value, field]) => (
              <div key={field}>
                <dt>{label}</dt>
                <dd>
                  <span className="mono">{value ?? '—'}</span>
                  {value && o.provenance[field] && (
                    <ProvenanceTag p={o.provenance[field]} compact identifier />
                  )}
                </dd>
              </div>
            ))}
            {o.modelledOn && (
              <div>
                <dt>{t('modelledOn')}</dt>
                <dd>{localised(locale, o.modelledOn, o.modelledOnEn)}</dd>
              </div>
            )}
          </dl>
          {o.identifiersGenerated && <p className="note">{t('generatedHint')}</p>}
        </section>

        <section className="card" data-testid="figures">
          <h2 className="card-title">{t('figures')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('employees')}</dt>
              <dd>
                <span className="figure">{fmt.integer(o.employees)}</span>
                <ProvenanceTag p={o.provenance.employees} />
              </dd>
            </div>
            <div>
              <dt>{t('knowledgeWorkers')}</dt>
              <dd>
                <span className="figure">{fmt.integer(o.knowledgeWorkers)}</span>
                <ProvenanceTag p={o.provenance.knowledgeWorkers} />
              </dd>
            </div>
            <div>
              <dt>{t('region')}</dt>
              <dd>{regionName(o.region, locale)}</dd>
            </div>
            <div>
              <dt>{t('vatRegime')}</dt>
              <dd data-testid="participant-vat-regime">{labels.vatRegime(o.vatRegime)}</dd>
            </div>
            {o.website && (
              <div>
                <dt>{t('website')}</dt>
                <dd className="mono">{o.website}</dd>
              </div>
            )}
          </dl>
          {o.description && (
            <>
              <h3 className="subhead">{t('about')}</h3>
              <p className="description">{localised(locale, o.description, o.descriptionEn)}</p>
            </>
          )}
        </section>
      </div>

      <section className="card">
        <h2 className="card-title">{t('sites')}</h2>
        {sites.error ? (
          <ErrorState error={sites.error} onRetry={sites.reload} />
        ) : !sites.data ? (
          <Loading />
        ) : sites.data.length === 0 ? (
          <Empty title={t('sitesEmpty')} />
        ) : (
          <div className="sites-layout">
            {/* one cell each: the map brings more than one element (user walk: the table fell
                under the map, half the card empty) */}
            <div>
              <ClusterMap
                sites={sites.data}
                organisations={byId}
                context={false}
                className="small"
              />
            </div>
            <SitesTable sites={sites.data} />
          </div>
        )}
      </section>

      <div className="grid-2">
        <section className="card" data-testid="memberships">
          <h2 className="card-title">{t('memberships')}</h2>
          {memberships.error ? (
            <ErrorState error={memberships.error} onRetry={memberships.reload} />
          ) : !memberships.data ? (
            <Loading />
          ) : memberships.data.length === 0 ? (
            <Empty title={t('membershipsEmpty')} />
          ) : (
            <MembershipsTable memberships={memberships.data} />
          )}
        </section>
        <section className="card" data-testid="materials">
          <h2 className="card-title">{t('materials')}</h2>
          <OrganisationListings organisationId={o.id} />
        </section>
      </div>
      {/* the licence register is public (89-ФЗ art. 9): anyone may see what a member may handle */}
      <Suspense fallback={<Loading />}>
        <OrganisationLicences organisationId={o.id} editable={false} />
      </Suspense>
    </>
  );
}
