// The Deals page: the caller's deals (the operator: all) filtered by state, with counterpart,
// material, quantity, price and whose turn it is; and the form that opens a new deal.
import { useState } from 'react';
import { readsBooks } from '../../../src/deals/limits.ts';
import { useExchangeLabels } from '../exchange/labels.ts';
import { useTaxonomy } from '../exchange/taxonomy.ts';
import { useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { isObserver, isOperator, useSession } from '../shell/session.tsx';
import {
  Empty,
  ErrorState,
  Loading,
  NeedLogin,
  PageHeader,
  SelectField,
  TableScroll,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { isOneOf } from '../shell/vocabulary.ts';
import { type DealState, type DealSummary, dealStates, dealsApi } from './api.ts';
import { StateBadge, sideOf, useMoney, useOrgNames } from './bits.tsx';
import { dealsDict } from './dict.ts';
import { NewDeal } from './NewDeal.tsx';
import { turnCell } from './turn.ts';

export function DealsPage() {
  const t = useT(dealsDict);
  const { user } = useSession();
  const list = useResource(user ? dealsApi.list : null, [Boolean(user)]);
  const [state, setState] = useState<DealState | ''>('');
  if (user === undefined) return <Loading />;
  if (user === null) return <NeedLogin />;
  const observer = isObserver(user);
  const canOpen = !isOperator(user) && !observer;
  const items = (list.data?.items ?? []).filter((d) => !state || d.state === state);
  // an observer whose organisation has no deals: nothing to filter, but what it reads and where
  const observerEmpty = observer && list.data?.items.length === 0;
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={observer ? t('leadObserver') : t('lead')}
        actions={
          // the trial balance's own rule (src/deals/limits.ts): an observer would get a 403
          readsBooks(user) && (
            <a className="btn" href={href('deals', 'ledger')} data-testid="ledger-link">
              {t('ledger')}
            </a>
          )
        }
      />
      <section className="card stack" data-testid="deals">
        {!observerEmpty && (
          <div className="deal-toolbar">
            <SelectField
              label={t('filterState')}
              name="state"
              value={state}
              onChange={(e) => setState(isOneOf(dealStates, e.target.value) ? e.target.value : '')}
              options={dealStates}
              optionLabel={(s) => `${t(`state:${s}`)} (${countOf(list.data?.items, s)})`}
              any={t('all')}
            />
          </div>
        )}
        {list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Loading />
        ) : observerEmpty ? (
          <div data-testid="deals-observer">
            <Empty title={t('emptyObserver')}>
              {t('emptyObserverText')} <a href={href('impact')}>{t('toImpact')}</a>
            </Empty>
          </div>
        ) : items.length === 0 && state && list.data.items.length > 0 ? (
          // deals there are, none in this state: say that, not «open your first deal»
          <Empty title={t('emptyInState')}>{t('emptyInStateText')}</Empty>
        ) : items.length === 0 ? (
          <Empty title={t('empty')}>{canOpen && t('emptyText')}</Empty>
        ) : (
          <DealTable
            items={items}
            organisationId={isOperator(user) ? undefined : user.organisationId}
          />
        )}
      </section>
      {canOpen && <NewDeal organisationId={user.organisationId} onCreated={list.reload} />}
    </>
  );
}

const countOf = (items: DealSummary[] | undefined, s: DealState) =>
  (items ?? []).filter((d) => d.state === s).length;

function DealTable({ items, organisationId }: { items: DealSummary[]; organisationId?: string }) {
  const t = useT(dealsDict);
  const names = useOrgNames();
  const tax = useTaxonomy();
  const x = useExchangeLabels();
  const money = useMoney();
  return (
    <TableScroll>
      <table className="table table-cards">
        <thead>
          <tr>
            <th>{t('state')}</th>
            <th>{t('counterpart')}</th>
            <th>{t('material')}</th>
            <th className="num">{t('quantity')}</th>
            <th className="num">{t('price')}</th>
            <th>{t('turn')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const mine = sideOf(d, organisationId);
            const counterpart = mine
              ? names.name(mine === 'provider' ? d.consumerId : d.providerId)
              : `${names.name(d.providerId)} → ${names.name(d.consumerId)}`;
            return (
              <tr key={d.id} data-testid="deal-row" data-state={d.state}>
                <td data-label={t('state')}>
                  <StateBadge state={d.state} />
                </td>
                <td data-label={t('counterpart')}>
                  <a href={href('deals', d.id)} className="strong-link">
                    {counterpart}
                  </a>
                  {/* our side, not the counterpart's: «Вы — поставщик» */}
                  {mine && (
                    <div className="muted small">{t('youAre', { side: t(`side:${mine}`) })}</div>
                  )}
                </td>
                <td data-label={t('material')}>
                  {tax.data?.materialName(d.material) ?? d.material}
                </td>
                <td className="num" data-label={t('quantity')}>
                  {x.enteredQuantity(d.quantity, d.unit)}
                </td>
                <td className="num" data-label={t('price')}>
                  {money.price(d.priceKopecksPerUnit, d.unit)}
                </td>
                <td data-label={t('turn')}>{t(turnCell(d, mine))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
