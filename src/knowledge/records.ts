// Assets, expertise profiles and R&D projects: created and changed by their organisation (or the
// operator), checked against the registry, journaled with the record's new state and indexed for
// search in the same transaction; read as the viewer may see them, each opening counted.
import { randomUUID } from 'node:crypto';
import { inTransaction } from '../journal/index.ts';
import {
  type Actor,
  conflict,
  type FieldProblem,
  forbidden,
  invalid,
  type Message,
  notFound,
  parseInput,
  requireLogin,
  requireOrganisationRole,
} from '../model/index.ts';
import { registryQueries as rq } from '../registry/index.ts';
import type { Reader, Tx } from '../store/index.ts';
import { audienceOf, canSee, type Guarded, viewerOf } from './access.ts';
import { type KnowledgeContext, record } from './context.ts';
import { competence } from './engine/competences.ts';
import { termWeights, type WeightedText } from './engine/text.ts';
import { messages as m } from './messages.ts';
import {
  countView,
  findAsset,
  findAssets,
  findProfile,
  findProject,
  type IndexDocument,
  indexDocument,
  recordExists,
  saveAsset,
  saveProfile,
  saveProject,
  viewsOf,
} from './repository.ts';
import {
  type Asset,
  AssetInput,
  type AssetRecord,
  type Profile,
  ProfileInput,
  type ProfileRecord,
  type Project,
  ProjectInput,
  type ProjectRecord,
  type RecordType,
} from './schema.ts';

const newId = (prefix: string) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** The owner: the input's organisation, or the caller's; the caller must be its member. */
export function ownerOf(actor: Actor, given: string | undefined, invalidMessage: Message): string {
  requireLogin(actor);
  const organisationId = given ?? actor.organisationId;
  if (!organisationId)
    throw invalid(invalidMessage, [{ field: 'organisationId', message: m.requiredForOperator() }]);
  requireOrganisationRole(actor, organisationId, 'member');
  return organisationId;
}

/** Checks the organisations, materials, processes and assets a record names. */
async function checkReferences(
  tx: Tx,
  invalidMessage: Message,
  refs: {
    organisations?: Array<[string, string]>;
    materialIds?: readonly string[];
    processIds?: readonly string[];
    assetIds?: readonly string[];
  },
): Promise<void> {
  const fields: FieldProblem[] = [];
  for (const [field, id] of refs.organisations ?? [])
    if (!(await rq.findOrganisation(tx, id)))
      fields.push({ field, message: m.unknownOrganisation({ id }) });
  if (refs.materialIds?.length) {
    const known = new Set((await rq.findMaterials(tx)).map((x) => x.id));
    refs.materialIds.forEach((id, i) => {
      if (!known.has(id))
        fields.push({ field: `materialIds.${i}`, message: m.unknownMaterial({ id }) });
    });
  }
  if (refs.processIds?.length) {
    const known = new Set((await rq.findUses(tx)).map((x) => x.id));
    refs.processIds.forEach((id, i) => {
      if (!known.has(id)) fields.push({ field: `processIds.${i}`, message: m.unknownUse({ id }) });
    });
  }
  if (refs.assetIds?.length) {
    const known = new Set((await findAssets(tx, refs.assetIds)).map((a) => a.id));
    refs.assetIds.forEach((id, i) => {
      if (!known.has(id)) fields.push({ field: `assetIds.${i}`, message: m.unknownAsset({ id }) });
    });
  }
  if (fields.length) throw invalid(invalidMessage, fields);
}

async function materialTexts(reader: Reader, ids: readonly string[]): Promise<WeightedText[]> {
  if (!ids.length) return [];
  const materials = await rq.findMaterials(reader);
  return materials
    .filter((x) => ids.includes(x.id))
    .flatMap((x) => [
      { text: x.name.ru, weight: 1 },
      { text: x.name.en, weight: 1 },
    ]);
}

