import type { Migration } from 'kysely/migration';
import * as readiness from './2026-11-30-21-assessment-readiness.ts';
import * as declarations from './2026-11-30-25-assessment-declarations.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-30-21-assessment-readiness': readiness,
  '2026-11-30-25-assessment-declarations': declarations,
};
