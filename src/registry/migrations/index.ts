import type { Migration } from 'kysely/migration';
import * as core from './2026-11-29-01-core.ts';
import * as englishText from './2026-11-29-08-registry-english-text.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-01-core': core,
  '2026-11-29-08-registry-english-text': englishText,
};
