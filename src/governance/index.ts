// Governance's public surface: the charter, proposals, votes, delegation, the keystone's
// history, participation figures; the pure vote count.
import type { StateReader } from '../journal/index.ts';
import type { Store } from '../store/index.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import { findMessage, findProposal, keystoneHistory } from './repository.ts';
import { routes } from './routes.ts';
import { GovernanceService } from './service.ts';

export * from './engine/index.ts';
export * from './schema.ts';
export { electorateNow, GovernanceService, statusOf } from './service.ts';

/** Governance's reads other modules may use (its writes stay behind its service). */
export const governanceQueries = { keystoneHistory };

/** For `journal verify --state`: the events carrying each governance record's full state. */
export const stateReaders: StateReader[] = [
  {
    kind: 'proposal',
    carriedBy: { 'proposal.opened': '', 'proposal.decided': '', 'proposal.vetoed': '' },
    read: findProposal,
  },
  { kind: 'proposal-message', carriedBy: { 'proposal.message-posted': '' }, read: findMessage },
];

export const governanceModule = {
  name: 'governance',
  migrations,
  messages,
  open: ({ store }: { store: Store }) => ({ governance: new GovernanceService(store) }),
  routes,
};
