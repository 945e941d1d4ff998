export { canonicalJson } from './canonical.ts';
export { type ChainVerdict, eventHash, GENESIS_HASH } from './chain.ts';
export {
  type DomainEvent,
  type JournalEntry,
  type JournalQuery,
  journalHeadSeq,
  listEvents,
  recordEvent,
  verifyJournal,
} from './journal.ts';
