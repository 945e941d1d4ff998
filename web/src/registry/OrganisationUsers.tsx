import { useState } from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { shellDict } from '../shell/dict.ts';
import { roleKey } from '../shell/roles.ts';
import { isOperator } from '../shell/session.tsx';
import type { User } from '../shell/types.ts';
import { ConfirmButton, CopyBox, Empty, ErrorState, FormError, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { accountDict } from './accountDict.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { Invite } from './Invite.tsx';

/**
 * The organisation's users: an admin enables, disables and invites them; the operator also
 * issues a password-reset link, shown once like an invitation.
 */
export function Users({
  me,
  admin,
  organisationId = me.organisationId,
}: {
  me: User;
  admin: boolean;
  organisationId?: string;
}) {
  const t = useT(registryDict);
  const s = useT(shellDict);
  const a = useT(accountDict);
  const fmt = useFormat();
  const users = useResource(() => registryApi.organisationUsers(organisationId), [organisationId]);
  const [error, setError] = useState<ApiError | null>(null);
  const [reset, setReset] = useState<{ email: string; token: string; expiresAt: string } | null>(
    null,
  );
  const operator = isOperator(me);

  const issueReset = async (u: User) => {
    setError(null);
    setReset(null);
    try {
      const r = await registryApi.issuePasswordReset(u.id);
      setReset({ email: r.user.email, token: r.token, expiresAt: r.expiresAt });
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };

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
      {reset && (
        <div className="alert alert-success once" data-testid="reset-link">
          <strong>{a('resetLinkFor', { email: reset.email })}</strong>
          <CopyBox value={`${window.location.origin}/#/reset/${reset.token}`} />
          <span>{a('resetLinkOnce', { date: fmt.dateTime(reset.expiresAt) })}</span>
        </div>
      )}
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
              className: 'mono user-email',
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
                  <span className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => toggle(u)}>
                      {u.status === 'disabled' ? t('enable') : t('disable')}
                    </button>
                    {operator && u.status === 'active' && (
                      <ConfirmButton
                        label={a('issueReset')}
                        question={a('issueResetQuestion')}
                        confirmLabel={a('issueResetYes')}
                        className="btn btn-small"
                        testId={`reset-${u.email}`}
                        onConfirm={() => issueReset(u)}
                      />
                    )}
                  </span>
                ),
            },
          ]}
          rowKey={(u) => u.id}
          testId="users-table"
        />
      )}
      {admin && <Invite organisationId={organisationId} onInvited={users.reload} />}
    </section>
  );
}
