// The plant's concepts: which devices of a site are its feed and product belt scales, its
// ash analyser and densimeter (with the targets), the KPIs computed from them, and alarms.
import { z } from 'zod';
import { rule } from '../model/messages.ts';
import { PLANT_LIMITS as L } from './limits.ts';
import { messages } from './messages.ts';

export const PlantInput = z
  .object({
    feedDeviceId: z
      .string()
      .min(1)
      .max(64)
      .describe('belt scale before the plant (throughput_tph)'),
    productDeviceId: z
      .string()
      .min(1)
      .max(64)
      .describe('belt scale of the concentrate (throughput_tph)'),
    ashDeviceId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .describe('ash analyser on the concentrate belt (ash_pct)'),
    densityDeviceId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .describe('dense-medium densimeter (density_kgm3)'),
    powerDeviceId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .describe("the plant's power meter at its supply (power_kw): energy per tonne of feed"),
    ashTargetPct: z.number().min(L.ashTargetPct[0]).max(L.ashTargetPct[1]).nullable().optional(),
    densityTargetKgm3: z
      .number()
      .min(L.densityTargetKgm3[0])
      .max(L.densityTargetKgm3[1])
      .nullable()
      .optional(),
    runningAboveTph: z
      .number()
      .min(L.runningAboveTph[0])
      .max(L.runningAboveTph[1])
      .optional()
      .describe('the feed belt runs when its minute average is at least this (t/h); default 50'),
  })
  .meta({ id: 'PlantSetup' });
export type PlantInput = z.input<typeof PlantInput>;

export const PlantRecord = z
  .object({
    id: z.string().describe("the site's id: one plant per site"),
    siteId: z.string(),
    organisationId: z.string(),
    feedDeviceId: z.string(),
    productDeviceId: z.string(),
    ashDeviceId: z.string().nullable(),
    densityDeviceId: z.string().nullable(),
    powerDeviceId: z.string().nullable().optional().describe('absent: none'),
    ashTargetPct: z.number().nullable(),
    densityTargetKgm3: z.number().nullable(),
    runningAboveTph: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Plant' });
export type PlantRecord = z.infer<typeof PlantRecord>;

export const KpiQuery = z.object({
  from: z.string().describe('RFC 3339, inclusive (rounded down to the minute)'),
  to: z.string().describe('RFC 3339, exclusive (rounded up to the minute); at most 31 days'),
});

const n = z.number().nullable();
export const PlantKpis = z
  .object({
    siteId: z.string(),
    from: z.string(),
    to: z.string(),
    minutes: z.number().int(),
    feedTonnes: n.describe('Σ minute-average t/h ÷ 60 of the feed belt; null: no data'),
    productTonnes: n.describe('the same for the product belt'),
    feedTphRunning: n.describe('feed tonnes per running hour'),
    yieldPct: n.describe('product tonnes ÷ feed tonnes × 100'),
    productAshPct: n.describe('tonnage-weighted mean of the product ash'),
    ashTargetPct: n,
    ashDeviationPct: n.describe('product ash − target, percentage points'),
    ashAboveTargetMinutes: n,
    densityMeanKgm3: n,
    densityTargetKgm3: n,
    densityMeanAbsDeviationKgm3: n,
    densityMaxAbsDeviationKgm3: n,
    downtimeMinutes: n.describe('minutes with the feed below runningAboveTph or without data'),
    stoppages: n.describe('runs of consecutive downtime minutes'),
    availabilityPct: n,
    energyKWh: n.describe("Σ minute-average kW ÷ 60 of the plant's power meter"),
    energyKWhPerTonne: n.describe(
      'energy ÷ feed tonnes over the minutes having both (specific consumption, kWh/t)',
    ),
  })
  .meta({ id: 'PlantKpis' });
export type PlantKpisView = z.infer<typeof PlantKpis>;

export const AlarmRuleView = z
  .object({
    id: z.string(),
    key: z.string(),
    severity: z.enum(['warning', 'critical']),
    kind: z.enum(['threshold', 'rate', 'no-data']),
    min: z.number().optional(),
    max: z.number().optional(),
    hysteresis: z.number().optional().describe('threshold: an open alarm clears this far inside'),
    relativeTo: z
      .enum(['target'])
      .optional()
      .describe(
        "threshold: min and max are offsets from the target the device's plant sets (ashTargetPct, densityTargetKgm3); no target: the rule raises nothing",
      ),
    target: z
      .number()
      .optional()
      .describe(
        "an alarm's rule relative to the target: the target its min and max were offset from",
      ),
    perMinute: z.number().optional().describe('rate: the largest change per minute'),
    minutes: z.number().optional().describe('no-data: the longest silence'),
  })
  .meta({ id: 'AlarmRule' });

/** A rule as an organisation sets it: the shipped rule's fields, and whether it is on. */
export const AlarmRuleSetting = AlarmRuleView.extend({
  enabled: z.boolean().describe('an off rule raises nothing'),
}).meta({ id: 'AlarmRuleSetting' });
export type AlarmRuleSetting = z.infer<typeof AlarmRuleSetting>;

// JSON has no Infinity or NaN: a number of the body is finite already
const finite = z.number();
export const AlarmRuleInput = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, rule(messages.ruleIdShape))
    .describe('unique within the set'),
  key: z.string().min(1).max(40).describe('a key of the profile'),
  severity: z.enum(['warning', 'critical']),
  kind: z.enum(['threshold', 'rate', 'no-data']),
  enabled: z.boolean().optional().describe('default: on'),
  min: finite.optional().describe('threshold: below it trips'),
  max: finite.optional().describe('threshold: above it trips'),
  hysteresis: finite.optional().describe('threshold: an open alarm clears this far inside'),
  relativeTo: z
    .enum(['target'])
    .optional()
    .describe(
      "threshold: min and max are offsets from the target the device's plant sets for the key",
    ),
  perMinute: finite.optional().describe('rate: the largest change per minute (> 0)'),
  minutes: z.number().int().optional().describe('no-data: the longest silence (1 to 10,080)'),
});
export type AlarmRuleInput = z.input<typeof AlarmRuleInput>;

