// The assessment's reference data: employment by industry for the territorial baseline
// (data/reference/employment.json), validated and read once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** a text a reader sees, in both languages */
const Words = z.object({ ru: z.string().min(1), en: z.string().min(1) });
const figure = {
  year: z.number().int(),
  status: z.enum(['sourced', 'estimate']),
  /** what an estimate rests on (reference-data: every estimate carries its basis) */
  basis: Words.optional(),
  /** the source a reader can cite: the statistics office and table, or «estimate» */
  source: Words,
  /** the keys of docs/domain/reference-data.md the figure comes from */
  refs: z.string(),
};
const estimateHasBasis = (x: { status: string; basis?: unknown }) =>
  x.status !== 'estimate' || x.basis !== undefined;
const withBasis = { message: 'an estimate needs its basis', path: ['basis'] };

export const EmploymentTable = z.object({
  region: z.string(),
  country: z.string(),
  unit: z.string(),
  industries: z.record(
    z.string(),
    z
      .object({
        name: z.object({ ru: z.string(), en: z.string() }),
        region: z.number().min(0),
        country: z.number().min(0),
        ...figure,
      })
      .refine(estimateHasBasis, withBasis),
  ),
  total: z
    .object({ region: z.number().gt(0), country: z.number().gt(0), ...figure })
    .refine(estimateHasBasis, withBasis),
});
export type EmploymentTable = z.infer<typeof EmploymentTable>;

let employment: EmploymentTable | undefined;

export function employmentTable(): EmploymentTable {
  employment ??= EmploymentTable.parse(
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../data/reference/employment.json', import.meta.url)),
        'utf8',
      ),
    ),
  );
  return employment;
}
