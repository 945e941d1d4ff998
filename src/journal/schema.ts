// The journal's concepts as zod schemas, for its HTTP answers and their OpenAPI.
import { z } from 'zod';

export const JournalEntry = z
  .object({
    seq: z.number().int().describe('1, 2, 3, … without gaps'),
    at: z.string().describe('when it was written, ISO 8601'),
    actor: z.string().describe('user id, `apikey:<id>`, or `system`'),
    organisationId: z.string().nullable(),
    type: z.string().describe('e.g. listing.created, match.agreed'),
    payload: z.unknown().describe('the full new state of what the event changed'),
    hash: z.string().describe('sha256 of the previous hash and this event (RFC 8785 JSON)'),
  })
  .meta({ id: 'JournalEntry' });

export const ChainVerdict = z
  .union([
    z.object({ ok: z.literal(true), count: z.number().int(), headSeq: z.number().int() }),
    z.object({ ok: z.literal(false), seq: z.number().int(), reason: z.string() }),
  ])
  .meta({ id: 'ChainVerdict' });

export const JournalQuery = z.object({
  after: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
  type: z.string().max(100).optional(),
  organisation: z.string().max(100).optional(),
});