const competenceTexts = (ids: readonly string[], weight: number): WeightedText[] =>
  ids.flatMap((id) => {
    const c = competence(id);
    return c
      ? [
          { text: c.ru, weight },
          { text: c.en, weight },
        ]
      : [];
  });

const links = (
  organisations: readonly string[],
  audience: readonly string[],
  materials: readonly string[],
) => [
  ...organisations.map((targetId) => ({ link: 'organisation' as const, targetId })),
  ...audience.map((targetId) => ({ link: 'audience' as const, targetId })),
  ...materials.map((targetId) => ({ link: 'material' as const, targetId })),
];

async function indexAsset(tx: Tx, a: AssetRecord): Promise<void> {
  const doc: IndexDocument = {
    recordType: 'asset',
    recordId: a.id,
    kind: a.type,
    organisationId: a.organisationId,
    visibility: a.visibility,
    trl: a.trl,
    title: a.titleRu ?? a.titleEn ?? a.id,
    titleEn: a.titleEn ?? null,
    terms: termWeights([
      { text: a.titleRu, weight: 3 },
      { text: a.titleEn, weight: 3 },
      { text: a.textRu, weight: 1 },
      { text: a.textEn, weight: 1 },
      { text: a.authors.join(', '), weight: 1 },
      { text: a.authorsEn?.join(', '), weight: 1 },
      ...(await materialTexts(tx, a.materialIds)),
    ]),
    links: links([a.organisationId], audienceOf(a), a.materialIds),
  };
  await indexDocument(tx, doc);
}

async function indexProfile(tx: Tx, p: ProfileRecord): Promise<void> {
  await indexDocument(tx, {
    recordType: 'profile',
    recordId: p.id,
    kind: 'profile',
    organisationId: p.organisationId,
    visibility: p.visibility,
    trl: null,
    title: p.personName,
    titleEn: p.personNameEn ?? null,
    terms: termWeights([
      { text: p.personName, weight: 3 },
      { text: p.personNameEn, weight: 3 },
      { text: p.position, weight: 1 },
      { text: p.positionEn, weight: 1 },
      ...competenceTexts(
        p.competences.map((c) => c.competence),
        2,
      ),
      { text: p.aboutRu, weight: 1 },
      { text: p.aboutEn, weight: 1 },
    ]),
    links: links([p.organisationId], [], []),
  });
}

async function indexProject(tx: Tx, p: ProjectRecord): Promise<void> {
  await indexDocument(tx, {
    recordType: 'project',
    recordId: p.id,
    kind: p.status,
    organisationId: p.organisationId,
    visibility: p.visibility,
    trl: null,
    title: p.titleRu ?? p.titleEn ?? p.id,
    titleEn: p.titleEn ?? null,
    terms: termWeights([
      { text: p.titleRu, weight: 3 },
      { text: p.titleEn, weight: 3 },
      { text: p.goalRu, weight: 1 },
      { text: p.goalEn, weight: 1 },
      ...p.stages.flatMap((s) => [
        { text: s.titleRu, weight: 1 },
        { text: s.titleEn, weight: 1 },
      ]),
      ...competenceTexts(p.competences, 1),
      ...(await materialTexts(tx, p.materialIds)),
    ]),
    links: links(
      p.participants.map((x) => x.organisationId),
      audienceOf(p),
      p.materialIds,
    ),
  });
}

async function takenCheck(tx: Tx, type: RecordType, id: string) {
  if (await recordExists(tx, type, id)) throw conflict(m.idTaken({ id }));
}

const orgRefs = (audience: readonly string[] | undefined) =>
  (audience ?? []).map((id, i) => [`audience.${i}`, id] as [string, string]);

/** A record's fields with a patch laid over them (a null removes a field), to parse again. */
export function patched(
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
  keep: Record<string, unknown>,
): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...fields } = current;
  const merged: Record<string, unknown> = { ...fields, ...patch, ...keep };
  for (const [k, v] of Object.entries(patch)) if (v === null) delete merged[k];
  return merged;
}

