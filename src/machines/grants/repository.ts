// All SQL of device grants and their usage log (tables machines_grant, machines_grant_usage).
import type { Selectable } from 'kysely';
import type { Reader, Tx } from '../../store/index.ts';
import type { Grant, GrantUsage, ListedGrant } from './schema.ts';

export interface MachinesGrantTable {
  id: string;
  device_id: string;
  owner_organisation_id: string;
  grantee_organisation_id: string;
  /** JSON array of keys */
  keys: string;
  valid_from: string;
  valid_to: string;
  purpose: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface MachinesGrantUsageTable {
  id: string;
  grant_id: string;
  reader_id: string;
  reader_organisation_id: string;
  read: 'telemetry' | 'latest';
  key: string;
  range_from: string | null;
  range_to: string | null;
  points: number;
  at: string;
}

declare module '../../store/database.ts' {
  interface Database {
    machines_grant: MachinesGrantTable;
    machines_grant_usage: MachinesGrantUsageTable;
  }
}

type GrantRow = Selectable<MachinesGrantTable>;

export const grantFromRow = (r: GrantRow): Grant => ({
  id: r.id,
  deviceId: r.device_id,
  ownerOrganisationId: r.owner_organisation_id,
  granteeOrganisationId: r.grantee_organisation_id,
  keys: JSON.parse(r.keys) as string[],
  from: r.valid_from,
  to: r.valid_to,
  purpose: r.purpose,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

export const grantToRow = (g: Grant): MachinesGrantTable => ({
  id: g.id,
  device_id: g.deviceId,
  owner_organisation_id: g.ownerOrganisationId,
  grantee_organisation_id: g.granteeOrganisationId,
  keys: JSON.stringify(g.keys),
  valid_from: g.from,
  valid_to: g.to,
  purpose: g.purpose,
  created_at: g.createdAt,
  created_by: g.createdBy,
  revoked_at: g.revokedAt,
  revoked_by: g.revokedBy,
});

export async function insertGrant(tx: Tx, g: Grant): Promise<void> {
  await tx.db.insertInto('machines_grant').values(grantToRow(g)).execute();
}

export async function markRevoked(tx: Tx, id: string, at: string, by: string): Promise<void> {
  await tx.db
    .updateTable('machines_grant')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .execute();
}

export async function grantById(reader: Reader, id: string): Promise<Grant | undefined> {
  const r = await reader.db
    .selectFrom('machines_grant')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r && grantFromRow(r);
}

export async function grantExists(reader: Reader, id: string): Promise<boolean> {
  return !!(await reader.db
    .selectFrom('machines_grant')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst());
}

/** A device's grants, newest first; with `grantee`, only those to that organisation. */
export async function grantsOfDevice(
  reader: Reader,
  deviceId: string,
  grantee?: string,
): Promise<Grant[]> {
  let q = reader.db
    .selectFrom('machines_grant')
    .selectAll()
    .where('device_id', '=', deviceId)
    .orderBy('created_at', 'desc')
    .orderBy('id');
  if (grantee) q = q.where('grantee_organisation_id', '=', grantee);
  return (await q.execute()).map(grantFromRow);
}

/**
 * Grants an organisation gave (as owner) and/or received (as grantee), newest first, each with
 * its device's name and profile.
 */
export async function grantsOfOrganisation(
  reader: Reader,
  organisationId: string,
  role: 'given' | 'received' | 'both',
): Promise<ListedGrant[]> {
  const rows = await reader.db
    .selectFrom('machines_grant as g')
    .innerJoin('machines_device as d', 'd.id', 'g.device_id')
    .selectAll('g')
    .select(['d.name as device_name', 'd.profile_id as device_profile_id'])
    .where((eb) =>
      role === 'given'
        ? eb('g.owner_organisation_id', '=', organisationId)
        : role === 'received'
          ? eb('g.grantee_organisation_id', '=', organisationId)
          : eb.or([
              eb('g.owner_organisation_id', '=', organisationId),
              eb('g.grantee_organisation_id', '=', organisationId),
            ]),
    )
    .orderBy('g.created_at', 'desc')
    .orderBy('g.id')
    .execute();
  return rows.map(({ device_name, device_profile_id, ...r }) => ({
    ...grantFromRow(r),
    deviceName: device_name,
    deviceProfileId: device_profile_id,
  }));
}

/** Device ids that have a grant (revoked or not) to the organisation. */
export async function devicesSharedWith(reader: Reader, organisationId: string): Promise<string[]> {
  const rows = await reader.db
    .selectFrom('machines_grant')
    .select('device_id')
    .distinct()
    .where('grantee_organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((r) => r.device_id);
}

export async function insertUsage(reader: Reader, rows: GrantUsage[]): Promise<void> {
  if (!rows.length) return;
  await reader.db
    .insertInto('machines_grant_usage')
    .values(
      rows.map((u) => ({
        id: u.id,
        grant_id: u.grantId,
        reader_id: u.readerId,
        reader_organisation_id: u.readerOrganisationId,
        read: u.read,
        key: u.key,
        range_from: u.from,
        range_to: u.to,
        points: u.points,
        at: u.at,
      })),
    )
    .execute();
}

export async function usageOf(
  reader: Reader,
  grantId: string,
  limit: number,
): Promise<GrantUsage[]> {
  const rows = await reader.db
    .selectFrom('machines_grant_usage')
    .selectAll()
    .where('grant_id', '=', grantId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    grantId: r.grant_id,
    readerId: r.reader_id,
    readerOrganisationId: r.reader_organisation_id,
    read: r.read,
    key: r.key,
    from: r.range_from,
    to: r.range_to,
    points: Number(r.points),
    at: r.at,
  }));
}
