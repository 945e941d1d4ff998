// The server's exchange schemas in the browser: loaded lazily, in a chunk of their own (they
// bring zod), so the forms check the very rules the server will, worded by the same catalogues
// (src/*/messages.ts), and read the bounds the server sets.
import '../shell/zodJitless.ts'; // before any schema is built
import { ListingBody, listingRules, PlanRequest } from '../../../src/exchange/schema.ts';
import type { Lang } from '../../../src/model/messages.ts';
import { problemsWithRules } from '../shell/schemaProblems.ts';

/**
 * Every rule a listing's body breaks, each once: its field path, the rule's code, its wording.
 * The server's schema is ListingBody with listingRules; the cross-field rules (a material, a
 * legal status, …) run once, and are named at once beside the fields' own problems, not one
 * submit later.
 */
export const checkListing = (body: unknown, lang: Lang) =>
  problemsWithRules(ListingBody, listingRules, body, lang);

const robustness = PlanRequest.shape.robustness.unwrap().shape;

/** The robustness analysis's bounds: how many runs, how much the volumes may vary (a share). */
export const planBounds = {
  runs: { min: robustness.runs.minValue ?? 1, max: robustness.runs.maxValue ?? 1 },
  variation: { min: robustness.variation.minValue ?? 0, max: robustness.variation.maxValue ?? 0 },
};
