import type { Selectable } from 'kysely';
import type { Reader } from '../store/index.ts';
import type {
  Application,
  Material,
  MaterialUse,
  Membership,
  Organisation,
  QualityProperty,
  Site,
} from './schema.ts';

// --- the registry's tables, as Kysely sees them (timestamps are ISO-8601 text on both dialects) ---

export interface OrganisationTable {
  id: string;
  name: string;
  name_en: string | null;
  kind: string;
  inn: string;
  ogrn: string;
  kpp: string | null;
  okved: string;
  region: string;
  employees: number;
  knowledge_workers: number;
  website: string | null;
  description: string | null;
  modelled_on: string | null;
  identifiers_generated: number;
  provenance: string;
  status: string;
  created_at: string;
}

export interface SiteTable {
  id: string;
  organisation_id: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  address: string | null;
  agglomeration: string | null;
  nearest_city: string | null;
  in_region: number;
  closed_on: string | null;
}

export interface MembershipTable {
  id: string;
  organisation_id: string;
  role: string;
  joined_on: string;
  left_on: string | null;
  note: string | null;
}

export interface ApplicationTable {
  id: string;
  organisation_id: string;
  requested_role: string;
  motivation: string | null;
  status: string;
  submitted_at: string;
  decided_at: string | null;
  decision_note: string | null;
}

export interface MaterialTable {
  id: string;
  name_ru: string;
  name_en: string;
  category: string;
  unit: string;
  waste: number;
  fkko: string;
  ewc: string;
  properties: string;
  uses: string;
  note: string | null;
}

export interface QualityPropertyTable {
  id: string;
  name_ru: string;
  name_en: string;
  symbol: string;
  unit: string;
}

export interface MaterialUseTable {
  id: string;
  name_ru: string;
  name_en: string;
}

export interface UserTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  status: string;
  password_hash: string | null;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface InvitationTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface ApiKeyTable {
  id: string;
  organisation_id: string;
  created_by: string;
  name: string;
  role: string;
  prefix: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

declare module '../store/database.ts' {
  interface Database {
    organisation: OrganisationTable;
    site: SiteTable;
    membership: MembershipTable;
    application: ApplicationTable;
    material: MaterialTable;
    quality_property: QualityPropertyTable;
    material_use: MaterialUseTable;
    app_user: UserTable;
    session: SessionTable;
    invitation: InvitationTable;
    api_key: ApiKeyTable;
  }
}

const orNull = <T>(v: T | undefined) => (v === undefined ? null : v);
const orUndef = <T>(v: T | null) => (v === null ? undefined : v);

export function organisationFromRow(
  r: Selectable<OrganisationTable>,
  role: string | null,
): Organisation {
  return {
    id: r.id,
    name: r.name,
    nameEn: orUndef(r.name_en),
    kind: r.kind as Organisation['kind'],
    inn: r.inn,
    ogrn: r.ogrn,
    kpp: orUndef(r.kpp),
    okved: r.okved,
    region: r.region,
    employees: Number(r.employees),
    knowledgeWorkers: Number(r.knowledge_workers),
    website: orUndef(r.website),
    description: orUndef(r.description),
    modelledOn: orUndef(r.modelled_on),
    identifiersGenerated: Number(r.identifiers_generated) === 1,
    provenance: JSON.parse(r.provenance),
    status: r.status as Organisation['status'],
    role: role as Organisation['role'],
    createdAt: r.created_at,
  };
}

export function organisationToRow(o: Omit<Organisation, 'role'>): OrganisationTable {
  return {
    id: o.id,
    name: o.name,
    name_en: orNull(o.nameEn),
    kind: o.kind,
    inn: o.inn,
    ogrn: o.ogrn,
    kpp: orNull(o.kpp),
    okved: o.okved,
    region: o.region,
    employees: o.employees,
    knowledge_workers: o.knowledgeWorkers,
    website: orNull(o.website),
    description: orNull(o.description),
    modelled_on: orNull(o.modelledOn),
    identifiers_generated: o.identifiersGenerated ? 1 : 0,
    provenance: JSON.stringify(o.provenance ?? {}),
    status: o.status,
    created_at: o.createdAt,
  };
}

export function siteFromRow(r: Selectable<SiteTable>): Site {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    kind: r.kind as Site['kind'],
    lat: Number(r.lat),
    lon: Number(r.lon),
    address: orUndef(r.address),
    agglomeration: r.agglomeration as Site['agglomeration'],
    nearestCity: r.nearest_city,
    inRegion: Number(r.in_region) === 1,
    closedOn: r.closed_on,
  };
}

export function membershipFromRow(r: Selectable<MembershipTable>): Membership {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    role: r.role as Membership['role'],
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    note: orUndef(r.note),
  };
}

export function applicationFromRow(
  r: Selectable<ApplicationTable> & { organisation_name: string },
  contact?: { name: string; email: string },
): Application {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    contactName: contact?.name ?? null,
    contactEmail: contact?.email ?? null,
    requestedRole: r.requested_role as Application['requestedRole'],
    motivation: r.motivation,
    status: r.status as Application['status'],
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
  };
}

