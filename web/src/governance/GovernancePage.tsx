// The Governance page: open votes, decisions with their results, delegations, the charter and
// its versions, the keystone's history.
import { type FormEvent, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { isObserver, isOperator, useSession } from '../shell/session.tsx';
import {
  AskInPlace,
  Empty,
  ErrorState,
  FormError,
  Loading,
  NeedLogin,
  PageHeader,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { type Delegation, governanceApi, type Proposal, proposalTypes } from './api.ts';
import { CharterFacts, ResultView, StatusBadge, subjectOf, titleOf, useOrgNames } from './bits.tsx';
import { governanceDict } from './dict.ts';

export function GovernancePage() {
  const t = useT(governanceDict);
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (user === null) return <NeedLogin />;
  const canPropose = !isOperator(user) && !isObserver(user);
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          canPropose && (
            <a
              className="btn btn-primary"
              href={href('governance', 'new')}
              data-testid="new-proposal"
            >
              {t('newProposal')}
            </a>
          )
        }
      />
      <Proposals />
      <div className="grid-2 gov-grid">
        <CharterCard />
        <div className="stack">
          <Delegations canDelegate={canPropose} />
          <Keystones />
        </div>
      </div>
    </>
  );
}

function ProposalRow({ p }: { p: Proposal }) {
  const t = useT(governanceDict);
  const f = useFormat();
  const { locale } = useLocale();
  return (
    <div className="card gov-proposal" data-testid="proposal-row">
      <a className="strong-link" href={href('governance', p.id)}>
        {titleOf(locale, p)}
      </a>
      <div className="tags">
        <StatusBadge status={p.status} />
        <span className="badge badge-long" data-testid="proposal-type">
          {p.subjectOrganisationId
            ? `${t(`type:${p.type}`)}: ${subjectOf(locale, p)}`
            : t(`type:${p.type}`)}
        </span>
        <span className="badge">{t(`method:${p.method}`)}</span>
        <span className="muted small">
          {p.status === 'open'
            ? t('closes', { date: f.dateTime(p.closesAt) })
            : t('closedAt', { date: f.date(p.decidedAt ?? p.closesAt) })}
        </span>
      </div>
      {p.result && p.status !== 'open' && <ResultView result={p.result} proposal={p} />}
    </div>
  );
}

function Proposals() {
  const t = useT(governanceDict);
  const all = useResource(() => governanceApi.proposals(), []);
  if (all.error) return <ErrorState error={all.error} onRetry={all.reload} />;
  if (!all.data) return <Loading />;
  const open = all.data.filter((p) => p.status === 'open');
  const decided = all.data.filter((p) => p.status !== 'open');
  return (
    <div className="grid-2 gov-grid">
      <section className="stack" aria-labelledby="gov-open" data-testid="open-proposals">
        <h2 id="gov-open">{t('openTitle')}</h2>
        {open.length === 0 ? (
          <Empty title={t('openEmpty')}>{t('openEmptyText')}</Empty>
        ) : (
          open.map((p) => <ProposalRow key={p.id} p={p} />)
        )}
      </section>
      <section className="stack" aria-labelledby="gov-decided" data-testid="decided-proposals">
        <h2 id="gov-decided">{t('decidedTitle')}</h2>
        {decided.length === 0 ? (
          <Empty title={t('decidedEmpty')} />
        ) : (
          decided.map((p) => <ProposalRow key={p.id} p={p} />)
        )}
      </section>
    </div>
  );
}

