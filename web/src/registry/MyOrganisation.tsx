import { useLocale, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { isOrgAdmin, useSession } from '../shell/session.tsx';
import type { User } from '../shell/types.ts';
import { Loading, NeedLogin, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { ApiKeys } from './ApiKeys.tsx';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { orgName } from './names.ts';
import { Users } from './OrganisationUsers.tsx';

export function MyOrganisation() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  return <OrganisationAdmin me={user} />;
}

function OrganisationAdmin({ me }: { me: User }) {
  const t = useT(registryDict);
  const { locale } = useLocale();
  const org = useResource(() => registryApi.organisation(me.organisationId), [me.organisationId]);
  const admin = isOrgAdmin(me);
  return (
    <>
      <PageHeader
        title={org.data ? orgName(org.data, locale) : t('orgTitle')}
        lead={<a href={href('participants', me.organisationId)}>{t('openParticipant')}</a>}
      />
      <Users me={me} admin={admin} />
      {admin ? (
        <ApiKeys organisationId={me.organisationId} />
      ) : (
        <p className="note">{t('orgAdminOnly')}</p>
      )}
    </>
  );
}
