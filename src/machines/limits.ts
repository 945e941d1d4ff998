// Plain ranges of the plant's description (no zod), shared by the server's schema and the
// web form, so that the two cannot state a range apart (web/src/machines imports this file:
// see .dependency-cruiser.cjs).

/** The longest device name and grant purpose the API takes (the web's boxes stop there too). */
export const DEVICE_NAME_MAX = 200;
export const GRANT_PURPOSE_MAX = 500;

/** [least, most] the API takes for each number of a plant's description. */
export const PLANT_LIMITS = {
  ashTargetPct: [0, 60],
  densityTargetKgm3: [1000, 2500],
  runningAboveTph: [0, 10_000],
} as const;

/**
 * The site kinds (registry SiteInput.kind) where a preparation plant may stand: a plant's own
 * site, a mine's or an open pit's industrial site. The server describes a plant only there; the
 * Plant page offers only these (and any site whose plant is already described).
 */
export const plantSiteKinds: readonly string[] = ['plant', 'mine', 'open_pit'];

/**
 * The readings a plant sets a target for: of the device in its `device` field, the `key` of
 * profile `profile`, its target in `target`. A threshold alarm rule of such a key may be set
 * relative to the target (engine/alarms.ts resolveRule).
 */
export const plantTargets = [
  { profile: 'ash-analyser', key: 'ash_pct', device: 'ashDeviceId', target: 'ashTargetPct' },
  {
    profile: 'dense-medium',
    key: 'density_kgm3',
    device: 'densityDeviceId',
    target: 'densityTargetKgm3',
  },
] as const;

/** The keys of a profile a plant sets a target for. */
export const targetKeysOf = (profileId: string): string[] =>
  plantTargets.filter((t) => t.profile === profileId).map((t) => t.key);
