import { type FormEvent, useState } from 'react';
import { isStrongPassword } from '../../../src/model/password-rule.ts';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { shellDict } from '../shell/dict.ts';
import { roleKey } from '../shell/roles.ts';
import { href } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import type { InvitationPreview, User } from '../shell/types.ts';
import { ErrorState, Field, FormError, Loading, PageHeader, SubmitRow } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { accountDict } from './accountDict.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { orgName } from './names.ts';

/** An invitation's page: what it invites to (address, organisation, role), then the password. */
export function Invitation({ token }: { token: string }) {
  const preview = useResource(() => registryApi.invitationPreview(token), [token]);
  if (preview.error) {
    return (
      <div className="narrow">
        <InvitationHeader />
        <ErrorState error={preview.error} />
      </div>
    );
  }
  if (!preview.data) return <Loading />;
  return <AcceptInvitation token={token} invited={preview.data} />;
}

function InvitationHeader({ lead }: { lead?: string }) {
  const t = useT(registryDict);
  return <PageHeader title={t('invTitle')} {...(lead ? { lead } : {})} />;
}

function AcceptInvitation({ token, invited }: { token: string; invited: InvitationPreview }) {
  const t = useT(registryDict);
  const a = useT(accountDict);
  const s = useT(shellDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const { refresh } = useSession();
  const [name, setName] = useState(invited.name);
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useSubmission();
  // worded when shown, so a switch of language words it anew
  const [weakPassword, setWeakPassword] = useState(false);
  const [done, setDone] = useState<User | null>(null);
  const fields = error?.fieldErrors() ?? {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setWeakPassword(false);
    if (!isStrongPassword(password)) {
      setWeakPassword(true);
      return;
    }
    await run(async () => {
      const user = await registryApi.acceptInvitation({
        token,
        password,
        name: name.trim() || undefined,
      });
      // the server opened a session (L11): the header shows the new user at once
      await refresh();
      setDone(user);
    });
  };

  if (done) {
    return (
      <div className="narrow">
        <PageHeader title={t('invDone')} />
        <section className="card success-card">
          <p>{a('invLoggedIn', { email: done.email })}</p>
          <a className="btn btn-primary" href={href('organisation')}>
            {a('invToOrganisation')}
          </a>
        </section>
      </div>
    );
  }
  return (
    <div className="narrow">
      <InvitationHeader lead={t('invLead')} />
      <form className="card form" onSubmit={submit} noValidate>
        <p className="invitation-for" data-testid="invitation-for">
          {t('invFor', {
            email: invited.email,
            organisation: orgName(invited.organisation, locale),
            role: s(roleKey[invited.role]),
          })}{' '}
          <span className="muted">{t('invUntil', { date: fmt.dateTime(invited.expiresAt) })}</span>
        </p>
        <FormError error={error} placed={(f) => f === 'name' || f === 'password'} />
        <Field label={t('invName')} error={fields.name}>
          {(p) => (
            <input
              {...p}
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="name"
            />
          )}
        </Field>
        <Field
          label={s('password')}
          error={weakPassword ? t('errPassword') : fields.password}
          hint={t('passwordHint')}
        >
          {(p) => (
            <input
              {...p}
              name="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <SubmitRow busy={busy}>{t('invSubmit')}</SubmitRow>
      </form>
    </div>
  );
}
