export {
  type Dialect,
  migrate,
  openStore,
  resetSchema,
  type Store,
  type StoreOptions,
} from './db.ts';
export type { Database } from './schema.ts';
export { inTransaction, type Reader, type Tx } from './transaction.ts';
