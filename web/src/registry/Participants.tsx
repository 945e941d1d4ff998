import { useEffect, useMemo, useState } from 'react';
import { intlLocale, useFormat, useLocale, useT } from '../i18n/index.ts';
import { hashQuery, replaceHashQuery } from '../shell/router.ts';
import { nameSortKey, sortRows } from '../shell/sort.ts';
import { Empty, ErrorState, Field, Loading, PageHeader, SelectField } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import {
  agglomerations,
  membershipRoles,
  organisationKinds,
  organisationStatuses,
} from '../shell/vocabulary.ts';
import { registryApi } from './api.ts';
import { registryDict } from './dict.ts';
import {
  addressQuery,
  type Filters,
  filtersFrom,
  memberFilters,
  organisationQuery,
} from './filters.ts';
import { regionName, useLabels } from './labels.ts';
import { orgName } from './names.ts';
import { ParticipantsTable } from './ParticipantsTable.tsx';

export function Participants() {
  const t = useT(registryDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const labels = useLabels();
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(hashQuery()));
  const [search, setSearch] = useState(filters.q);

  // the search box waits for a pause in typing
  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((f) => (f.q === search ? f : { ...f, q: search })),
      250,
    );
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    replaceHashQuery(addressQuery(filters));
  }, [filters]);

  const query = organisationQuery(filters);
  const list = useResource(() => registryApi.organisations(query), [JSON.stringify(query)]);
  const everyone = useResource(() => registryApi.organisations(), []);
  // by the name in the user's language, its legal form and quotes left out (M6)
  const rows = useMemo(
    () =>
      list.data &&
      sortRows(list.data, (o) => nameSortKey(orgName(o, locale)), 'ascending', intlLocale(locale)),
    [list.data, locale],
  );
  const regions = useMemo(
    () =>
      [...new Set((everyone.data ?? []).map((o) => o.region))].sort((a, b) =>
        a.localeCompare(b, 'ru'),
      ),
    [everyone.data],
  );

  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }));
  // a filter's select, bound to its key, «any» first
  const filter = (key: keyof Filters) => ({
    value: filters[key],
    onChange: set(key),
    any: t('any'),
  });
  const reset = () => {
    setSearch('');
    setFilters(memberFilters);
  };

  return (
    <>
      <PageHeader title={t('plTitle')} lead={t('plLead')} />
      <form className="filters card" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('search')} className="filter-search">
          {(p) => (
            <input
              {...p}
              type="search"
              value={search}
              placeholder={t('searchPlaceholder')}
              onChange={(e) => setSearch(e.target.value)}
            />
          )}
        </Field>
        <SelectField
          label={t('filterKind')}
          {...filter('kind')}
          options={organisationKinds}
          optionLabel={labels.kind}
        />
        <SelectField
          label={t('filterRegion')}
          {...filter('region')}
          options={regions}
          optionLabel={(r) => regionName(r, locale)}
        />
        <SelectField
          label={t('filterAgg')}
          {...filter('agglomeration')}
          options={agglomerations}
          optionLabel={labels.agglomeration}
        />
        <SelectField
          label={t('filterRole')}
          {...filter('role')}
          options={membershipRoles}
          optionLabel={labels.role}
        />
        <SelectField
          label={t('filterStatus')}
          {...filter('status')}
          anyValue="all"
          options={organisationStatuses}
          optionLabel={labels.status}
        />
        <div className="filter-actions">
          <button type="button" className="btn btn-ghost" onClick={reset}>
            {t('resetFilters')}
          </button>
        </div>
      </form>

      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty title={t('plEmpty')}>{t('plEmptyText')}</Empty>
      ) : (
        <section className="card table-card">
          <div className="table-meta" aria-live="polite">
            {t('plCount', { n: fmt.integer(list.data.length) })}
            {list.loading && <span className="spinner spinner-inline" aria-hidden="true" />}
          </div>
          <ParticipantsTable rows={rows ?? []} />
        </section>
      )}
    </>
  );
}
