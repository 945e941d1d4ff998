export type { Database } from './database.ts';
export {
  type Dialect,
  type Migrations,
  migrate,
  openStore,
  type Reader,
  resetSchema,
  type Store,
  type StoreOptions,
  type Tx,
} from './db.ts';
