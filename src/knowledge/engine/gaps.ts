// Human potential: the competence gaps the expertise directory reveals — what vacancies,
// internships, R&D projects and listings ask for against the levels the people of the
// expertise profiles hold, per organisation and cluster-wide — and the courses, programmes and
// internships ranked by the gaps they close, or by what one person lacks. Every reason names
// the competence it rests on.

export interface HeldLevel {
  competence: string;
  level: number;
}

/** One competence asked for: by a vacancy or internship, a project, or a listing's material. */
export interface Demand {
  source: 'vacancy' | 'internship' | 'project' | 'listing' | 'readiness';
  id: string;
  /** the organisation asking (null when a listing's holder is hidden) */
  organisationId: string | null;
  competence: string;
  level: number;
}

/** A person of the expertise directory: the competences they hold and at what level. */
export interface Holder {
  id: string;
  organisationId: string;
  competences: readonly HeldLevel[];
}

export interface Gap {
  competence: string;
  /** the organisation lacking it; null: the cluster as a whole */
  organisationId: string | null;
  /** the highest level asked for */
  demanded: number;
  /** the highest level held (0: nobody holds it) */
  present: number;
  /** people holding it at the demanded level or above */
  holders: number;
  /** the records asking for it */
  demands: ReadonlyArray<{ source: Demand['source']; id: string }>;
}

/** A course, programme, internship or vacancy with the competences it teaches or asks for. */
export interface OpeningLike {
  id: string;
  kind: 'course' | 'programme' | 'internship' | 'vacancy';
  organisationId: string;
  competences: readonly HeldLevel[];
}

export type MatchReason =
  /** closes a gap: teaches the competence above the level present */
  | {
      kind: 'gap';
      competence: string;
      organisationId: string | null;
      demanded: number;
      present: number;
      level: number;
    }
  /** the person lacks the competence (or holds it lower) and the opening teaches it */
  | { kind: 'missing'; competence: string; has: number; level: number }
  /** the person holds a competence the vacancy or internship asks for */
  | { kind: 'holds'; competence: string; has: number; level: number };

export interface RankedMatch {
  id: string;
  kind: OpeningLike['kind'];
  organisationId: string;
  score: number;
  reasons: MatchReason[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function gapOf(
  competence: string,
  organisationId: string | null,
  demands: readonly Demand[],
  holders: readonly Holder[],
): Gap | null {
  const demanded = Math.max(...demands.map((d) => d.level));
  const levels = holders.flatMap((h) =>
    h.competences.filter((c) => c.competence === competence).map((c) => c.level),
  );
  const present = Math.max(0, ...levels);
  const qualified = levels.filter((l) => l >= demanded).length;
  const asking = [...new Map(demands.map((d) => [`${d.source}:${d.id}`, d])).values()];
  // short of level, or fewer qualified people than the records asking for them
  if (present >= demanded && qualified >= asking.length) return null;
  return {
    competence,
    organisationId,
    demanded,
    present,
    holders: qualified,
    demands: asking
      .map((d) => ({ source: d.source, id: d.id }))
      .sort((a, b) => byId(`${a.source}:${a.id}`, `${b.source}:${b.id}`)),
  };
}

const gapOrder = (a: Gap, b: Gap) =>
  b.demanded - b.present - (a.demanded - a.present) ||
  b.demands.length - a.demands.length ||
  byId(a.organisationId ?? '', b.organisationId ?? '') ||
  byId(a.competence, b.competence);

/**
 * The gaps: cluster-wide, each competence demanded anywhere against everyone's levels; per
 * organisation, what it asks for against its own people's levels. Largest shortfall first.
 */
export function competenceGaps(
  demands: readonly Demand[],
  holders: readonly Holder[],
): { cluster: Gap[]; organisations: Gap[] } {
  const byCompetence = new Map<string, Demand[]>();
  const byOrganisation = new Map<string, Demand[]>();
  for (const d of demands) {
    if (d.level < 1) continue;
    byCompetence.set(d.competence, [...(byCompetence.get(d.competence) ?? []), d]);
    if (d.organisationId) {
      const key = `${d.organisationId}\u0000${d.competence}`;
      byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), d]);
    }
  }
  const cluster: Gap[] = [];
  for (const [c, ds] of byCompetence) {
    const g = gapOf(c, null, ds, holders);
    if (g) cluster.push(g);
  }
  const organisations: Gap[] = [];
  for (const [key, ds] of byOrganisation) {
    const [organisationId, c] = key.split('\u0000') as [string, string];
    const own = holders.filter((h) => h.organisationId === organisationId);
    const g = gapOf(c, organisationId, ds, own);
    if (g) organisations.push(g);
  }
  return { cluster: cluster.sort(gapOrder), organisations: organisations.sort(gapOrder) };
}