// --- assets ---

export async function createAsset(
  c: KnowledgeContext,
  actor: Actor,
  input: unknown,
): Promise<AssetRecord> {
  const a = parseInput(AssetInput, input);
  const organisationId = ownerOf(actor, a.organisationId, m.invalidAsset());
  return inTransaction(c.store, async (tx) => {
    await checkReferences(tx, m.invalidAsset(), {
      organisations: [['organisationId', organisationId], ...orgRefs(a.audience)],
      materialIds: a.materialIds,
      processIds: a.processIds,
    });
    const id = a.id ?? newId('ka');
    await takenCheck(tx, 'asset', id);
    const now = c.clock().toISOString();
    const { id: _i, organisationId: _o, ...fields } = a;
    const created: AssetRecord = { ...fields, id, organisationId, createdAt: now, updatedAt: now };
    if (created.visibility !== 'organisations') delete created.audience;
    await saveAsset(tx, created, true);
    await indexAsset(tx, created);
    await record(tx, c, actor, organisationId, 'knowledge.asset.created', created);
    return created;
  });
}

export async function updateAsset(
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  patch: Record<string, unknown>,
): Promise<AssetRecord> {
  return inTransaction(c.store, async (tx) => {
    const current = await findAsset(tx, id);
    if (!current) throw notFound(m.assetNotFound());
    requireOrganisationRole(actor, current.organisationId, 'member');
    const { organisationId, createdAt } = current;
    const a = parseInput(AssetInput, patched(current, patch, { id, organisationId }));
    await checkReferences(tx, m.invalidAsset(), {
      organisations: orgRefs(a.audience),
      materialIds: a.materialIds,
      processIds: a.processIds,
    });
    const { id: _i, organisationId: _o, ...next } = a;
    const updated: AssetRecord = {
      ...next,
      id,
      organisationId,
      createdAt,
      updatedAt: c.clock().toISOString(),
    };
    if (updated.visibility !== 'organisations') delete updated.audience;
    await saveAsset(tx, updated, false);
    await indexAsset(tx, updated);
    await record(tx, c, actor, organisationId, 'knowledge.asset.updated', updated);
    return updated;
  });
}

// --- profiles ---

export async function createProfile(
  c: KnowledgeContext,
  actor: Actor,
  input: unknown,
): Promise<ProfileRecord> {
  const p = parseInput(ProfileInput, input);
  const organisationId = ownerOf(actor, p.organisationId, m.invalidProfile());
  return inTransaction(c.store, async (tx) => {
    await checkReferences(tx, m.invalidProfile(), {
      organisations: [['organisationId', organisationId]],
    });
    const id = p.id ?? newId('kx');
    await takenCheck(tx, 'profile', id);
    const now = c.clock().toISOString();
    const { id: _i, organisationId: _o, ...fields } = p;
    const created: ProfileRecord = {
      ...fields,
      id,
      organisationId,
      createdAt: now,
      updatedAt: now,
    };
    await saveProfile(tx, created, true);
    await indexProfile(tx, created);
    await record(tx, c, actor, organisationId, 'knowledge.profile.created', created);
    return created;
  });
}

/** A profile is changed by a member of its organisation (or the operator). */
export async function updateProfile(
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  patch: Record<string, unknown>,
): Promise<ProfileRecord> {
  return inTransaction(c.store, async (tx) => {
    const current = await findProfile(tx, id);
    if (!current) throw notFound(m.profileNotFound());
    requireOrganisationRole(actor, current.organisationId, 'member');
    const { organisationId, createdAt } = current;
    const p = parseInput(ProfileInput, patched(current, patch, { id, organisationId }));
    const { id: _i, organisationId: _o, ...next } = p;
    const updated: ProfileRecord = {
      ...next,
      id,
      organisationId,
      createdAt,
      updatedAt: c.clock().toISOString(),
    };
    await saveProfile(tx, updated, false);
    await indexProfile(tx, updated);
    await record(tx, c, actor, organisationId, 'knowledge.profile.updated', updated);
    return updated;
  });
}

