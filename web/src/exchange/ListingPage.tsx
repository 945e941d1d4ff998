import type { ReactNode } from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { href } from '../shell/router.ts';
import { useSession } from '../shell/session.tsx';
import { ConfirmButton, ErrorState, FormError, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { exchangeApi } from './api.ts';
import { Holder, LegalStatusCell, SideBadge, StatusBadge, VisibilityBadge } from './bits.tsx';
import { exchangeDict } from './dict.ts';
import { useExchangeLabels } from './labels.ts';
import { limitText } from './quality.ts';
import { ownsListing } from './rights.ts';
import { useTaxonomy } from './taxonomy.ts';

/** One listing: every field, its quality passport and the sources of its figures. */
export function ListingPage({ id }: { id: string }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  const { user } = useSession();
  const taxonomy = useTaxonomy();
  const listing = useResource(() => exchangeApi.listing(id), [id]);
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

  const act = (verb: 'publish' | 'withdraw') =>
    run(async () => {
      await exchangeApi[verb](l.id);
      listing.reload();
    });

  const prov = (field: string) => {
    const p = l.provenance?.[field];
    if (!p) return null;
    const text =
      p.kind === 'sourced' ? t('provSourced', { key: p.key ?? '' }) : t(`prov:${p.kind}`);
    return (
      <span className={`prov prov-${p.kind}`} title={p.note}>
        {text}
      </span>
    );
  };
  const rows: Array<[string, ReactNode, string?]> = [
    [
      t('fQuantity'),
      <span key="q" className="figure">
        {x.perYear(l.quantityPerYear, l.unit)}
      </span>,
      'quantityPerYear',
    ],
    [t('fWindow'), `${fmt.date(l.availableFrom)} — ${fmt.date(l.availableTo)}`],
  ];
  if (l.disposalCostKopecksPerUnit !== undefined)
    rows.push([
      t('fDisposal'),
      x.kopecksPerUnit(l.disposalCostKopecksPerUnit, l.unit),
      'disposalCostKopecksPerUnit',
    ]);
  if (l.priceKopecksPerUnit !== undefined)
    rows.push([
      t('fPrice'),
      x.kopecksPerUnit(l.priceKopecksPerUnit, l.unit),
      'priceKopecksPerUnit',
    ]);
  if (l.mustShipMin) rows.push([t('fMustShip'), x.perYear(l.mustShipMin, l.unit)]);
  if (l.mustTakeMin) rows.push([t('fMustTake'), x.perYear(l.mustTakeMin, l.unit)]);
  rows.push([t('fModes'), l.transportModes.map(x.mode).join(', ')]);
  if (l.maxDistanceKm !== undefined) rows.push([t('fMaxDistance'), fmt.number(l.maxDistanceKm)]);

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
                question={t('withdrawConfirm')}
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
      </div>
      <FormError error={error} />
      <div className="grid-2">
        <section className="card" data-testid="listing-terms">
          <h2 className="card-title">{t('terms')}</h2>
          <dl className="facts">
            {rows.map(([label, value, field]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>
                  {value}
                  {field && prov(field)}
                </dd>
              </div>
            ))}
            <div>
              <dt>{t('fLegal')}</dt>
              <dd>
                <LegalStatusCell listing={l} />
              </dd>
            </div>
            {l.fkkoEntry && (
              <div>
                <dt>{t('fFkko')}</dt>
                <dd>
                  <span>
                    <span className="mono">{l.fkkoEntry.code}</span> — {l.fkkoEntry.name}
                    <div className="sub">
                      {x.hazard(l.fkkoEntry.hazardClass)} · {l.fkkoEntry.physicalState} ·{' '}
                      {l.fkkoEntry.blockName}
                    </div>
                  </span>
                </dd>
              </div>
            )}
            {l.byProductOf && (
              <div>
                <dt>{t('fByProductOf')}</dt>
                <dd>{l.byProductOf}</dd>
              </div>
            )}
            {l.standard && (
              <div>
                <dt>{t('fStandard')}</dt>
                <dd>{l.standard}</dd>
              </div>
            )}
          </dl>
          {l.note && <p className="description">{l.note}</p>}
        </section>
        <section className="card" data-testid="listing-quality">
          <h2 className="card-title">
            {t('passport')} {prov('quality')}
          </h2>
          {Object.keys(l.quality ?? {}).length === 0 ? (
            <p className="muted">{t('noQuality')}</p>
          ) : (
            <DataTable
              rows={Object.entries(l.quality ?? {})}
              rowKey={([k]) => k}
              columns={[
                {
                  key: 'property',
                  header: t('colProperty'),
                  cell: ([k]) => tx.propertyName(k),
                  sortValue: ([k]) => tx.propertyName(k),
                },
                {
                  key: 'symbol',
                  header: t('colSymbol'),
                  className: 'mono',
                  cell: ([k]) => tx.property(k)?.symbol ?? k,
                },
                {
                  key: 'value',
                  header: l.side === 'offer' ? t('colValue') : t('colLimit'),
                  numeric: true,
                  className: 'nowrap',
                  cell: ([, v]) => limitText(v, fmt.number),
                },
                {
                  key: 'unit',
                  header: t('colUnit'),
                  className: 'nowrap',
                  cell: ([k]) => x.propertyUnit(tx.property(k)?.unit),
                },
              ]}
            />
          )}
          <p className="source-note" title={`${t('listingIdLabel')}: ${l.id}`}>
            {t('updated', { date: fmt.dateTime(l.updatedAt) })}
          </p>
        </section>
      </div>
    </>
  );
}