const rankOrder = (a: RankedMatch, b: RankedMatch) =>
  b.score - a.score || byId(a.kind, b.kind) || byId(a.id, b.id);

const teaches = (o: OpeningLike) => o.kind !== 'vacancy';

/**
 * Courses, programmes and internships ranked by the gaps they close: an opening closes a gap
 * when it teaches its competence above the level present; it weighs the levels it adds (up to
 * the demanded one) and how many records ask. Openings closing no gap are not listed.
 */
export function rankForGaps(
  openings: readonly OpeningLike[],
  gaps: readonly Gap[],
  limit = 20,
): RankedMatch[] {
  const out: RankedMatch[] = [];
  for (const o of openings.filter(teaches)) {
    const reasons: MatchReason[] = [];
    let score = 0;
    for (const g of gaps) {
      const level = o.competences.find((c) => c.competence === g.competence)?.level ?? 0;
      if (level <= g.present) continue;
      reasons.push({
        kind: 'gap',
        competence: g.competence,
        organisationId: g.organisationId,
        demanded: g.demanded,
        present: g.present,
        level,
      });
      score += (Math.min(level, g.demanded) - g.present) * (1 + Math.log2(g.demands.length));
    }
    if (reasons.length)
      out.push({
        id: o.id,
        kind: o.kind,
        organisationId: o.organisationId,
        score: round(score),
        reasons,
      });
  }
  return out.sort(rankOrder).slice(0, limit);
}

/**
 * What one person lacks: the competences their organisation asks for (or, when it asks for
 * none, the cluster) above the level they hold, with the level wanted.
 */
export function missingFor(person: Holder, demands: readonly Demand[]): HeldLevel[] {
  const own = demands.filter((d) => d.organisationId === person.organisationId);
  const wanted = new Map<string, number>();
  for (const d of own.length ? own : demands)
    wanted.set(d.competence, Math.max(d.level, wanted.get(d.competence) ?? 0));
  const has = new Map(person.competences.map((c) => [c.competence, c.level]));
  return [...wanted]
    .filter(([c, level]) => (has.get(c) ?? 0) < level)
    .map(([competence, level]) => ({ competence, level }))
    .sort((a, b) => byId(a.competence, b.competence));
}

/**
 * For one person: the courses, programmes and internships that teach what they lack (ranked by
 * the levels they add), and the vacancies and internships whose asked competences they hold
 * (ranked by the share of asked levels they meet).
 */
export function rankForPerson(
  person: Holder,
  openings: readonly OpeningLike[],
  demands: readonly Demand[],
  limit = 20,
): { missing: HeldLevel[]; learn: RankedMatch[]; apply: RankedMatch[] } {
  const missing = missingFor(person, demands);
  const has = new Map(person.competences.map((c) => [c.competence, c.level]));
  const learn: RankedMatch[] = [];
  const apply: RankedMatch[] = [];
  for (const o of openings) {
    if (teaches(o)) {
      const reasons: MatchReason[] = [];
      let score = 0;
      for (const m of missing) {
        const level = o.competences.find((c) => c.competence === m.competence)?.level ?? 0;
        const held = has.get(m.competence) ?? 0;
        if (level <= held) continue;
        reasons.push({ kind: 'missing', competence: m.competence, has: held, level });
        score += Math.min(level, m.level) - held;
      }
      if (reasons.length)
        learn.push({
          id: o.id,
          kind: o.kind,
          organisationId: o.organisationId,
          score: round(score),
          reasons,
        });
    }
    if (o.kind === 'vacancy' || o.kind === 'internship') {
      const reasons: MatchReason[] = [];
      let met = 0;
      let asked = 0;
      for (const c of o.competences) {
        asked += c.level;
        const held = has.get(c.competence) ?? 0;
        met += Math.min(held, c.level);
        if (held > 0)
          reasons.push({ kind: 'holds', competence: c.competence, has: held, level: c.level });
      }
      if (reasons.length)
        apply.push({
          id: o.id,
          kind: o.kind,
          organisationId: o.organisationId,
          score: round(asked ? met / asked : 0),
          reasons,
        });
    }
  }
  return {
    missing,
    learn: learn.sort(rankOrder).slice(0, limit),
    apply: apply.sort(rankOrder).slice(0, limit),
  };
}
