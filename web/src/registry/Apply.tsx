import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { problemIssues } from '../shell/issues.ts';
import { href } from '../shell/router.ts';
import type { Application } from '../shell/types.ts';
import { FormError, PageHeader, SubmitRow } from '../shell/ui.tsx';
import { ApplicationFieldsets } from './ApplicationFieldsets.tsx';
import { registryApi } from './api.ts';
import {
  type ApplicationIssues,
  type ApplicationKey,
  applicationBody,
  blankApplication,
  validateApplication,
} from './application.ts';
import { registryDict } from './dict.ts';
import { HOME_REGION } from './labels.ts';
import { quoted } from './names.ts';

const blank = blankApplication(HOME_REGION);

/** The server's registry schema, fetched once in its own chunk (it brings zod). */
const loadCheck = () =>
  import('./schemas.ts').then(
    (m) => m.checkApplication,
    // offline for a moment: the server checks the same rules on submit
    () => null,
  );

/** #/apply: an organisation applies for membership and names its first admin. */
export function Apply() {
  const t = useT(registryDict);
  const { locale } = useLocale();
  const [values, setValues] = useState(blank);
  const [issues, setIssues] = useState<ApplicationIssues>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Application | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    loadCheck();
  }, []);
  // after a refused submission, the first field in error takes the focus
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const bind = (k: ApplicationKey) => ({
    name: k,
    value: values[k],
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [k]: value }));
      setIssues(({ [k]: _, ...rest }) => rest);
    },
  });
  const error = (k: ApplicationKey) => {
    const i = issues[k];
    return i && ('key' in i ? t(i.key, i.params) : i.text);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const check = await loadCheck();
    const found = validateApplication(values, check ? (b) => check(b, locale) : undefined);
    setIssues(found);
    if (Object.keys(found).length) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      setDone(await registryApi.apply(applicationBody(values)));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
      setIssues(problemIssues(err.problem.errors ?? []));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <>
        <PageHeader title={t('apDoneTitle')} />
        <section className="card success-card" data-testid="application-done">
          <p>{t('apDoneText', { name: quoted(done.organisationName, locale) })}</p>
          <p>
            {t('apStatus')}: <span className="badge status-applicant">{t('appPending')}</span>
          </p>
          <p>
            <a className="btn" href={href('participants', done.organisationId)}>
              {done.organisationName}
            </a>
          </p>
        </section>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('apTitle')} lead={t('apLead')} />
      <form ref={form} className="card form" onSubmit={submit} noValidate data-testid="apply-form">
        <FormError error={failure} placed={(f) => f in blank} />
        {Object.keys(issues).length > 0 && !failure && (
          <div className="alert alert-error" role="alert">
            {t('fixErrors')}
          </div>
        )}
        <ApplicationFieldsets bind={bind} error={error} />
        <SubmitRow busy={busy}>{busy ? t('submitting') : t('submit')}</SubmitRow>
      </form>
    </>
  );
}
