import { useFormat, useT } from '../i18n/index.ts';
import { type Column, DataTable } from '../shell/DataTable.tsx';
import { nameSortKey } from '../shell/sort.ts';
import type { Listing } from '../shell/types.ts';
import {
  Holder,
  LegalStatusCell,
  ListingWhat,
  QualitySummary,
  SideBadge,
  StatusBadge,
  VisibilityBadge,
} from './bits.tsx';
import { exchangeDict } from './dict.ts';
import { useExchangeLabels } from './labels.ts';
import type { Taxonomy } from './taxonomy.ts';

/** The marketplace's listings, sortable by each column that has an order. */
export function ListingsTable({ rows, tx }: { rows: Listing[]; tx: Taxonomy }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  const what = (l: Listing) =>
    l.materialId ? tx.materialName(l.materialId) : tx.nameOfUse(l.useId);
  const columns: Array<Column<Listing>> = [
    {
      key: 'side',
      header: t('colSide'),
      cell: (l) => <SideBadge side={l.side} />,
      sortValue: (l) => x.side(l.side),
    },
    {
      key: 'what',
      header: t('colWhat'),
      cell: (l) => <ListingWhat listing={l} taxonomy={tx} />,
      sortValue: what,
    },
    {
      key: 'quantity',
      header: t('colQuantity'),
      numeric: true,
      className: 'nowrap',
      cell: (l) => x.perYear(l.quantityPerYear, l.unit),
      sortValue: (l) => l.quantityPerYear,
    },
    {
      key: 'quality',
      header: t('colQuality'),
      className: 'hide-narrow',
      cell: (l) => <QualitySummary quality={l.quality} taxonomy={tx} num={fmt.number} />,
      cellProps: () => ({ className: 'quality-cell' }),
    },
    {
      key: 'window',
      header: t('colWindow'),
      className: 'nowrap',
      cell: (l) => (
        <>
          {fmt.date(l.availableFrom)} —<div>{fmt.date(l.availableTo)}</div>
        </>
      ),
      sortValue: (l) => l.availableFrom,
    },
    {
      key: 'legal',
      header: t('colLegal'),
      cell: (l) => <LegalStatusCell listing={l} />,
      sortValue: (l) => (l.legalStatus ? x.legal(l.legalStatus) : null),
    },
    {
      key: 'holder',
      header: t('colHolder'),
      cell: (l) => <Holder listing={l} />,
      sortValue: (l) => (l.holderHidden ? null : nameSortKey(l.organisationName ?? '')),
    },
    {
      key: 'status',
      header: t('colStatus'),
      cell: (l) => (
        <div className="badges">
          <StatusBadge status={l.status} />
          <VisibilityBadge visibility={l.visibility} />
        </div>
      ),
      sortValue: (l) => x.status(l.status),
    },
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(l) => l.id}
      rowProps={(l) => ({ 'data-listing': l.id })}
      className="table listings-table"
      testId="listings-table"
      cards
    />
  );
}
