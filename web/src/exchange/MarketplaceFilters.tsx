import type { Dispatch, SetStateAction } from 'react';
import { useLocale, useT } from '../i18n/index.ts';
import { useLabels } from '../registry/labels.ts';
import { Field, SelectField } from '../shell/ui.tsx';
import { agglomerations, listingSides, listingStatuses } from '../shell/vocabulary.ts';
import { exchangeDict } from './dict.ts';
import { type Filters, noFilters } from './filters.ts';
import { useExchangeLabels } from './labels.ts';
import type { Taxonomy } from './taxonomy.ts';

/** The marketplace's filters; the FKKO box is typed freely and applied after a pause. */
export function MarketplaceFilters({
  filters,
  setFilters,
  fkko,
  setFkko,
  taxonomy,
  loggedIn,
}: {
  filters: Filters;
  setFilters: Dispatch<SetStateAction<Filters>>;
  fkko: string;
  setFkko: (text: string) => void;
  taxonomy: Taxonomy | undefined;
  loggedIn: boolean;
}) {
  const t = useT(exchangeDict);
  const { locale } = useLocale();
  const labels = useLabels();
  const x = useExchangeLabels();
  // a filter's select, bound to its key, «any» first
  const filter = (key: keyof Filters) => ({
    name: key,
    value: filters[key],
    onChange: (e: { target: { value: string } }) =>
      setFilters((f) => ({ ...f, [key]: e.target.value })),
    any: t('any'),
  });
  return (
    <form className="filters listing-filters card" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label={t('filterSide')}
        {...filter('side')}
        options={listingSides}
        optionLabel={(s) => t(`sides:${s}`)}
      />
      <SelectField
        label={t('filterMaterial')}
        {...filter('material')}
        options={taxonomy?.materials ?? []}
        optionValue={(m) => m.id}
        optionLabel={(m) => m.name[locale]}
      />
      <SelectField
        label={t('filterUse')}
        {...filter('use')}
        options={taxonomy?.uses ?? []}
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
        {...filter('status')}
        options={listingStatuses}
        optionLabel={x.status}
      />
      <div className="filter-actions">
        {loggedIn && (
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
  );
}
