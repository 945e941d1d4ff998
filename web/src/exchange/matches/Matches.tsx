import { useEffect, useMemo, useState } from 'react';
import { localised, useFormat, useLocale, useT } from '../../i18n/index.ts';
import { registryApi } from '../../registry/api.ts';
import { ApiError } from '../../shell/api.ts';
import { INBOX_CHANGED } from '../../shell/Header.tsx';
import { hashQuery, href, replaceHashQuery } from '../../shell/router.ts';
import { isObserver, isOperator, useSession } from '../../shell/session.tsx';
import type { MatchProposal, User } from '../../shell/types.ts';
import {
  DataNote,
  Empty,
  ErrorState,
  FormError,
  Loading,
  NeedLogin,
  PageHeader,
} from '../../shell/ui.tsx';
import { useResource } from '../../shell/useResource.ts';
import { exchangeApi } from '../api.ts';
import { exchangeDict } from '../dict.ts';
import { canList } from '../rights.ts';
import { useTaxonomy } from '../taxonomy.ts';
import { MatchesTable } from './MatchesTable.tsx';
import { firstTab, inTab, type Tab, tabsFor } from './tabs.ts';

export function Matches() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  return <Inbox me={user} />;
}

/** The match proposals of the caller's organisation (the operator: all), by tab. */
function Inbox({ me }: { me: User }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const taxonomy = useTaxonomy();
  const matches = useResource(exchangeApi.matches, []);
  const sites = useResource(registryApi.sites, []);
  const deals = useResource(exchangeApi.dealsFromMatches, []);
  const operator = isOperator(me);
  const observer = isObserver(me);
  const shownTabs = tabsFor(operator);
  // the tab lives in the address: Back, a reload and a shared link open it again
  const [tab, setTab] = useState<Tab | null>(() => {
    const asked = hashQuery().get('tab');
    return shownTabs.find((k) => k === asked) ?? null;
  });
  const openTab = (k: Tab) => {
    setTab(k);
    replaceHashQuery({ tab: k });
  };
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { locale } = useLocale();
  const siteName = useMemo(
    () => new Map((sites.data ?? []).map((s) => [s.id, localised(locale, s.name, s.nameEn)])),
    [sites.data, locale],
  );
  // the deal each agreed match opened (none when its figures fit no deal, or no deal yet)
  const dealOf = useMemo(
    () =>
      deals.data
        ? new Map(deals.data.items.flatMap((d) => (d.matchId ? [[d.matchId, d.id] as const] : [])))
        : null,
    [deals.data],
  );
  // Else open on a tab with content once the proposals are in (the operator holds no side).
  useEffect(() => {
    if (tab === null && matches.data) setTab(firstTab(matches.data, shownTabs));
  }, [tab, matches.data, shownTabs]);

  const decide = async (m: MatchProposal, verb: 'accept' | 'decline') => {
    setError(null);
    setBusy(m.id);
    try {
      await exchangeApi[verb](m.id);
      matches.reload();
      deals.reload();
      window.dispatchEvent(new Event(INBOX_CHANGED));
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
      lead={t(operator ? 'matchesLeadOperator' : observer ? 'matchesLeadObserver' : 'matchesLead')}
    />
  );
  const failed = matches.error ?? taxonomy.error;
  if (failed || !matches.data || !taxonomy.data)
    return (
      <>
        {header}
        {failed ? <ErrorState error={failed} onRetry={matches.reload} /> : <Loading />}
      </>
    );
  const all = matches.data;
  const current = tab ?? firstTab(all, shownTabs);
  const shown = inTab(current, all);
  // An observer decides nothing: with no proposals to its organisation, no tabs of decisions,
  // but what it can read and where.
  if (observer && all.length === 0)
    return (
      <>
        {header}
        <div data-testid="matches-observer">
          <Empty title={t('matchesEmptyObserver')}>
            {t('matchesEmptyObserverText')} <a href={href('impact')}>{t('toImpact')}</a>{' '}
            <a href={href('plan')}>{t('toPlan')}</a>
          </Empty>
        </div>
        <DataNote>{t('matchesNote')}</DataNote>
      </>
    );

  return (
    <>
      {header}
      <div className="tabs" role="tablist">
        {shownTabs.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={current === k}
            className={current === k ? 'tab active' : 'tab'}
            onClick={() => openTab(k)}
            data-testid={`tab-${k}`}
          >
            {t(
              k === 'pending' && operator
                ? 'tab:pendingOperator'
                : k === 'waiting' && observer
                  ? 'tab:waitingObserver'
                  : `tab:${k}`,
            )}{' '}
            <span className="tab-count">{fmt.integer(inTab(k, all).length)}</span>
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
          <MatchesTable
            rows={shown}
            tx={taxonomy.data}
            operator={operator}
            canDecide={canList(me)}
            siteName={siteName}
            dealOf={dealOf}
            busy={busy}
            decide={decide}
          />
        </section>
      )}
      <DataNote>{t('matchesNote')}</DataNote>
    </>
  );
}
