// The server's exchange schemas in the browser: loaded lazily, in a chunk of their own (they
// bring zod), so the forms check the very rules the server will, worded by the same catalogues
// (src/*/messages.ts), and read the bounds the server sets.
import '../shell/zodJitless.ts'; // before any schema is built
import { ListingInput, PlanRequest } from '../../../src/exchange/schema.ts';
import type { Lang } from '../../../src/model/messages.ts';
import { schemaProblems } from '../shell/schemaProblems.ts';

/** Every rule a listing's body breaks: its field path, the rule's code, its wording. */
export const checkListing = (body: unknown, lang: Lang) => schemaProblems(ListingInput, body, lang);

const robustness = PlanRequest.shape.robustness.unwrap().shape;

/** The robustness analysis's bounds: how many runs, how much the volumes may vary (a share). */
export const planBounds = {
  runs: { min: robustness.runs.minValue ?? 1, max: robustness.runs.maxValue ?? 1 },
  variation: { min: robustness.variation.minValue ?? 0, max: robustness.variation.maxValue ?? 0 },
};
