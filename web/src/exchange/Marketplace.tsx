import { useEffect, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { useLabels } from '../registry/labels.ts';
import { hashQuery, href, replaceHashQuery } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import { DataNote, Empty, ErrorState, Loading, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { exchangeApi } from './api.ts';
import { download, toCsv } from './csv.ts';
import { exchangeDict } from './dict.ts';
import { type Filters, filtersFrom, listingQuery } from './filters.ts';
import { ListingsTable } from './ListingsTable.tsx';
import { useExchangeLabels } from './labels.ts';
import { MarketplaceFilters } from './MarketplaceFilters.tsx';
import { limitText } from './quality.ts';
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
        t('colId'),
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
          .map(([k, v]) => `${tx.property(k)?.symbol ?? k} ${limitText(v, String)}`)
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
      <MarketplaceFilters
        filters={filters}
        setFilters={setFilters}
        fkko={fkko}
        setFkko={setFkko}
        taxonomy={taxonomy.data}
        loggedIn={Boolean(user)}
      />

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
          <ListingsTable rows={list.data} tx={taxonomy.data} />
        </section>
      )}
      <DataNote>{t('mpSource')}</DataNote>
    </>
  );
}
