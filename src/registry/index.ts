// The registry's public surface: organisations, sites, memberships, applications, users and
// API keys, the material taxonomy, import/export — what the shell and other modules may use.
import type { StateReader, Subscriber } from '../journal/index.ts';
import type { Store } from '../store/index.ts';
import { MemoryLoginLimiter } from './login-limiter.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import {
  apiKeyFromRow,
  apiKeyRow,
  findApplications,
  findLicence,
  findLicences,
  findMaterials,
  findMembership,
  findMemberships,
  findOrganisation,
  findOrganisations,
  findProperties,
  findSite,
  findSites,
  findSitesById,
  findUses,
  organisationContact,
  organisationNames,
  userFromRow,
  userRow,
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
  parseCsv,
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
  organisationContact,
  findMemberships,
  findMaterials,
  findProperties,
  findUses,
  findLicences,
};

/**
 * For `journal verify --state`: each registry record kind, the events that carry its full state
 * (and where in their payload), and its current state as the registry reads it.
 */
export const stateReaders: StateReader[] = [
  {
    kind: 'organisation',
    carriedBy: {
      'organisation.registered': '',
      'organisation.updated': '',
      'membership.started': 'organisation',
      'membership.ended': 'organisation',
      'membership.role-changed': 'organisation',
      'application.submitted': 'organisation',
      'application.resubmitted': 'organisation',
      'application.admitted': 'organisation',
      'application.rejected': 'organisation',
    },
    // an import writes what the file holds, not the record as stored (no status, createdAt)
    partialIn: { 'registry.imported': 'records.organisations[]' },
    // migration 2026-12-03-31: organisations recorded before it are on the general regime
    addedLater: { vatRegime: 'general' },
    read: findOrganisation,
  },
  {
    kind: 'site',
    carriedBy: {
      'site.added': '',
      'site.updated': '',
      'site.closed': '',
      'application.submitted': 'site',
      'application.resubmitted': 'site',
    },
    partialIn: { 'registry.imported': 'records.sites[]' },
    // migration 2026-11-30-24: sites recorded before it lie in no monotown nor special territory
    addedLater: { monotown: false, specialTerritory: null, territoryProvenance: null },
    read: findSite,
  },
  {
    kind: 'waste licence',
    carriedBy: { 'licence.added': '', 'licence.removed': '' },
    read: findLicence,
  },
  {
    kind: 'membership',
    carriedBy: {
      'membership.started': 'membership',
      'membership.ended': 'membership',
      'membership.role-changed': 'membership',
      'application.admitted': 'membership',
    },
    partialIn: { 'registry.imported': 'records.memberships[]' },
    read: findMembership,
  },
  {
    kind: 'user',
    carriedBy: {
      'user.created': '',
      'user.invited': 'user',
      'user.joined': '',
      'user.updated': '',
      'application.submitted': 'admin',
      'application.resubmitted': 'users[]',
      'application.admitted': 'users[]',
      'application.rejected': 'users[]',
    },
    // a withdrawn invitation's user is gone: no row to compare its last state with
    partialIn: { 'user.invitationWithdrawn': 'user' },
    read: async (reader, id) => {
      const row = await userRow(reader, id);
      return row && userFromRow(row);
    },
  },
  {
    kind: 'api key',
    carriedBy: { 'apikey.created': '', 'apikey.revoked': '' },
    read: async (reader, id) => {
      const row = await apiKeyRow(reader, id);
      return row && apiKeyFromRow(row);
    },
  },
  {
    kind: 'application',
    carriedBy: {
      'application.submitted': 'application',
      'application.resubmitted': 'application',
      'application.admitted': 'application',
      'application.rejected': 'application',
    },
    read: async (reader, id) => (await findApplications(reader, undefined, id))[0],
  },
];

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
  subscribers: ({ registry }: { registry: RegistryService }): Subscriber[] => [
    {
      // never rename: a new name starts from event 1 (harmless: the handler is idempotent)
      name: 'registry.keystone-role-from-governance',
      types: ['keystone.changed'],
      handle: async (tx, event) => {
        const { from, to } = event.payload as { from: string | null; to: string };
        await registry.transferKeystoneRole(tx, from, to);
      },
    },
    {
      // never rename (as above): governance's adopted admissions and expulsions
      name: 'registry.membership-from-governance',
      types: ['membership.decided'],
      handle: async (tx, event) => {
        await registry.applyMembershipDecision(
          tx,
          event.payload as {
            action: 'admit' | 'expel';
            organisationId: string;
            proposalId: string;
            on: string;
          },
        );
      },
    },
  ],
};
