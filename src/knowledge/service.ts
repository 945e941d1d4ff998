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

  getProfile(actor: Actor, id: string, read?: Read) {
    return getProfile(this.c, actor, id, read);
  }

  createProject(actor: Actor, input: unknown) {
    return createProject(this.c, actor, input);
  }

  getProject(actor: Actor, id: string, read?: Read) {
    return getProject(this.c, actor, id, read);
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
