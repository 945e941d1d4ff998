import { type FormEvent, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { shellDict } from '../shell/dict.ts';
import { href } from '../shell/router.ts';
import { isOrgAdmin, useSession } from '../shell/session.tsx';
import type { ApiKey, User, UserRole } from '../shell/types.ts';
import {
  ConfirmButton,
  CopyBox,
  Empty,
  ErrorState,
  Field,
  FormError,
  Loading,
  NeedLogin,
  PageHeader,
  SubmitRow,
  TableScroll,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { orgName } from './names.ts';

const roleKey = {
  operator_admin: 'roleOperatorAdmin',
  org_admin: 'roleOrgAdmin',
  member: 'roleMember',
  observer: 'roleObserver',
} as const;

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

function Users({ me, admin }: { me: User; admin: boolean }) {
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
        <TableScroll>
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('colUser')}</th>
                <th scope="col">{t('colEmail')}</th>
                <th scope="col">{t('colUserRole')}</th>
                <th scope="col">{t('colUserStatus')}</th>
                {admin && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td className="mono">{u.email}</td>
                  <td>{s(roleKey[u.role])}</td>
                  <td>
                    <span className={`badge user-${u.status}`}>{t(`user:${u.status}`)}</span>
                  </td>
                  {admin && (
                    <td className="actions">
                      {u.id !== me.id && u.status !== 'pending' && (
                        <button type="button" className="btn btn-small" onClick={() => toggle(u)}>
                          {u.status === 'disabled' ? t('enable') : t('disable')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {admin && <Invite organisationId={me.organisationId} onInvited={users.reload} />}
    </section>
  );
}

function Invite({ organisationId, onInvited }: { organisationId: string; onInvited: () => void }) {
  const t = useT(registryDict);
  const s = useT(shellDict);
  const fmt = useFormat();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Exclude<UserRole, 'operator_admin'>>('member');
  const { busy, error, run } = useSubmission();
  const [created, setCreated] = useState<{
    email: string;
    token: string;
    expiresAt: string;
  } | null>(null);
  const fields = error?.fieldErrors() ?? {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const r = await registryApi.invite(organisationId, {
        name: name.trim(),
        email: email.trim(),
        role,
      });
      setCreated({ email: r.user.email, token: r.token, expiresAt: r.expiresAt });
      setName('');
      setEmail('');
      onInvited();
    });
  };

  const link = created ? `${window.location.origin}/#/invitation/${created.token}` : '';
  return (
    <div className="subsection">
      <h3 className="subhead">{t('inviteTitle')}</h3>
      {created && (
        <div className="alert alert-success once" data-testid="invitation-link">
          <strong>{t('inviteLink', { email: created.email })}</strong>
          <CopyBox value={link} />
          <span>{t('inviteOnce', { date: fmt.dateTime(created.expiresAt) })}</span>
        </div>
      )}
      <form className="inline-form" onSubmit={submit} noValidate>
        <FormError error={error} />
        <Field label={t('inviteName')} error={fields.name}>
          {(p) => (
            <input
              {...p}
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('inviteEmail')} error={fields.email}>
          {(p) => (
            <input
              {...p}
              name="email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('inviteRole')} error={fields.role}>
          {(p) => (
            <select
              {...p}
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value as typeof role)}
            >
              <option value="member">{s('roleMember')}</option>
              <option value="observer">{s('roleObserver')}</option>
              <option value="org_admin">{s('roleOrgAdmin')}</option>
            </select>
          )}
        </Field>
        <SubmitRow busy={busy} inline>
          {t('inviteSubmit')}
        </SubmitRow>
      </form>
    </div>
  );
}

function ApiKeys({ organisationId }: { organisationId: string }) {
  const t = useT(registryDict);
  const s = useT(shellDict);
  const fmt = useFormat();
  const keys = useResource(() => registryApi.apiKeys(organisationId), [organisationId]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<'member' | 'observer'>('member');
  const { busy, error, setError, run } = useSubmission();
  const [secret, setSecret] = useState<{ id: string; name: string; secret: string } | null>(null);
  const fields = error?.fieldErrors() ?? {};

  const create = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const r = await registryApi.createApiKey(organisationId, { name: name.trim(), role });
      setSecret({ id: r.apiKey.id, name: r.apiKey.name, secret: r.secret });
      setName('');
      keys.reload();
    });
  };

  const revoke = async (k: ApiKey) => {
    setError(null);
    try {
      await registryApi.revokeApiKey(k.id);
      // the secret shown once is of no use any more
      setSecret((s) => (s && s.id === k.id ? null : s));
      keys.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };

  return (
    <section className="card">
      <h2 className="card-title">{t('apiKeys')}</h2>
      <p className="muted">{t('apiKeysLead')}</p>
      {secret && (
        <div className="alert alert-warning once" data-testid="api-key-secret">
          <strong>{t('keySecretTitle', { name: secret.name })}</strong>
          <CopyBox value={secret.secret} />
          <span>{t('keySecretWarning')}</span>
        </div>
      )}
      <FormError error={error} />
      {keys.error ? (
        <ErrorState error={keys.error} onRetry={keys.reload} />
      ) : !keys.data ? (
        <Loading />
      ) : keys.data.length === 0 ? (
        <Empty title={t('keysEmpty')} />
      ) : (
        <TableScroll>
          <table className="table" data-testid="api-keys-table">
            <thead>
              <tr>
                <th scope="col">{t('keyName')}</th>
                <th scope="col">{t('keyRole')}</th>
                <th scope="col">{t('keyPrefix')}</th>
                <th scope="col">{t('keyCreated')}</th>
                <th scope="col">{t('keyState')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id} className={k.revokedAt ? 'row-muted' : undefined}>
                  <td>{k.name}</td>
                  <td>{s(k.role === 'member' ? 'roleMember' : 'roleObserver')}</td>
                  <td className="mono">{k.prefix}…</td>
                  <td className="nowrap">{fmt.date(k.createdAt)}</td>
                  <td>
                    {k.revokedAt
                      ? t('keyRevoked', { date: fmt.date(k.revokedAt) })
                      : t('keyActive')}
                  </td>
                  <td className="actions">
                    {!k.revokedAt && (
                      <ConfirmButton
                        className="btn btn-small btn-danger"
                        label={t('revoke')}
                        question={t('revokeConfirm', { name: k.name })}
                        confirmLabel={t('revokeYes')}
                        onConfirm={() => revoke(k)}
                        testId="revoke-key"
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <form className="inline-form" onSubmit={create} noValidate>
        <Field label={t('keyName')} error={fields.name}>
          {(p) => (
            <input
              {...p}
              name="keyName"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('keyRole')} error={fields.role}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
              <option value="member">{s('roleMember')}</option>
              <option value="observer">{s('roleObserver')}</option>
            </select>
          )}
        </Field>
        <SubmitRow busy={busy} inline>
          {t('createKey')}
        </SubmitRow>
      </form>
    </section>
  );
}
