import { z } from 'zod';
import { common } from './common-messages.ts';
import { rule } from './messages.ts';

/** Slug ids keep exports readable and let the example data refer to its own records. */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, rule(common.slugId));

/** Where a figure comes from: a source key of kuzbass-facts.md, or an estimate. */
export const Provenance = z
  .object({
    kind: z.enum(['sourced', 'estimate', 'generated']),
    key: z.string().optional().describe('source key, e.g. "[C1]"'),
    note: z.string().optional().describe('in Russian'),
    noteEn: z.string().optional().describe('the note in English'),
  })
  .meta({ id: 'Provenance' });
