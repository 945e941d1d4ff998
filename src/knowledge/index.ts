// The knowledge module's public surface: assets, expertise profiles, R&D projects, search and
// "who can help" — what the shell and other modules may call.
import type { StateReader } from '../journal/index.ts';
import type { Store } from '../store/index.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import { findAsset, findOpening, findProfile, findProject, findProjects } from './repository.ts';
import { routes } from './routes.ts';
import { KnowledgeService } from './service.ts';

export * from './engine/index.ts';
export * from './schema.ts';
export { seedKnowledge } from './seed.ts';
export { KnowledgeService } from './service.ts';

/** What other modules may read of the knowledge records (the assessment's social indicators). */
export const knowledgeQueries = { findProjects };

/** For `journal verify --state`: the events carrying each knowledge record's full state. */
export const stateReaders: StateReader[] = [
  {
    kind: 'knowledge-asset',
    carriedBy: { 'knowledge.asset.created': '', 'knowledge.asset.updated': '' },
    read: findAsset,
  },
  {
    kind: 'knowledge-profile',
    carriedBy: { 'knowledge.profile.created': '', 'knowledge.profile.updated': '' },
    read: findProfile,
  },
  {
    kind: 'knowledge-project',
    carriedBy: { 'knowledge.project.created': '', 'knowledge.project.updated': '' },
    read: findProject,
  },
  {
    kind: 'knowledge-opening',
    carriedBy: { 'knowledge.opening.created': '', 'knowledge.opening.updated': '' },
    read: findOpening,
  },
];

export const knowledgeModule = {
  name: 'knowledge',
  migrations,
  messages,
  open: ({ store }: { store: Store }) => ({ knowledge: new KnowledgeService(store) }),
  routes,
};
