import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import type { components } from '../shell/api-types.ts';
import { problemIssues } from '../shell/issues.ts';
import { href } from '../shell/router.ts';
import { CopyBox, ErrorState, FormError, Loading, PageHeader, SubmitRow } from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useResource } from '../shell/useResource.ts';
import { ApplicationFieldsets } from './ApplicationFieldsets.tsx';
import { registryApi } from './api.ts';
import { applicantDict } from './applicantDict.ts';
import {
  type ApplicationIssues,
  type ApplicationKey,
  type ApplicationValues,
  applicationBody,
  blankApplication,
  reapplicationBody,
  validateApplication,
  valuesFromApplication,
} from './application.ts';
import { registryDict } from './dict.ts';
import { HOME_REGION, regionBoxIn } from './labels.ts';
import { quoted } from './names.ts';
import { blankSite, type SiteValue, siteFormDict } from './site-form/index.ts';
import './applicant.css';

type Receipt = components['schemas']['ApplicationReceipt'];
type Prefill = NonNullable<components['schemas']['ApplicationStatusView']['reapply']>;
const blank = blankApplication(HOME_REGION);

/** The server's registry schema, fetched once in its own chunk (it brings zod). */
const loadCheck = () =>
  import('./schemas.ts').then(
    (m) => m.checkApplication,
    // offline for a moment: the server checks the same rules on submit
    () => null,
  );

/** The status page's address, to keep: the full link, as the applicant will open it later. */
export const statusLink = (token: string) =>
  `${window.location.origin}${window.location.pathname}${href('application', token)}`;

/** #/apply: an organisation applies for membership, with its first site, and names its first admin. */
export function Apply() {
  return <ApplicationForm start={{ values: blank, site: blankSite() }} />;
}

/** #/application/<token>/again: a rejected applicant applies again, from what it said before. */
export function ApplyAgain({ token }: { token: string }) {
  const t = useT(applicantDict);
  const { locale } = useLocale();
  const status = useResource(() => registryApi.applicationStatus(token), [token]);
  if (status.error) return <ErrorState error={status.error} onRetry={status.reload} />;
  if (!status.data) return <Loading />;
  const prefill = status.data.reapply;
  if (!prefill)
    return (
      <div className="narrow">
        <PageHeader title={t('againNotAllowed')} />
        <p>
          <a className="btn" href={href('application', token)}>
            {t('stTitle')}
          </a>
        </p>
      </div>
    );
  return (
    <ApplicationForm start={valuesFromApplication(prefill, locale)} again={{ token, prefill }} />
  );
}

function ApplicationForm({
  start,
  again,
}: {
  start: { values: ApplicationValues; site: SiteValue };
  again?: { token: string; prefill: Prefill };
}) {
  const t = useT(registryDict);
  const a = useT(applicantDict);
  const ts = useT(siteFormDict);
  const { locale } = useLocale();
  const [values, setValues] = useState(start.values);
  const [site, setSite] = useState(start.site);
  const [issues, setIssues] = useState<ApplicationIssues>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Receipt | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);

  useEffect(() => {
    loadCheck();
  }, []);
  // the region box speaks the reader's language (the home region offered in English to an
  // English reader), and follows a switch; it is recorded in Russian
  useEffect(() => {
    setValues((v) => ({
      ...v,
      'organisation.region': regionBoxIn(v['organisation.region'], locale),
    }));
  }, [locale]);
  // after a refused submission, the first field in error takes the focus
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  // a new page: the success card (and its link) is read from the top
  useEffect(() => {
    if (done) window.scrollTo(0, 0);
  }, [done]);

  const bind = (k: ApplicationKey) => ({
    name: k,
    value: values[k],
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [k]: value }));
      setIssues(({ [k]: _, ...rest }) => rest);
    },
  });
  const changeSite = (next: SiteValue) => {
    setSite(next);
    setIssues((all) =>
      Object.fromEntries(
        Object.entries(all).filter(
          ([k]) =>
            !k.startsWith('site.') ||
            next[k.slice(5) as keyof SiteValue] === site[k.slice(5) as keyof SiteValue],
        ),
      ),
    );
  };
  const error = (k: string) => {
    const i = issues[k];
    if (!i) return undefined;
    if (!('key' in i)) return i.text;
    if (i.key in applicantDict.ru) return a(i.key as keyof typeof applicantDict.ru, i.params);
    if (i.key in siteFormDict.ru) return ts(i.key as keyof typeof siteFormDict.ru, i.params);
    return t(i.key as keyof typeof registryDict.ru, i.params);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const check = await loadCheck();
    const found = validateApplication(
      values,
      site,
      // applying again: the schema of a new application, with the identifiers and the admin as they stay
      check
        ? (b) =>
            check(b, locale).filter(
              (p) => !again || !/^(admin\.|organisation\.(inn|ogrn)$)/.test(p.field),
            )
        : undefined,
      !!again,
    );
    setIssues(found);
    if (Object.keys(found).length) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      if (again) {
        const body = reapplicationBody(values, site);
        if (body.consent !== true) return;
        setDone(await registryApi.reapply(again.token, { ...body, consent: true }));
        settle();
      } else {
        const body = applicationBody(values, site);
        if (body.consent !== true) return;
        setDone(await registryApi.apply({ ...body, consent: true }));
        settle();
      }
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
    const link = statusLink(done.statusToken);
    // an English reader reads the English name the applicant gave, if any (the receipt has the Russian)
    const doneName =
      (locale === 'en' && values['organisation.nameEn'].trim()) || done.organisationName;
    return (
      <div className="narrow">
        <PageHeader title={t('apDoneTitle')} />
        <section className="card success-card" data-testid="application-done">
          <p>{t('apDoneText', { name: quoted(doneName, locale) })}</p>
          <p>
            {t('apStatus')}: <span className="badge status-applicant">{t('appPending')}</span>
          </p>
          <div className="status-link">
            <p>
              <strong>{a('doneKeep')}</strong>
            </p>
            <CopyBox value={link} testId="status-link" />
          </div>
          <p>
            <a
              className="btn btn-primary"
              href={href('application', done.statusToken)}
              data-testid="open-status"
            >
              {a('doneOpenStatus')}
            </a>
          </p>
        </section>
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title={again ? a('againTitle') : t('apTitle')}
        lead={again ? a('againLead') : t('apLead')}
      />
      <form ref={form} className="card form" onSubmit={submit} noValidate data-testid="apply-form">
        <FormError
          error={failure}
          placed={(f) => f in blank || f.startsWith('site.') || f === 'consent'}
        />
        {Object.keys(issues).length > 0 && !failure && (
          <div className="alert alert-error" role="alert">
            {t('fixErrors')}
          </div>
        )}
        <ApplicationFieldsets
          bind={bind}
          error={error}
          site={site}
          onSiteChange={changeSite}
          again={again ? { adminEmail: again.prefill.contactEmail } : undefined}
        />
        <SubmitRow busy={busy}>
          {busy ? t('submitting') : again ? a('againSubmit') : t('submit')}
        </SubmitRow>
      </form>
    </>
  );
}
