import type { Migration } from 'kysely/migration';
import * as core from './2026-11-29-01-core.ts';
import * as applicationStatus from './2026-11-29-05-registry-application-status.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-01-core': core,
  '2026-11-29-05-registry-application-status': applicationStatus,
};
