// The server's SiteInput in the browser: loaded lazily, in a chunk of its own (it brings zod),
// so the site fieldset checks the very rules the server will, worded by the same catalogues.
import '../../shell/zodJitless.ts'; // before any schema is built
import type { Lang } from '../../../../src/model/messages.ts';
import { SiteInput } from '../../../../src/registry/schema.ts';
import { schemaProblems } from '../../shell/schemaProblems.ts';

export const checkSite = (body: unknown, lang: Lang) => schemaProblems(SiteInput, body, lang);
