import type { Migration } from 'kysely/migration';
import * as knowledge from './2026-11-29-11-knowledge.ts';
import * as openings from './2026-11-30-19-openings.ts';
import * as fleeting from './2026-12-08-20-fleeting-vowels.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-11-knowledge': knowledge,
  '2026-11-30-19-openings': openings,
  '2026-12-08-20-fleeting-vowels': fleeting,
};
