import { type FormEvent, useState } from 'react';
import { useLocale, useT } from '../i18n/index.ts';
import { authApi } from '../shell/auth.ts';
import { useSession } from '../shell/session.tsx';
import type { User } from '../shell/types.ts';
import {
  ConfirmButton,
  Field,
  FormError,
  Loading,
  NeedLogin,
  PageHeader,
  SubmitRow,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { accountDict } from './accountDict.ts';
import { registryApi } from './api.ts';
import { NewPasswordFields, newPasswordProblems } from './NewPasswordFields.tsx';
import { orgName } from './names.ts';

/** The user's own account: the password and the other sessions (issue 9, F15). */
export function Account() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  return <AccountOf me={user} />;
}

function AccountOf({ me }: { me: User }) {
  const a = useT(accountDict);
  const { locale } = useLocale();
  const org = useResource(() => registryApi.organisation(me.organisationId), [me.organisationId]);
  return (
    <div className="narrow">
      <PageHeader
        title={a('accountTitle')}
        lead={a('accountLead', {
          email: me.email,
          organisation: org.data ? orgName(org.data, locale) : me.organisationId,
        })}
      />
      <ChangePassword />
      <OtherSessions />
    </div>
  );
}

function ChangePassword() {
  const a = useT(accountDict);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useSubmission();
  const fields = { ...(error?.fieldErrors() ?? {}), ...local };
  /** A box being corrected: its refusal, and the server's, no longer hold. */
  const edited = (field: string, set: (v: string) => void) => (v: string) => {
    set(v);
    setError(null);
    setDone(false);
    if (local[field]) setLocal(({ [field]: _, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const problems = newPasswordProblems('newPassword', next, repeat, a);
    if (!current) problems.currentPassword = a('errRequired');
    else if (next && next === current) problems.newPassword = a('errSameAsCurrent');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    await run(async () => {
      await authApi.changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    });
  };

  return (
    <form
      className="card form"
      onSubmit={submit}
      noValidate
      data-testid="password-form"
      aria-labelledby="password-title"
    >
      <h2 className="card-title" id="password-title">
        {a('passwordTitle')}
      </h2>
      <p className="muted small">{a('passwordLead')}</p>
      {done && (
        <div className="alert alert-success" role="status">
          {a('passwordChanged')}
        </div>
      )}
      <FormError error={error} placed={(f) => f === 'currentPassword' || f === 'newPassword'} />
      <Field label={a('currentPassword')} error={fields.currentPassword}>
        {(p) => (
          <input
            {...p}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => edited('currentPassword', setCurrent)(e.target.value)}
            required
          />
        )}
      </Field>
      <NewPasswordFields
        name="newPassword"
        value={next}
        onChange={edited('newPassword', setNext)}
        repeat={repeat}
        onRepeat={edited('repeat', setRepeat)}
        errors={fields}
      />
      <SubmitRow busy={busy}>{a('changePassword')}</SubmitRow>
    </form>
  );
}

function OtherSessions() {
  const a = useT(accountDict);
  const { busy, error, run } = useSubmission();
  const [ended, setEnded] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 className="card-title" id="sessions-title">
        {a('sessionsTitle')}
      </h2>
      <p className="muted small">{a('sessionsLead')}</p>
      <FormError error={error} />
      {ended !== null && (
        <div className="alert alert-success" role="status" data-testid="sessions-ended">
          {ended === 0 ? a('endedNone') : a('endedSome', { n: ended })}
        </div>
      )}
      <ConfirmButton
        label={a('endOthers')}
        question={a('endOthersQuestion')}
        className="btn"
        disabled={busy}
        testId="end-other-sessions"
        onConfirm={() =>
          run(async () => {
            setEnded((await authApi.endOtherSessions()).ended);
          })
        }
      />
    </section>
  );
}
