// "Who can help": people and organisations ranked by how well their competences match what a
// listing or project needs, by past collaboration with the asking side (shared projects, agreed
// deals) and by complementarity (a needed competence the asking side lacks). Every reason names
// the competence, project or deal it rests on; a candidate without a matching competence is not
// listed.

export interface HelperProfile {
  id: string;
  organisationId: string;
  personName: string;
  personNameEn?: string | null;
  competences: ReadonlyArray<{ competence: string; level: number }>;
}

export interface Collaboration {
  id: string;
  organisationIds: readonly string[];
}

export interface HelpNeed {
  /** competences the listing or project asks for */
  competences: readonly string[];
  /**
   * the asking side: the listing's holder, or the project's participants; empty when the
   * viewer may not know it (an anonymous listing), and then no complementarity is claimed
   */
  organisationIds: readonly string[];
}

export type Reason =
  | { kind: 'competence'; competence: string; level: number }
  | { kind: 'complements'; competence: string }
  | { kind: 'project'; projectId: string; withOrganisationId: string }
  | { kind: 'deal'; dealId: string; withOrganisationId: string };

export interface RankedHelper {
  kind: 'person' | 'organisation';
  id: string;
  organisationId: string;
  score: number;
  reasons: Reason[];
}

const MAX_LEVEL = 5;
const COMPETENCE_WEIGHT = 3;
const COMPLEMENT_WEIGHT = 1;
const PROJECT_WEIGHT = 1;
const DEAL_WEIGHT = 0.5;

function reasonsFor(
  competences: ReadonlyMap<string, number>,
  organisationId: string,
  need: HelpNeed,
  asking: ReadonlySet<string>,
  askingHas: ReadonlySet<string>,
  projects: readonly Collaboration[],
  deals: readonly Collaboration[],
): { score: number; reasons: Reason[] } | null {
  const reasons: Reason[] = [];
  let score = 0;
  for (const c of need.competences) {
    const level = competences.get(c);
    if (level === undefined) continue;
    reasons.push({ kind: 'competence', competence: c, level });
    score += (COMPETENCE_WEIGHT * level) / MAX_LEVEL;
  }
  if (!reasons.length) return null;
  // "the asking side lacks it" is a claim only when the asking side is known: a listing whose
  // holder is hidden from the viewer has none, and its holder may well have the competence
  for (const c of need.competences)
    if (asking.size > 0 && competences.has(c) && !askingHas.has(c)) {
      reasons.push({ kind: 'complements', competence: c });
      score += COMPLEMENT_WEIGHT;
    }
  for (const p of projects) {
    if (!p.organisationIds.includes(organisationId)) continue;
    const other = p.organisationIds.find((o) => o !== organisationId && asking.has(o));
    if (!other) continue;
    reasons.push({ kind: 'project', projectId: p.id, withOrganisationId: other });
    score += PROJECT_WEIGHT;
  }
  for (const d of deals) {
    if (!d.organisationIds.includes(organisationId)) continue;
    const other = d.organisationIds.find((o) => o !== organisationId && asking.has(o));
    if (!other) continue;
    reasons.push({ kind: 'deal', dealId: d.id, withOrganisationId: other });
    score += DEAL_WEIGHT;
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/** People and organisations who can help, best first (ties by kind, then id). */
export function whoCanHelp(
  need: HelpNeed,
  profiles: readonly HelperProfile[],
  projects: readonly Collaboration[],
  deals: readonly Collaboration[],
  limit = 10,
): RankedHelper[] {
  const asking = new Set(need.organisationIds);
  const askingHas = new Set<string>();
  for (const p of profiles)
    if (asking.has(p.organisationId)) for (const c of p.competences) askingHas.add(c.competence);
  const out: RankedHelper[] = [];
  const byOrganisation = new Map<string, Map<string, number>>();
  for (const p of profiles) {
    if (asking.has(p.organisationId)) continue;
    const own = new Map(p.competences.map((c) => [c.competence, c.level]));
    const org = byOrganisation.get(p.organisationId) ?? new Map<string, number>();
    for (const [c, level] of own) org.set(c, Math.max(level, org.get(c) ?? 0));
    byOrganisation.set(p.organisationId, org);
    const r = reasonsFor(own, p.organisationId, need, asking, askingHas, projects, deals);
    if (r) out.push({ kind: 'person', id: p.id, organisationId: p.organisationId, ...r });
  }
  for (const [organisationId, competences] of byOrganisation) {
    const r = reasonsFor(competences, organisationId, need, asking, askingHas, projects, deals);
    if (r) out.push({ kind: 'organisation', id: organisationId, organisationId, ...r });
  }
  return out
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, limit);
}
