// The exchange's public surface: what the shell and other modules may call.
import type { StateReader, Subscriber } from '../journal/index.ts';
import type { Store } from '../store/index.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import { listingRecord, matchRecord, planRecordOf } from './records.ts';
import { routes } from './routes.ts';
import { ExchangeService } from './service.ts';

export { agreedMatch, agreedMatches } from './agreed.ts';
export * from './engine/index.ts';
// the exchange's transport and emission factors (the table's, no overrides)
export { inQualityRange, qualityRangeOf } from './limits.ts';
export { qualityRangeRule } from './messages.ts';
export { listingRecord, matchRecord, planRecordOf } from './records.ts';
export { exchangeValuation, viewerOptions as exchangeFactors } from './reference.ts';
export { type SavedPlanFlow, savedPlanFlows } from './saved-flows.ts';
export * from './schema.ts';
export { ExchangeService } from './service.ts';

/**
 * For `journal verify --state` (see records.ts): the events carrying each exchange record's
 * full state. match.agreed carries the agreement, not the match row, so it is not listed.
 */
export const stateReaders: StateReader[] = [
  {
    kind: 'listing',
    carriedBy: {
      'listing.created': '',
      'listing.updated': '',
      'listing.published': '',
      'listing.withdrawn': '',
    },
    read: listingRecord,
  },
  {
    kind: 'match',
    carriedBy: {
      'plan.saved': 'matches[]',
      'match.accepted': '',
      'match.declined': '',
      'match.closed': '',
    },
    read: matchRecord,
  },
  {
    kind: 'plan',
    carriedBy: { 'plan.saved': '' },
    besides: ['matches', 'alreadyOpen', 'declinedBefore', 'noRoom', 'superseded'],
    read: planRecordOf,
  },
];

export const exchangeModule = {
  name: 'exchange',
  migrations,
  messages,
  open: ({ store }: { store: Store }) => ({ exchange: new ExchangeService(store) }),
  routes,
  subscribers: ({ exchange }: { exchange: ExchangeService }): Subscriber[] => [
    {
      // never rename: a new name starts from event 1 (harmless: the handler checks the status)
      name: 'exchange.withdraw-listings-of-former-members',
      types: ['membership.ended'],
      handle: async (tx, event) => {
        const organisationId = event.organisationId;
        if (organisationId) await exchange.withdrawListingsOfFormer(tx, organisationId);
      },
    },
  ],
};
