// Human potential: the courses and programmes of universities and the internships and vacancies
// of enterprises (created and changed by their organisation, journaled with their full state),
// the competence gaps the expertise directory reveals, and the openings matched to those gaps
// and to one person's profile, each reason worded with the competence it names.
import { randomUUID } from 'node:crypto';
import { latestReadiness } from '../assessment/index.ts';
import { ExchangeService } from '../exchange/index.ts';
import { inTransaction } from '../journal/index.ts';
import {
  type Actor,
  conflict,
  invalid,
  type Lang,
  notFound,
  parseInput,
  requireOrganisationRole,
} from '../model/index.ts';
import { registryQueries as rq } from '../registry/index.ts';
import type { Reader, Tx } from '../store/index.ts';
import { canSee, viewerOf } from './access.ts';
import { type KnowledgeContext, record } from './context.ts';
import {
  competence,
  competencesForMaterial,
  competencesForReadiness,
  READINESS_LOW_BAND,
} from './engine/competences.ts';
import {
  competenceGaps,
  type Demand,
  type MatchReason,
  type RankedMatch,
  rankForGaps,
  rankForPerson,
} from './engine/gaps.ts';
import { messages as m } from './messages.ts';
import { ownerNames, ownerOf, patched } from './records.ts';
import {
  findOpening,
  findOpenings,
  findProfile,
  findProfiles,
  findProjects,
  saveOpening,
} from './repository.ts';
import {
  type Development,
  type GapReport,
  type Opening,
  OpeningInput,
  type OpeningRecord,
} from './schema.ts';

/** The level a project asks of each competence it names, and a listing of its material's. */
const PROJECT_LEVEL = 3;
const LISTING_LEVEL = 2;
/** The level a low readiness band asks of the competences its dimension rests on. */
const READINESS_LEVEL = 3;

const newId = () => `ko-${randomUUID().replace(/-/g, '').slice(0, 12)}`;

async function checkOrganisation(tx: Tx, id: string) {
  if (!(await rq.findOrganisation(tx, id)))
    throw invalid(m.invalidOpening(), [
      { field: 'organisationId', message: m.unknownOrganisation({ id }) },
    ]);
}

export async function createOpening(
  c: KnowledgeContext,
  actor: Actor,
  input: unknown,
): Promise<OpeningRecord> {
  const o = parseInput(OpeningInput, input);
  const organisationId = ownerOf(actor, o.organisationId, m.invalidOpening());
  return inTransaction(c.store, async (tx) => {
    await checkOrganisation(tx, organisationId);
    const id = o.id ?? newId();
    if (await findOpening(tx, id)) throw conflict(m.idTaken({ id }));
    const now = c.clock().toISOString();
    const { id: _i, organisationId: _o, ...fields } = o;
    const created: OpeningRecord = {
      ...fields,
      id,
      organisationId,
      createdAt: now,
      updatedAt: now,
    };
    await saveOpening(tx, created, true);
    await record(tx, c, actor, organisationId, 'knowledge.opening.created', created);
    return created;
  });
}

/** Changed by a member of the offering organisation (or the operator). */
export async function updateOpening(
  c: KnowledgeContext,
  actor: Actor,
  id: string,
  patch: Record<string, unknown>,
): Promise<OpeningRecord> {
  return inTransaction(c.store, async (tx) => {
    const current = await findOpening(tx, id);
    if (!current) throw notFound(m.openingNotFound());
    requireOrganisationRole(actor, current.organisationId, 'member');
    const { organisationId, createdAt } = current;
    const o = parseInput(OpeningInput, patched(current, patch, { id, organisationId }));
    const { id: _i, organisationId: _o, ...next } = o;
    const updated: OpeningRecord = {
      ...next,
      id,
      organisationId,
      createdAt,
      updatedAt: c.clock().toISOString(),
    };
    await saveOpening(tx, updated, false);
    await record(tx, c, actor, organisationId, 'knowledge.opening.updated', updated);
    return updated;
  });
}

async function withNames(reader: Reader, o: OpeningRecord): Promise<Opening> {
  return { ...o, ...(await ownerNames(reader, o.organisationId)) };
}

export async function getOpening(c: KnowledgeContext, actor: Actor, id: string): Promise<Opening> {
  const o = await findOpening(c.store, id);
  if (!o || !canSee(o, viewerOf(actor))) throw notFound(m.openingNotFound());
  return withNames(c.store, o);
}

export async function listOpenings(
  c: KnowledgeContext,
  actor: Actor,
  filter: { kind?: string; organisationId?: string },
): Promise<Opening[]> {
  const viewer = viewerOf(actor);
  const all = (await findOpenings(c.store, filter)).filter((o) => canSee(o, viewer));
  const organisations = new Map((await rq.findOrganisations(c.store)).map((x) => [x.id, x]));
  return all.map((o) => ({
    ...o,
    organisationName: organisations.get(o.organisationId)?.name ?? null,
    organisationNameEn: organisations.get(o.organisationId)?.nameEn ?? null,
  }));
}

// --- gaps and matching ---

