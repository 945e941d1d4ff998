import { useMemo } from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { DataNote, Empty, ErrorState, Loading, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { agglomerations, membershipRoles, organisationKinds } from '../shell/vocabulary.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { ClusterMap } from './LazyClusterMap.tsx';
import { HOME_REGION, kindColours, useLabels } from './labels.ts';

interface Row {
  key: string;
  label: string;
  value: number;
  colour?: string;
  link?: string;
}

function Bars({ title, rows, testId }: { title: string; rows: Row[]; testId: string }) {
  const fmt = useFormat();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <section className="card" data-testid={testId}>
      <h2 className="card-title">{title}</h2>
      <ul className="bars">
        {rows.map((r) => (
          <li key={r.key}>
            <span className="bar-label">
              {r.colour && <span className="swatch" style={{ background: r.colour }} />}
              {r.link ? <a href={r.link}>{r.label}</a> : r.label}
            </span>
            <span className="bar-track" aria-hidden="true">
              <span
                className="bar-fill"
                style={{ width: `${(100 * r.value) / max}%`, background: r.colour }}
              />
            </span>
            <span className="bar-value">{fmt.integer(r.value)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId: string;
}) {
  return (
    <div className="stat card" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {hint && <span className="stat-hint">{hint}</span>}
    </div>
  );
}

export function Overview() {
  const t = useT(registryDict);
  const fmt = useFormat();
  const labels = useLabels();
  const orgs = useResource(() => registryApi.organisations(), []);
  const sites = useResource(registryApi.sites, []);

  const byId = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  const members = useMemo(
    () => (orgs.data ?? []).filter((o) => o.status === 'member'),
    [orgs.data],
  );

  const header = <PageHeader title={t('ovTitle')} lead={t('ovLead')} />;
  if (orgs.error || sites.error) {
    return (
      <>
        {header}
        <ErrorState
          error={(orgs.error ?? sites.error)!}
          onRetry={() => {
            orgs.reload();
            sites.reload();
          }}
        />
      </>
    );
  }
  if (!orgs.data || !sites.data) {
    return (
      <>
        {header}
        <Loading />
      </>
    );
  }

  const allSites = sites.data;
  const outsideMembers = members.filter((o) => o.region !== HOME_REGION).length;
  const outsideSites = allSites.filter((s) => !s.inRegion).length;
  const employees = members.reduce((n, o) => n + o.employees, 0);
  const knowledge = members.reduce((n, o) => n + o.knowledgeWorkers, 0);
  const count = <T,>(xs: T[], pred: (x: T) => boolean) => xs.filter(pred).length;

  const roleRows: Row[] = membershipRoles.map((r) => ({
    key: r,
    label: labels.role(r),
    value: count(members, (o) => o.role === r),
    link: `${href('participants')}?role=${r}`,
  }));
  const kindRows: Row[] = organisationKinds
    .map((k) => ({
      key: k,
      label: labels.kind(k),
      value: count(members, (o) => o.kind === k),
      colour: kindColours[k],
      link: `${href('participants')}?kind=${k}`,
    }))
    .filter((r) => r.value > 0)
    .sort((a, b) => b.value - a.value);
  const aggRows: Row[] = [
    ...agglomerations.map((a) => ({
      key: a,
      label: labels.agglomeration(a),
      value: count(allSites, (s) => s.agglomeration === a),
    })),
    { key: 'outside', label: t('outsideRegion'), value: outsideSites },
  ];
  const kindsOnMap = organisationKinds.filter((k) =>
    allSites.some((s) => byId.get(s.organisationId)?.kind === k),
  );

  return (
    <>
      {header}
      <div className="stats">
        <Stat
          testId="stat-members"
          label={t('cardMembers')}
          value={fmt.integer(members.length)}
          hint={t('cardMembersHint')}
        />
        <Stat
          testId="stat-sites"
          label={t('cardSites')}
          value={fmt.integer(allSites.length)}
          hint={t('cardSitesHint', { n: fmt.integer(outsideSites) })}
        />
        <Stat
          testId="stat-outside"
          label={t('cardOutside')}
          value={fmt.integer(outsideMembers)}
          hint={t('cardOutsideHint')}
        />
        <Stat
          testId="stat-knowledge"
          label={t('cardKnowledge')}
          value={fmt.integer(knowledge)}
          hint={t('cardKnowledgeHint', { n: fmt.integer(employees) })}
        />
      </div>

      <section className="card map-card">
        <div className="map-layout">
          <div className="map-main">
            <h2 className="card-title">{t('mapTitle')}</h2>
            {allSites.length === 0 && (
              <div className="map-empty">
                <Empty title={t('noSites')} />
              </div>
            )}
            <ClusterMap sites={allSites} organisations={byId} />
          </div>
          <aside className="legend" aria-label={t('legend')}>
            <h3>{t('legend')}</h3>
            <ul>
              {kindsOnMap.map((k) => (
                <li key={k}>
                  <span className="dot" style={{ background: kindColours[k] }} />
                  {labels.kind(k)}
                </li>
              ))}
              <li>
                <span className="dot dot-closed" />
                {t('legendClosed')}
              </li>
              <li>
                <span className="ring" />
                {t('legendAgg')}
              </li>
            </ul>
          </aside>
        </div>
      </section>

      {members.length === 0 ? (
        <Empty title={t('noMembers')} />
      ) : (
        <div className="grid-3">
          <Bars testId="by-role" title={t('byRole')} rows={roleRows} />
          <Bars testId="by-kind" title={t('byKind')} rows={kindRows} />
          <Bars testId="by-agglomeration" title={t('sitesByAgg')} rows={aggRows} />
        </div>
      )}
      <DataNote>{t('source')}</DataNote>
    </>
  );
}
