// The machines module's concepts: device profiles (telemetry keys with unit and expected
// range and the instrument's limits), devices at sites, telemetry points as devices send them, and series as read back.
import { z } from 'zod';
import { DEVICE_NAME_MAX } from './limits.ts';

/** The most points one message or one HTTP batch may carry. */
export const MAX_POINTS_PER_MESSAGE = 1000;
/** The longest message id, unique per device. */
export const MAX_MESSAGE_ID = 64;
/** The most points one telemetry read answers (beyond: 400). */
export const MAX_QUERY_POINTS = 100_000;
/** A device token's prefix (API keys have `dck_`). */
export const DEVICE_TOKEN_PREFIX = 'dcd_';

export const TelemetryKey = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    unit: z.string().min(1).max(20),
    label: z.string().min(1).max(100).describe('Russian'),
    labelEn: z.string().min(1).max(100),
    min: z.number().describe('the lower end of the expected range (alarms read it; not a limit)'),
    max: z.number().describe('the upper end of the expected range'),
    limitMin: z
      .number()
      .describe(
        'the lowest value the instrument can read: a value below it is refused at ingest (at most `min`)',
      ),
    limitMax: z
      .number()
      .describe(
        'the highest value the instrument can read: a value above it is refused at ingest (at least `max`)',
      ),
  })
  .meta({ id: 'TelemetryKey' });
export type TelemetryKey = z.infer<typeof TelemetryKey>;

export const DeviceProfile = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    name: z.string().min(1).max(200).describe('Russian'),
    nameEn: z.string().min(1).max(200),
    keys: z.array(TelemetryKey).min(1),
    retentionDays: z
      .number()
      .int()
      .min(1)
      .max(36_500)
      .describe('raw points are kept this long; older points are refused and pruned'),
  })
  .meta({ id: 'DeviceProfile' });
export type DeviceProfile = z.infer<typeof DeviceProfile>;

export const DeviceId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

export const DeviceInput = z
  .object({
    organisationId: z.string().min(1).max(100).optional().describe("default: the caller's"),
    siteId: z.string().min(1).max(100),
    profileId: z.string().min(1).max(40),
    name: z.string().trim().min(1).max(DEVICE_NAME_MAX).optional(),
  })
  .meta({ id: 'DeviceCreate' });
export type DeviceInput = z.input<typeof DeviceInput>;

export const DevicePatch = z
  .object({ name: z.string().trim().min(1).max(DEVICE_NAME_MAX) })
  .meta({ id: 'DevicePatch' });

export const DeviceRecord = z
  .object({
    id: DeviceId,
    organisationId: z.string(),
    siteId: z.string(),
    profileId: z.string(),
    name: z.string().nullable(),
    createdAt: z.string(),
    tokenIssuedAt: z.string(),
  })
  .meta({ id: 'Device' });
export type DeviceRecord = z.infer<typeof DeviceRecord>;

export const DeviceWithToken = DeviceRecord.extend({
  token: z.string().describe('shown once: only its hash is stored'),
}).meta({ id: 'DeviceWithToken' });
export type DeviceWithToken = z.infer<typeof DeviceWithToken>;

export const Rejections = z
  .record(z.string(), z.number().int())
  .describe('rejected messages by reason code')
  .meta({ id: 'DeviceRejections' });

export const DeviceView = DeviceRecord.extend({ rejections: Rejections }).meta({
  id: 'DeviceView',
});
export type DeviceView = z.infer<typeof DeviceView>;

/** One message as a device sends it (see engine/payload.ts for the exact rules). */
export const TelemetryPoint = z
  .object({
    id: z.string().min(1).max(MAX_MESSAGE_ID).describe('unique per device: a repeat is ignored'),
    ts: z.string().describe('RFC 3339 with a zone, e.g. 2026-11-29T10:00:00Z'),
    values: z
      .record(z.string(), z.number())
      .describe("finite numbers in the profile's keys, each within its key's limitMin–limitMax"),
  })
  .meta({ id: 'TelemetryPoint' });
export type TelemetryPoint = z.infer<typeof TelemetryPoint>;

export const TelemetryBatch = z
  .object({
    device: z.string().min(1).max(64),
    points: z.array(TelemetryPoint).min(1).max(MAX_POINTS_PER_MESSAGE),
  })
  .meta({ id: 'TelemetryBatch' });
export type TelemetryBatch = z.infer<typeof TelemetryBatch>;

export const IngestResult = z
  .object({
    accepted: z.number().int().describe('messages stored now'),
    duplicates: z.number().int().describe('messages whose id was seen before (ignored)'),
  })
  .meta({ id: 'IngestResult' });
export type IngestResult = z.infer<typeof IngestResult>;

export const Bucket = z.enum(['1m', '1h', '1d']).meta({ id: 'TelemetryBucket' });
export type Bucket = z.infer<typeof Bucket>;
export const Aggregate = z.enum(['avg', 'min', 'max', 'last']).meta({ id: 'TelemetryAggregate' });
export type Aggregate = z.infer<typeof Aggregate>;

export const TelemetryQuery = z.object({
  key: z.string().min(1).max(40),
  from: z.string().describe('RFC 3339, inclusive'),
  to: z.string().describe('RFC 3339, exclusive'),
  bucket: Bucket.optional().describe('each point a bucket (by its start, UTC) and its aggregate'),
  agg: Aggregate.optional().describe('with bucket; default avg'),
});
export type TelemetryQuery = z.infer<typeof TelemetryQuery>;

export const SeriesPoint = z.object({
  ts: z.string(),
  value: z
    .number()
    .nullable()
    .describe(
      "null: the bucket's aggregate is not a finite number (a sum beyond the range of a double); a raw point's value is always a number",
    ),
});
export const TelemetrySeries = z
  .object({ key: z.string(), unit: z.string(), points: z.array(SeriesPoint) })
  .meta({ id: 'TelemetrySeries' });
export type TelemetrySeries = z.infer<typeof TelemetrySeries>;

export const LatestValue = z
  .object({ key: z.string(), unit: z.string(), ts: z.string(), value: z.number() })
  .meta({ id: 'TelemetryLatest' });
export type LatestValue = z.infer<typeof LatestValue>;

/** The profile whose messages are weighings (its `net_t` the lot's net mass). */
export const WEIGHBRIDGE_PROFILE = 'weighbridge';
/** The event a weighbridge's stored message journals, in the transaction of its points. */
export const WEIGHING_RECORDED = 'weighing.recorded';

/** One weighing: a weighbridge message's net tonnes (gross and tare when it sent them). */
export const Weighing = z
  .object({
    deviceId: z.string(),
    organisationId: z.string().describe("the weighbridge's organisation"),
    messageId: z.string().describe('the message id, unique per device'),
    ts: z.string().describe('when the lot was weighed, RFC 3339 UTC'),
    netTonnes: z.number(),
    grossTonnes: z.number().nullable(),
    tareTonnes: z.number().nullable(),
  })
  .meta({ id: 'Weighing' });
export type Weighing = z.infer<typeof Weighing>;
