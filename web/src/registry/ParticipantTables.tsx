import { localised, useFormat, useLocale, useT } from '../i18n/index.ts';
import { type Column, DataTable } from '../shell/DataTable.tsx';
import type { Membership, Site } from '../shell/types.ts';
import { registryDict } from './dict.ts';
import { useLabels } from './labels.ts';

/** A participant's sites: name and address, kind, agglomeration, coordinates. */
export function SitesTable({ sites }: { sites: Site[] }) {
  const t = useT(registryDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const name = (s: Site) => localised(locale, s.name, s.nameEn);
  const labels = useLabels();
  const where = (s: Site) =>
    s.inRegion ? labels.agglomeration(s.agglomeration) : t('outsideRegion');
  const columns: Array<Column<Site>> = [
    {
      key: 'name',
      header: t('siteName'),
      cell: (s) => (
        <>
          {name(s)}
          {s.address && <div className="sub">{localised(locale, s.address, s.addressEn)}</div>}
          {s.closedOn && <div className="sub">{t('closedOn', { date: fmt.date(s.closedOn) })}</div>}
        </>
      ),
      sortValue: name,
    },
    {
      key: 'kind',
      header: t('siteKind'),
      cell: (s) => labels.siteKind(s.kind),
      sortValue: (s) => labels.siteKind(s.kind),
    },
    { key: 'agglomeration', header: t('siteAgg'), cell: where, sortValue: where },
    {
      key: 'coordinates',
      header: t('siteCoords'),
      numeric: true,
      className: 'mono',
      cell: (s) => fmt.latLon(s.lat, s.lon),
      // north to south
      sortValue: (s) => s.lat,
    },
  ];
  return (
    <DataTable
      rows={sites}
      columns={columns}
      rowKey={(s) => s.id}
      rowProps={(s) => ({ className: s.closedOn ? 'row-muted' : undefined })}
      cards
    />
  );
}

/** A participant's memberships of the cluster: role, from, to, note. */
export function MembershipsTable({ memberships }: { memberships: Membership[] }) {
  const t = useT(registryDict);
  const { locale } = useLocale();
  const fmt = useFormat();
  const labels = useLabels();
  const columns: Array<Column<Membership>> = [
    {
      key: 'role',
      header: t('colRole'),
      cell: (m) => <span className={`badge role-${m.role}`}>{labels.role(m.role)}</span>,
      sortValue: (m) => labels.role(m.role),
    },
    {
      key: 'joined',
      header: t('joinedOn'),
      className: 'nowrap',
      cell: (m) => fmt.date(m.joinedOn),
      sortValue: (m) => m.joinedOn,
    },
    {
      key: 'left',
      header: t('leftOn'),
      className: 'nowrap',
      cell: (m) => (m.leftOn ? fmt.date(m.leftOn) : t('current')),
      sortValue: (m) => m.leftOn,
    },
    {
      key: 'note',
      header: t('note'),
      cell: (m) => (m.note ? localised(locale, m.note, m.noteEn) : ''),
      sortValue: (m) => (m.note ? localised(locale, m.note, m.noteEn) : null),
    },
  ];
  return <DataTable rows={memberships} columns={columns} rowKey={(m) => m.id} cards />;
}
