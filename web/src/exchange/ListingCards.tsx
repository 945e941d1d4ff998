import type { ReactNode } from 'react';
import { provenanceNote, useFormat, useLocale, useT } from '../i18n/index.ts';
import { DataTable } from '../shell/DataTable.tsx';
import type { Listing } from '../shell/types.ts';
import { LegalStatusCell } from './bits.tsx';
import { exchangeDict } from './dict.ts';
import { useExchangeLabels } from './labels.ts';
import { limitText } from './quality.ts';
import type { Taxonomy } from './taxonomy.ts';

/** Where a listing's figure comes from: a source key, an estimate, generated data. */
function Provenance({ listing, field }: { listing: Listing; field: string }) {
  const t = useT(exchangeDict);
  const { locale } = useLocale();
  const p = listing.provenance?.[field];
  if (!p) return null;
  const text = p.kind === 'sourced' ? t('provSourced', { key: p.key ?? '' }) : t(`prov:${p.kind}`);
  return (
    <span className={`prov prov-${p.kind}`} title={provenanceNote(locale, p)}>
      {text}
    </span>
  );
}

/** A listing's terms: quantity, window, money, minimums, transport, legal status. */
export function ListingTerms({ listing: l }: { listing: Listing }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  const prov = (field: string) => <Provenance listing={l} field={field} />;
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
  // what the impact figures rest on: the offer's baseline today, the request's substitute
  if (l.counterfactual !== undefined)
    rows.push([t('fCounterfactual'), x.counterfactual(l.counterfactual), 'counterfactual']);
  if (l.supplierCostKopecksPerUnit !== undefined)
    rows.push([
      t('fSupplierCost'),
      x.kopecksPerUnit(l.supplierCostKopecksPerUnit, l.unit),
      'supplierCostKopecksPerUnit',
    ]);
  if (l.salePriceKopecksPerUnit !== undefined)
    rows.push([
      t('fSalePrice'),
      x.kopecksPerUnit(l.salePriceKopecksPerUnit, l.unit),
      'salePriceKopecksPerUnit',
    ]);
  if (l.substitute !== undefined)
    rows.push([t('fSubstitute'), x.substitute(l.substitute), 'substitute']);
  if (l.priceKopecksPerUnit !== undefined)
    rows.push([
      t('fPrice'),
      x.kopecksPerUnit(l.priceKopecksPerUnit, l.unit),
      'priceKopecksPerUnit',
    ]);
  if (l.priceCalorificKcalPerKg !== undefined)
    rows.push([
      t('fPriceCalorific'),
      fmt.integer(l.priceCalorificKcalPerKg),
      'priceCalorificKcalPerKg',
    ]);
  if (l.mustShipMin) rows.push([t('fMustShip'), x.perYear(l.mustShipMin, l.unit)]);
  if (l.mustTakeMin) rows.push([t('fMustTake'), x.perYear(l.mustTakeMin, l.unit)]);
  rows.push([t('fModes'), l.transportModes.map(x.mode).join(', ')]);
  if (l.maxDistanceKm !== undefined) rows.push([t('fMaxDistance'), fmt.number(l.maxDistanceKm)]);

  return (
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
              {/* the entry's name is the catalogue's, Russian in either language; its form and block in English are ours */}
              <span>
                <span className="mono">{l.fkkoEntry.code}</span> —{' '}
                <span lang="ru">{l.fkkoEntry.name}</span>
                <div className="sub">
                  {x.hazard(l.fkkoEntry.hazardClass)} · {x.fkkoState(l.fkkoEntry)} ·{' '}
                  {x.fkkoBlock(l.fkkoEntry)}
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
  );
}

/** A listing's quality passport: measured values (an offer) or limits (a request). */
export function ListingPassport({ listing: l, tx }: { listing: Listing; tx: Taxonomy }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  const prov = (field: string) => <Provenance listing={l} field={field} />;
  return (
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
  );
}