/** What the viewer may see of the cluster: openings, people, and what is asked for. */
async function picture(c: KnowledgeContext, actor: Actor) {
  const viewer = viewerOf(actor);
  const [openings, profiles, projects, listings, organisations, readiness] = await Promise.all([
    findOpenings(c.store),
    findProfiles(c.store),
    findProjects(c.store),
    new ExchangeService(c.store, c.clock).listListings(actor, { status: 'active' }),
    rq.findOrganisations(c.store),
    latestReadiness(c.store),
  ]);
  const visibleOpenings = openings.filter((o) => canSee(o, viewer));
  const demands: Demand[] = [];
  for (const o of visibleOpenings)
    if (o.kind === 'vacancy' || o.kind === 'internship')
      for (const x of o.competences)
        demands.push({ source: o.kind, id: o.id, organisationId: o.organisationId, ...x });
  for (const p of projects)
    if (canSee(p, viewer) && (p.status === 'proposed' || p.status === 'active'))
      for (const competence of p.competences)
        demands.push({
          source: 'project',
          id: p.id,
          organisationId: p.organisationId,
          competence,
          level: PROJECT_LEVEL,
        });
  for (const l of listings)
    for (const competence of l.materialId ? competencesForMaterial(l.materialId) : [])
      demands.push({
        source: 'listing',
        id: l.id,
        organisationId: l.organisationId ?? null,
        competence,
        level: LISTING_LEVEL,
      });
  // an organisation's readiness answers are its own: they count for its users and the operator
  for (const r of readiness)
    if (viewer.operator || r.organisationId === viewer.organisationId)
      for (const [dimension, band] of Object.entries(r.bands))
        if (band <= READINESS_LOW_BAND)
          for (const competence of competencesForReadiness[dimension] ?? [])
            demands.push({
              source: 'readiness',
              id: dimension,
              organisationId: r.organisationId,
              competence,
              level: READINESS_LEVEL,
            });
  return {
    openings: visibleOpenings,
    profiles: profiles.filter((p) => canSee(p, viewer)),
    demands,
    organisations: new Map(organisations.map((o) => [o.id, o])),
  };
}

type Picture = Awaited<ReturnType<typeof picture>>;

function wording(pic: Picture, lang: Lang) {
  const orgName = (id: string | null | undefined) => {
    if (!id) return null;
    const o = pic.organisations.get(id);
    return o ? (lang === 'en' ? (o.nameEn ?? o.name) : o.name) : id;
  };
  const competenceName = (id: string) => competence(id)?.[lang] ?? id;
  const reasonText = (r: MatchReason): string => {
    const label = competenceName(r.competence);
    switch (r.kind) {
      case 'gap':
        // a course teaching below the level asked narrows the gap; it does not close it
        return m[r.level >= r.demanded ? 'reasonGap' : 'reasonGapNarrowed']({
          competence: label,
          where: (r.organisationId
            ? m.whereOrganisation({ organisation: orgName(r.organisationId) ?? '' })
            : m.whereCluster()
          ).text(lang),
          demanded: r.demanded,
          present: r.present,
          level: r.level,
        }).text(lang);
      case 'missing':
        return m.reasonMissing({ competence: label, level: r.level, has: r.has }).text(lang);
      case 'holds':
        return m.reasonHolds({ competence: label, level: r.level, has: r.has }).text(lang);
    }
  };
  const byId = new Map(pic.openings.map((o) => [o.id, o]));
  const opening = (r: RankedMatch) => {
    const o = byId.get(r.id);
    return {
      id: r.id,
      kind: r.kind,
      title: (lang === 'en' ? (o?.titleEn ?? o?.titleRu) : (o?.titleRu ?? o?.titleEn)) ?? r.id,
      organisationId: r.organisationId,
      organisationName: orgName(r.organisationId),
      score: r.score,
      reasons: r.reasons.map((x) => ({ ...x, text: reasonText(x) })),
    };
  };
  return { orgName, competenceName, opening };
}

/**
 * The competence gaps cluster-wide and per organisation (one organisation's only, when asked),
 * and the courses, programmes and internships that close them, best first.
 */
export async function gaps(
  c: KnowledgeContext,
  actor: Actor,
  filter: { organisationId?: string },
  lang: Lang,
): Promise<GapReport> {
  const pic = await picture(c, actor);
  const found = competenceGaps(pic.demands, pic.profiles);
  const organisations = filter.organisationId
    ? found.organisations.filter((g) => g.organisationId === filter.organisationId)
    : found.organisations;
  const w = wording(pic, lang);
  const named = (g: (typeof found.cluster)[number]) => ({
    ...g,
    demands: [...g.demands],
    competenceName: w.competenceName(g.competence),
    organisationName: w.orgName(g.organisationId),
  });
  const closing = filter.organisationId ? organisations : [...found.cluster, ...organisations];
  return {
    cluster: found.cluster.map(named),
    organisations: organisations.map(named),
    openings: rankForGaps(pic.openings, closing).map(w.opening),
  };
}

/** For one expertise profile: what the person lacks, what teaches it, and where they fit. */
export async function development(
  c: KnowledgeContext,
  actor: Actor,
  profileId: string,
  lang: Lang,
): Promise<Development> {
  const p = await findProfile(c.store, profileId);
  if (!p || !canSee(p, viewerOf(actor))) throw notFound(m.profileNotFound());
  const pic = await picture(c, actor);
  const w = wording(pic, lang);
  const r = rankForPerson(p, pic.openings, pic.demands);
  return {
    profileId,
    missing: r.missing.map((x) => ({ ...x, competenceName: w.competenceName(x.competence) })),
    learn: r.learn.map(w.opening),
    apply: r.apply.map(w.opening),
  };
}
