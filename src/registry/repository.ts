// The registry's SQL, all of it: its tables' types, the reads, and every write its services make.
import type { Selectable } from 'kysely';
import type { UserRole } from '../model/index.ts';
import type { Reader, Tx } from '../store/index.ts';
import type { Placement } from './engine/index.ts';
import type {
  ApiKey,
  Application,
  Material,
  MaterialUse,
  Membership,
  Organisation,
  QualityProperty,
  Site,
  SpecialTerritory,
  Taxonomy,
  User,
  WasteLicence,
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
  description_en: string | null;
  modelled_on_en: string | null;
  identifiers_generated: number;
  provenance: string;
  vat_regime: string;
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
  name_en: string | null;
  address_en: string | null;
  agglomeration: string | null;
  nearest_city: string | null;
  in_region: number;
  closed_on: string | null;
  monotown: number;
  special_territory_kind: string | null;
  special_territory_name: string | null;
  /** Provenance as JSON */
  territory_provenance: string | null;
}

export interface MembershipTable {
  id: string;
  organisation_id: string;
  role: string;
  joined_on: string;
  left_on: string | null;
  note: string | null;
  note_en: string | null;
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
  /** when the applicant consented to personal-data processing (152-FZ); null before it was asked */
  consented_at: string | null;
  /** the role granted on admission */
  granted_role: string | null;
}

