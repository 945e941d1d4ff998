// Governance's small pieces: a proposal's title in the reader's language,
// the words of its settings and its result (with the rounds of an instant runoff), and a
// charter's terms (the charter in force, or the change a proposal makes).
import { localised, useFormat, useLocale, useT } from '../i18n/index.ts';
import { useOrgNames } from '../registry/useOrgNames.ts';
import {
  type Charter,
  type Proposal,
  type ProposalType,
  proposalTypes,
  type TallyResult,
} from './api.ts';
import { type GovernanceKey, governanceDict } from './dict.ts';

export { useOrgNames };

export const titleOf = (locale: 'ru' | 'en', p: Pick<Proposal, 'title' | 'titleEn'>) =>
  localised(locale, p.title, p.titleEn);

/** The organisation a proposal is about, by name (the proposal names it even for an applicant). */
export const subjectOf = (
  locale: 'ru' | 'en',
  p: Pick<Proposal, 'subjectOrganisationId' | 'subjectName' | 'subjectNameEn'>,
) =>
  p.subjectName
    ? localised(locale, p.subjectName, p.subjectNameEn)
    : (p.subjectOrganisationId ?? '');

/**
 * An option's words: yes/no and positions in the reader's language; a proposer's own option in
 * English where the proposal gives its English words, else as written.
 */
export function useOptionLabel(p?: Pick<Proposal, 'candidates' | 'candidatesEn'>) {
  const t = useT(governanceDict);
  const { locale } = useLocale();
  const english = (option: string) => {
    const i = p?.candidates.indexOf(option) ?? -1;
    return locale === 'en' && i >= 0 ? (p?.candidatesEn?.[i] ?? option) : option;
  };
  return (option: string) =>
    option === 'yes' || option === 'no'
      ? t(option)
      : option in positionKeys
        ? t(positionKeys[option as keyof typeof positionKeys])
        : english(option);
}
const positionKeys = {
  agree: 'position:agree',
  abstain: 'position:abstain',
  disagree: 'position:disagree',
  block: 'position:block',
} as const satisfies Record<string, GovernanceKey>;

export function StatusBadge({ status }: { status: Proposal['status'] }) {
  const t = useT(governanceDict);
  return (
    <span className={`badge gov-status gov-status-${status}`} data-testid="proposal-status">
      {t(`status:${status}`)}
    </span>
  );
}

/** The published result: outcome, turnout and each round's counts (one round unless IRV). */
export function ResultView({
  result,
  proposal,
}: {
  result: TallyResult;
  /** whose options the result counts: their English words */
  proposal: Pick<Proposal, 'candidates' | 'candidatesEn'>;
}) {
  const t = useT(governanceDict);
  const f = useFormat();
  const label = useOptionLabel(proposal);
  const rounds = result.rounds ?? [];
  return (
    <div className="gov-result" data-testid="proposal-result">
      <div className="tags">
        {result.winner !== undefined && (
          <span className="badge">{t('winner', { winner: label(result.winner) })}</span>
        )}
        <span className="badge" data-testid="proposal-turnout">
          {t('turnout', { turnout: f.percent(result.turnout) })}
        </span>
      </div>
      {rounds.map((r, i) => (
        <div className="gov-round" key={JSON.stringify(r)} data-testid="tally-round">
          {rounds.length > 1 && <strong>{t('round', { n: i + 1 })}</strong>}
          <ul className="gov-counts">
            {Object.entries(r.counts).map(([option, n]) => (
              <li key={option}>
                <span>{label(option)}</span> <strong>{f.number(n)}</strong>
              </li>
            ))}
          </ul>
          {r.eliminated !== undefined && (
            <span className="muted small">{t('eliminated', { name: label(r.eliminated) })}</span>
          )}
        </div>
      ))}
    </div>
  );
}

function Settings({ s }: { s: Charter['defaults'] }) {
  const t = useT(governanceDict);
  const f = useFormat();
  return (
    <>
      {t('settings', {
        method: t(`method:${s.method}`),
        quorum: f.percent(s.quorum),
        threshold: f.percent(s.threshold),
      })}
    </>
  );
}

/** A charter's terms, or a proposed change's (only what it changes), as a list's terms. */
export function CharterFacts({
  c,
  change = false,
}: {
  c: Partial<Omit<Charter, 'membershipRulesEn'>> & { membershipRulesEn?: string | null };
  /** a proposed change: a keystone of null is one removed, and said so */
  change?: boolean;
}) {
  const t = useT(governanceDict);
  const { locale } = useLocale();
  const names = useOrgNames();
  const f = useFormat();
  const byType = c.byType ?? {};
  return (
    <>
      {c.control && (
        <>
          <dt>{t('control')}</dt>
          <dd data-testid="charter-control">{t(`control:${c.control}`)}</dd>
        </>
      )}
      {(c.keystoneOrganisationId || (change && c.keystoneOrganisationId === null)) && (
        <>
          <dt>{t('keystone')}</dt>
          <dd data-testid="charter-keystone">
            {c.keystoneOrganisationId === null
              ? t('keystoneNone')
              : names.name(c.keystoneOrganisationId)}
          </dd>
        </>
      )}
      {c.membershipRules && (
        <>
          <dt>{t('membershipRules')}</dt>
          <dd className="gov-text">
            {locale === 'en' && c.membershipRulesEn ? c.membershipRulesEn : c.membershipRules}
          </dd>
        </>
      )}
      {c.defaults && (
        <>
          <dt>{t('defaults')}</dt>
          <dd>
            <Settings s={c.defaults} />
          </dd>
        </>
      )}
      {Object.keys(byType).length > 0 && (
        <>
          <dt>{t('byType')}</dt>
          <dd>
            <ul className="gov-list">
              {proposalTypes
                .filter((k) => byType[k])
                .map((k) => {
                  const s = byType[k];
                  return (
                    s && (
                      <li key={k}>
                        {t(`type:${k}`)}: <Settings s={s} />
                      </li>
                    )
                  );
                })}
            </ul>
          </dd>
        </>
      )}
      {c.vetoTypes && (c.control === 'keystone' || c.control === undefined) && (
        <>
          <dt>{t('vetoTypes')}</dt>
          <dd>{c.vetoTypes.map((k: ProposalType) => t(`type:${k}`)).join(', ') || '—'}</dd>
        </>
      )}
      {c.stakes && (Object.keys(c.stakes).length > 0 || !change) && (
        <>
          <dt>{t('stakes')}</dt>
          <dd data-testid="charter-stakes">
            {Object.keys(c.stakes).length
              ? Object.entries(c.stakes)
                  .map(([id, stake]) => `${names.name(id)}: ${f.decimal(stake, 6)}`)
                  .join('; ')
              : t('noStakesCharter')}
          </dd>
        </>
      )}
    </>
  );
}
