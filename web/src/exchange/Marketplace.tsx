import { useEffect, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { useLabels } from '../registry/labels.ts';
import { hashQuery, href, replaceHashQuery } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import { DataNote, Empty, ErrorState, Loading, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { exchangeApi } from './api.ts';
import { csvName, download, listingCsvRows, qualityText, toCsv } from './csv.ts';
import { listingCsvDict } from './csvDict.ts';
import { exchangeDict } from './dict.ts';
import { type Filters, filtersFrom, listingQuery } from './filters.ts';
import { ListingsTable } from './ListingsTable.tsx';
import { useExchangeLabels } from './labels.ts';
import { MarketplaceFilters } from './MarketplaceFilters.tsx';
import { canList } from './rights.ts';
import { useTaxonomy } from './taxonomy.ts';

export function Marketplace() {
  const t = useT(exchangeDict);
  const c = useT(listingCsvDict);
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
    const rows = listingCsvRows(list.data, {
      header: c,
      side: (l) => x.side(l.side),
      material: (l) => (l.materialId ? tx.materialName(l.materialId) : ''),
      use: (l) => (l.useId ? tx.nameOfUse(l.useId) : ''),
      unit: (l) => x.unit(l.unit),
      legal: (l) => (l.legalStatus ? x.legal(l.legalStatus) : ''),
      agglomeration: (l) => labels.agglomeration(l.agglomeration),
      visibility: (l) => x.visibility(l.visibility),
      status: (l) => x.status(l.status),
      quality: (l) =>
        qualityText(l.quality, {
          symbol: (id) => tx.property(id)?.symbol ?? id,
          unit: (id) => x.propertyUnit(tx.property(id)?.unit),
          number: (n) => (locale === 'ru' ? String(n).replace('.', ',') : String(n)),
        }),
    });
    download(csvName('listings', Date.now()), toCsv(rows, locale));
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
