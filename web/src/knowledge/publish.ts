// The publish form's values (text as typed), their checks in the browser and the bodies sent:
// a knowledge asset, an expertise profile, an R&D project. The bounds are the server's
// (src/knowledge/schema.ts); a problem is a key of the knowledge dictionary by form field. Pure.
import { MAX_KOPECKS } from '../../../src/model/money.ts';
import type { Issue, Issues } from '../shell/issues.ts';
import { exactKopecks, parseNumber } from '../shell/numbers.ts';
import type { AssetBody, ProfileBody, ProjectBody } from './api.ts';
import type { knowledgeDict } from './dict.ts';

export type PublishKind = 'asset' | 'profile' | 'project';
export const publishKinds: readonly PublishKind[] = ['asset', 'profile', 'project'];
export const assetTypes = [
  'technology',
  'method',
  'patent',
  'study',
  'dataset',
  'lesson',
  'course',
] as const;
export const visibilities = ['public', 'members', 'organisations'] as const;
export const partnerRoles = ['partner', 'university', 'customer'] as const;
export const projectStatuses = ['proposed', 'active', 'completed', 'suspended'] as const;
export const trls = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export const levels = [1, 2, 3, 4, 5] as const;

type Key = keyof typeof knowledgeDict.ru;
export type PublishIssues = Issues<Key>;

export interface AssetValues {
  type: string;
  titleRu: string;
  titleEn: string;
  textRu: string;
  textEn: string;
  authors: string;
  trl: string;
  licenceTerms: string;
  visibility: (typeof visibilities)[number];
  audience: string[];
}

export interface ProfileValues {
  personName: string;
  personNameEn: string;
  position: string;
  positionEn: string;
  competences: Array<{ competence: string; level: string }>;
  aboutRu: string;
  aboutEn: string;
  visibility: 'public' | 'members';
}

export interface ProjectValues {
  titleRu: string;
  titleEn: string;
  goalRu: string;
  goalEn: string;
  partners: Array<{ organisationId: string; role: (typeof partnerRoles)[number] }>;
  budget: string;
  status: (typeof projectStatuses)[number];
  competences: string[];
  visibility: (typeof visibilities)[number];
  audience: string[];
}

export const blankAsset = (): AssetValues => ({
  type: '',
  titleRu: '',
  titleEn: '',
  textRu: '',
  textEn: '',
  authors: '',
  trl: '',
  licenceTerms: '',
  visibility: 'public',
  audience: [],
});

export const blankProfile = (): ProfileValues => ({
  personName: '',
  personNameEn: '',
  position: '',
  positionEn: '',
  competences: [{ competence: '', level: '3' }],
  aboutRu: '',
  aboutEn: '',
  visibility: 'members',
});

export const blankProject = (): ProjectValues => ({
  titleRu: '',
  titleEn: '',
  goalRu: '',
  goalEn: '',
  partners: [],
  budget: '',
  status: 'proposed',
  competences: [],
  visibility: 'members',
  audience: [],
});

const opt = (s: string) => s.trim() || undefined;

/** Lines of a box, each trimmed, the empty ones dropped (authors: one a line). */
export const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Roubles as typed («1 500 000», «1500000,50») → kopecks; null when it is no amount. */
export function kopecksOf(s: string): number | null {
  const k = exactKopecks(s);
  return k !== undefined && Number.isSafeInteger(k) && k >= 0 && k <= MAX_KOPECKS ? k : null;
}

/** Why a typed budget is no amount: a minus, too many roubles, or no number at all. */
function budgetProblem(s: string): Key {
  const roubles = parseNumber(s);
  if (roubles === undefined || Number.isNaN(roubles)) return 'errBudget';
  if (roubles < 0) return 'errBudgetNegative';
  if (roubles * 100 > MAX_KOPECKS) return 'errBudgetTooBig';
  if (Number.isNaN(exactKopecks(s))) return 'errBudgetKopecks';
  return 'errBudget';
}

class Checks {
  readonly out: PublishIssues = {};
  put(field: string, issue: Issue<Key>) {
    this.out[field] ??= issue;
  }
  long(field: string, value: string, max: number) {
    if (value.trim().length > max) this.put(field, { key: 'errTooLong', params: { max } });
  }
  title(ru: string, en: string) {
    if (!ru.trim() && !en.trim()) this.put('titleRu', { key: 'errTitle' });
    this.long('titleRu', ru, 300);
    this.long('titleEn', en, 300);
  }
  audience(visibility: string, audience: readonly string[]) {
    if (visibility === 'organisations' && audience.length === 0)
      this.put('audience', { key: 'errAudience' });
  }
}

