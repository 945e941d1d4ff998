// The server's exchange schemas in the browser: loaded lazily, in a chunk of their own (they
// bring zod), so the forms check the very rules the server will, worded by the same catalogues
// (src/*/messages.ts), and read the bounds the server sets.
import { ListingInput, PlanRequest } from '../../../src/exchange/schema.ts';
import { fieldProblems, wordIn } from '../../../src/model/errors.ts';
import type { Lang } from '../../../src/model/messages.ts';

/** Every rule a listing's body breaks: its field path, the rule's code, its wording. */
export function checkListing(body: unknown, lang: Lang) {
  const r = ListingInput.safeParse(body);
  if (r.success) return [];
  return fieldProblems(r.error.issues).map((p) => ({
    field: p.field,
    code: typeof p.message === 'string' ? 'invalid' : p.message.code,
    text: wordIn(p.message, lang),
  }));
}

const robustness = PlanRequest.shape.robustness.unwrap().shape;

/** The robustness analysis's bounds: how many runs, how much the volumes may vary (a share). */
export const planBounds = {
  runs: { min: robustness.runs.minValue ?? 1, max: robustness.runs.maxValue ?? 1 },
  variation: { min: robustness.variation.minValue ?? 0, max: robustness.variation.maxValue ?? 0 },
};