// --- projects ---

/** A project is created by a member of its lead organisation (or the operator). */
export async function createProject(
  c: KnowledgeContext,
  actor: Actor,
  input: unknown,
): Promise<ProjectRecord> {
  const p = parseInput(ProjectInput, input);
  const lead = p.participants.find((x) => x.role === 'lead')?.organisationId ?? '';
  requireOrganisationRole(actor, lead, 'member');
  return inTransaction(c.store, async (tx) => {
    await checkReferences(tx, m.invalidProject(), {
      organisations: [
        ...p.participants.map(
          (x, i) => [`participants.${i}.organisationId`, x.organisationId] as [string, string],
        ),
        ...orgRefs(p.audience),
      ],
      materialIds: p.materialIds,
      assetIds: p.assetIds,
    });
    const id = p.id ?? newId('kp');
    await takenCheck(tx, 'project', id);
    const now = c.clock().toISOString();
    const { id: _i, ...fields } = p;
    const created: ProjectRecord = {
      ...fields,
      id,
      organisationId: lead,
      createdAt: now,
      updatedAt: now,
    };
    if (created.visibility !== 'organisations') delete created.audience;
    await saveProject(tx, created, true);
    await indexProject(tx, created);
    // a project of several organisations is the knowledge exchange's "joint project"
    await record(tx, c, actor, lead, 'knowledge.project.created', created);
    return created;
  });
}

/**
 * A project is changed by a member of its lead organisation (or the operator); handing the lead
 * to another organisation needs membership of that one too.
 */
export async function updateProject(
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  patch: Record<string, unknown>,
): Promise<ProjectRecord> {
  return inTransaction(c.store, async (tx) => {
    const current = await findProject(tx, id);
    if (!current) throw notFound(m.projectNotFound());
    requireOrganisationRole(actor, current.organisationId, 'member');
    const { organisationId: _lead, ...rest } = current;
    const p = parseInput(ProjectInput, patched(rest, patch, { id }));
    const lead = p.participants.find((x) => x.role === 'lead')?.organisationId ?? '';
    if (lead !== current.organisationId) requireOrganisationRole(actor, lead, 'member');
    await checkReferences(tx, m.invalidProject(), {
      organisations: [
        ...p.participants.map(
          (x, i) => [`participants.${i}.organisationId`, x.organisationId] as [string, string],
        ),
        ...orgRefs(p.audience),
      ],
      materialIds: p.materialIds,
      assetIds: p.assetIds,
    });
    const { id: _i, ...fields } = p;
    const updated: ProjectRecord = {
      ...fields,
      id,
      organisationId: lead,
      createdAt: current.createdAt,
      updatedAt: c.clock().toISOString(),
    };
    if (updated.visibility !== 'organisations') delete updated.audience;
    await saveProject(tx, updated, false);
    await indexProject(tx, updated);
    await record(tx, c, actor, lead, 'knowledge.project.updated', updated);
    return updated;
  });
}

// --- reads, each opening counted in the module's own table (not journaled) ---

interface Names {
  organisationName: string | null;
  organisationNameEn: string | null;
}

export async function ownerNames(reader: Reader, organisationId: string): Promise<Names> {
  const o = await rq.findOrganisation(reader, organisationId);
  return { organisationName: o?.name ?? null, organisationNameEn: o?.nameEn ?? null };
}

/** 'opened': a reader opened the record (a view counted); 'created': its author's own answer. */
export type Read = 'opened' | 'created';