export function checkAsset(v: AssetValues): PublishIssues {
  const c = new Checks();
  if (!v.type) c.put('type', { key: 'errChoose' });
  c.title(v.titleRu, v.titleEn);
  c.long('textRu', v.textRu, 20_000);
  c.long('textEn', v.textEn, 20_000);
  const authors = lines(v.authors);
  if (authors.length > 30) c.put('authors', { key: 'errTooMany', params: { max: 30 } });
  if (authors.some((a) => a.length > 200))
    c.put('authors', { key: 'errTooLong', params: { max: 200 } });
  if (!v.trl) c.put('trl', { key: 'errChoose' });
  c.long('licenceTerms', v.licenceTerms, 2000);
  c.audience(v.visibility, v.audience);
  return c.out;
}

export function checkProfile(v: ProfileValues): PublishIssues {
  const c = new Checks();
  if (!v.personName.trim()) c.put('personName', { key: 'errPersonName' });
  c.long('personName', v.personName, 200);
  c.long('personNameEn', v.personNameEn, 200);
  c.long('position', v.position, 300);
  c.long('positionEn', v.positionEn, 300);
  if (v.competences.length === 0) c.put('competences', { key: 'errCompetences' });
  if (v.competences.length > 20) c.put('competences', { key: 'errTooMany', params: { max: 20 } });
  const seen = new Set<string>();
  v.competences.forEach((row, i) => {
    if (!row.competence) c.put(`competences.${i}.competence`, { key: 'errChoose' });
    else if (seen.has(row.competence))
      c.put(`competences.${i}.competence`, { key: 'errDuplicate' });
    seen.add(row.competence);
  });
  c.long('aboutRu', v.aboutRu, 5000);
  c.long('aboutEn', v.aboutEn, 5000);
  return c.out;
}

export function checkProject(v: ProjectValues, ownOrganisation: string): PublishIssues {
  const c = new Checks();
  c.title(v.titleRu, v.titleEn);
  c.long('goalRu', v.goalRu, 5000);
  c.long('goalEn', v.goalEn, 5000);
  const seen = new Set([ownOrganisation]);
  v.partners.forEach((p, i) => {
    if (!p.organisationId) c.put(`partners.${i}.organisationId`, { key: 'errChoose' });
    else if (seen.has(p.organisationId))
      c.put(`partners.${i}.organisationId`, { key: 'errPartnerTwice' });
    seen.add(p.organisationId);
  });
  if (v.partners.length > 49) c.put('partners', { key: 'errTooMany', params: { max: 49 } });
  if (kopecksOf(v.budget) === null) c.put('budget', { key: budgetProblem(v.budget) });
  if (v.competences.length > 20) c.put('competences', { key: 'errTooMany', params: { max: 20 } });
  c.audience(v.visibility, v.audience);
  return c.out;
}

const audienceOf = (v: { visibility: string; audience: string[] }) =>
  v.visibility === 'organisations' ? { audience: v.audience } : {};

export const assetBody = (v: AssetValues): AssetBody => ({
  type: v.type as AssetBody['type'],
  titleRu: opt(v.titleRu),
  titleEn: opt(v.titleEn),
  textRu: opt(v.textRu),
  textEn: opt(v.textEn),
  authors: lines(v.authors),
  trl: Number(v.trl),
  licenceTerms: opt(v.licenceTerms),
  visibility: v.visibility,
  ...audienceOf(v),
});

export const profileBody = (v: ProfileValues): ProfileBody => ({
  personName: v.personName.trim(),
  personNameEn: opt(v.personNameEn),
  position: opt(v.position),
  positionEn: opt(v.positionEn),
  competences: v.competences.map((r) => ({
    competence: r.competence as ProfileBody['competences'][number]['competence'],
    level: Number(r.level),
  })),
  aboutRu: opt(v.aboutRu),
  aboutEn: opt(v.aboutEn),
  visibility: v.visibility,
});

export const projectBody = (v: ProjectValues, ownOrganisation: string): ProjectBody => ({
  titleRu: opt(v.titleRu),
  titleEn: opt(v.titleEn),
  goalRu: opt(v.goalRu),
  goalEn: opt(v.goalEn),
  participants: [
    { organisationId: ownOrganisation, role: 'lead' },
    ...v.partners.map((p) => ({ organisationId: p.organisationId, role: p.role })),
  ],
  budgetKopecks: kopecksOf(v.budget) ?? 0,
  status: v.status,
  competences: v.competences as ProjectBody['competences'],
  visibility: v.visibility,
  ...audienceOf(v),
});

/**
 * A field of the server's refusal → the form's field: the project's participant 0 is the lead
 * (the caller's organisation), so participant n is the form's partner n-1; the budget is typed
 * in roubles.
 */
export function formField(kind: PublishKind, path: string): string {
  if (kind === 'project') {
    if (path === 'budgetKopecks') return 'budget';
    const m = /^participants\.(\d+)(\..*)?$/.exec(path);
    if (m) return Number(m[1]) === 0 ? 'participants' : `partners.${Number(m[1]) - 1}${m[2] ?? ''}`;
  }
  return path;
}
