import { type FormEvent, useState } from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import { shellDict } from '../shell/dict.ts';
import { roleKey } from '../shell/roles.ts';
import { CopyBox, Field, FormError, SubmitRow } from '../shell/ui.tsx';
import { useSubmission } from '../shell/useSubmission.ts';
import { invitationRoles, isOneOf } from '../shell/vocabulary.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';

/** An invitation: a link to set a password, shown once. */
export function Invite({
  organisationId,
  onInvited,
}: {
  organisationId: string;
  onInvited: () => void;
}) {
  const t = useT(registryDict);
  const s = useT(shellDict);
  const fmt = useFormat();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<(typeof invitationRoles)[number]>('member');
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
        <FormError error={error} placed={(f) => ['name', 'email', 'role'].includes(f)} />
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
              onChange={(e) => isOneOf(invitationRoles, e.target.value) && setRole(e.target.value)}
            >
              {invitationRoles.map((r) => (
                <option key={r} value={r}>
                  {s(roleKey[r])}
                </option>
              ))}
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