/** A record as its viewer may see it (else not found), with its owner's names and its views. */
async function opened<R extends Guarded>(
  c: KnowledgeContext,
  actor: Actor,
  type: RecordType,
  id: string,
  read: Read,
  r: R | undefined,
  missing: Message,
): Promise<R & Names & { views: number }> {
  if (!r || !canSee(r, viewerOf(actor))) throw notFound(missing);
  // the author's own answer reads the count; a reader's opening adds to it
  const views =
    read === 'created'
      ? await viewsOf(c.store, type, id)
      : await c.store.db
          .transaction()
          .execute((trx) => countView({ db: trx, dialect: c.store.dialect }, type, id));
  return { ...r, ...(await ownerNames(c.store, r.organisationId)), views };
}

export async function getAsset(
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  read: Read = 'opened',
): Promise<Asset> {
  const found = await findAsset(c.store, id);
  return opened(c, actor, 'asset', id, read, found, m.assetNotFound());
}

export async function getProfile(
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  read: Read = 'opened',
): Promise<Profile> {
  const found = await findProfile(c.store, id);
  return opened(c, actor, 'profile', id, read, found, m.profileNotFound());
}

export async function getProject(
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  read: Read = 'opened',
): Promise<Project> {
  const found = await findProject(c.store, id);
  return opened(c, actor, 'project', id, read, found, m.projectNotFound());
}

// --- knowledge exchange: journaled requests, consultations and licences ---

function requireMember(actor: Actor): string {
  requireLogin(actor);
  if (actor.member === false || !actor.organisationId) throw forbidden(m.membersOnly());
  return actor.organisationId;
}

/**
 * A request to the holder of a record the asker may see (an asset asked for, a consultation
 * asked of a person): journaled from the asker's organisation to the holder's, through the
 * platform only.
 */
async function askHolder(
  c: KnowledgeContext,
  actor: Actor,
  find: (tx: Tx) => Promise<Guarded | undefined>,
  missing: () => Error,
  type: 'knowledge.asset.requested' | 'knowledge.consultation.requested',
  about: Record<string, string>,
  message: string | undefined,
) {
  const from = requireMember(actor);
  return inTransaction(c.store, async (tx) => {
    const r = await find(tx);
    if (!r || !canSee(r, viewerOf(actor))) throw missing();
    // not a tie between organisations, and the assessment counts those
    if (r.organisationId === from) throw conflict(m.askingOwnOrganisation());
    const event = {
      ...about,
      fromOrganisationId: from,
      toOrganisationId: r.organisationId,
      ...(message ? { message } : {}),
    };
    await record(tx, c, actor, from, type, event);
    return event;
  });
}

export const requestAsset = (
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  message: string | undefined,
) =>
  askHolder(
    c,
    actor,
    (tx) => findAsset(tx, id),
    () => notFound(m.assetNotFound()),
    'knowledge.asset.requested',
    { assetId: id },
    message,
  );

/** A consultation asked of a person: through the platform, never by their e-mail or phone. */
export const requestConsultation = (
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  message: string | undefined,
) =>
  askHolder(
    c,
    actor,
    (tx) => findProfile(tx, id),
    () => notFound(m.profileNotFound()),
    'knowledge.consultation.requested',
    { profileId: id },
    message,
  );

export async function grantLicence(
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  grant: { organisationId: string; terms?: string },
) {
  return inTransaction(c.store, async (tx) => {
    const a = await findAsset(tx, id);
    if (!a) throw notFound(m.assetNotFound());
    requireOrganisationRole(actor, a.organisationId, 'member');
    if (!a.licenceTerms && !grant.terms) throw conflict(m.notLicensable({ id }));
    await checkReferences(tx, m.invalidAsset(), {
      organisations: [['organisationId', grant.organisationId]],
    });
    const event = {
      assetId: id,
      licensorId: a.organisationId,
      licenseeId: grant.organisationId,
      terms: grant.terms ?? a.licenceTerms ?? '',
    };
    await record(tx, c, actor, a.organisationId, 'knowledge.licence.granted', event);
    return event;
  });
}