export const AlarmRuleSetInput = z.object({
  rules: z
    .array(AlarmRuleInput)
    .max(50)
    .describe("the whole set, replacing the organisation's rules of the profile"),
});

/** The rules an organisation's devices of a profile are evaluated by. */
export const AlarmRuleSet = z
  .object({
    id: z.string().describe('{organisationId}/{profileId}'),
    organisationId: z.string(),
    profileId: z.string(),
    rules: z.array(AlarmRuleSetting).describe('in force: the own set, or the shipped one'),
    defaults: z.array(AlarmRuleSetting).describe('the rules the platform ships for the profile'),
    custom: z.boolean().describe('whether the organisation has set its own'),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'AlarmRuleSet' });
export type AlarmRuleSet = z.infer<typeof AlarmRuleSet>;

export const AlarmStatus = z
  .enum(['active', 'acknowledged', 'cleared'])
  .meta({ id: 'AlarmStatus' });
export type AlarmStatus = z.infer<typeof AlarmStatus>;

export const AlarmRecord = z
  .object({
    id: z.string(),
    deviceId: z.string(),
    organisationId: z.string(),
    siteId: z.string(),
    profileId: z.string(),
    rule: AlarmRuleView,
    status: AlarmStatus,
    raisedAt: z.string().describe('the time of the point that raised it (no-data: the check)'),
    raisedValue: z.number().nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    clearedAt: z.string().nullable(),
    clearedValue: z.number().nullable(),
  })
  .meta({ id: 'Alarm' });
export type AlarmRecord = z.infer<typeof AlarmRecord>;

/** An alarm as lists show it: with its device's name (the record itself names the id only). */
export const AlarmView = AlarmRecord.extend({
  deviceName: z.string().nullable().describe("the device's name, if it was given one"),
}).meta({ id: 'AlarmView' });
export type AlarmView = z.infer<typeof AlarmView>;

/** What the header shows on every page: the organisation's active alarms, not yet acknowledged. */
export const AlarmSummary = z
  .object({
    active: z.number().int().describe('active alarms, not acknowledged'),
    critical: z.number().int().describe('of them critical'),
    latestCritical: AlarmView.extend({
      keyLabel: z
        .object({ ru: z.string(), en: z.string() })
        .nullable()
        .describe("the reading's name in its profile (Зольность Ad / Ash Ad); null: unknown key"),
    })
      .nullable()
      .describe('the newest active critical alarm'),
  })
  .meta({ id: 'AlarmSummary' });
export type AlarmSummary = z.infer<typeof AlarmSummary>;

export const AlarmQuery = z.object({
  status: z
    .enum(['open', 'active', 'acknowledged', 'cleared'])
    .optional()
    .describe('open: active or acknowledged'),
  site: z.string().max(100).optional(),
  device: z.string().max(64).optional(),
});

/** A device's latest values as the live stream sends them (one event per stored message). */
export const LiveUpdate = z
  .object({
    deviceId: z.string(),
    values: z.array(z.object({ key: z.string(), ts: z.string(), value: z.number() })),
  })
  .meta({ id: 'LiveUpdate' });
export type LiveUpdate = z.infer<typeof LiveUpdate>;
