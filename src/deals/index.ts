// Deals' public surface: negotiation, message threads, deliveries, the settlement ledger; the
// pure state machine and postings. A deal opens by itself when the exchange agrees a match;
// a weighbridge linked to a deal posts its weighings as deliveries.
import type { AgreedMatch } from '../exchange/index.ts';
import type { StateReader, Subscriber } from '../journal/index.ts';
import { WEIGHING_RECORDED, type Weighing } from '../machines/index.ts';
import { systemActor } from '../model/index.ts';
import { VAT_REGIME_CHANGED, type VatRegimeChanged } from '../registry/index.ts';
import type { Store } from '../store/index.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import {
  findDeal,
  findDealDevice,
  findDeals,
  findDeliveries,
  findDelivery,
  findForm2tpFiguresByKey,
  findTransitions,
} from './repository.ts';
import { routes } from './routes.ts';
import { DealsService } from './service.ts';

export * from './engine/index.ts';
export { vatRates } from './reference.ts';
export * from './schema.ts';
export { type ExampleDeal, seedDeals } from './seed.ts';
export { DealsService, outOfSpec, progressOf, sideOf, summaryOf, termsOf } from './service.ts';

/** The deals' reads other modules may use (its writes stay behind its service). */
export const dealsQueries = { findDeals, findDeliveries, findTransitions };

/** For `journal verify --state`: the events carrying each deals record's full state. */
export const stateReaders: StateReader[] = [
  {
    kind: 'deal',
    carriedBy: {
      'deal.created': 'deal',
      'deal.transitioned': 'deal',
      'deal.message-posted': 'deal',
      'delivery.recorded': 'deal',
    },
    read: findDeal,
  },
  {
    kind: 'delivery',
    carriedBy: {
      'delivery.recorded': 'delivery',
      'delivery.flagged': 'delivery',
      'delivery.vat-posted': 'delivery',
    },
    read: findDelivery,
  },
  {
    kind: 'deal-device',
    carriedBy: { 'deal.device-linked': 'link', 'deal.device-unlinked': 'link' },
    read: findDealDevice,
  },
  {
    kind: 'form-2tp',
    carriedBy: { 'form-2tp.saved': 'figures' },
    read: findForm2tpFiguresByKey,
  },
];

export const dealsModule = {
  name: 'deals',
  migrations,
  messages,
  open: ({ store }: { store: Store }) => ({ deals: new DealsService(store) }),
  routes,
  subscribers: ({ deals }: { deals: DealsService }): Subscriber[] => [
    {
      // never rename: a new name starts from event 1 (harmless: one deal per match)
      name: 'deals.open-deal-from-agreed-match',
      types: ['match.agreed'],
      handle: async (tx, event) => {
        await deals.openFromMatch(tx, event.payload as AgreedMatch, systemActor);
      },
    },
    {
      // a linked weighbridge's weighing becomes a delivery (once per device and message)
      name: 'deals.post-weighing-as-delivery',
      types: [WEIGHING_RECORDED],
      handle: async (tx, event) => {
        await deals.postWeighing(tx, event.payload as Weighing, event.seq);
      },
    },
    {
      // a party's new VAT regime is told in its open deals' threads (once per event and deal)
      name: 'deals.tell-vat-regime-change',
      types: [VAT_REGIME_CHANGED],
      // from the head: regimes changed before this subscriber existed were not told then either
      startAt: 'head',
      handle: async (tx, event) => {
        await deals.tellVatRegimeChange(tx, event.payload as VatRegimeChanged, event.seq);
      },
    },
  ],
};
