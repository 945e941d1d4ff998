import { useState } from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { shellDict } from '../shell/dict.ts';
import { roleKey } from '../shell/roles.ts';
import { isOperator } from '../shell/session.tsx';
import type { User } from '../shell/types.ts';
import {
  AskInPlace,
  ConfirmButton,
  CopyBox,
  Empty,
  ErrorState,
  FormError,
  Loading,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { invitationRoles, isOneOf } from '../shell/vocabulary.ts';
import { accountDict } from './accountDict.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { Invite } from './Invite.tsx';

/**
 * The organisation's users: an admin changes their roles, enables, disables and invites them,
 * and withdraws an invitation not yet accepted; the operator also issues a password-reset
 * link, shown once like an invitation.
 */
export function Users({
  me,
  admin,
  organisationId = me.organisationId,
  adminOnlyNote = false,
}: {
  me: User;
  admin: boolean;
  organisationId?: string;
  /** say, inside the card, that inviting users and managing keys is for the organisation's admin */
  adminOnlyNote?: boolean;
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

  /** A change to a user; the server's refusal (the last admin keeps the role) is shown. */
  const change = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      users.reload();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };
  const toggle = (u: User) =>
    change(() =>
      registryApi.patchUser(u.id, { status: u.status === 'disabled' ? 'active' : 'disabled' }),
    );
  /** Roles an admin gives: the operator's own role is not one of them. */
  const roleEditable = (u: User) => admin && u.id !== me.id && isOneOf(invitationRoles, u.role);
  /**
   * The organisation's only active admin: the server lets the operator alone demote or disable
   * them, and the page asks first, saying the organisation is left without one.
   */
  const lastAdmin = (u: User) =>
    u.role === 'org_admin' &&
    u.status === 'active' &&
    !users.data?.some((x) => x.id !== u.id && x.role === 'org_admin' && x.status === 'active');
  /** A role change that leaves the organisation with no admin, waiting for its confirmation. */
  const [demoting, setDemoting] = useState<{
    user: User;
    role: (typeof invitationRoles)[number];
  } | null>(null);

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
      {demoting && (
        <AskInPlace
          testId="demote-last-admin"
          danger
          question={`${t('demoteQuestion', { email: demoting.user.email, role: s(roleKey[demoting.role]) })} ${t('lastAdmin')}`}
          confirmLabel={t('demoteYes')}
          onConfirm={() => {
            const { user, role } = demoting;
            setDemoting(null);
            change(() => registryApi.patchUser(user.id, { role }));
          }}
          onCancel={() => setDemoting(null)}
        />
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
              // on a phone's card the box takes the card's width: «organisation admin» whole
              className: 'role-cell',
              cell: (u) =>
                roleEditable(u) ? (
                  <select
                    className="role-select"
                    aria-label={t('roleOf', { name: u.name })}
                    value={demoting?.user.id === u.id ? demoting.role : u.role}
                    data-testid={`role-${u.email}`}
                    onChange={(e) => {
                      const role = e.target.value;
                      if (!isOneOf(invitationRoles, role) || role === u.role) return;
                      if (operator && lastAdmin(u)) setDemoting({ user: u, role });
                      else change(() => registryApi.patchUser(u.id, { role }));
                    }}
                  >
                    {invitationRoles.map((r) => (
                      <option key={r} value={r}>
                        {s(roleKey[r])}
                      </option>
                    ))}
                  </select>
                ) : (
                  s(roleKey[u.role])
                ),
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
                (u.status === 'pending' ? (
                  <ConfirmButton
                    label={t('withdrawInvitation')}
                    question={t('withdrawInvitationQuestion', { email: u.email })}
                    confirmLabel={t('withdrawInvitationYes')}
                    className="btn btn-small"
                    testId={`withdraw-${u.email}`}
                    onConfirm={() => change(() => registryApi.withdrawInvitation(u.id))}
                  />
                ) : (
                  <span className="row-actions">
                    {u.status === 'disabled' ? (
                      <button type="button" className="btn btn-small" onClick={() => toggle(u)}>
                        {t('enable')}
                      </button>
                    ) : (
                      <ConfirmButton
                        label={t('disable')}
                        question={`${t('disableQuestion', { email: u.email })}${lastAdmin(u) ? ` ${t('lastAdmin')}` : ''}`}
                        confirmLabel={t('disableYes')}
                        className="btn btn-small"
                        testId={`disable-${u.email}`}
                        onConfirm={() => toggle(u)}
                      />
                    )}
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
                )),
            },
          ]}
          rowKey={(u) => u.id}
          testId="users-table"
        />
      )}
      {admin && <Invite organisationId={organisationId} onInvited={users.reload} />}
      {adminOnlyNote && <p className="muted small">{t('orgAdminOnly')}</p>}
    </section>
  );
}
