import { useLocale, useT } from '../i18n/index.ts';
import { HelpPanel } from '../knowledge/HelpPanel.tsx';
import { href } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import { ConfirmButton, ErrorState, FormError, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { exchangeApi } from './api.ts';
import { Holder, SideBadge, StatusBadge, VisibilityBadge } from './bits.tsx';
import { exchangeDict } from './dict.ts';
import { ListingPassport, ListingTerms } from './ListingCards.tsx';
import { openProposalsKey, openProposalsOf } from './openProposals.ts';
import { opensDealOn, ownsListing } from './rights.ts';
import { useTaxonomy } from './taxonomy.ts';

/** One listing: every field, its quality passport and the sources of its figures. */
export function ListingPage({ id }: { id: string }) {
  const t = useT(exchangeDict);
  const { locale } = useLocale();
  const { user } = useSession();
  const taxonomy = useTaxonomy();
  const listing = useResource(() => exchangeApi.listing(id), [id]);
  // the open proposals a withdrawal would close, said before it (the caller's own matches)
  const matches = useResource(() => exchangeApi.matches(), [id]);
  const { busy, error, run } = useSubmission();

  const back = (
    <a className="back-link" href={href('marketplace')}>
      {t('backToMarketplace')}
    </a>
  );
  if (listing.error || taxonomy.error)
    return (
      <>
        {back}
        <ErrorState error={(listing.error ?? taxonomy.error)!} onRetry={listing.reload} />
      </>
    );
  if (!listing.data || !taxonomy.data)
    return (
      <>
        {back}
        <Loading />
      </>
    );
  const l = listing.data;
  const tx = taxonomy.data;
  const own = ownsListing(user, l);

  const openProposals = openProposalsOf(matches.data, l.id);
  const act = (verb: 'publish' | 'withdraw') =>
    run(async () => {
      await exchangeApi[verb](l.id);
      listing.reload();
    });

  return (
    <>
      {back}
      <div className="page-header">
        <div>
          <h1>
            {l.materialId ? tx.materialName(l.materialId) : t('anyMaterial')}
            {l.useId && <span className="h1-sub"> → {tx.nameOfUse(l.useId)}</span>}
          </h1>
          <div className="tags">
            <SideBadge side={l.side} />
            <StatusBadge status={l.status} />
            <VisibilityBadge visibility={l.visibility} />
            <span className="muted">
              <Holder listing={l} />
            </span>
          </div>
        </div>
        {own && (
          <div className="page-actions">
            {l.status !== 'withdrawn' && (
              <a
                className="btn"
                href={href('marketplace', l.id, 'edit')}
                data-testid="edit-listing"
              >
                {t('edit')}
              </a>
            )}
            {l.status === 'draft' && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => act('publish')}
                data-testid="publish-listing"
              >
                {t('publish')}
              </button>
            )}
            {l.status === 'active' && (
              <ConfirmButton
                label={t('withdraw')}
                question={
                  openProposals
                    ? `${t('withdrawConfirm')} ${t(openProposalsKey(openProposals, locale), { n: openProposals })}`
                    : t('withdrawConfirm')
                }
                confirmLabel={t('withdrawYes')}
                disabled={busy}
                onConfirm={() => act('withdraw')}
                testId="withdraw-listing"
              />
            )}
            {(l.status === 'withdrawn' || l.status === 'expired') && (
              <a
                className="btn btn-primary"
                href={`${href('marketplace', 'new')}?from=${encodeURIComponent(l.id)}`}
                data-testid="copy-listing"
              >
                {t('copyAsDraft')}
              </a>
            )}
          </div>
        )}
        {opensDealOn(user, l) && (
          <div className="page-actions">
            <a
              className="btn btn-primary"
              href={`${href('deals')}?listing=${encodeURIComponent(l.id)}`}
              data-testid="open-deal"
            >
              {t('openDeal')}
            </a>
          </div>
        )}
      </div>
      <FormError error={error} />
      <div className="grid-2">
        <ListingTerms listing={l} />
        <ListingPassport listing={l} tx={tx} />
      </div>
      <HelpPanel listingId={l.id} />
    </>
  );
}
