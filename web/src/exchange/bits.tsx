import { localised, useLocale, useT } from '../i18n/index.ts';
import { useLabels } from '../registry/labels.ts';
import { href } from '../shell/router.ts';
import type { Agglomeration, Listing, QualityLimit } from '../shell/types.ts';
import { exchangeDict } from './dict.ts';
import { useHolderName } from './holderName.ts';
import { NBSP, useExchangeLabels } from './labels.ts';
import { limitText } from './quality.ts';
import type { Taxonomy } from './taxonomy.ts';

/** The quality passport in one line: «SiO2 56 % · Al2O3 23 % · …», full names on hover. */
export function QualitySummary({
  quality,
  taxonomy,
  num,
  max = 4,
}: {
  quality: Listing['quality'];
  taxonomy: Taxonomy;
  num: (n: number) => string;
  max?: number;
}) {
  const t = useT(exchangeDict);
  const x = useExchangeLabels();
  const entries = Object.entries(quality ?? {});
  if (entries.length === 0) return <span className="muted">{t('noQuality')}</span>;
  const part = ([k, v]: [string, number | QualityLimit]) => {
    const p = taxonomy.property(k);
    return `${p?.symbol ?? k}${NBSP}${x.withPropertyUnit(limitText(v, num), p?.unit)}`;
  };
  const full = entries.map(([k, v]) => `${taxonomy.propertyName(k)}: ${part([k, v])}`).join('\n');
  const shown = entries.slice(0, max).map(part);
  return (
    <span className="quality" title={full}>
      {shown.join(' · ')}
      {entries.length > max && (
        <span className="muted"> {t('more', { n: entries.length - max })}</span>
      )}
    </span>
  );
}

/** Legal status with the FKKO code and hazard class of a waste. */
export function LegalStatusCell({ listing }: { listing: Listing }) {
  const x = useExchangeLabels();
  if (!listing.legalStatus) return <span className="muted">—</span>;
  return (
    <span className="legal">
      <span>{x.legal(listing.legalStatus)}</span>
      {listing.fkko && (
        <span className="sub" title={listing.fkkoEntry?.name}>
          <span className="mono">{listing.fkko}</span>
          {listing.fkkoEntry && (
            <span className={`hazard hazard-${listing.fkkoEntry.hazardClass}`}>
              {x.hazardShort(listing.fkkoEntry.hazardClass)}
            </span>
          )}
        </span>
      )}
      {listing.legalStatus === 'by_product' && listing.standard && (
        <span className="sub legal-standard">{listing.standard}</span>
      )}
    </span>
  );
}

/** «анонимно, Новокузнецкая агломерация» — a hidden holder shows only where it is. */
export function AnonymousHolder({ agglomeration }: { agglomeration: Agglomeration | null }) {
  const t = useT(exchangeDict);
  const labels = useLabels();
  return (
    <span className="anonymous" title={t('anonymousHint')}>
      {t('anonymousAt', { agg: labels.agglomeration(agglomeration) })}
    </span>
  );
}

export function Holder({ listing }: { listing: Listing }) {
  const labels = useLabels();
  const holderName = useHolderName();
  const { locale } = useLocale();
  if (listing.holderHidden || !listing.organisationId)
    return <AnonymousHolder agglomeration={listing.agglomeration} />;
  const site = listing.siteName && localised(locale, listing.siteName, listing.siteNameEn);
  return (
    <span>
      <a href={href('participants', listing.organisationId)}>{holderName(listing)}</a>
      <div className="sub">
        {[site, listing.agglomeration && labels.agglomeration(listing.agglomeration)]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </span>
  );
}

export function SideBadge({ side }: { side: Listing['side'] }) {
  const x = useExchangeLabels();
  return <span className={`badge side-${side}`}>{x.side(side)}</span>;
}

export function StatusBadge({ status }: { status: Listing['status'] }) {
  const x = useExchangeLabels();
  return <span className={`badge listing-${status}`}>{x.status(status)}</span>;
}

export function VisibilityBadge({ visibility }: { visibility: Listing['visibility'] }) {
  const x = useExchangeLabels();
  const t = useT(exchangeDict);
  return (
    <span className={`badge vis-${visibility}`} title={t(`visHint:${visibility}`)}>
      {x.visibility(visibility)}
    </span>
  );
}

/** What a listing is about: the material, and the use it serves or is wanted for. */
export function ListingWhat({ listing, taxonomy }: { listing: Listing; taxonomy: Taxonomy }) {
  const t = useT(exchangeDict);
  // a request for a use leads with the use: any material that serves it will do
  const title = listing.materialId
    ? taxonomy.materialName(listing.materialId)
    : taxonomy.nameOfUse(listing.useId);
  const sub = listing.materialId
    ? listing.useId && `→ ${taxonomy.nameOfUse(listing.useId)}`
    : t('anyMaterialSub');
  return (
    <span>
      <a className="strong-link" href={href('marketplace', listing.id)}>
        {title}
      </a>
      {sub && <div className="sub">{sub}</div>}
    </span>
  );
}
