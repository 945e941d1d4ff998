// One proposal: its text and settings, the vote (each method's ballot), the result with its
// turnout and rounds, the keystone's veto where the charter allows it, and the discussion.
import { type FormEvent, useRef, useState } from 'react';
import { governanceLimits } from '../../../src/governance/limits.ts';
import { useFormat, useLocale, useT, writtenIn } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { isObserver, isOperator, useSession } from '../shell/session.tsx';
import {
  ConfirmButton,
  Empty,
  ErrorState,
  Field,
  FormError,
  InClusterZone,
  Loading,
  NeedLogin,
  useCharCount,
} from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import {
  type BallotBody,
  type ConsentPosition,
  consentPositions,
  governanceApi,
  type Proposal,
  type ProposalView,
} from './api.ts';
import {
  CharterFacts,
  ResultView,
  StatusBadge,
  subjectOf,
  titleOf,
  useOptionLabel,
  useOrgNames,
} from './bits.tsx';
import { governanceDict } from './dict.ts';

export function ProposalPage({ id }: { id: string }) {
  const t = useT(governanceDict);
  const f = useFormat();
  const { locale } = useLocale();
  const { user } = useSession();
  const names = useOrgNames();
  const view = useResource(user ? () => governanceApi.proposal(id) : null, [id, Boolean(user)]);
  const label = useOptionLabel(view.data?.proposal);
  if (user === undefined) return <Loading />;
  if (user === null) return <NeedLogin />;
  const back = (
    <p>
      <a href={href('governance')}>{t('back')}</a>
    </p>
  );
  // no such proposal (or none to see): a way back, not a dead end
  if (view.error)
    return (
      <>
        {back}
        <ErrorState error={view.error} onRetry={view.reload} />
      </>
    );
  if (!view.data) return <Loading />;
  const { proposal: p, messages } = view.data;
  const body = locale === 'en' && p.bodyEn ? p.bodyEn : p.body;
  const canVote = p.status === 'open' && !isOperator(user) && !isObserver(user);
  const counted = delegatedVotes(p, view.data.ballots);
  return (
    <>
      {back}
      <div className="page-header">
        <div>
          <h1 data-testid="proposal-title">{titleOf(locale, p)}</h1>
          <div className="tags">
            <StatusBadge status={p.status} />
            <span className="badge">{t(`type:${p.type}`)}</span>
            <span className="badge">{t(`method:${p.method}`)}</span>
          </div>
        </div>
      </div>
      <div className="grid-2 gov-grid">
        <section className="card stack">
          {body && (
            <p className="gov-text" lang={writtenIn(body)}>
              {body}
            </p>
          )}
          <dl className="gov-facts">
            <dt>{t('author')}</dt>
            <dd>{names.name(p.authorOrganisationId)}</dd>
            {p.coSponsors.length > 0 && (
              <>
                <dt>{t('coSponsors')}</dt>
                <dd>{p.coSponsors.map(names.name).join(', ')}</dd>
              </>
            )}
            {p.subjectOrganisationId && (
              <>
                <dt>{t('subject')}</dt>
                <dd data-testid="proposal-subject">{subjectOf(locale, p)}</dd>
              </>
            )}
            {p.amountKopecks !== undefined && (
              <>
                <dt>{t('amount')}</dt>
                <dd data-testid="proposal-amount">{f.money(p.amountKopecks)}</dd>
              </>
            )}
            {p.charter && (
              <>
                <dt>{t('charterChange')}</dt>
                <dd data-testid="proposal-charter">
                  <dl className="gov-facts">
                    <CharterFacts c={p.charter} change />
                  </dl>
                </dd>
              </>
            )}
            {p.candidates.length > 0 && (
              <>
                <dt>{t('options')}</dt>
                <dd>{p.candidates.map(label).join(' · ')}</dd>
              </>
            )}
            <dt>{t('vote')}</dt>
            <dd>
              {p.status === 'open'
                ? t('closes', { date: f.dateTime(p.closesAt) })
                : t('closedAt', { date: f.dateTime(p.decidedAt ?? p.closesAt) })}
              <br />
              <span className="muted small">
                {t('quorumThreshold', {
                  quorum: f.percent(p.quorum),
                  threshold: f.percent(p.threshold),
                })}{' '}
                · {t('ballots', { n: view.data.ballots })}
                {counted !== undefined && ` ${t('ballotsWithDelegations', { n: counted })}`}
              </span>
            </dd>
          </dl>
          {p.result && <ResultView result={p.result} proposal={p} />}
          {p.veto && (
            <p className="alert alert-error" data-testid="veto">
              {t('vetoedBy', { org: names.name(p.veto.organisationId) })}{' '}
              <span lang={writtenIn(p.veto.reason)}>{p.veto.reason}</span>
            </p>
          )}
        </section>
        <div className="stack">
          {p.status === 'open' &&
            (canVote ? (
              <VoteForm
                p={p}
                mine={view.data.mine}
                org={names.name(user.organisationId)}
                delegatedTo={
                  view.data.delegation?.to ? names.name(view.data.delegation.to) : undefined
                }
                carried={(view.data.delegation?.from ?? []).map(names.name)}
                onDone={view.reload}
              />
            ) : (
              <p className="muted">{t('cannotVote')}</p>
            ))}
          {p.status === 'open' && <VetoForm p={p} onDone={view.reload} />}
          <Discussion p={p} messages={messages} onDone={view.reload} />
        </div>
      </div>
    </>
  );
}

