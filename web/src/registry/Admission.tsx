import { useId, useMemo, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { isOperator, useSession } from '../shell/session.tsx';
import type { Application, MembershipRole, Organisation } from '../shell/types.ts';
import {
  Empty,
  ErrorState,
  Forbidden,
  FormError,
  Loading,
  NeedLogin,
  PageHeader,
  useProblemText,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { applicationStatuses, membershipRoles } from '../shell/vocabulary.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import { kindColours, useLabels } from './labels.ts';
import { orgName, quoted } from './names.ts';

type Status = Application['status'];

function Decide({
  application,
  name,
  onDone,
}: {
  application: Application;
  name: string;
  onDone: (message: string) => void;
}) {
  const t = useT(registryDict);
  const { locale } = useLocale();
  const labels = useLabels();
  const id = useId();
  const [role, setRole] = useState<MembershipRole>(application.requestedRole);
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmission();

  const decide = (admit: boolean) =>
    run(async () => {
      const decisionNote = note.trim() || undefined;
      if (admit) await registryApi.admit(application.id, { role, note: decisionNote });
      else await registryApi.reject(application.id, { note: decisionNote });
      onDone(t(admit ? 'admittedMsg' : 'rejectedMsg', { name: quoted(name, locale) }));
    });

  return (
    <form
      className="decide"
      onSubmit={(e) => {
        e.preventDefault();
        decide(true);
      }}
    >
      <FormError error={error} />
      <div className="decide-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('admitAs')}</label>
          <select
            id={`${id}-role`}
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as MembershipRole)}
          >
            {membershipRoles.map((r) => (
              <option key={r} value={r}>
                {labels.role(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-note`}>{t('decisionNote')}</label>
          <input
            id={`${id}-note`}
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="decide-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('admit')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            onClick={() => decide(false)}
          >
            {t('reject')}
          </button>
        </div>
      </div>
    </form>
  );
}

export function Admission() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  if (!isOperator(user)) return <Forbidden />;
  return <Queue />;
}

function Queue() {
  const t = useT(registryDict);
  const [tab, setTab] = useState<Status>('pending');
  const [flash, setFlash] = useState<string | null>(null);
  const apps = useResource(() => registryApi.applications(tab), [tab]);
  const orgs = useResource(() => registryApi.organisations(), []);
  const byId = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  const tabLabel: Record<Status, string> = {
    pending: t('tabPending'),
    admitted: t('tabAdmitted'),
    rejected: t('tabRejected'),
  };

  return (
    <>
      <PageHeader title={t('adTitle')} lead={t('adLead')} />
      <div className="tabs" role="tablist">
        {applicationStatuses.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={tab === s}
            className={tab === s ? 'tab active' : 'tab'}
            onClick={() => {
              setTab(s);
              setFlash(null);
            }}
          >
            {tabLabel[s]}
          </button>
        ))}
      </div>
      {flash && (
        <div className="alert alert-success" role="status">
          {flash}
        </div>
      )}
      {apps.error ? (
        <ErrorState error={apps.error} onRetry={apps.reload} />
      ) : !apps.data ? (
        <Loading />
      ) : apps.data.length === 0 ? (
        <Empty title={t('adEmpty')}>{t('adEmptyText')}</Empty>
      ) : (
        <div className="stack">
          {apps.data.map((a) => (
            <ApplicationCard
              key={a.id}
              application={a}
              listed={byId.get(a.organisationId)}
              onDone={(message) => {
                setFlash(message);
                apps.reload();
                orgs.reload();
              }}
            />
          ))}
        </div>
      )}
    </>
  );
}

/** One application: who applies, the contact, the figures and identifiers, and the decision. */
function ApplicationCard({
  application: a,
  listed,
  onDone,
}: {
  application: Application;
  /** the organisation as the public list has it (applicants are not there) */
  listed: Organisation | undefined;
  onDone: (message: string) => void;
}) {
  const t = useT(registryDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const labels = useLabels();
  const problemText = useProblemText();
  // the operator may read an applicant; the list of organisations shows members only
  const fetched = useResource(listed ? null : () => registryApi.organisation(a.organisationId), [
    listed ? null : a.organisationId,
  ]);
  const o = listed ?? fetched.data;
  const name = o ? orgName(o, locale) : a.organisationName;
  return (
    <article className="card application" data-testid="application">
      <header className="application-head">
        <div>
          <h2 className="card-title">
            <a href={href('participants', a.organisationId)}>{name}</a>
          </h2>
          {o && (
            <div className="tags">
              <span className="kind">
                <span className="dot" style={{ background: kindColours[o.kind] }} />
                {labels.kind(o.kind)}
              </span>
              <span className="muted">{o.region}</span>
              {locale === 'en' && o.nameEn && o.name !== o.nameEn && (
                <span className="muted" lang="ru">
                  {o.name}
                </span>
              )}
            </div>
          )}
        </div>
        <dl className="facts compact">
          <div>
            <dt>{t('requestedRole')}</dt>
            <dd>
              <span className={`badge role-${a.requestedRole}`}>
                {labels.role(a.requestedRole)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('submittedAt')}</dt>
            <dd>{fmt.dateTime(a.submittedAt)}</dd>
          </div>
          {a.decidedAt && (
            <div>
              <dt>{t('decidedAt')}</dt>
              <dd>{fmt.dateTime(a.decidedAt)}</dd>
            </div>
          )}
        </dl>
      </header>
      <div className="application-body">
        <section aria-label={t('adContact')}>
          <h3 className="subtitle">{t('adContact')}</h3>
          <dl className="facts compact" data-testid="application-contact">
            <div>
              <dt>{t('adminName')}</dt>
              <dd>{a.contactName ?? <span className="muted">—</span>}</dd>
            </div>
            <div>
              <dt>{t('adminEmail')}</dt>
              <dd>
                {a.contactEmail ? (
                  <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
                ) : (
                  <span className="muted">—</span>
                )}
              </dd>
            </div>
          </dl>
        </section>
        <section aria-label={t('identifiers')}>
          <h3 className="subtitle">{t('identifiers')}</h3>
          {o ? (
            <dl className="facts compact" data-testid="application-identifiers">
              <div>
                <dt>{t('inn')}</dt>
                <dd className="mono">{o.inn}</dd>
              </div>
              <div>
                <dt>{t('ogrn')}</dt>
                <dd className="mono">{o.ogrn}</dd>
              </div>
              {o.kpp && (
                <div>
                  <dt>{t('kpp')}</dt>
                  <dd className="mono">{o.kpp}</dd>
                </div>
              )}
              <div>
                <dt>{t('okved')}</dt>
                <dd className="mono">{o.okved}</dd>
              </div>
              {o.website && (
                <div>
                  <dt>{t('website')}</dt>
                  <dd>{o.website}</dd>
                </div>
              )}
            </dl>
          ) : fetched.error ? (
            <p className="muted small">{problemText(fetched.error)}</p>
          ) : (
            <p className="muted small">{t('adLoadingOrg')}</p>
          )}
        </section>
        <section aria-label={t('figures')}>
          <h3 className="subtitle">{t('figures')}</h3>
          {o ? (
            <dl className="facts compact" data-testid="application-figures">
              <div>
                <dt>{t('employees')}</dt>
                <dd>{fmt.integer(o.employees)}</dd>
              </div>
              <div>
                <dt>{t('knowledgeWorkers')}</dt>
                <dd>{fmt.integer(o.knowledgeWorkers)}</dd>
              </div>
            </dl>
          ) : (
            <p className="muted small">{t('adLoadingOrg')}</p>
          )}
        </section>
      </div>
      <div className="application-text">
        <h3 className="subtitle">{t('motivation')}</h3>
        {a.motivation ? (
          <p className="description">{a.motivation}</p>
        ) : (
          <p className="muted small">{t('adNoMotivation')}</p>
        )}
        {o?.description && (
          <details>
            <summary>{t('about')}</summary>
            <p className="description">{o.description}</p>
          </details>
        )}
      </div>
      {a.decisionNote && (
        <p className="note">
          {t('decisionNote')}: {a.decisionNote}
        </p>
      )}
      {a.status === 'pending' && <Decide application={a} name={name} onDone={onDone} />}
    </article>
  );
}
