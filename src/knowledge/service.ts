// The knowledge module's service: one facade over records (assets, profiles, projects and the
// exchange of knowledge), search and "who can help", which the routes, the CLI and the seed
// call. Access checks, journal events and transactions live in those files; all SQL in
// repository.ts.
import type { Actor, Lang } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import type { KnowledgeContext } from './context.ts';
import { competenceVocabulary } from './engine/competences.ts';
import { type HelpSubject, helpWith } from './help.ts';
import {
  createOpening,
  development,
  gaps,
  getOpening,
  listOpenings,
  updateOpening,
} from './openings.ts';
import {
  createAsset,
  createProfile,
  createProject,
  getAsset,
  getProfile,
  getProject,
  grantLicence,
  type Read,
  requestAsset,
  requestConsultation,
  updateAsset,
  updateProfile,
  updateProject,
} from './records.ts';
import { search } from './search.ts';

export class KnowledgeService {
  private readonly c: KnowledgeContext;

  constructor(store: Store, clock: () => Date = () => new Date()) {
    this.c = { store, clock };
  }

  competences() {
    return competenceVocabulary.map((c) => ({
      id: c.id,
      ru: c.ru,
      en: c.en,
      materials: [...c.materials],
    }));
  }

  createAsset(actor: Actor, input: unknown) {
    return createAsset(this.c, actor, input);
  }

  updateAsset(actor: Actor, id: string, patch: Record<string, unknown>) {
    return updateAsset(this.c, actor, id, patch);
  }

  getAsset(actor: Actor, id: string, read?: Read) {
    return getAsset(this.c, actor, id, read);
  }

  createProfile(actor: Actor, input: unknown) {
    return createProfile(this.c, actor, input);
  }

  updateProfile(actor: Actor, id: string, patch: Record<string, unknown>) {
    return updateProfile(this.c, actor, id, patch);
  }

  getProfile(actor: Actor, id: string, read?: Read) {
    return getProfile(this.c, actor, id, read);
  }

  createProject(actor: Actor, input: unknown) {
    return createProject(this.c, actor, input);
  }

  updateProject(actor: Actor, id: string, patch: Record<string, unknown>) {
    return updateProject(this.c, actor, id, patch);
  }

  getProject(actor: Actor, id: string, read?: Read) {
    return getProject(this.c, actor, id, read);
  }

  // --- human potential ---

  createOpening(actor: Actor, input: unknown) {
    return createOpening(this.c, actor, input);
  }

  updateOpening(actor: Actor, id: string, patch: Record<string, unknown>) {
    return updateOpening(this.c, actor, id, patch);
  }

  getOpening(actor: Actor, id: string) {
    return getOpening(this.c, actor, id);
  }

  listOpenings(actor: Actor, filter: { kind?: string; organisationId?: string } = {}) {
    return listOpenings(this.c, actor, filter);
  }

  /** Competence gaps cluster-wide and per organisation, and the openings that close them. */
  gaps(actor: Actor, filter: { organisationId?: string } = {}, lang: Lang = 'en') {
    return gaps(this.c, actor, filter, lang);
  }

  /** For one person: what they lack, what teaches it, which vacancies they fit. */
  development(actor: Actor, profileId: string, lang: Lang = 'en') {
    return development(this.c, actor, profileId, lang);
  }

  /** Ranked results across assets, profiles and projects the actor may see. */
  search(actor: Actor, query: unknown) {
    return search(this.c.store, actor, query);
  }

  whoCanHelp(actor: Actor, subject: HelpSubject, lang: Lang = 'en') {
    return helpWith(this.c, actor, subject, lang);
  }

  requestAsset(actor: Actor, id: string, message?: string) {
    return requestAsset(this.c, actor, id, message);
  }

  requestConsultation(actor: Actor, profileId: string, message?: string) {
    return requestConsultation(this.c, actor, profileId, message);
  }

  grantLicence(actor: Actor, assetId: string, grant: { organisationId: string; terms?: string }) {
    return grantLicence(this.c, actor, assetId, grant);
  }
}