/**
 * The votes a published result counts, when delegations make them more than the ballots cast:
 * in a plurality, consent or instant-runoff count each counted member adds one to the first
 * round (approval and weighted counts are not one per member, so they say nothing here).
 */
function delegatedVotes(p: Proposal, ballots: number): number | undefined {
  if (!p.result || !['plurality', 'consent', 'irv'].includes(p.method)) return undefined;
  const first = p.result.rounds?.[0]?.counts;
  if (!first) return undefined;
  const counted = Object.values(first).reduce((sum, n) => sum + n, 0);
  return counted > ballots ? counted : undefined;
}

function describeBallot(
  b: NonNullable<ProposalView['mine']>,
  label: (o: string) => string,
  abstained: string,
) {
  if (b.choice !== undefined) return label(b.choice);
  // an approval ballot that approves none is an abstention (it counts toward the quorum only)
  if (b.approve !== undefined)
    return b.approve.length ? b.approve.map(label).join(', ') : abstained;
  if (b.ranking !== undefined) return b.ranking.map((o, i) => `${i + 1}. ${label(o)}`).join(' ');
  if (b.position !== undefined) return label(b.position);
  return '';
}

/** The ballot's fields, shown beside their options (the server's refusal too). */
const ballotFields = ['choice', 'approve', 'ranking', 'position'] as const;

/** What a weighted vote counts for an organisation: its stake by the charter, else 1. */
const stakeOf = (p: Proposal, org: string) => p.stakes?.[org] ?? 1;
type BallotField = (typeof ballotFields)[number];

