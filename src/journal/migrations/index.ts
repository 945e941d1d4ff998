import type { Migration } from 'kysely/migration';
import * as journal from './2026-11-29-00-journal.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-00-journal': journal,
};

/** Databases made before the split: 2026-11-29-01-core created the journal's tables. */
export const adopted: Record<string, string> = {
  '2026-11-29-00-journal': '2026-11-29-01-core',
};
