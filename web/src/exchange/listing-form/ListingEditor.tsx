import { clusterDay, decimalMarkOf, useLocale, useT } from '../../i18n/index.ts';
import { hashQuery, href } from '../../shell/router.ts';
import { useSession } from '../../shell/session.tsx';
import { Empty, ErrorState, Forbidden, Loading, NeedLogin } from '../../shell/ui.tsx';
import { useResource } from '../../shell/useResource.ts';
import { exchangeApi } from '../api.ts';
import { exchangeDict } from '../dict.ts';
import { openProposalsOf } from '../openProposals.ts';
import { canList, ownsListing } from '../rights.ts';
import { ListingForm } from './ListingForm.tsx';
import { blank, copyOf, fromListing } from './values.ts';

// today as the cluster counts it: in Kemerovo the day starts 7 hours before UTC's
const today = () => clusterDay(Date.now());

/** #/marketplace/new, #/marketplace/new?from=:id (a copy) and #/marketplace/:id/edit */
export function ListingEditor({ id }: { id?: string }) {
  const { user } = useSession();
  const { locale } = useLocale();
  const t = useT(exchangeDict);
  const mark = decimalMarkOf(locale);
  const from = id ? null : hashQuery().get('from');
  const listing = useResource(id ? () => exchangeApi.listing(id) : null, [id]);
  const source = useResource(from ? () => exchangeApi.listing(from) : null, [from]);
  const matches = useResource(id ? () => exchangeApi.matches() : null, [id]);
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  if (!canList(user)) return <Forbidden />;
  const loaded = from ? source : id ? listing : null;
  if (loaded?.error)
    return (
      <ErrorState
        error={loaded.error}
        onRetry={loaded.reload}
        back={{ href: href('marketplace'), label: t('backToMarketplace') }}
      />
    );
  if (loaded && !loaded.data) return <Loading />;
  // another organisation's listing, or one withdrawn: say so, with the way on (a user walk
  // read «your role does not allow this page», and edited a withdrawn listing to a refusal)
  if (id && listing.data && !ownsListing(user, listing.data))
    return (
      <Empty title={t('notYoursTitle')}>
        {t('notYoursText')} <a href={href('marketplace', id)}>{t('toListing')}</a>
      </Empty>
    );
  if (id && listing.data?.status === 'withdrawn')
    return (
      <Empty title={t('withdrawnTitle')}>
        <span data-testid="edit-withdrawn">{t('withdrawnText')}</span>{' '}
        <a href={`${href('marketplace', 'new')}?from=${encodeURIComponent(id)}`}>
          {t('copyAsDraft')}
        </a>{' '}
        · <a href={href('marketplace', id)}>{t('toListing')}</a>
      </Empty>
    );
  if (loaded?.data && !ownsListing(user, loaded.data)) return <Forbidden />;
  if (from && source.data)
    return <ListingForm key={from} me={user} initial={copyOf(source.data, mark, today())} copy />;
  if (id && listing.data)
    return (
      <ListingForm
        me={user}
        initial={fromListing(listing.data, mark)}
        listing={listing.data}
        openProposals={openProposalsOf(matches.data, id)}
      />
    );
  return <ListingForm me={user} initial={blank(user.organisationId, today())} />;
}
