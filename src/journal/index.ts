// The journal's public surface: the append-only, hash-chained log of domain events that every
// change is written with, in the same transaction.
import { messages } from './messages.ts';
import { adopted, migrations } from './migrations/index.ts';
import { routes } from './routes.ts';

export {
  attachBell,
  bellOf,
  DEFAULT_POLL_MS,
  type EventBell,
  LocalEventBell,
} from './bell.ts';
export { canonicalJson } from './canonical.ts';
export { type ChainVerdict, eventHash, GENESIS_HASH } from './chain.ts';
export { inTransaction } from './change.ts';
export {
  type Checkpoint,
  type CheckpointVerdict,
  loadOrCreateSigningKey,
  makeCheckpoint,
  parseCheckpoint,
  publicKeyText,
  readSigningKey,
  readTrustedPublicKey,
  verifyCheckpoint,
} from './checkpoint.ts';
export {
  type DomainEvent,
  type JournalEntry,
  type JournalQuery,
  journalHeadSeq,
  listEvents,
  recordEvent,
  verifyJournal,
} from './service.ts';
export {
  firstDifference,
  type StateDifference,
  type StateReader,
  type StateReport,
  verifyState,
} from './state.ts';
export {
  EVENT_PARKED,
  EVENT_REPLAYED,
  ReplayRefused,
  replayParked,
  type Subscriber,
  type SubscriberStatus,
  type SubscriptionLog,
  type SubscriptionLogEntry,
  type SubscriptionOptions,
  Subscriptions,
} from './subscriptions.ts';

export const journalModule = {
  name: 'journal',
  migrations,
  adopted,
  messages,
  open: () => ({}),
  routes,
};
