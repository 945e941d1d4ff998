// The server's registry schemas in the browser: loaded lazily, in a chunk of their own (they
// bring zod), so the application form checks the very rules the server will, worded by the
// same catalogues (src/*/messages.ts).
import '../shell/zodJitless.ts'; // before any schema is built
import type { Lang } from '../../../src/model/messages.ts';
import { ApplicationInput, OrganisationPatch } from '../../../src/registry/schema.ts';
import { schemaProblems } from '../shell/schemaProblems.ts';

export const checkApplication = (body: unknown, lang: Lang) =>
  schemaProblems(ApplicationInput, body, lang);

/** A profile's changes, as PATCH /organisations/{id} checks them (the fields it sends). */
export const checkOrganisationPatch = (body: unknown, lang: Lang) =>
  schemaProblems(OrganisationPatch, body, lang);
