import { useMemo, useState } from 'react';
import { useFormat, useLocale, useT, useWordingState } from '../i18n/index.ts';
import { isOperator, useSession } from '../shell/session.tsx';
import type { Application } from '../shell/types.ts';
import { Empty, ErrorState, Forbidden, Loading, NeedLogin, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { applicationStatuses } from '../shell/vocabulary.ts';
import { ApplicationCard } from './ApplicationCard.tsx';
import { registryApi } from './api.ts';
import { applicantDict } from './applicantDict.ts';
import { DuplicateApplications } from './DuplicateApplications.tsx';
import { registryDict } from './dict.ts';

type Status = Application['status'];
/** The queue's tabs: the applications by status, and those repeating hidden records. */
type Tab = Status | 'duplicates';

export function Admission() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  if (!isOperator(user)) return <Forbidden />;
  return <Queue />;
}

function Queue() {
  const t = useT(registryDict);
  const a = useT(applicantDict);
  const fmt = useFormat();
  const [tab, setTab] = useState<Tab>('pending');
  const { locale } = useLocale();
  // worded when shown: a switch of language words it anew
  const [flash, setFlash] = useWordingState();
  const apps = useResource(tab === 'duplicates' ? null : () => registryApi.applications(tab), [
    tab,
  ]);
  const orgs = useResource(() => registryApi.organisations(), []);
  // read up front, so the tab counts them: an operator would not open an empty-looking tab
  const duplicates = useResource(() => registryApi.duplicateApplications(), []);
  const byId = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  // the tab counts those still waiting for an answer: the answered ones stay listed, marked
  const waiting = (duplicates.data ?? []).filter((d) => !d.answered).length;
  const tabLabel: Record<Tab, string> = {
    pending: t('tabPending'),
    admitted: t('tabAdmitted'),
    rejected: t('tabRejected'),
    duplicates: a('tabDuplicates'),
  };

  return (
    <>
      <PageHeader title={t('adTitle')} lead={t('adLead')} />
      <div className="tabs" role="tablist">
        {[...applicationStatuses, 'duplicates' as const].map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={tab === s}
            className={tab === s ? 'tab active' : 'tab'}
            onClick={() => {
              setTab(s);
              setFlash(null);
              // opened afresh: what came in since the page was loaded
              if (s === 'duplicates') duplicates.reload();
            }}
          >
            {tabLabel[s]}
            {s === 'duplicates' && waiting > 0 && (
              <span className="tab-count" data-testid="duplicates-count">
                {fmt.integer(waiting)}
              </span>
            )}
          </button>
        ))}
      </div>
      {flash && (
        <div className="alert alert-success" role="status">
          {flash(locale)}
        </div>
      )}
      {tab === 'duplicates' ? (
        <DuplicateApplications
          list={duplicates}
          onAnswered={(message) => {
            setFlash(message);
            duplicates.reload();
          }}
        />
      ) : apps.error ? (
        <ErrorState error={apps.error} onRetry={apps.reload} />
      ) : !apps.data ? (
        <Loading />
      ) : apps.data.length === 0 ? (
        <Empty title={t('adEmpty')}>
          {tab === 'admitted'
            ? t('adEmptyAdmitted')
            : tab === 'rejected'
              ? t('adEmptyRejected')
              : t('adEmptyText')}
        </Empty>
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
