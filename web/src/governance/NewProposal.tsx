// The form to make a proposal: its type, text, options, the organisation it concerns, the
// amount of a budget, the change of a charter, and when the vote closes.
import { type FormEvent, useState } from 'react';
import { clusterWallTime, fromClusterWallTime, useFormat, useT } from '../i18n/index.ts';
import { href, navigate } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import { FormError, Loading, NeedLogin, PageHeader } from '../shell/ui.tsx';
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

/** A `datetime-local` value a week from now, on the cluster's clock (the one every page shows). */
const inAWeek = (): string => clusterWallTime(Date.now() + 7 * 24 * 3600_000);
const withSubject = new Set<ProposalType>(['admit_member', 'expel_member', 'change_keystone']);

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
  const [subject, setSubject] = useState('');
  const [amount, setAmount] = useState('');
  const [control, setControl] = useState<'keystone' | 'etharchy'>('etharchy');
  const [keystone, setKeystone] = useState('');
  const [closes, setCloses] = useState(inAWeek);
  const [coSponsors, setCoSponsors] = useState<string[]>([]);
  if (user === undefined) return <Loading />;
  if (user === null) return <NeedLogin />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const options = candidates
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const input: ProposalCreate = {
      type,
      title,
      ...(titleEn.trim() ? { titleEn } : {}),
      body,
      coSponsors,
      // a value that is no wall-clock time goes as typed: the server's schema names the field
      // (read in the browser's zone it would silently shift the hour)
      closesAt: fromClusterWallTime(closes) ?? closes,
      ...(method ? { method } : {}),
      ...(options.length ? { candidates: options } : {}),
      ...(withSubject.has(type) && subject ? { subjectOrganisationId: subject } : {}),
      ...(type === 'approve_budget' && amount
        ? { amountKopecks: Math.round(Number(amount.replace(',', '.')) * 100) }
        : {}),
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
      navigate('governance', p.id);
    });
  };
  const orgOptions = names.list.map((o) => (
    <option key={o.id} value={o.id}>
      {names.name(o.id)}
    </option>
  ));
  return (
    <>
      <PageHeader title={t('newProposal')} />
      <form className="card stack gov-new" onSubmit={submit} data-testid="proposal-form">
        <FormError error={submission.error} />
        <label className="field">
          <span>{t('formType')}</span>
          <select
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
        </label>
        <label className="field">
          <span>{t('formTitle')}</span>
          <input
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            minLength={3}
            maxLength={200}
          />
        </label>
        <label className="field">
          <span>{t('formTitleEn')}</span>
          <input
            name="titleEn"
            value={titleEn}
            onChange={(e) => setTitleEn(e.target.value)}
            maxLength={200}
          />
        </label>
        <label className="field">
          <span>{t('formBody')}</span>
          <textarea name="body" rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('formCoSponsors')}</span>
          <select
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
        </label>
        {withSubject.has(type) && (
          <label className="field">
            <span>{t('formSubject')}</span>
            <select
              name="subject"
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
              required
            >
              <option value="">{t('pickOrganisation')}</option>
              {orgOptions}
            </select>
          </label>
        )}
        {type === 'approve_budget' && (
          <label className="field">
            <span>{t('formAmount')}</span>
            <input
              name="amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </label>
        )}
        {type === 'change_charter' && (
          <div className="gov-form-row">
            <label className="field">
              <span>{t('formCharterControl')}</span>
              <select
                value={control}
                onChange={(e) => setControl(e.target.value as 'keystone' | 'etharchy')}
              >
                <option value="etharchy">{t('control:etharchy')}</option>
                <option value="keystone">{t('control:keystone')}</option>
              </select>
            </label>
            {control === 'keystone' && (
              <label className="field">
                <span>{t('keystone')}</span>
                <select value={keystone} onChange={(e) => setKeystone(e.target.value)} required>
                  <option value="">{t('pickOrganisation')}</option>
                  {orgOptions}
                </select>
              </label>
            )}
          </div>
        )}
        <div className="gov-form-row">
          <label className="field">
            <span>{t('formMethod')}</span>
            <select
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
          </label>
          <label className="field">
            <span>
              {t('formCloses')} ({fmt.zone})
            </span>
            <input
              type="datetime-local"
              step={1}
              name="closesAt"
              value={closes}
              onChange={(e) => setCloses(e.target.value)}
              required
            />
          </label>
        </div>
        {method !== 'consent' && (
          <label className="field">
            <span>{t('formCandidates')}</span>
            <textarea
              name="candidates"
              rows={3}
              value={candidates}
              onChange={(e) => setCandidates(e.target.value)}
            />
          </label>
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
