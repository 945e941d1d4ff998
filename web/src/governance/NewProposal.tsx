// The form to make a proposal: its type, text, options, the organisation it concerns, the
// amount of a budget, the change of a charter, and when the vote closes.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { latestClose, MAX_VOTE_DAYS } from '../../../src/governance/engine/proposal.ts';
import { clusterWallTime, fromClusterWallTime, useFormat, useT } from '../i18n/index.ts';
import { rubToKopecks } from '../shell/numbers.ts';
import { href, navigate } from '../shell/router.ts';
import { isObserver, isOperator, useSession } from '../shell/session.tsx';
import { Empty, Field, FormError, Loading, NeedLogin, PageHeader } from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import {
  governanceApi,
  type ProposalCreate,
  type ProposalType,
  proposalTypes,
  type VoteMethod,
  voteMethods,
} from './api.ts';
import { useOrgNames } from './bits.tsx';
import { governanceDict } from './dict.ts';
import './governance.css';

/** A `datetime-local` value a week from now, on the cluster's clock (the one every page shows). */
const inAWeek = (): string => clusterWallTime(Date.now() + 7 * 24 * 3600_000);
const withSubject = new Set<ProposalType>(['admit_member', 'expel_member', 'change_keystone']);
/** The largest budget the server takes: 10^13 ₽ (its limit is in kopecks, 10^15). */
const MAX_KOPECKS = 1e15;

/** The form's boxes that show a problem beside them. */
type Box =
  | 'type'
  | 'title'
  | 'titleEn'
  | 'body'
  | 'coSponsors'
  | 'subject'
  | 'amount'
  | 'control'
  | 'keystone'
  | 'method'
  | 'closes'
  | 'candidates'
  | 'candidatesEn';

/** The box that shows a server's problem with an API field (amountKopecks: the roubles box). */
function boxOf(field: string): Box | null {
  const [first, second] = field.split('.');
  switch (first) {
    case 'type':
    case 'title':
    case 'titleEn':
    case 'body':
    case 'coSponsors':
    case 'method':
    case 'candidates':
    case 'candidatesEn':
      return first;
    case 'subjectOrganisationId':
      return 'subject';
    case 'amountKopecks':
      return 'amount';
    case 'opensAt':
    case 'closesAt':
      return 'closes';
    case 'charter':
      return second === 'keystoneOrganisationId' ? 'keystone' : 'control';
    default:
      return null;
  }
}

