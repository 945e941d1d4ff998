import type { Migration } from 'kysely/migration';
import * as core from './2026-11-29-01-core.ts';
import * as applicationStatus from './2026-11-29-05-registry-application-status.ts';
import * as passwordResets from './2026-11-29-06-registry-password-resets.ts';
import * as englishText from './2026-11-29-08-registry-english-text.ts';
import * as duplicateApplicant from './2026-11-29-09-registry-duplicate-applicant.ts';
import * as siteTerritory from './2026-11-30-24-registry-site-territory.ts';
import * as wasteLicences from './2026-12-02-29-registry-waste-licences.ts';
import * as vatRegime from './2026-12-03-31-registry-vat-regime.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-01-core': core,
  '2026-11-29-05-registry-application-status': applicationStatus,
  '2026-11-29-06-registry-password-resets': passwordResets,
  '2026-11-29-08-registry-english-text': englishText,
  '2026-11-29-09-registry-duplicate-applicant': duplicateApplicant,
  '2026-11-30-24-registry-site-territory': siteTerritory,
  '2026-12-02-29-registry-waste-licences': wasteLicences,
  '2026-12-03-31-registry-vat-regime': vatRegime,
};
