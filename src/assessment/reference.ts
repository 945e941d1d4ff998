// The assessment's reference data: employment by industry for the territorial baseline
// (data/reference/employment.json), validated and read once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const figure = {
  year: z.number().int(),
  status: z.enum(['sourced', 'estimate']),
  basis: z.string().optional(),
  source: z.string(),
};

export const EmploymentTable = z.object({
  region: z.string(),
  country: z.string(),
  unit: z.string(),
  industries: z.record(
    z.string(),
    z.object({
      name: z.object({ ru: z.string(), en: z.string() }),
      region: z.number().min(0),
      country: z.number().min(0),
      ...figure,
    }),
  ),
  total: z.object({ region: z.number().gt(0), country: z.number().gt(0), ...figure }),
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
