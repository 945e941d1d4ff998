import { useId, useMemo, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { ApiError, api } from '../shell/api.ts';
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
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { registryDict } from './dict.ts';
import { kindColours, membershipRoles, useLabels } from './labels.ts';
import { orgName } from './names.ts';

type Status = Application['status'];
const tabs: Status[] = ['pending', 'admitted', 'rejected'];

function Decide({
  application,
  onDone,
}: {
  application: Application;
  onDone: (message: string) => void;
}) {
  const t = useT(registryDict);
  const labels = useLabels();
  const id = useId();
  const [role, setRole] = useState<MembershipRole>(application.requestedRole);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const decide = async (admit: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const body = admit
        ? { role, note: note.trim() || undefined }
        : { note: note.trim() || undefined };
      await api.post(`/api/v1/applications/${application.id}/${admit ? 'admit' : 'reject'}`, body);
      onDone(t(admit ? 'admittedMsg' : 'rejectedMsg', { name: application.organisationName }));
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

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
  const fmt = useFormat();
  const { locale } = useLocale();
  const labels = useLabels();
  const [tab, setTab] = useState<Status>('pending');
  const [flash, setFlash] = useState<string | null>(null);
  const apps = useResource<Application[]>(`/api/v1/applications?status=${tab}`);
  const orgs = useResource<Organisation[]>('/api/v1/organisations');
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
        {tabs.map((s) => (
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
          {apps.data.map((a) => {
            const o = byId.get(a.organisationId);
            return (
              <article key={a.id} className="card application" data-testid="application">
                <header className="application-head">
                  <div>
                    <h2 className="card-title">
                      <a href={href('participants', a.organisationId)}>
                        {o ? orgName(o, locale) : a.organisationName}
                      </a>
                    </h2>
                    {o && (
                      <div className="tags">
                        <span className="kind">
                          <span className="dot" style={{ background: kindColours[o.kind] }} />
                          {labels.kind(o.kind)}
                        </span>
                        <span className="muted">{o.region}</span>
                        <span className="muted mono">
                          {t('inn')} {o.inn} · {t('ogrn')} {o.ogrn}
                        </span>
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
                {a.motivation && <p className="description">{a.motivation}</p>}
                {a.decisionNote && (
                  <p className="note">
                    {t('decisionNote')}: {a.decisionNote}
                  </p>
                )}
                {a.status === 'pending' && (
                  <Decide
                    application={a}
                    onDone={(message) => {
                      setFlash(message);
                      apps.reload();
                      orgs.reload();
                    }}
                  />
                )}
              </article>
            );
          })}
        </div>
      )}
    </>
  );
}
