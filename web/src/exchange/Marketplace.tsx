import { useEffect, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { useLabels } from '../registry/labels.ts';
import { hashQuery, href, replaceHashQuery } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import {
  DataNote,
  Empty,
  ErrorState,
  Field,
  Loading,
  PageHeader,
  SelectField,
  TableScroll,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { agglomerations, listingSides, listingStatuses } from '../shell/vocabulary.ts';
import { exchangeApi } from './api.ts';
import {
  Holder,
  LegalStatusCell,
  ListingWhat,
  QualitySummary,
  SideBadge,
  StatusBadge,
  VisibilityBadge,
} from './bits.tsx';
import { download, toCsv } from './csv.ts';
import { exchangeDict } from './dict.ts';
import { type Filters, filtersFrom, listingQuery, noFilters } from './filters.ts';
import { useExchangeLabels } from './labels.ts';
import { canList } from './rights.ts';
import { useTaxonomy } from './taxonomy.ts';

export function Marketplace() {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const labels = useLabels();
  const x = useExchangeLabels();
  const { user } = useSession();
  const taxonomy = useTaxonomy();
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(hashQuery()));
  const [fkko, setFkko] = useState(filters.fkko);

  // the FKKO box waits for a pause in typing
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.fkko === fkko ? f : { ...f, fkko })), 300);
    return () => clearTimeout(timer);
  }, [fkko]);
  useEffect(() => replaceHashQuery(filters), [filters]);

  const query = listingQuery(filters, user?.organisationId);
  const list = useResource(() => exchangeApi.listings(query), [JSON.stringify(query)]);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }));
  // a filter's select, bound to its key, «any» first
  const filter = (key: keyof Filters) => ({
    value: filters[key],
    onChange: set(key),
    any: t('any'),
  });

  const exportCsv = () => {
    const tx = taxonomy.data;
    if (!list.data || !tx) return;
    const rows = [
      [
        t('colSide'),
        t('colMaterial'),
        t('colUse'),
        t('colQuantity'),
        t('colUnit'),
        t('colFrom'),
        t('colTo'),
        t('colQuality'),
        t('colLegal'),
        t('colFkko'),
        t('colHazard'),
        t('colHolder'),
        t('colAgg'),
        t('colVisibility'),
        t('colStatus'),
        'id',
      ],
      ...list.data.map((l) => [
        x.side(l.side),
        tx.materialName(l.materialId),
        tx.nameOfUse(l.useId),
        l.quantityPerYear,
        x.unit(l.unit),
        l.availableFrom,
        l.availableTo,
        Object.entries(l.quality ?? {})
          .map(
            ([k, v]) =>
              `${tx.property(k)?.symbol ?? k} ${typeof v === 'number' ? v : JSON.stringify(v)}`,
          )
          .join(', '),
        l.legalStatus ? x.legal(l.legalStatus) : '',
        l.fkko ?? '',
        l.fkkoEntry?.hazardClass ?? '',
        l.holderHidden ? t('anonymous') : (l.organisationName ?? ''),
        labels.agglomeration(l.agglomeration),
        x.visibility(l.visibility),
        x.status(l.status),
        l.id,
      ]),
    ];
    download(`listings-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(rows, locale));
  };

  return (
    <>
      <PageHeader
        title={t('mpTitle')}
        lead={t('mpLead')}
        actions={
          canList(user) && (
            <a
              className="btn btn-primary"
              href={href('marketplace', 'new')}
              data-testid="new-listing"
            >
              {t('newListing')}
            </a>
          )
        }
      />
      <form className="filters listing-filters card" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('filterSide')}
          name="side"
          {...filter('side')}
          options={listingSides}
          optionLabel={(s) => t(`sides:${s}`)}
        />
        <SelectField
          label={t('filterMaterial')}
          name="material"
          {...filter('material')}
          options={taxonomy.data?.materials ?? []}
          optionValue={(m) => m.id}
          optionLabel={(m) => m.name[locale]}
        />
        <SelectField
          label={t('filterUse')}
          name="use"
          {...filter('use')}
          options={taxonomy.data?.uses ?? []}
          optionValue={(u) => u.id}
          optionLabel={(u) => u.name[locale]}
        />
        <Field label={t('filterFkko')}>
          {(p) => (
            <input
              {...p}
              name="fkko"
              value={fkko}
              placeholder="6 11 100 01 40 4"
              inputMode="numeric"
              onChange={(e) => setFkko(e.target.value)}
            />
          )}
        </Field>
        <SelectField
          label={t('filterAgg')}
          {...filter('agglomeration')}
          options={agglomerations}
          optionLabel={labels.agglomeration}
        />
        <SelectField
          label={t('filterStatus')}
          name="status"
          {...filter('status')}
          options={listingStatuses}
          optionLabel={x.status}
        />
        <div className="filter-actions">
          {user && (
            <label className="check">
              <input
                type="checkbox"
                name="mine"
                checked={Boolean(filters.mine)}
                onChange={(e) => setFilters((f) => ({ ...f, mine: e.target.checked ? '1' : '' }))}
              />
              {t('onlyMine')}
            </label>
          )}
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setFkko('');
              setFilters(noFilters);
            }}
          >
            {t('resetFilters')}
          </button>
        </div>
      </form>

      {list.error || taxonomy.error ? (
        <ErrorState
          error={(list.error ?? taxonomy.error)!}
          onRetry={() => {
            list.reload();
            taxonomy.reload();
          }}
        />
      ) : !list.data || !taxonomy.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty title={t('mpEmpty')}>{t('mpEmptyText')}</Empty>
      ) : (
        <section className="card table-card">
          <div className="table-meta" aria-live="polite">
            {t('mpCount', { n: fmt.integer(list.data.length) })}
            {list.loading && <span className="spinner spinner-inline" aria-hidden="true" />}
            <button type="button" className="btn btn-small meta-action" onClick={exportCsv}>
              {t('exportCsv')}
            </button>
          </div>
          <TableScroll>
            <table className="table listings-table" data-testid="listings-table">
              <thead>
                <tr>
                  <th scope="col">{t('colSide')}</th>
                  <th scope="col">{t('colWhat')}</th>
                  <th scope="col" className="num">
                    {t('colQuantity')}
                  </th>
                  <th scope="col" className="hide-narrow">
                    {t('colQuality')}
                  </th>
                  <th scope="col">{t('colWindow')}</th>
                  <th scope="col">{t('colLegal')}</th>
                  <th scope="col">{t('colHolder')}</th>
                  <th scope="col">{t('colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((l) => (
                  <tr key={l.id} data-listing={l.id}>
                    <td>
                      <SideBadge side={l.side} />
                    </td>
                    <td>
                      <ListingWhat listing={l} taxonomy={taxonomy.data!} />
                    </td>
                    <td className="num nowrap">{x.perYear(l.quantityPerYear, l.unit)}</td>
                    <td className="hide-narrow quality-cell">
                      <QualitySummary
                        quality={l.quality}
                        taxonomy={taxonomy.data!}
                        num={fmt.number}
                      />
                    </td>
                    <td className="nowrap">
                      {fmt.date(l.availableFrom)} —<div>{fmt.date(l.availableTo)}</div>
                    </td>
                    <td>
                      <LegalStatusCell listing={l} />
                    </td>
                    <td>
                      <Holder listing={l} />
                    </td>
                    <td>
                      <div className="badges">
                        <StatusBadge status={l.status} />
                        <VisibilityBadge visibility={l.visibility} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      <DataNote>{t('mpSource')}</DataNote>
    </>
  );
}
