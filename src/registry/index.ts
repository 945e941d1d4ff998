// The registry's public surface: organisations, sites, memberships, applications, users and
// API keys, the material taxonomy, import/export — what the shell and other modules may use.
import type { Store } from '../store/index.ts';
import { MemoryLoginLimiter } from './login-limiter.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import {
  findMaterials,
  findMemberships,
  findOrganisation,
  findOrganisations,
  findProperties,
  findSite,
  findSites,
  findSitesById,
  findUses,
  organisationNames,
} from './repository.ts';
import { routes } from './routes.ts';
import { RegistryService } from './service.ts';
import { TransferService } from './transfer/index.ts';
import { UserService } from './users.ts';

export * from './engine/index.ts';
export type { LoginLimiter } from './login-limiter.ts';
export { inPublicDirectory } from './policy.ts';
export { fkkoCatalogue, regionOutline } from './reference.ts';
export { SESSION_COOKIE } from './routes/auth.ts';
export type { RegistryServices } from './routes.ts';
export * from './schema.ts';
export { RegistryService } from './service.ts';
export {
  collectSnapshot,
  formatFromFileName,
  type ImportResult,
  TransferService,
} from './transfer/index.ts';
export { UserService } from './users.ts';

/** The registry's reads other modules may use (its writes stay behind its services). */
export const registryQueries = {
  findOrganisations,
  findOrganisation,
  findSites,
  findSite,
  findSitesById,
  organisationNames,
  findMemberships,
  findMaterials,
  findProperties,
  findUses,
};

export const registryModule = {
  name: 'registry',
  migrations,
  messages,
  open: ({ store, sessionTtlHours }: { store: Store; sessionTtlHours: number }) => ({
    registry: new RegistryService(store),
    users: new UserService(store, { sessionTtlHours }),
    transfer: new TransferService(store),
    loginLimiter: new MemoryLoginLimiter(),
  }),
  routes,
};
