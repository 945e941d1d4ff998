import { lazy, Suspense } from 'react';
import { useLocale, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { isOperator, isOrgAdmin, useSession } from '../shell/session.tsx';
import type { User } from '../shell/types.ts';
import { ErrorState, Forbidden, Loading, NeedLogin, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { ApiKeys } from './ApiKeys.tsx';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { LeaveCluster } from './LeaveCluster.tsx';
import { orgName } from './names.ts';
import { OrganisationProfile } from './OrganisationProfile.tsx';
import { OrganisationSites } from './OrganisationSites.tsx';
import { Users } from './OrganisationUsers.tsx';
import './member.css';

// the licences card (its form, its words, its schema) loads with the page's first showing of
// it, outside the initial bundle's budget
const OrganisationLicences = lazy(() =>
  import('./OrganisationLicences.tsx').then((m) => ({ default: m.OrganisationLicences })),
);

/**
 * `#/organisation`: the user's own organisation; `#/organisation/<id>`: any organisation, for
 * the operator (its users' reset links, its profile, sites and waste licences on the organisation's
 * behalf).
 */
export function MyOrganisation({ id }: { id?: string }) {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  if (id && id !== user.organisationId && !isOperator(user)) return <Forbidden />;
  return (
    <OrganisationAdmin key={id ?? user.organisationId} me={user} id={id ?? user.organisationId} />
  );
}

function OrganisationAdmin({ me, id }: { me: User; id: string }) {
  const t = useT(registryDict);
  const { locale } = useLocale();
  const org = useResource(() => registryApi.organisation(id), [id]);
  const admin = isOrgAdmin(me);
  const current = org.data?.status === 'member';
  // the server decides; these only hide what it would refuse (observers and former members read)
  const writer = current && (me.role !== 'observer' || isOperator(me));
  return (
    <>
      <PageHeader
        title={org.data ? orgName(org.data, locale) : t('orgTitle')}
        lead={<a href={href('participants', id)}>{t('openParticipant')}</a>}
      />
      {org.error ? (
        <ErrorState error={org.error} onRetry={org.reload} />
      ) : !org.data ? (
        <Loading />
      ) : (
        <>
          <OrganisationProfile
            key={`${org.data.id}:${org.data.status}`}
            organisation={org.data}
            editable={admin && current}
            onSaved={() => org.reload()}
          />
          <OrganisationSites organisationId={id} editable={writer} />
          <Suspense fallback={<Loading />}>
            <OrganisationLicences organisationId={id} editable={admin && current} />
          </Suspense>
          <Users me={me} admin={admin && current} organisationId={id} adminOnlyNote={!admin} />
          {admin && current && <ApiKeys organisationId={id} />}
          <LeaveCluster organisation={org.data} admin={admin} onLeft={org.reload} />
        </>
      )}
    </>
  );
}
