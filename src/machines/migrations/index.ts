import type { Migration } from 'kysely/migration';
import * as machines from './2026-11-29-13-machines.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-13-machines': machines,
};
