// The Flows page (#/flows): the value chain of recorded deliveries as a Sankey diagram between
// kinds of organisation, filtered by material and period, and the same links as a table (what a
// screen reader reads, and what the diagram's tooltips say).
import '../shell/zodJitless.ts'; // before any schema the page's imports build
import { useEffect, useState } from 'react';
import { useTaxonomy } from '../exchange/taxonomy.ts';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { hashQuery, href, replaceHashQuery } from '../shell/router.ts';
import { isObserver, isOperator, useSession } from '../shell/session.tsx';
import {
  Empty,
  ErrorState,
  Field,
  Loading,
  NeedLogin,
  PageHeader,
  SelectField,
  TableScroll,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { dealsApi, type FlowsFilter, type ValueChain } from './api.ts';
import { flowsDict } from './flowsDict.ts';
import { Sankey } from './Sankey.tsx';
import './flows.css';

const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The filter an address holds (#/flows?material=…&from=…&to=…), so that a view can be shared. */
function filterFrom(q: URLSearchParams): FlowsFilter {
  const material = q.get('material') || undefined;
  const from = q.get('from');
  const to = q.get('to');
  return { material, from: isDay(from) ? from : undefined, to: isDay(to) ? to : undefined };
}

export function FlowsPage() {
  const t = useT(flowsDict);
  const f = useFormat();
  const { user } = useSession();
  const tax = useTaxonomy();
  const [filter, setFilter] = useState<FlowsFilter>(() => filterFrom(hashQuery()));
  useEffect(
    () =>
      replaceHashQuery({
        material: filter.material ?? '',
        from: filter.from ?? '',
        to: filter.to ?? '',
      }),
    [filter],
  );
  const badPeriod = Boolean(filter.from && filter.to && filter.from > filter.to);
  const chain = useResource(user && !badPeriod ? () => dealsApi.flows(filter) : null, [
    Boolean(user),
    filter.material,
    filter.from,
    filter.to,
  ]);
  if (user === undefined) return <Loading />;
  if (user === null) return <NeedLogin />;
  const tonnes = (n: number) => t('t', { n: f.decimal(n, 1) });
  const set = (patch: FlowsFilter) => setFilter((x) => ({ ...x, ...patch }));
  const v = chain.data;
  const filtered = Boolean(filter.material || filter.from || filter.to);
  // an observer reads its own organisation's deliveries (a ministry has none): then no filter,
  // but where the cluster's totals are, without naming a party of anyone else's deal
  const observerEmpty = isObserver(user) && v?.links.length === 0 && !filtered;
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          <a className="btn" href={href('deals')}>
            {t('deals')}
          </a>
        }
      />
      <section className="card stack" data-testid="flows">
        {!observerEmpty && (
          <>
            <p className="muted small">
              {isOperator(user) ? t('scopeCluster') : t('scopeOrganisation')}
            </p>
            <div className="deal-toolbar flows-filter">
              <SelectField
                label={t('material')}
                name="material"
                value={filter.material ?? ''}
                onChange={(e) => set({ material: e.target.value || undefined })}
                // a material from the address that has no deliveries stays chosen, not hidden
                options={[
                  ...new Set([
                    ...(v?.materials ?? []),
                    ...(filter.material ? [filter.material] : []),
                  ]),
                ]}
                optionLabel={(m) => tax.data?.materialName(m) ?? m}
                any={t('allMaterials')}
              />
              <Field label={t('from')}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    name="from"
                    value={filter.from ?? ''}
                    onChange={(e) => set({ from: e.target.value || undefined })}
                  />
                )}
              </Field>
              <Field label={t('to')} error={badPeriod ? t('badPeriod') : undefined}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    name="to"
                    value={filter.to ?? ''}
                    onChange={(e) => set({ to: e.target.value || undefined })}
                  />
                )}
              </Field>
              {filtered && (
                <button type="button" className="btn" onClick={() => setFilter({})}>
                  {t('reset')}
                </button>
              )}
            </div>
          </>
        )}
        {badPeriod ? null : chain.error ? (
          <ErrorState error={chain.error} onRetry={chain.reload} />
        ) : !v ? (
          <Loading />
        ) : observerEmpty ? (
          <div data-testid="flows-observer">
            <Empty title={t('emptyObserver')}>
              {t('emptyObserverText')} <a href={href('impact')}>{t('toImpact')}</a>
            </Empty>
          </div>
        ) : v.links.length === 0 ? (
          <Empty title={t('empty')}>
            {!filtered ? t('emptyText') : filter.material ? t('emptyFiltered') : t('emptyPeriod')}
          </Empty>
        ) : (
          <>
            <h2 className="card-title">{t('diagram')}</h2>
            <Sankey chain={v} tonnes={tonnes} />
            <p className="muted small">
              {t('balanceNote')}
              {v.nodes.some((n) => n.isReturn) && ` ${t('returnNote')}`}
            </p>
            {(v.skipped.notTonnes > 0 || v.skipped.unknownOrganisation > 0) && (
              <p className="muted small" data-testid="flows-skipped">
                {t('skipped', {
                  notTonnes: f.integer(v.skipped.notTonnes),
                  unknown: f.integer(v.skipped.unknownOrganisation),
                })}
              </p>
            )}
          </>
        )}
      </section>
      {v && !badPeriod && v.links.length > 0 && <FlowsTable v={v} tonnes={tonnes} />}
    </>
  );
}

function FlowsTable({ v, tonnes }: { v: ValueChain; tonnes: (n: number) => string }) {
  const t = useT(flowsDict);
  const f = useFormat();
  const { locale } = useLocale();
  const tax = useTaxonomy();
  const nodes = new Map(v.nodes.map((n) => [n.id, n.label[locale]]));
  const total = v.links.reduce((a, l) => a + l.valueT, 0);
  return (
    <section className="card stack" data-testid="flows-table">
      <h2 className="card-title">{t('table')}</h2>
      <TableScroll>
        <table className="table table-cards">
          <thead>
            <tr>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('target')}</th>
              <th scope="col" className="num">
                {t('tonnes')}
              </th>
              <th scope="col">{t('byMaterial')}</th>
            </tr>
          </thead>
          <tbody>
            {v.links.map((l) => (
              <tr
                key={`${l.source}>${l.target}`}
                data-testid="flow-row"
                data-source={l.source}
                data-target={l.target}
                data-tonnes={l.valueT}
              >
                <td data-label={t('source')}>{nodes.get(l.source) ?? l.source}</td>
                <td data-label={t('target')}>{nodes.get(l.target) ?? l.target}</td>
                <td className="num nowrap" data-label={t('tonnes')}>
                  {f.decimal(l.valueT, 1)}
                </td>
                <td data-label={t('byMaterial')}>
                  {Object.entries(l.materials)
                    .sort((a, b) => b[1] - a[1])
                    .map(([m, n]) => `${tax.data?.materialName(m) ?? m} ${tonnes(n)}`)
                    .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={2}>{t('total')}</th>
              <th className="num nowrap" data-testid="flows-total">
                {f.decimal(total, 1)}
              </th>
              <th />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}
