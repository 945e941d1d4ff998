// The exchange's public surface: what the shell and other modules may call.
import type { Store } from '../store/index.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import { routes } from './routes.ts';
import { ExchangeService } from './service.ts';

export { agreedMatch, agreedMatches } from './agreed.ts';
export * from './engine/index.ts';
export { plannedPlace } from './plans.ts';
export { listingRecord, matchRecord, planRecordOf } from './records.ts';
export * from './schema.ts';
export { ExchangeService } from './service.ts';

export const exchangeModule = {
  name: 'exchange',
  migrations,
  messages,
  open: ({ store }: { store: Store }) => ({ exchange: new ExchangeService(store) }),
  routes,
};