function CharterCard() {
  const t = useT(governanceDict);
  const f = useFormat();
  const names = useOrgNames();
  const charter = useResource(() => governanceApi.charter(), []);
  if (charter.error) return <ErrorState error={charter.error} onRetry={charter.reload} />;
  if (!charter.data) return <Loading />;
  const c = charter.data.current;
  return (
    <section className="card stack" aria-labelledby="gov-charter" data-testid="charter">
      <h2 id="gov-charter">{t('charterTitle')}</h2>
      {!c ? (
        <Empty title={t('charterEmpty')} />
      ) : (
        <dl className="gov-facts">
          <CharterFacts c={c} />
        </dl>
      )}
      {charter.data.history.length > 0 && (
        <>
          <h3>{t('charterHistory')}</h3>
          <ol className="gov-list" data-testid="charter-history">
            {charter.data.history.map((v) => (
              <li key={v.version}>
                <strong>{t('version', { v: v.version })}</strong>{' '}
                <span className="muted">{t('adoptedAt', { date: f.date(v.adoptedAt) })}</span> —{' '}
                {t(`control:${v.control}`)}
                {v.keystoneOrganisationId ? `, ${names.name(v.keystoneOrganisationId)}` : ''} ·{' '}
                {v.proposalId ? (
                  <a href={href('governance', v.proposalId)}>{t('byDecision')}</a>
                ) : (
                  t('founding')
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Keystones() {
  const t = useT(governanceDict);
  const f = useFormat();
  const names = useOrgNames();
  const terms = useResource(() => governanceApi.keystones(), []);
  return (
    <section className="card stack" aria-labelledby="gov-keystones" data-testid="keystones">
      <h2 id="gov-keystones">{t('keystonesTitle')}</h2>
      {terms.error ? (
        <ErrorState error={terms.error} onRetry={terms.reload} />
      ) : !terms.data ? (
        <Loading />
      ) : terms.data.length === 0 ? (
        <Empty title={t('keystonesEmpty')} />
      ) : (
        <ol className="gov-list">
          {terms.data.map((k) => (
            <li key={`${k.organisationId}-${k.since}`}>
              <strong>{names.name(k.organisationId)}</strong>{' '}
              <span className="muted">
                {f.date(k.since)} — {k.until ? f.date(k.until) : t('now')}
              </span>
              {k.proposalId && (
                <>
                  {' '}
                  · <a href={href('governance', k.proposalId)}>{t('byDecision')}</a>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Delegations({ canDelegate }: { canDelegate: boolean }) {
  const t = useT(governanceDict);
  const { user } = useSession();
  const names = useOrgNames();
  const list = useResource(() => governanceApi.delegations(), []);
  const submission = useSubmission();
  const [to, setTo] = useState('');
  const [topic, setTopic] = useState<Delegation['topic']>('all');
  const members = names.list.filter(
    (o) => o.status === 'member' && o.kind !== 'platform_operator' && o.id !== user?.organisationId,
  );
  // the handover on this topic the new one replaces (one per topic): asked about first
  const [replacing, setReplacing] = useState<Delegation | null>(null);
  const send = () => {
    setReplacing(null);
    void submission.run(async () => {
      await governanceApi.delegate({ to, topic });
      setTo('');
      list.reload();
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const earlier = list.data?.find(
      (d) => d.from === user?.organisationId && d.topic === topic && d.to !== to,
    );
    if (earlier) setReplacing(earlier);
    else send();
  };
  const topicLabel = (k: Delegation['topic']) => (k === 'all' ? t('topic:all') : t(`type:${k}`));
  return (
    <section className="card stack" aria-labelledby="gov-delegations" data-testid="delegations">
      <h2 id="gov-delegations">{t('delegationsTitle')}</h2>
      <p className="muted small">{t('delegationsLead')}</p>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty title={t('delegationsEmpty')} />
      ) : (
        <ul className="gov-list">
          {list.data.map((d) => (
            <li key={d.id} data-testid="delegation-row">
              {names.name(d.from)} → {names.name(d.to)} · {topicLabel(d.topic)}{' '}
              {d.from === user?.organisationId && (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={submission.busy}
                  onClick={() =>
                    void submission.run(async () => {
                      await governanceApi.revoke(d.id);
                      list.reload();
                    })
                  }
                >
                  {t('revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canDelegate && (
        <form className="gov-form-row" onSubmit={submit}>
          <FormError error={submission.error} />
          <label className="field">
            <span>{t('delegateTo')}</span>
            <select
              value={to}
              onChange={(e) => {
                setReplacing(null);
                setTo(e.target.value);
              }}
              required
              data-testid="delegate-to"
            >
              <option value="">{t('pickOrganisation')}</option>
              {members.map((o) => (
                <option key={o.id} value={o.id}>
                  {names.name(o.id)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('topic')}</span>
            <select
              value={topic}
              onChange={(e) => {
                setReplacing(null);
                setTopic(e.target.value as Delegation['topic']);
              }}
            >
              <option value="all">{t('topic:all')}</option>
              {proposalTypes.map((k) => (
                <option key={k} value={k}>
                  {t(`type:${k}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="filter-actions">
            <button type="submit" className="btn" disabled={submission.busy || !to || !!replacing}>
              {t('delegate')}
            </button>
          </div>
          {replacing && (
            <AskInPlace
              testId="delegation-replace"
              question={t('replaceDelegation', {
                topic: topicLabel(replacing.topic),
                was: names.name(replacing.to),
                now: names.name(to),
              })}
              confirmLabel={t('replaceDelegationYes')}
              onConfirm={send}
              onCancel={() => setReplacing(null)}
            />
          )}
        </form>
      )}
    </section>
  );
}
