import { type FormEvent, useState } from 'react';
import { isStrongPassword } from '../../../src/model/password-rule.ts';
import { useT } from '../i18n/index.ts';
import { shellDict } from '../shell/dict.ts';
import { href } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import type { User } from '../shell/types.ts';
import { Field, FormError, PageHeader, SubmitRow } from '../shell/ui.tsx';
import { useSubmission } from '../shell/useSubmission.ts';
import { accountDict } from './accountDict.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';

export function Invitation({ token }: { token: string }) {
  const t = useT(registryDict);
  const a = useT(accountDict);
  const s = useT(shellDict);
  const { refresh } = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useSubmission();
  const [local, setLocal] = useState<string | null>(null);
  const [done, setDone] = useState<User | null>(null);
  const fields = error?.fieldErrors() ?? {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setLocal(null);
    if (!isStrongPassword(password)) {
      setLocal(t('errPassword'));
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
      <PageHeader title={t('invTitle')} lead={t('invLead')} />
      <form className="card form" onSubmit={submit} noValidate>
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
        <Field label={s('password')} error={local ?? fields.password} hint={t('passwordHint')}>
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
