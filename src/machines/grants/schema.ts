// Sharing between companies: a grant (the owner lets another organisation read chosen keys
// of a device, for a window of time and a purpose, until it is revoked) and the usage log of
// reads made under it.
import { z } from 'zod';
import { GRANT_PURPOSE_MAX } from '../limits.ts';

export const GrantInput = z
  .object({
    organisationId: z.string().min(1).max(100).describe('the organisation that may read'),
    keys: z
      .array(z.string().min(1).max(40))
      .min(1)
      .max(50)
      .describe("the device profile's keys it may read"),
    from: z.string().max(40).describe('RFC 3339, inclusive: the earliest point time it may read'),
    to: z.string().max(40).describe('RFC 3339, exclusive: points before this time only'),
    purpose: z.string().trim().min(1).max(GRANT_PURPOSE_MAX).describe('why the data is shared'),
  })
  .meta({ id: 'DeviceGrantCreate' });
export type GrantInput = z.input<typeof GrantInput>;

export const Grant = z
  .object({
    id: z.string(),
    deviceId: z.string(),
    ownerOrganisationId: z.string(),
    granteeOrganisationId: z.string(),
    keys: z.array(z.string()),
    from: z.string().describe('RFC 3339 UTC, inclusive'),
    to: z.string().describe('RFC 3339 UTC, exclusive'),
    purpose: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    revokedAt: z.string().nullable(),
    revokedBy: z.string().nullable(),
  })
  .meta({ id: 'DeviceGrant' });
export type Grant = z.infer<typeof Grant>;

/** A grant as the organisations' list gives it: with the device a grantee cannot look up. */
export const ListedGrant = Grant.extend({
  deviceName: z.string().nullable().describe("the device's name as its owner set it"),
  deviceProfileId: z.string().describe("the device's profile: names and units of its keys"),
}).meta({ id: 'DeviceGrantListed' });
export type ListedGrant = z.infer<typeof ListedGrant>;

export const GrantUsage = z
  .object({
    id: z.string(),
    grantId: z.string(),
    readerId: z.string().describe('the user or API key that read'),
    readerOrganisationId: z.string(),
    read: z.enum(['telemetry', 'latest']),
    key: z.string(),
    from: z.string().nullable().describe('the range asked for (telemetry reads)'),
    to: z.string().nullable(),
    points: z.number().int().describe('points (or buckets) answered'),
    at: z.string(),
  })
  .meta({ id: 'DeviceGrantUsage' });
export type GrantUsage = z.infer<typeof GrantUsage>;

export const GrantListQuery = z.object({
  role: z
    .enum(['given', 'received'])
    .optional()
    .describe(
      "given: your organisation's grants to others; received: others' to you; default both",
    ),
});
