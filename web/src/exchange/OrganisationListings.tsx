import { useFormat, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import type { Listing } from '../shell/types.ts';
import { Empty, ErrorState, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { exchangeApi } from './api.ts';
import { ListingWhat, StatusBadge } from './bits.tsx';
import { exchangeDict } from './dict.ts';
import { useExchangeLabels } from './labels.ts';
import { useTaxonomy } from './taxonomy.ts';

/** A participant's streams on the exchange: what it offers and what it looks for. */
export function OrganisationListings({ organisationId }: { organisationId: string }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  const taxonomy = useTaxonomy();
  const list = useResource(
    () => exchangeApi.listings({ organisation: organisationId }),
    [organisationId],
  );
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data || !taxonomy.data) return <Loading />;
  const live = list.data.filter((l) => l.status !== 'withdrawn');
  if (live.length === 0) return <Empty title={t('partEmpty')}>{t('partEmptyText')}</Empty>;
  const group = (side: Listing['side'], title: string) => {
    const rows = live.filter((l) => l.side === side);
    if (rows.length === 0) return null;
    return (
      <>
        <h3 className="subhead">{title}</h3>
        <table className="table compact-table" data-testid={`listings-${side}`}>
          <tbody>
            {rows.map((l) => (
              <tr key={l.id} className={l.status === 'active' ? undefined : 'row-muted'}>
                <td>
                  <ListingWhat listing={l} taxonomy={taxonomy.data!} />
                </td>
                <td className="num nowrap">{x.perYear(l.quantityPerYear, l.unit)}</td>
                <td className="nowrap listing-until">
                  {l.status === 'active' ? (
                    <span className="sub">
                      {t('fTo')} {fmt.date(l.availableTo)}
                    </span>
                  ) : (
                    <StatusBadge status={l.status} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  };
  return (
    <>
      {group('offer', t('partOffers'))}
      {group('request', t('partRequests'))}
      <p className="source-note">
        <a href={`${href('marketplace')}?organisation=${encodeURIComponent(organisationId)}`}>
          {t('partAll')}
        </a>
      </p>
    </>
  );
}
