/** Table row types as Kysely sees them. Timestamps are ISO-8601 text on both dialects. */
export interface JournalTable {
  seq: number;
  at: string;
  actor: string;
  organisation_id: string | null;
  type: string;
  payload: string;
  hash: string;
}

export interface JournalHeadTable {
  id: number;
  seq: number;
  hash: string;
}

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

export interface Database {
  journal: JournalTable;
  journal_head: JournalHeadTable;
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
