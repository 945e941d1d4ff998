// The server's WasteLicenceInput in the browser: loaded lazily, in a chunk of its own (it brings
// zod), so the licence form checks the very rules the server will, worded by the same catalogues.
import '../shell/zodJitless.ts'; // before any schema is built
import type { Lang } from '../../../src/model/messages.ts';
import { WasteLicenceInput } from '../../../src/registry/schema.ts';
import { schemaProblems } from '../shell/schemaProblems.ts';

export const checkLicence = (body: unknown, lang: Lang) =>
  schemaProblems(WasteLicenceInput, body, lang);