/** A status link: only the token's sha256 is kept. No application: a link given for a duplicate (F8). */
export interface ApplicationStatusTokenTable {
  token_hash: string;
  application_id: string | null;
  organisation_name: string;
  submitted_at: string;
  duplicate_email?: string | null;
  duplicate_password_hash?: string | null;
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

/** An operator-issued password-reset link: only the token's sha256 is stored. */
export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
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

/** A waste licence: its full state as JSON (`data`), with the columns the reads filter by. */
export interface WasteLicenceTable {
  id: string;
  organisation_id: string;
  number: string;
  removed_on: string | null;
  data: string;
}

declare module '../store/database.ts' {
  interface Database {
    waste_licence: WasteLicenceTable;
    organisation: OrganisationTable;
    site: SiteTable;
    membership: MembershipTable;
    application: ApplicationTable;
    application_status_token: ApplicationStatusTokenTable;
    material: MaterialTable;
    quality_property: QualityPropertyTable;
    material_use: MaterialUseTable;
    app_user: UserTable;
    session: SessionTable;
    invitation: InvitationTable;
    password_reset: PasswordResetTable;
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
    descriptionEn: orUndef(r.description_en),
    modelledOnEn: orUndef(r.modelled_on_en),
    identifiersGenerated: Number(r.identifiers_generated) === 1,
    provenance: JSON.parse(r.provenance),
    vatRegime: r.vat_regime as Organisation['vatRegime'],
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
    description_en: orNull(o.descriptionEn),
    modelled_on_en: orNull(o.modelledOnEn),
    identifiers_generated: o.identifiersGenerated ? 1 : 0,
    provenance: JSON.stringify(o.provenance ?? {}),
    vat_regime: o.vatRegime ?? 'general',
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
    nameEn: orUndef(r.name_en),
    addressEn: orUndef(r.address_en),
    agglomeration: r.agglomeration as Site['agglomeration'],
    nearestCity: r.nearest_city,
    inRegion: Number(r.in_region) === 1,
    closedOn: r.closed_on,
    monotown: Number(r.monotown) === 1,
    specialTerritory:
      r.special_territory_kind && r.special_territory_name
        ? {
            kind: r.special_territory_kind as SpecialTerritory['kind'],
            name: r.special_territory_name,
          }
        : null,
    territoryProvenance: r.territory_provenance
      ? (JSON.parse(r.territory_provenance) as Site['territoryProvenance'])
      : null,
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
    noteEn: orUndef(r.note_en),
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
    grantedRole: r.granted_role as Application['grantedRole'],
    consentedAt: r.consented_at,
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

/** Names of the given organisations, by id (for reads that show holders beside their records). */
export async function organisationNames(
  reader: Reader,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await reader.db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findSitesById(reader: Reader, ids: readonly string[]): Promise<Site[]> {
  if (ids.length === 0) return [];
  const rows = await reader.db
    .selectFrom('site')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(siteFromRow);
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

export function userFromRow(r: UserTable): User {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    email: r.email,
    name: r.name,
    role: r.role as UserRole,
    locale: r.locale as User['locale'],
    status: r.status as User['status'],
    createdAt: r.created_at,
  };
}

export function apiKeyFromRow(r: ApiKeyTable): ApiKey {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    role: r.role as ApiKey['role'],
    prefix: r.prefix,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/** A site's row: its own fields plus where it lies (derived by `placeSite`). */
export function siteToRow(
  s: Pick<
    Site,
    | 'id'
    | 'organisationId'
    | 'name'
    | 'nameEn'
    | 'kind'
    | 'lat'
    | 'lon'
    | 'address'
    | 'addressEn'
    | 'closedOn'
  > &
    Partial<Pick<Site, 'monotown' | 'specialTerritory' | 'territoryProvenance'>>,
  place: Placement,
): SiteTable {
  return {
    id: s.id,
    organisation_id: s.organisationId,
    name: s.name,
    kind: s.kind,
    lat: s.lat,
    lon: s.lon,
    address: s.address ?? null,
    // an empty English name is none: the pages fall back to the Russian one
    name_en: s.nameEn || null,
    address_en: s.addressEn ?? null,
    agglomeration: place.agglomeration,
    nearest_city: place.nearestCity,
    in_region: place.inRegion ? 1 : 0,
    closed_on: s.closedOn,
    monotown: s.monotown ? 1 : 0,
    special_territory_kind: s.specialTerritory?.kind ?? null,
    special_territory_name: s.specialTerritory?.name ?? null,
    territory_provenance: s.territoryProvenance ? JSON.stringify(s.territoryProvenance) : null,
  };
}

// --- writes and the reads that guard them: organisations ---

export async function organisationExists(reader: Reader, id: string): Promise<boolean> {
  return !!(await reader.db
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst());
}

/** Whether another organisation holds this INN or OGRN. */
export async function identifierTaken(
  reader: Reader,
  key: 'inn' | 'ogrn',
  value: string,
  exceptId?: string,
): Promise<boolean> {
  let q = reader.db.selectFrom('organisation').select('id').where(key, '=', value);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

/** The organisation holding an INN or OGRN, with its status (for what may be said of it). */
export async function identifierOwner(
  reader: Reader,
  key: 'inn' | 'ogrn',
  value: string,
): Promise<{ id: string; status: string } | undefined> {
  return reader.db
    .selectFrom('organisation')
    .select(['id', 'status'])
    .where(key, '=', value)
    .executeTakeFirst();
}

export async function allIdentifiers(
  reader: Reader,
): Promise<Array<{ id: string; inn: string; ogrn: string }>> {
  return reader.db.selectFrom('organisation').select(['id', 'inn', 'ogrn']).execute();
}

export async function insertOrganisation(tx: Tx, row: OrganisationTable): Promise<void> {
  await tx.db.insertInto('organisation').values(row).execute();
}

export async function updateOrganisation(tx: Tx, row: OrganisationTable): Promise<void> {
  await tx.db.updateTable('organisation').set(row).where('id', '=', row.id).execute();
}

export async function setOrganisationStatus(tx: Tx, id: string, status: string): Promise<void> {
  await tx.db.updateTable('organisation').set({ status }).where('id', '=', id).execute();
}

export async function organisationStatus(
  reader: Reader,
  id: string,
): Promise<{ status: string; createdAt: string; vatRegime: string } | undefined> {
  const r = await reader.db
    .selectFrom('organisation')
    .select(['status', 'created_at', 'vat_regime'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { status: r.status, createdAt: r.created_at, vatRegime: r.vat_regime };
}

// --- sites ---

export async function insertSite(tx: Tx, row: SiteTable): Promise<void> {
  await tx.db.insertInto('site').values(row).execute();
}

export async function updateSite(tx: Tx, row: SiteTable): Promise<void> {
  await tx.db.updateTable('site').set(row).where('id', '=', row.id).execute();
}

export async function siteOwners(reader: Reader): Promise<Map<string, string>> {
  const rows = await reader.db.selectFrom('site').select(['id', 'organisation_id']).execute();
  return new Map(rows.map((r) => [r.id, r.organisation_id]));
}

// --- memberships ---

export async function openMembershipId(
  reader: Reader,
  organisationId: string,
): Promise<string | undefined> {
  const r = await reader.db
    .selectFrom('membership')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return r?.id;
}

export async function findMembership(reader: Reader, id: string): Promise<Membership | undefined> {
  const r = await reader.db
    .selectFrom('membership')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r && membershipFromRow(r);
}

export function membershipToRow(m: Membership): MembershipTable {
  return {
    id: m.id,
    organisation_id: m.organisationId,
    role: m.role,
    joined_on: m.joinedOn,
    left_on: m.leftOn,
    note: m.note ?? null,
    note_en: m.noteEn ?? null,
  };
}

export async function insertMembership(tx: Tx, m: Membership): Promise<void> {
  await tx.db.insertInto('membership').values(membershipToRow(m)).execute();
}

export async function updateMembership(tx: Tx, m: Membership): Promise<void> {
  await tx.db.updateTable('membership').set(membershipToRow(m)).where('id', '=', m.id).execute();
}

/** The organisations with an open membership: organisation id → membership id. */
export async function openMemberships(reader: Reader): Promise<Map<string, string>> {
  const rows = await reader.db
    .selectFrom('membership')
    .select(['id', 'organisation_id'])
    .where('left_on', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.organisation_id, r.id]));
}

// --- applications ---

export async function findApplicationRow(
  reader: Reader,
  id: string,
): Promise<ApplicationTable | undefined> {
  return reader.db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertApplication(tx: Tx, row: ApplicationTable): Promise<void> {
  await tx.db.insertInto('application').values(row).execute();
}

export async function decideApplicationRow(
  tx: Tx,
  id: string,
  decision: { status: string; decidedAt: string; note: string | null; grantedRole?: string },
): Promise<void> {
  await tx.db
    .updateTable('application')
    .set({
      status: decision.status,
      decided_at: decision.decidedAt,
      decision_note: decision.note,
      granted_role: decision.grantedRole ?? null,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertStatusToken(tx: Tx, row: ApplicationStatusTokenTable): Promise<void> {
  await tx.db.insertInto('application_status_token').values(row).execute();
}

export async function statusTokenRow(
  reader: Reader,
  tokenHash: string,
): Promise<ApplicationStatusTokenTable | undefined> {
  return reader.db
    .selectFrom('application_status_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Password hashes of duplicate applications (F8) naming this admin e-mail. */
export async function duplicateApplicantHashes(reader: Reader, email: string): Promise<string[]> {
  const rows = await reader.db
    .selectFrom('application_status_token')
    .select('duplicate_password_hash')
    .where('duplicate_email', '=', email)
    .execute();
  return rows.flatMap((r) => (r.duplicate_password_hash ? [r.duplicate_password_hash] : []));
}

/** The id of an organisation's latest application (by submission time). */
export async function latestApplicationId(
  reader: Reader,
  organisationId: string,
): Promise<string | undefined> {
  const r = await reader.db
    .selectFrom('application')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r?.id;
}

/** Users a rejection disabled, waiting again with their organisation's new application. */
export async function reopenDisabledUsers(tx: Tx, organisationId: string): Promise<User[]> {
  const disabled = await tx.db
    .selectFrom('app_user')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'disabled')
    .execute();
  await tx.db
    .updateTable('app_user')
    .set({ status: 'pending' })
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'disabled')
    .execute();
  return disabled.map((r) => userFromRow({ ...r, status: 'pending' }));
}

// --- the material taxonomy ---

export function propertyToRow(p: QualityProperty): QualityPropertyTable {
  return { id: p.id, name_ru: p.name.ru, name_en: p.name.en, symbol: p.symbol, unit: p.unit };
}

/** Replaces the whole taxonomy: properties, uses and materials. */
export async function replaceTaxonomy(tx: Tx, t: Taxonomy): Promise<void> {
  await tx.db.deleteFrom('material').execute();
  await tx.db.deleteFrom('material_use').execute();
  await tx.db.deleteFrom('quality_property').execute();
  for (const p of t.properties)
    await tx.db.insertInto('quality_property').values(propertyToRow(p)).execute();
  for (const u of t.uses)
    await tx.db
      .insertInto('material_use')
      .values({ id: u.id, name_ru: u.name.ru, name_en: u.name.en })
      .execute();
  for (const m of t.materials)
    await tx.db
      .insertInto('material')
      .values(materialToRow(m as Material))
      .execute();
}

export async function replaceMaterial(tx: Tx, m: Material): Promise<void> {
  await tx.db.deleteFrom('material').where('id', '=', m.id).execute();
  await tx.db.insertInto('material').values(materialToRow(m)).execute();
}

// --- users, sessions, invitations, API keys ---

export async function userIdByEmail(reader: Reader, email: string): Promise<string | undefined> {
  const r = await reader.db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return r?.id;
}

export async function userRowByEmail(
  reader: Reader,
  email: string,
): Promise<UserTable | undefined> {
  return reader.db
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function userRow(reader: Reader, id: string): Promise<UserTable | undefined> {
  return reader.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function usersOf(reader: Reader, organisationId: string): Promise<User[]> {
  const rows = await reader.db
    .selectFrom('app_user')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('email')
    .execute();
  return rows.map(userFromRow);
}

export async function insertUser(tx: Tx, row: UserTable): Promise<void> {
  await tx.db.insertInto('app_user').values(row).execute();
}

export async function updateUser(tx: Tx, id: string, set: Partial<UserTable>): Promise<void> {
  await tx.db.updateTable('app_user').set(set).where('id', '=', id).execute();
}

/** Admission or rejection settles the applicant's pending users; returns them as they are now. */
export async function settlePendingUsers(
  tx: Tx,
  organisationId: string,
  status: 'active' | 'disabled',
): Promise<User[]> {
  const pending = await tx.db
    .selectFrom('app_user')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'pending')
    .execute();
  await tx.db
    .updateTable('app_user')
    .set({ status })
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'pending')
    .execute();
  return pending.map((r) => userFromRow({ ...r, status }));
}

export async function insertSession(tx: Tx | Reader, row: SessionTable): Promise<void> {
  await tx.db.insertInto('session').values(row).execute();
}

export async function deleteSession(tx: Tx | Reader, tokenHash: string): Promise<void> {
  await tx.db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** A withdrawn invitation: its links and the user it made, who never joined, are gone. */
export async function deletePendingUser(tx: Tx, userId: string): Promise<void> {
  await tx.db.deleteFrom('invitation').where('user_id', '=', userId).execute();
  await tx.db
    .deleteFrom('app_user')
    .where('id', '=', userId)
    .where('status', '=', 'pending')
    .execute();
}

export async function deleteSessionsOf(tx: Tx, userId: string): Promise<void> {
  await tx.db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** Ends every session of a user but one (the caller's); returns how many ended. */
export async function deleteOtherSessions(
  tx: Tx | Reader,
  userId: string,
  keepTokenHash: string,
): Promise<number> {
  const r = await tx.db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .where('token_hash', '!=', keepTokenHash)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The session with its user and the user's organisation's status, by the token's hash: one query per request. */
export async function sessionUser(
  reader: Reader,
  tokenHash: string,
): Promise<(UserTable & { expires_at: string; organisation_status: string }) | undefined> {
  return reader.db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .selectAll('app_user')
    .select(['session.expires_at', 'organisation.status as organisation_status'])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function insertInvitation(tx: Tx, row: InvitationTable): Promise<void> {
  await tx.db.insertInto('invitation').values(row).execute();
}

export async function invitationByToken(
  reader: Reader,
  tokenHash: string,
): Promise<InvitationTable | undefined> {
  return reader.db
    .selectFrom('invitation')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markInvitationAccepted(tx: Tx, tokenHash: string, at: string): Promise<void> {
  await tx.db
    .updateTable('invitation')
    .set({ accepted_at: at })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function insertPasswordReset(tx: Tx, row: PasswordResetTable): Promise<void> {
  await tx.db.insertInto('password_reset').values(row).execute();
}

export async function passwordResetByToken(
  reader: Reader,
  tokenHash: string,
): Promise<PasswordResetTable | undefined> {
  return reader.db
    .selectFrom('password_reset')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks a reset link used; returns false when it already was (a parallel use lost). */
export async function markPasswordResetUsed(
  tx: Tx,
  tokenHash: string,
  at: string,
): Promise<boolean> {
  const r = await tx.db
    .updateTable('password_reset')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A new link replaces the user's earlier unused ones: only the latest works. */
export async function retirePasswordResetsOf(tx: Tx, userId: string, at: string): Promise<void> {
  await tx.db
    .updateTable('password_reset')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

export async function insertApiKey(tx: Tx, row: ApiKeyTable): Promise<void> {
  await tx.db.insertInto('api_key').values(row).execute();
}

export async function apiKeysOf(reader: Reader, organisationId: string): Promise<ApiKey[]> {
  const rows = await reader.db
    .selectFrom('api_key')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .execute();
  return rows.map(apiKeyFromRow);
}

export async function apiKeyRow(reader: Reader, id: string): Promise<ApiKeyTable | undefined> {
  return reader.db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function apiKeyRowByHash(
  reader: Reader,
  keyHash: string,
): Promise<ApiKeyTable | undefined> {
  return reader.db
    .selectFrom('api_key')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
}

export async function revokeApiKeyRow(tx: Tx, id: string, at: string): Promise<void> {
  await tx.db.updateTable('api_key').set({ revoked_at: at }).where('id', '=', id).execute();
}

/**
 * Whom a counterparty writes to: the organisation's first active admin (by when the account
 * was made), name and e-mail; null when it has none. Other modules show it once both sides of
 * an exchange have agreed.
 */
export async function organisationContact(
  reader: Reader,
  organisationId: string,
): Promise<{ name: string; email: string } | null> {
  const row = await reader.db
    .selectFrom('app_user')
    .select(['name', 'email'])
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'org_admin')
    .where('status', '=', 'active')
    .orderBy('created_at')
    .orderBy('email')
    .executeTakeFirst();
  return row ? { name: row.name, email: row.email } : null;
}

// --- waste licences ---

export function licenceToRow(l: WasteLicence): WasteLicenceTable {
  return {
    id: l.id,
    organisation_id: l.organisationId,
    number: l.number,
    removed_on: l.removedOn,
    data: JSON.stringify(l),
  };
}

export async function insertLicence(tx: Tx, row: WasteLicenceTable): Promise<void> {
  await tx.db.insertInto('waste_licence').values(row).execute();
}

export async function updateLicence(tx: Tx, row: WasteLicenceTable): Promise<void> {
  await tx.db.updateTable('waste_licence').set(row).where('id', '=', row.id).execute();
}

export async function findLicence(reader: Reader, id: string): Promise<WasteLicence | undefined> {
  const r = await reader.db
    .selectFrom('waste_licence')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return r && (JSON.parse(r.data) as WasteLicence);
}

/**
 * Waste licences on the register (removed ones with `removed: true`), of the given
 * organisations or all, ordered by organisation and date of issue.
 */
export async function findLicences(
  reader: Reader,
  f: { organisationIds?: readonly string[]; removed?: boolean } = {},
): Promise<WasteLicence[]> {
  if (f.organisationIds && f.organisationIds.length === 0) return [];
  let q = reader.db.selectFrom('waste_licence').select('data');
  if (f.organisationIds) q = q.where('organisation_id', 'in', [...f.organisationIds]);
  if (!f.removed) q = q.where('removed_on', 'is', null);
  const all = (await q.execute()).map((r) => JSON.parse(r.data) as WasteLicence);
  return all.sort(
    (a, b) =>
      a.organisationId.localeCompare(b.organisationId) ||
      a.issuedOn.localeCompare(b.issuedOn) ||
      a.id.localeCompare(b.id),
  );
}
