// The server's listing schema in the browser: loaded lazily (it brings zod), so the form
// checks the very rules the server will, worded by the same catalogues (src/*/messages.ts).
import { ListingInput } from '../../../../src/exchange/schema.ts';
import { fieldProblems, wordIn } from '../../../../src/model/errors.ts';
import type { Lang } from '../../../../src/model/messages.ts';

export function checkListing(body: unknown, lang: Lang) {
  const r = ListingInput.safeParse(body);
  if (r.success) return [];
  return fieldProblems(r.error.issues).map((p) => ({
    field: p.field,
    code: typeof p.message === 'string' ? 'invalid' : p.message.code,
    text: wordIn(p.message, lang),
  }));
}
