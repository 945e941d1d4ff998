import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { shellDict } from '../shell/dict.ts';
import { href } from '../shell/router.ts';
import type { User } from '../shell/types.ts';
import { FormError, PageHeader, SubmitRow } from '../shell/ui.tsx';
import { useSubmission } from '../shell/useSubmission.ts';
import { accountDict } from './accountDict.ts';
import { registryApi } from './api.ts';
import { NewPasswordFields, newPasswordProblems } from './NewPasswordFields.tsx';

/** `#/reset/<token>`: a new password through the operator's link; it works once. */
export function PasswordReset({ token }: { token: string }) {
  const a = useT(accountDict);
  const s = useT(shellDict);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<User | null>(null);
  const { busy, error, run } = useSubmission();
  const fields = { ...(error?.fieldErrors() ?? {}), ...local };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = newPasswordProblems('password', password, repeat, a);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    await run(async () => setDone(await registryApi.acceptPasswordReset({ token, password })));
  };

  if (done)
    return (
      <div className="narrow">
        <PageHeader title={a('resetDone')} />
        <section className="card success-card" data-testid="reset-done">
          <p>{a('resetDoneText', { email: done.email })}</p>
          <a className="btn btn-primary" href={href('login')}>
            {s('login')}
          </a>
        </section>
      </div>
    );
  return (
    <div className="narrow">
      <PageHeader title={a('resetTitle')} lead={a('resetLead')} />
      <form className="card form" onSubmit={submit} noValidate data-testid="reset-form">
        {/* the token is no field the user can fix: its refusal is said above the form */}
        <FormError error={error} placed={(f) => f === 'password'} />
        <NewPasswordFields
          name="password"
          value={password}
          onChange={setPassword}
          repeat={repeat}
          onRepeat={setRepeat}
          errors={fields}
        />
        <SubmitRow busy={busy}>{a('resetSubmit')}</SubmitRow>
      </form>
    </div>
  );
}
