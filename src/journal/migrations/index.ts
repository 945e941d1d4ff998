import type { Migration } from 'kysely/migration';
import * as journal from './2026-11-29-00-journal.ts';
import * as subscribers from './2026-11-29-04-journal-subscribers.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-00-journal': journal,
  '2026-11-29-04-journal-subscribers': subscribers,
};

/** Databases made before the split: 2026-11-29-01-core created the journal's tables. */
export const adopted: Record<string, string> = {
  '2026-11-29-00-journal': '2026-11-29-01-core',
};
