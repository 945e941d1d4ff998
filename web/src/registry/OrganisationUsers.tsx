import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { shellDict } from '../shell/dict.ts';
import { roleKey } from '../shell/roles.ts';
import type { User } from '../shell/types.ts';
import { Empty, ErrorState, FormError, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { Invite } from './Invite.tsx';

/** The organisation's users: an admin enables, disables and invites them. */
export function Users({ me, admin }: { me: User; admin: boolean }) {
  const t = useT(registryDict);
  const s = useT(shellDict);
  const users = useResource(
    () => registryApi.organisationUsers(me.organisationId),
    [me.organisationId],
  );
  const [error, setError] = useState<ApiError | null>(null);

  const toggle = async (u: User) => {
    setError(null);
    try {
      await registryApi.patchUser(u.id, {
        status: u.status === 'disabled' ? 'active' : 'disabled',
      });
      users.reload();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };

  return (
    <section className="card">
      <h2 className="card-title">{t('users')}</h2>
      <FormError error={error} />
      {users.error ? (
        <ErrorState error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <Loading />
      ) : users.data.length === 0 ? (
        <Empty title={t('usersEmpty')} />
      ) : (
        <DataTable
          cards
          rows={users.data}
          columns={[
            {
              key: 'name',
              header: t('colUser'),
              cell: (u) => u.name,
              sortValue: (u) => u.name,
            },
            {
              key: 'email',
              header: t('colEmail'),
              className: 'mono',
              cell: (u) => u.email,
              sortValue: (u) => u.email,
            },
            {
              key: 'role',
              header: t('colUserRole'),
              cell: (u) => s(roleKey[u.role]),
              sortValue: (u) => s(roleKey[u.role]),
            },
            {
              key: 'status',
              header: t('colUserStatus'),
              cell: (u) => (
                <span className={`badge user-${u.status}`}>{t(`user:${u.status}`)}</span>
              ),
              sortValue: (u) => t(`user:${u.status}`),
            },
            admin && {
              key: 'actions',
              header: <span className="visually-hidden">{t('colActions')}</span>,
              className: 'actions',
              cell: (u) =>
                u.id !== me.id &&
                u.status !== 'pending' && (
                  <button type="button" className="btn btn-small" onClick={() => toggle(u)}>
                    {u.status === 'disabled' ? t('enable') : t('disable')}
                  </button>
                ),
            },
          ]}
          rowKey={(u) => u.id}
          testId="users-table"
        />
      )}
      {admin && <Invite organisationId={me.organisationId} onInvited={users.reload} />}
    </section>
  );
}
