import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { type Column, DataTable } from '../shell/DataTable.tsx';
import { href } from '../shell/router.ts';
import { nameSortKey } from '../shell/sort.ts';
import type { Organisation } from '../shell/types.ts';
import { registryDict } from './dict.ts';
import { kindColours, regionName, useLabels } from './labels.ts';
import { orgName } from './names.ts';

/** The directory: name, kind, role, region, staff and status, each column sortable. */
export function ParticipantsTable({ rows }: { rows: Organisation[] }) {
  const t = useT(registryDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const labels = useLabels();
  const columns: Array<Column<Organisation>> = [
    {
      key: 'name',
      header: t('colName'),
      cell: (o) => (
        <>
          <a className="strong-link" href={href('participants', o.id)}>
            {orgName(o, locale)}
          </a>
          {locale === 'ru' && o.nameEn && <div className="sub">{o.nameEn}</div>}
        </>
      ),
      // «АО «Шахта»» under «Ш»: the legal form and quotes do not count
      sortValue: (o) => nameSortKey(orgName(o, locale)),
    },
    {
      key: 'kind',
      header: t('colKind'),
      cell: (o) => (
        <span className="kind">
          <span className="dot" style={{ background: kindColours[o.kind] }} />
          {labels.kind(o.kind)}
        </span>
      ),
      sortValue: (o) => labels.kind(o.kind),
    },
    {
      key: 'role',
      header: t('colRole'),
      cell: (o) =>
        o.role ? <span className={`badge role-${o.role}`}>{labels.role(o.role)}</span> : '—',
      sortValue: (o) => (o.role ? labels.role(o.role) : null),
    },
    {
      key: 'region',
      header: t('colRegion'),
      className: 'hide-narrow region-cell',
      cell: (o) => regionName(o.region, locale),
      sortValue: (o) => regionName(o.region, locale),
    },
    {
      key: 'employees',
      header: t('colEmployees'),
      numeric: true,
      cell: (o) => fmt.integer(o.employees),
      sortValue: (o) => o.employees,
    },
    {
      key: 'status',
      header: t('colStatus'),
      cell: (o) => <span className={`badge status-${o.status}`}>{labels.status(o.status)}</span>,
      sortValue: (o) => labels.status(o.status),
    },
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(o) => o.id}
      rowProps={(o) => ({ 'data-organisation': o.id })}
      testId="participants-table"
      cards
    />
  );
}