function VoteForm({
  p,
  mine,
  org,
  delegatedTo,
  carried,
  onDone,
}: {
  p: Proposal;
  mine: ProposalView['mine'];
  org: string;
  /** the organisation yours handed its vote on this topic to, by name */
  delegatedTo?: string;
  /** the organisations whose vote on this topic yours carries, by name */
  carried: string[];
  onDone: () => void;
}) {
  const t = useT(governanceDict);
  const f = useFormat();
  const count = useCharCount();
  const label = useOptionLabel(p);
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);
  const [choice, setChoice] = useState(mine?.choice ?? '');
  const [approve, setApprove] = useState<string[]>(mine?.approve ?? []);
  const [ranks, setRanks] = useState<Record<string, string>>(() =>
    Object.fromEntries((mine?.ranking ?? []).map((o, i) => [o, String(i + 1)])),
  );
  const [position, setPosition] = useState<ConsentPosition | ''>(mine?.position ?? '');
  const [reason, setReason] = useState(mine?.reason ?? '');
  // the form's own word on a field before sending: nothing chosen, two options on one rank
  const [own, setOwn] = useState<Partial<Record<BallotField, string>>>({});
  // an approval ballot with nothing ticked: asked to confirm as an abstention before it goes
  const [askAbstain, setAskAbstain] = useState(false);
  const problems = (): Partial<Record<BallotField, string>> => {
    switch (p.method) {
      case 'plurality':
      case 'weighted':
        return choice ? {} : { choice: t('errChooseOne') };
      case 'irv': {
        const used = Object.values(ranks).filter(Boolean);
        if (used.length === 0) return { ranking: t('errRankOne') };
        const twice = used.find((r, i) => used.indexOf(r) !== i);
        return twice ? { ranking: t('errRankTwice', { n: twice }) } : {};
      }
      case 'consent':
        return position ? {} : { position: t('errPosition') };
      default:
        return {};
    }
  };
  const send = () => {
    let body: BallotBody;
    switch (p.method) {
      case 'approval':
        body = { approve };
        break;
      case 'irv':
        body = {
          ranking: p.candidates
            .filter((o) => ranks[o])
            .sort((a, b) => Number(ranks[a]) - Number(ranks[b])),
        };
        break;
      case 'consent':
        body = { position: position || undefined, reason: reason.trim() || undefined };
        break;
      default:
        body = { choice };
    }
    setAskAbstain(false);
    void submission.run(async () => {
      await governanceApi.vote(p.id, body);
      settle();
      onDone();
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = problems();
    setOwn(found);
    if (Object.keys(found).length) {
      submission.setError(null);
      return;
    }
    if (p.method === 'approval' && approve.length === 0) {
      setAskAbstain(true);
      return;
    }
    send();
  };
  const errorOf = (field: BallotField) =>
    own[field] ?? submission.error?.problem.errors?.find((x) => x.field === field)?.message;
  const shownError = (field: BallotField) => {
    const text = errorOf(field);
    return text ? (
      <span className="field-error" data-testid="ballot-error">
        {text}
      </span>
    ) : null;
  };
  return (
    <form ref={form} className="card stack" onSubmit={submit} data-testid="vote-form">
      <h2 className="card-title">{t('voteTitle')}</h2>
      <p className="muted small" data-testid="vote-as">
        {t('voteAs', { org })}
      </p>
      {delegatedTo && (
        <p className="muted small" data-testid="vote-delegated">
          {t('voteDelegated', { org: delegatedTo })}
        </p>
      )}
      {carried.length > 0 && (
        <p className="muted small" data-testid="vote-carried">
          {t('voteCarried', { orgs: carried.join(', ') })}
        </p>
      )}
      {mine && (
        <p className="alert alert-success" data-testid="my-ballot">
          {t('yourBallot', { ballot: describeBallot(mine, label, t('abstained')) })}
        </p>
      )}
      <FormError
        error={submission.error}
        placed={(f) => (ballotFields as readonly string[]).includes(f)}
      />
      {(p.method === 'plurality' || p.method === 'weighted') && (
        <fieldset className="gov-options">
          <legend>{t('choose')}</legend>
          {p.candidates.map((o) => (
            <label key={o} className="check">
              <input
                type="radio"
                name="choice"
                value={o}
                checked={choice === o}
                onChange={() => setChoice(o)}
              />{' '}
              {label(o)}
            </label>
          ))}
          {shownError('choice')}
        </fieldset>
      )}
      {p.method === 'weighted' && (
        <p className="muted small" data-testid="my-stake">
          {Object.keys(p.stakes ?? {}).length
            ? t('stakeByCharter', { stake: f.decimal(stakeOf(p, org), 6) })
            : t('noStakes')}
        </p>
      )}
      {p.method === 'approval' && (
        <fieldset className="gov-options">
          <legend>{t('approveHint')}</legend>
          {p.candidates.map((o) => (
            <label key={o} className="check">
              <input
                type="checkbox"
                name="approve"
                value={o}
                checked={approve.includes(o)}
                onChange={(e) => {
                  setAskAbstain(false);
                  setApprove((a) => (e.target.checked ? [...a, o] : a.filter((x) => x !== o)));
                }}
              />{' '}
              {label(o)}
            </label>
          ))}
          <span className="field-hint">{t('abstainNote')}</span>
          {shownError('approve')}
        </fieldset>
      )}
      {p.method === 'irv' && (
        <fieldset className="gov-options">
          <legend>{t('rankHint')}</legend>
          {p.candidates.map((o) => (
            <label key={o} className="field gov-rank">
              <span>{label(o)}</span>
              <select
                name={`rank-${o}`}
                value={ranks[o] ?? ''}
                onChange={(e) => setRanks((r) => ({ ...r, [o]: e.target.value }))}
              >
                <option value="">{t('notRanked')}</option>
                {p.candidates.map((_, i) => (
                  <option key={String(i + 1)} value={String(i + 1)}>
                    {i + 1}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {shownError('ranking')}
        </fieldset>
      )}
      {p.method === 'consent' && (
        <>
          <fieldset className="gov-options">
            <legend>{t('choose')}</legend>
            {consentPositions.map((o) => (
              <label key={o} className="check">
                <input
                  type="radio"
                  name="position"
                  value={o}
                  checked={position === o}
                  onChange={() => setPosition(o)}
                />{' '}
                {label(o)}
              </label>
            ))}
            {shownError('position')}
          </fieldset>
          <Field label={t('reason')} hint={count(reason, governanceLimits.ballotReason)}>
            {(a) => (
              <textarea
                {...a}
                name="reason"
                rows={3}
                maxLength={governanceLimits.ballotReason}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      {askAbstain ? (
        <div className="confirm" role="alertdialog" aria-label={t('abstainQuestion')}>
          <span className="confirm-question" data-testid="abstain-question">
            {t('abstainQuestion')}
          </span>
          <button
            type="button"
            className="btn btn-primary"
            disabled={submission.busy}
            onClick={send}
            data-testid="cast-abstain"
            // biome-ignore lint/a11y/noAutofocus: the question just asked; its answer takes the focus
            autoFocus
          >
            {t('abstainConfirm')}
          </button>
          <button type="button" className="btn" onClick={() => setAskAbstain(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <div>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={submission.busy}
            data-testid="cast-ballot"
          >
            {t('castBallot')}
          </button>
        </div>
      )}
    </form>
  );
}

/** The keystone's veto: shown to its admins under keystone control for the types the charter names. */
function VetoForm({ p, onDone }: { p: Proposal; onDone: () => void }) {
  const t = useT(governanceDict);
  const { user } = useSession();
  const charter = useResource(() => governanceApi.charter(), []);
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);
  const [reason, setReason] = useState('');
  const count = useCharCount();
  const c = charter.data?.current;
  const mayVeto =
    c?.control === 'keystone' &&
    c.keystoneOrganisationId === user?.organisationId &&
    (user?.role === 'org_admin' || user?.role === 'operator_admin') &&
    c.vetoTypes.includes(p.type);
  if (!mayVeto) return null;
  return (
    <form
      ref={form}
      className="card stack"
      data-testid="veto-form"
      onSubmit={(e) => e.preventDefault()}
    >
      <h2 className="card-title">{t('vetoTitle')}</h2>
      <FormError error={submission.error} placed={(f) => f === 'reason'} />
      <Field
        label={t('vetoReason')}
        error={submission.error?.problem.errors?.find((x) => x.field === 'reason')?.message}
        hint={count(reason, governanceLimits.vetoReason)}
      >
        {(a) => (
          <textarea
            {...a}
            name="vetoReason"
            rows={2}
            maxLength={governanceLimits.vetoReason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
          />
        )}
      </Field>
      <div>
        {/* a veto decides the proposal at once and cannot be taken back: asked first */}
        <ConfirmButton
          label={t('vetoButton')}
          question={t('vetoQuestion')}
          className="btn"
          testId="veto-button"
          disabled={submission.busy || !reason.trim()}
          onConfirm={() =>
            void submission.run(async () => {
              await governanceApi.veto(p.id, reason);
              settle();
              onDone();
            })
          }
        />
      </div>
    </form>
  );
}

function Discussion({
  p,
  messages,
  onDone,
}: {
  p: Proposal;
  messages: ProposalView['messages'];
  onDone: () => void;
}) {
  const t = useT(governanceDict);
  const f = useFormat();
  const names = useOrgNames();
  const { user } = useSession();
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);
  const [text, setText] = useState('');
  const count = useCharCount();
  return (
    <section className="card stack" aria-labelledby="gov-discussion" data-testid="discussion">
      <h2 className="card-title" id="gov-discussion">
        {t('discussion')} <InClusterZone />
      </h2>
      {messages.length === 0 ? (
        <Empty title={t('discussionEmpty')} />
      ) : (
        <ol className="gov-thread">
          {messages.map((m) => (
            <li key={m.id} data-testid="discussion-message">
              <div className="muted small">
                {names.name(m.organisationId)} ·{' '}
                <span className="nowrap">{f.clock(m.postedAt)}</span>
              </div>
              <p className="gov-text" lang={writtenIn(m.text)}>
                {m.text}
              </p>
            </li>
          ))}
        </ol>
      )}
      {p.status !== 'open' ? (
        <p className="muted small">{t('discussionClosed')}</p>
      ) : (
        user && (
          <form
            ref={form}
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void submission.run(async () => {
                await governanceApi.post(p.id, text);
                setText('');
                settle();
                onDone();
              });
            }}
          >
            <FormError error={submission.error} />
            <Field label={t('message')} hint={count(text, governanceLimits.message)}>
              {(a) => (
                <textarea
                  {...a}
                  name="message"
                  rows={3}
                  maxLength={governanceLimits.message}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  required
                  data-testid="discussion-text"
                />
              )}
            </Field>
            <div>
              <button
                type="submit"
                className="btn"
                disabled={submission.busy || !text.trim()}
                data-testid="discussion-send"
              >
                {t('send')}
              </button>
            </div>
          </form>
        )
      )}
    </section>
  );
}