export function NewProposal() {
  const t = useT(governanceDict);
  const fmt = useFormat();
  const { user } = useSession();
  const names = useOrgNames();
  const submission = useSubmission();
  const [type, setType] = useState<ProposalType>('resolution');
  const [title, setTitle] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [body, setBody] = useState('');
  const [method, setMethod] = useState<VoteMethod | ''>('');
  const [candidates, setCandidates] = useState('');
  const [candidatesEn, setCandidatesEn] = useState('');
  const [subject, setSubject] = useState('');
  const [amount, setAmount] = useState('');
  const [control, setControl] = useState<'keystone' | 'etharchy'>('etharchy');
  const [keystone, setKeystone] = useState('');
  const [closes, setCloses] = useState(inAWeek);
  const [coSponsors, setCoSponsors] = useState<string[]>([]);
  // the form's own word on its boxes, checked before sending (nothing typed is cleared)
  const [own, setOwn] = useState<Partial<Record<Box, string>>>({});
  // after a refused attempt the first marked box takes the focus (and scrolls into view: the
  // button is at the foot of a long form, the problems may be above it)
  const ref = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(ref);
  const [attempt, setAttempt] = useState(0);
  const refused = submission.error;
  useEffect(() => {
    if (attempt === 0 && !refused) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, refused]);
  if (user === undefined) return <Loading />;
  if (user === null) return <NeedLogin />;
  // the operator and an observer make no proposals (the list offers them no button): said
  // before a form they could fill in only to be refused on sending
  if (isOperator(user) || isObserver(user))
    return (
      <>
        <PageHeader title={t('newProposal')} />
        <Empty title={t('proposeMembersOnly')}>
          <a href={href('governance')}>{t('back')}</a>
        </Empty>
      </>
    );
  const lines = (text: string) =>
    text
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  const options = lines(candidates);
  const optionsEn = lines(candidatesEn);
  const kopecks = type === 'approve_budget' ? rubToKopecks(amount) : undefined;
  const problems = (): Partial<Record<Box, string>> => {
    const e: Partial<Record<Box, string>> = {};
    if (!title.trim()) e.title = t('errRequired');
    else if (title.trim().length < 3) e.title = t('errTitleShort');
    if (withSubject.has(type) && !subject) e.subject = t('errPick');
    if (type === 'change_charter' && control === 'keystone' && !keystone) e.keystone = t('errPick');
    if (type === 'approve_budget' && kopecks === undefined) e.amount = t('errAmountMissing');
    else if (kopecks !== undefined) {
      if (Number.isNaN(kopecks)) e.amount = t('errAmountNumber');
      else if (kopecks < 0) e.amount = t('errAmountNegative');
      else if (kopecks > MAX_KOPECKS) e.amount = t('errAmountLarge');
    }
    const at = fromClusterWallTime(closes);
    const closesBy = latestClose(new Date().toISOString());
    if (!at) e.closes = t('errClosesMissing');
    else if (Date.parse(at) <= Date.now()) e.closes = t('errClosesPast');
    else if (at > closesBy)
      e.closes = t('errClosesFar', { days: MAX_VOTE_DAYS, latest: fmt.dateTime(closesBy) });
    const distinct = new Set(options).size;
    if (method !== 'consent' && options.length > 0 && (distinct < 2 || distinct !== options.length))
      e.candidates = t('errCandidates');
    if (method !== 'consent' && optionsEn.length > 0 && optionsEn.length !== options.length)
      e.candidatesEn = t('errCandidatesEn', { n: options.length });
    return e;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = problems();
    setOwn(found);
    if (Object.keys(found).length) {
      submission.setError(null);
      setAttempt((n) => n + 1);
      return;
    }
    const input: ProposalCreate = {
      type,
      title,
      ...(titleEn.trim() ? { titleEn } : {}),
      body,
      coSponsors,
      closesAt: fromClusterWallTime(closes) ?? closes,
      ...(method ? { method } : {}),
      ...(options.length && method !== 'consent' ? { candidates: options } : {}),
      ...(optionsEn.length && options.length && method !== 'consent'
        ? { candidatesEn: optionsEn }
        : {}),
      ...(withSubject.has(type) && subject ? { subjectOrganisationId: subject } : {}),
      ...(kopecks !== undefined ? { amountKopecks: kopecks } : {}),
      ...(type === 'change_charter'
        ? {
            charter:
              control === 'etharchy'
                ? { control, keystoneOrganisationId: null }
                : { control, keystoneOrganisationId: keystone || null },
          }
        : {}),
    };
    void submission.run(async () => {
      const p = await governanceApi.create(input);
      settle();
      navigate('governance', p.id);
    });
  };
  /** A box's problem: the form's own, else the server's for the API field it stands for. */
  const errorOf = (box: Box): string | undefined =>
    own[box] ??
    submission.error?.problem.errors?.find((x) => x.field && boxOf(x.field) === box)?.message;
  const shown = new Set<Box>([
    'type',
    'title',
    'titleEn',
    'body',
    'coSponsors',
    'method',
    'closes',
    ...(withSubject.has(type) ? (['subject'] as const) : []),
    ...(type === 'approve_budget' ? (['amount'] as const) : []),
    ...(type === 'change_charter' ? (['control'] as const) : []),
    ...(type === 'change_charter' && control === 'keystone' ? (['keystone'] as const) : []),
    ...(method !== 'consent' ? (['candidates', 'candidatesEn'] as const) : []),
  ]);
  const orgOptions = names.list.map((o) => (
    <option key={o.id} value={o.id}>
      {names.name(o.id)}
    </option>
  ));
  // the organisations a proposal of this type may name: one to admit is not a member yet, one
  // to expel or to make the keystone is one (the server says the same)
  const subjectOptions = names.list
    .filter((o) => (type === 'admit_member' ? o.status !== 'member' : o.status === 'member'))
    .map((o) => (
      <option key={o.id} value={o.id}>
        {names.name(o.id)}
      </option>
    ));
  return (
    <>
      <PageHeader title={t('newProposal')} />
      <form
        ref={ref}
        className="card stack gov-new"
        onSubmit={submit}
        noValidate
        data-testid="proposal-form"
      >
        <FormError
          error={submission.error}
          placed={(f) => {
            const box = boxOf(f);
            return box !== null && shown.has(box);
          }}
        />
        {Object.keys(own).length > 0 && (
          <div className="alert alert-error" role="alert" data-testid="proposal-form-errors">
            {t('fixErrors')}
          </div>
        )}
        <Field label={t('formType')} error={errorOf('type')}>
          {(a) => (
            <select
              {...a}
              name="type"
              value={type}
              onChange={(e) => setType(e.target.value as ProposalType)}
            >
              {proposalTypes.map((k) => (
                <option key={k} value={k}>
                  {t(`type:${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('formTitle')} error={errorOf('title')}>
          {(a) => (
            <input
              {...a}
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              required
              maxLength={200}
            />
          )}
        </Field>
        <Field label={t('formTitleEn')} error={errorOf('titleEn')}>
          {(a) => (
            <input
              {...a}
              name="titleEn"
              value={titleEn}
              onChange={(e) => setTitleEn(e.target.value)}
              maxLength={200}
            />
          )}
        </Field>
        <Field label={t('formBody')} error={errorOf('body')}>
          {(a) => (
            <textarea
              {...a}
              name="body"
              rows={5}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('formCoSponsors')} error={errorOf('coSponsors')}>
          {(a) => (
            <select
              {...a}
              name="coSponsors"
              multiple
              size={4}
              value={coSponsors}
              onChange={(e) => setCoSponsors([...e.target.selectedOptions].map((o) => o.value))}
            >
              {names.list
                .filter(
                  (o) =>
                    o.status === 'member' &&
                    o.kind !== 'platform_operator' &&
                    o.id !== user.organisationId,
                )
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {names.name(o.id)}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {withSubject.has(type) && (
          <Field label={t('formSubject')} error={errorOf('subject')}>
            {(a) => (
              <select
                {...a}
                name="subject"
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
                required
              >
                <option value="">{t('pickOrganisation')}</option>
                {subjectOptions}
              </select>
            )}
          </Field>
        )}
        {type === 'approve_budget' && (
          <Field label={t('formAmount')} error={errorOf('amount')}>
            {(a) => (
              <input
                {...a}
                name="amount"
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            )}
          </Field>
        )}
        {type === 'change_charter' && (
          <div className="gov-form-row">
            <Field label={t('formCharterControl')} error={errorOf('control')}>
              {(a) => (
                <select
                  {...a}
                  name="control"
                  value={control}
                  onChange={(e) => setControl(e.target.value as 'keystone' | 'etharchy')}
                >
                  <option value="etharchy">{t('control:etharchy')}</option>
                  <option value="keystone">{t('control:keystone')}</option>
                </select>
              )}
            </Field>
            {control === 'keystone' && (
              <Field label={t('keystone')} error={errorOf('keystone')}>
                {(a) => (
                  <select
                    {...a}
                    name="keystone"
                    value={keystone}
                    onChange={(e) => setKeystone(e.target.value)}
                    required
                  >
                    <option value="">{t('pickOrganisation')}</option>
                    {orgOptions}
                  </select>
                )}
              </Field>
            )}
          </div>
        )}
        <div className="gov-form-row">
          <Field label={t('formMethod')} error={errorOf('method')}>
            {(a) => (
              <select
                {...a}
                name="method"
                value={method}
                onChange={(e) => setMethod(e.target.value as VoteMethod | '')}
              >
                <option value="">{t('formMethodCharter')}</option>
                {voteMethods.map((m) => (
                  <option key={m} value={m}>
                    {t(`method:${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={`${t('formCloses')} (${fmt.zone})`} error={errorOf('closes')}>
            {(a) => (
              <input
                {...a}
                type="datetime-local"
                step={1}
                name="closesAt"
                value={closes}
                onChange={(e) => setCloses(e.target.value)}
                required
              />
            )}
          </Field>
        </div>
        {method !== 'consent' && (
          <Field label={t('formCandidates')} error={errorOf('candidates')}>
            {(a) => (
              <textarea
                {...a}
                name="candidates"
                rows={3}
                value={candidates}
                onChange={(e) => setCandidates(e.target.value)}
              />
            )}
          </Field>
        )}
        {method !== 'consent' && (
          <Field label={t('formCandidatesEn')} error={errorOf('candidatesEn')}>
            {(a) => (
              <textarea
                {...a}
                name="candidatesEn"
                lang="en"
                rows={3}
                value={candidatesEn}
                onChange={(e) => setCandidatesEn(e.target.value)}
              />
            )}
          </Field>
        )}
        <div className="gov-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={submission.busy}
            data-testid="create-proposal"
          >
            {t('create')}
          </button>
          <a className="btn" href={href('governance')}>
            {t('cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
