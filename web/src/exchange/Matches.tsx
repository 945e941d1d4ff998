import { useMemo, useState } from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import { registryApi } from '../registry/api.ts';
import { useLabels } from '../registry/labels.ts';
import { ApiError } from '../shell/api.ts';
import { href } from '../shell/router.ts';
import { isOperator, useSession } from '../shell/session.tsx';
import type { MatchProposal, User } from '../shell/types.ts';
import {
  ConfirmButton,
  DataNote,
  Empty,
  ErrorState,
  FormError,
  Loading,
  NeedLogin,
  PageHeader,
  TableScroll,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { exchangeApi } from './api.ts';
import { exchangeDict } from './dict.ts';
import { useExchangeLabels } from './labels.ts';
import { canList } from './rights.ts';
import { type Taxonomy, useTaxonomy } from './taxonomy.ts';

type Side = MatchProposal['supply'];
const tabs = ['waiting', 'proposed', 'accepted', 'declined', 'all'] as const;
type Tab = (typeof tabs)[number];

const waitingForYou = (m: MatchProposal) =>
  m.status === 'proposed' && m.yourSides.some((s) => m[s].decision === 'pending');

export function Matches() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  return <Inbox me={user} />;
}

function Inbox({ me }: { me: User }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  const taxonomy = useTaxonomy();
  const matches = useResource(exchangeApi.matches, []);
  const sites = useResource(registryApi.sites, []);
  const [tab, setTab] = useState<Tab>('waiting');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const siteName = useMemo(
    () => new Map((sites.data ?? []).map((s) => [s.id, s.name])),
    [sites.data],
  );
  const operator = isOperator(me);

  const decide = async (m: MatchProposal, verb: 'accept' | 'decline') => {
    setError(null);
    setBusy(m.id);
    try {
      await exchangeApi[verb](m.id);
      matches.reload();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    } finally {
      setBusy(null);
    }
  };

  const header = (
    <PageHeader
      title={t('matchesTitle')}
      lead={operator ? t('matchesLeadOperator') : t('matchesLead')}
    />
  );
  if (matches.error || taxonomy.error)
    return (
      <>
        {header}
        <ErrorState error={(matches.error ?? taxonomy.error)!} onRetry={matches.reload} />
      </>
    );
  if (!matches.data || !taxonomy.data)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  const all = matches.data;
  const count = (k: Tab) =>
    k === 'all'
      ? all.length
      : k === 'waiting'
        ? all.filter(waitingForYou).length
        : all.filter((m) => m.status === k).length;
  const shown =
    tab === 'all'
      ? all
      : tab === 'waiting'
        ? all.filter(waitingForYou)
        : all.filter((m) => m.status === tab);

  return (
    <>
      {header}
      <div className="tabs" role="tablist">
        {tabs.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? 'tab active' : 'tab'}
            onClick={() => setTab(k)}
            data-testid={`tab-${k}`}
          >
            {t(`tab:${k}`)} <span className="tab-count">{fmt.integer(count(k))}</span>
          </button>
        ))}
      </div>
      <FormError error={error} />
      {shown.length === 0 ? (
        <Empty title={t('matchesEmpty')}>
          {all.length === 0 ? (
            <>
              {t('matchesEmptyText')} <a href={href('plan')}>{t('toPlan')}</a>
            </>
          ) : (
            t('matchesEmptyTab')
          )}
        </Empty>
      ) : (
        <section className="card table-card matches-card">
          <TableScroll>
            <table className="table matches-table" data-testid="matches-table">
              <thead>
                <tr>
                  <th scope="col">{t('colFlow')}</th>
                  <th scope="col">{operator ? t('colSupplier') : t('colYourSide')}</th>
                  <th scope="col">{operator ? t('colBuyer') : t('colCounterpart')}</th>
                  <th scope="col" className="num">
                    {t('colQuantity')}
                  </th>
                  <th scope="col" className="num">
                    {t('colSavings')}
                  </th>
                  <th scope="col">{t('colDecisions')}</th>
                  <th scope="col">{t('colStatus')}</th>
                  {canList(me) && <th scope="col" />}
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => {
                  const mine = m.yourSides[0] ?? 'supply';
                  const other = mine === 'supply' ? 'demand' : 'supply';
                  const first = operator ? 'supply' : mine;
                  const second = operator ? 'demand' : other;
                  const pending = waitingForYou(m);
                  return (
                    <tr key={m.id} data-match={m.id} data-status={m.status}>
                      <td className="cell-what">
                        <MatchWhat m={m} tx={taxonomy.data!} />
                        <div className="sub">{fmt.date(m.createdAt)}</div>
                      </td>
                      <td data-label={operator ? t('colSupplier') : t('colYourSide')}>
                        <SideCell side={m[first]} role={first} siteName={siteName} />
                      </td>
                      <td
                        data-testid="counterpart"
                        data-label={operator ? t('colBuyer') : t('colCounterpart')}
                      >
                        <SideCell side={m[second]} role={second} siteName={siteName} />
                      </td>
                      <td className="num nowrap" data-label={t('colQuantity')}>
                        {x.perYear(m.quantity, m.unit)}
                        <div className="sub">
                          {fmt.number(m.distanceKm)}&nbsp;{t('km')} · {x.mode(m.mode)}
                        </div>
                      </td>
                      <td className="num nowrap" data-label={t('colSavings')}>
                        <strong>{x.money(m.savingsKopecks)}</strong>
                        <div className="sub">{t('perYearShort')}</div>
                      </td>
                      <td data-label={t('colDecisions')}>
                        <ul className="decisions">
                          {(['supply', 'demand'] as const).map((s) => (
                            <li key={s}>
                              <span className="muted">{t(`role:${s}`)}:</span>{' '}
                              <span className={`badge decision-${m[s].decision}`}>
                                {x.decision(m[s].decision)}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="cell-status" data-label={t('colStatus')}>
                        <span className={`badge match-${m.status}`} data-testid="match-status">
                          {x.match(m.status)}
                        </span>
                      </td>
                      {canList(me) && (
                        <td className={pending ? 'actions' : 'actions cell-empty'}>
                          {pending && (
                            <div className="decide-actions">
                              <button
                                type="button"
                                className="btn btn-small btn-primary"
                                disabled={busy === m.id}
                                onClick={() => decide(m, 'accept')}
                                data-testid="accept-match"
                              >
                                {t('accept')}
                              </button>
                              <ConfirmButton
                                className="btn btn-small btn-danger"
                                label={t('decline')}
                                question={t('declineConfirm')}
                                confirmLabel={t('declineYes')}
                                disabled={busy === m.id}
                                onConfirm={() => decide(m, 'decline')}
                                testId="decline-match"
                              />
                            </div>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      <DataNote>{t('matchesNote')}</DataNote>
    </>
  );
}

function MatchWhat({ m, tx }: { m: MatchProposal; tx: Taxonomy }) {
  const to = m.demand.use ? tx.nameOfUse(m.demand.use) : tx.materialName(m.demand.material);
  return (
    <span>
      <strong>{tx.materialName(m.supply.material)}</strong>
      <div className="sub">→ {to}</div>
    </span>
  );
}

function SideCell({
  side,
  role,
  siteName,
}: {
  side: Side;
  role: 'supply' | 'demand';
  siteName: Map<string, string>;
}) {
  const t = useT(exchangeDict);
  const labels = useLabels();
  return (
    <span>
      <span className="muted small">{t(`role:${role}`)}</span>
      <div>
        {side.organisationId ? (
          <>
            <a href={href('participants', side.organisationId)} data-testid="holder-name">
              {side.organisationName}
            </a>
            {side.siteId && siteName.get(side.siteId) && (
              <div className="sub">{siteName.get(side.siteId)}</div>
            )}
          </>
        ) : (
          <span className="anonymous" title={t('anonymousHint')}>
            {t('anonymousAt', { agg: labels.agglomeration(side.agglomeration) })}
          </span>
        )}
      </div>
    </span>
  );
}
