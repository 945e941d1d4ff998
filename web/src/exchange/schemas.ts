// The server's exchange schemas in the browser: loaded lazily, in a chunk of their own (they
// bring zod), so the forms check the very rules the server will, worded by the same catalogues
// (src/*/messages.ts), and read the bounds the server sets.
import '../shell/zodJitless.ts'; // before any schema is built
import { ListingInput, listingRules, PlanRequest } from '../../../src/exchange/schema.ts';
import type { Lang } from '../../../src/model/messages.ts';
import { ruleProblems, schemaProblems } from '../shell/schemaProblems.ts';

/**
 * Every rule a listing's body breaks: its field path, the rule's code, its wording. The
 * cross-field rules (a material, a legal status, …) are named at once beside the fields'
 * own problems, not one submit later.
 */
export const checkListing = (body: unknown, lang: Lang) => {
  const problems = schemaProblems(ListingInput, body, lang);
  const named = new Set(problems.map((p) => p.field));
  const rules = ruleProblems(listingRules, body as Parameters<typeof listingRules>[0], lang);
  return [...problems, ...rules.filter((p) => !named.has(p.field))];
};

const robustness = PlanRequest.shape.robustness.unwrap().shape;

/** The robustness analysis's bounds: how many runs, how much the volumes may vary (a share). */
export const planBounds = {
  runs: { min: robustness.runs.minValue ?? 1, max: robustness.runs.maxValue ?? 1 },
  variation: { min: robustness.variation.minValue ?? 0, max: robustness.variation.maxValue ?? 0 },
};
