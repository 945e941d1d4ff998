import type { Migration, MigrationProvider } from 'kysely/migration';
import * as core from './2026-11-29-01-core.ts';
import * as exchange from './2026-11-29-02-exchange.ts';

/** Migrations listed in code (not read from disk) so they run the same under tsx and in tests. */
const migrations: Record<string, Migration> = {
  '2026-11-29-01-core': core,
  '2026-11-29-02-exchange': exchange,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
