import type { Migration } from 'kysely/migration';
import * as governance from './2026-11-29-12-governance.ts';
import * as discussion from './2026-11-30-20-discussion.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-12-governance': governance,
  '2026-11-30-20-discussion': discussion,
};
