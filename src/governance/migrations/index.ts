import type { Migration } from 'kysely/migration';
import * as governance from './2026-11-29-12-governance.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-12-governance': governance,
};