export function materialFromRow(r: Selectable<MaterialTable>): Material {
  return {
    id: r.id,
    name: { ru: r.name_ru, en: r.name_en },
    category: r.category as Material['category'],
    unit: r.unit as Material['unit'],
    waste: Number(r.waste) === 1,
    fkko: JSON.parse(r.fkko),
    ewc: JSON.parse(r.ewc),
    properties: JSON.parse(r.properties),
    uses: JSON.parse(r.uses),
    note: orUndef(r.note),
  };
}

export function materialToRow(m: Material): MaterialTable {
  return {
    id: m.id,
    name_ru: m.name.ru,
    name_en: m.name.en,
    category: m.category,
    unit: m.unit,
    waste: m.waste ? 1 : 0,
    fkko: JSON.stringify(m.fkko ?? []),
    ewc: JSON.stringify(m.ewc ?? []),
    properties: JSON.stringify(m.properties ?? []),
    uses: JSON.stringify(m.uses ?? []),
    note: orNull(m.note),
  };
}

export interface OrganisationFilter {
  q?: string;
  kind?: string;
  region?: string;
  agglomeration?: string;
  role?: string;
  status?: string;
}

/** Current role per organisation: the membership without an end date. */
async function currentRoles(reader: Reader): Promise<Map<string, string>> {
  const rows = await reader.db
    .selectFrom('membership')
    .select(['organisation_id', 'role'])
    .where('left_on', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.organisation_id, r.role]));
}

export async function findOrganisations(
  reader: Reader,
  f: OrganisationFilter = {},
): Promise<Organisation[]> {
  let q = reader.db.selectFrom('organisation').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.region) q = q.where('region', '=', f.region);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.agglomeration) {
    const agg = f.agglomeration;
    q = q.where(
      'id',
      'in',
      reader.db.selectFrom('site').select('organisation_id').where('agglomeration', '=', agg),
    );
  }
  const [rows, roles] = await Promise.all([q.execute(), currentRoles(reader)]);
  const needle = f.q?.trim().toLowerCase();
  return rows
    .map((r) => organisationFromRow(r, roles.get(r.id) ?? null))
    .filter((o) => !f.role || o.role === f.role)
    .filter(
      (o) =>
        !needle ||
        [o.name, o.nameEn, o.inn, o.ogrn, o.id, o.description].some((v) =>
          v?.toLowerCase().includes(needle),
        ),
    )
    .sort(byName);
}

/** Russian collation in code, so SQLite and PostgreSQL list names in the same order. */
const collator = new Intl.Collator('ru');
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);

export async function findOrganisation(
  reader: Reader,
  id: string,
): Promise<Organisation | undefined> {
  const row = await reader.db
    .selectFrom('organisation')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const m = await reader.db
    .selectFrom('membership')
    .select('role')
    .where('organisation_id', '=', id)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return organisationFromRow(row, m?.role ?? null);
}

export async function findSites(
  reader: Reader,
  f: { organisationId?: string; agglomeration?: string } = {},
): Promise<Site[]> {
  let q = reader.db.selectFrom('site').selectAll().orderBy('organisation_id').orderBy('name');
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.agglomeration) q = q.where('agglomeration', '=', f.agglomeration);
  return (await q.execute()).map(siteFromRow);
}

export async function findSite(reader: Reader, id: string): Promise<Site | undefined> {
  const r = await reader.db.selectFrom('site').selectAll().where('id', '=', id).executeTakeFirst();
  return r && siteFromRow(r);
}

export async function findMemberships(
  reader: Reader,
  organisationId?: string,
): Promise<Membership[]> {
  let q = reader.db
    .selectFrom('membership')
    .selectAll()
    .orderBy('organisation_id')
    .orderBy('joined_on');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return (await q.execute()).map(membershipFromRow);
}

export async function findApplications(
  reader: Reader,
  status?: string,
  id?: string,
): Promise<Application[]> {
  let q = reader.db
    .selectFrom('application')
    .innerJoin('organisation', 'organisation.id', 'application.organisation_id')
    .selectAll('application')
    .select('organisation.name as organisation_name')
    .orderBy('submitted_at');
  if (status) q = q.where('application.status', '=', status);
  if (id) q = q.where('application.id', '=', id);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  // The contact is the applicant's first user: the admin named in the application.
  const people = await reader.db
    .selectFrom('app_user')
    .select(['organisation_id', 'name', 'email', 'created_at'])
    .where(
      'organisation_id',
      'in',
      rows.map((r) => r.organisation_id),
    )
    .orderBy('created_at')
    .execute();
  const contact = new Map<string, { name: string; email: string }>();
  for (const u of people) if (!contact.has(u.organisation_id)) contact.set(u.organisation_id, u);
  return rows.map((r) => applicationFromRow(r, contact.get(r.organisation_id)));
}

export async function findMaterials(reader: Reader): Promise<Material[]> {
  return (await reader.db.selectFrom('material').selectAll().orderBy('id').execute()).map(
    materialFromRow,
  );
}

export async function findProperties(reader: Reader): Promise<QualityProperty[]> {
  const rows = await reader.db.selectFrom('quality_property').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: { ru: r.name_ru, en: r.name_en },
    symbol: r.symbol,
    unit: r.unit,
  }));
}

export async function findUses(reader: Reader): Promise<MaterialUse[]> {
  const rows = await reader.db.selectFrom('material_use').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: { ru: r.name_ru, en: r.name_en } }));
}
