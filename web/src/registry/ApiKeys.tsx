import { type FormEvent, useState } from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { shellDict } from '../shell/dict.ts';
import { roleKey } from '../shell/roles.ts';
import type { ApiKey } from '../shell/types.ts';
import {
  ConfirmButton,
  CopyBox,
  Empty,
  ErrorState,
  Field,
  FormError,
  Loading,
  SubmitRow,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { apiKeyRoles, isOneOf } from '../shell/vocabulary.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';

/** The organisation's API keys for machines: made, shown once, revoked. */
export function ApiKeys({ organisationId }: { organisationId: string }) {
  const t = useT(registryDict);
  const s = useT(shellDict);
  const fmt = useFormat();
  const keys = useResource(() => registryApi.apiKeys(organisationId), [organisationId]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<(typeof apiKeyRoles)[number]>('member');
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
      <FormError error={error} placed={(f) => f === 'name' || f === 'role'} />
      {keys.error ? (
        <ErrorState error={keys.error} onRetry={keys.reload} />
      ) : !keys.data ? (
        <Loading />
      ) : keys.data.length === 0 ? (
        <Empty title={t('keysEmpty')} />
      ) : (
        <DataTable
          cards
          rows={keys.data}
          columns={[
            { key: 'name', header: t('keyName'), cell: (k) => k.name, sortValue: (k) => k.name },
            {
              key: 'role',
              header: t('keyRole'),
              cell: (k) => s(roleKey[k.role]),
              sortValue: (k) => s(roleKey[k.role]),
            },
            {
              key: 'prefix',
              header: t('keyPrefix'),
              className: 'mono',
              cell: (k) => `${k.prefix}…`,
              sortValue: (k) => k.prefix,
            },
            {
              key: 'created',
              header: t('keyCreated'),
              className: 'nowrap',
              cell: (k) => fmt.date(k.createdAt),
              sortValue: (k) => k.createdAt,
            },
            {
              key: 'state',
              header: t('keyState'),
              cell: (k) =>
                k.revokedAt ? t('keyRevoked', { date: fmt.date(k.revokedAt) }) : t('keyActive'),
              // active keys first, then the revoked ones by when
              sortValue: (k) => (k.revokedAt ? `1 ${k.revokedAt}` : '0'),
            },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('colActions')}</span>,
              className: 'actions',
              cell: (k) =>
                !k.revokedAt && (
                  <ConfirmButton
                    className="btn btn-small btn-danger"
                    label={t('revoke')}
                    question={t('revokeConfirm', { name: k.name })}
                    confirmLabel={t('revokeYes')}
                    onConfirm={() => revoke(k)}
                    testId="revoke-key"
                  />
                ),
            },
          ]}
          rowKey={(k) => k.id}
          rowProps={(k) => ({ className: k.revokedAt ? 'row-muted' : undefined })}
          testId="api-keys-table"
        />
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
            <select
              {...p}
              value={role}
              onChange={(e) => isOneOf(apiKeyRoles, e.target.value) && setRole(e.target.value)}
            >
              {apiKeyRoles.map((r) => (
                <option key={r} value={r}>
                  {s(roleKey[r])}
                </option>
              ))}
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
