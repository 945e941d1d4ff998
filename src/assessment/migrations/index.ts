import type { Migration } from 'kysely/migration';
import * as readiness from './2026-11-30-21-assessment-readiness.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-30-21-assessment-readiness': readiness,
};
