import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocale, useT, useWordingState, wording } from '../i18n/index.ts';
import { ApiError } from './api.ts';
import { shellDict } from './dict.ts';
import { loginDict } from './loginDict.ts';
import { href } from './router.ts';
import { pageAfterLogin, useSession } from './session.tsx';
import { Field, PageHeader, SubmitRow, useProblemText } from './ui.tsx';
import { waitInWords } from './wait.ts';

/** One «@» with something before it and a dotted domain after: what any address has. */
export const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

export function Login() {
  const t = useT(shellDict);
  const { locale } = useLocale();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // worded when shown: a switch of language words the form's own findings anew (a server's
  // refusal stays as it came)
  const [error, setError] = useWordingState();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const problemText = useProblemText();

  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError(wording(shellDict, 'required'));
      return;
    }
    // «ivanov.ru» is a slip, not a wrong password: said before anything is sent
    if (!looksLikeEmail(email.trim())) {
      setError(wording(shellDict, 'emailBad'));
      return;
    }
    setBusy(true);
    try {
      await login(email.trim(), password);
      // back to the page the user came from (L6)
      window.location.hash = pageAfterLogin();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(wording(shellDict, 'loginWrong'));
      else if (err instanceof ApiError && err.status === 429) {
        // the wait in minutes, in words (L5); the server's params carry it in seconds
        const seconds = Number(err.problem.params?.seconds);
        setError(
          Number.isFinite(seconds) && seconds > 0
            ? wording(
                loginDict,
                err.problem.code === 'registry.tooManyLogins' ? 'lockedFor' : 'slowDownFor',
                (locale) => ({ wait: waitInWords(seconds, locale) }),
              )
            : wording(shellDict, 'loginRateLimited'),
        );
      } else if (err instanceof ApiError) {
        const text = problemText(err);
        setError(() => text);
      } else throw err;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeader title={t('loginTitle')} lead={t('loginLead')} />
      <form className="card form" onSubmit={submit} noValidate data-testid="login-form">
        {error && (
          <div className="alert alert-error" role="alert">
            {error(locale)}
          </div>
        )}
        <Field label={t('email')}>
          {(p) => (
            <input
              {...p}
              ref={first}
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('password')}>
          {(p) => (
            <input
              {...p}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <SubmitRow busy={busy}>{busy ? t('loggingIn') : t('loginSubmit')}</SubmitRow>
        <p className="muted small">
          {t('loginNoAccount')} <a href={href('apply')}>{t('loginApply')}</a>
        </p>
      </form>
    </div>
  );
}
