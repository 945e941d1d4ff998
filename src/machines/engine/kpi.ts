// KPIs of a coal preparation plant, pure: from per-minute averages of the plant's
// instruments over [from, to) (minute-aligned). Inputs, by role:
//   feed     the raw-coal belt scale before the plant (throughput_tph, t/h)
//   product  the concentrate belt scale after it (throughput_tph, t/h)
//   ash      the online ash analyser on the concentrate belt (ash_pct, Ad %)
//   density  the dense-medium densimeter (density_kgm3, kg/m³)
//   power    the plant's power meter at its supply (power_kw, kW)
// Formulas (each minute bucket stands for one minute of operation at its average rate):
//   tonnes        Σ max(avg_tph, 0) / 60 over the minutes with data: a belt scale reads a
//                 little below zero at zero drift or a belt running back, and such a minute
//                 carried nothing (counted as negative, it would take tonnes off the running
//                 minutes and blow up kWh/t and yield over a short window)
//   yield %       product tonnes / feed tonnes × 100
//   product ash   Σ ash_m × product_m / Σ product_m over minutes having both (tonnage-
//                 weighted); without product data in those minutes, the plain mean of ash
//   density dev.  mean and largest |density_m − target| over minutes with data
//   downtime      minutes whose feed average is below `runningAboveTph` or that have no
//                 feed data at all; a stoppage is a run of consecutive downtime minutes
//   energy        Σ avg_kW / 60 (kWh) over the minutes with data
//   kWh/t         Σ avg_kW / 60 ÷ Σ max(avg_tph, 0) / 60 over the minutes having both power and feed
//                 data (standby draw in a stoppage counts: it is the plant's cost per tonne)
// A role without data gives null ("no data"), never a made-up value.
import { MINUTE_MS } from './rollup.ts';

export interface MinutePoint {
  /** the minute's start, ms since the epoch */
  ts: number;
  /** the minute's average */
  value: number;
}

export interface PlantKpiInput {
  from: number;
  to: number;
  feed: readonly MinutePoint[] | null;
  product: readonly MinutePoint[] | null;
  ash: readonly MinutePoint[] | null;
  density: readonly MinutePoint[] | null;
  /** absent or null: no power meter */
  power?: readonly MinutePoint[] | null;
  ashTargetPct: number | null;
  densityTargetKgm3: number | null;
  /** the feed runs when its minute average is at least this (t/h) */
  runningAboveTph: number;
}

export interface PlantKpiValues {
  minutes: number;
  feedTonnes: number | null;
  productTonnes: number | null;
  /** feed tonnes per running hour */
  feedTphRunning: number | null;
  yieldPct: number | null;
  productAshPct: number | null;
  ashTargetPct: number | null;
  /** product ash − target (percentage points) */
  ashDeviationPct: number | null;
  ashAboveTargetMinutes: number | null;
  densityMeanKgm3: number | null;
  densityTargetKgm3: number | null;
  densityMeanAbsDeviationKgm3: number | null;
  densityMaxAbsDeviationKgm3: number | null;
  downtimeMinutes: number | null;
  stoppages: number | null;
  availabilityPct: number | null;
  energyKWh: number | null;
  energyKWhPerTonne: number | null;
}

const inRange = (s: readonly MinutePoint[] | null, from: number, to: number) =>
  s ? s.filter((p) => p.ts >= from && p.ts < to && Number.isFinite(p.value)) : null;

/** A rate per hour summed over its minutes: kW → kWh. */
const overMinutes = (s: readonly MinutePoint[] | null) =>
  s?.length ? s.reduce((t, p) => t + p.value / 60, 0) : null;

/** What a belt carried in a minute at this average rate: nothing when it reads below zero. */
const carried = (tph: number) => Math.max(tph, 0);

/** A belt's tonnes over its minutes (t/h → t). */
const tonnesOver = (s: readonly MinutePoint[] | null) =>
  s?.length ? s.reduce((t, p) => t + carried(p.value) / 60, 0) : null;

/** Rounds for display: KPIs are shown to 3 decimals at most (no binary noise). */
const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function plantKpis(input: PlantKpiInput): PlantKpiValues {
  const from = Math.floor(input.from / MINUTE_MS) * MINUTE_MS;
  const to = Math.ceil(input.to / MINUTE_MS) * MINUTE_MS;
  const minutes = Math.max(0, (to - from) / MINUTE_MS);
  const feed = inRange(input.feed, from, to);
  const product = inRange(input.product, from, to);
  const ash = inRange(input.ash, from, to);
  const density = inRange(input.density, from, to);
  const power = inRange(input.power ?? null, from, to);

  const feedTonnes = tonnesOver(feed);
  const productTonnes = tonnesOver(product);
  const yieldPct =
    feedTonnes !== null && productTonnes !== null && feedTonnes > 0
      ? (productTonnes / feedTonnes) * 100
      : null;

  // downtime on the feed belt, minute by minute
  let downtimeMinutes: number | null = null;
  let stoppages: number | null = null;
  let runningTonnes = 0;
  if (feed !== null) {
    const byMinute = new Map(feed.map((p) => [Math.floor(p.ts / MINUTE_MS) * MINUTE_MS, p.value]));
    downtimeMinutes = 0;
    stoppages = 0;
    let down = false;
    for (let m = from; m < to; m += MINUTE_MS) {
      const v = byMinute.get(m);
      const isDown = v === undefined || v < input.runningAboveTph;
      if (isDown) {
        downtimeMinutes++;
        if (!down) stoppages++;
      } else runningTonnes += v / 60;
      down = isDown;
    }
  }
  const running = downtimeMinutes === null ? 0 : minutes - downtimeMinutes;
  const feedTphRunning = running > 0 ? runningTonnes / (running / 60) : null;

  let productAshPct: number | null = null;
  if (ash?.length) {
    const productAt = new Map(product?.map((p) => [p.ts, p.value]));
    let w = 0;
    let wx = 0;
    for (const a of ash) {
      const t = productAt.get(a.ts);
      if (t !== undefined && t > 0) {
        w += t;
        wx += t * a.value;
      }
    }
    productAshPct = w > 0 ? wx / w : ash.reduce((s, p) => s + p.value, 0) / ash.length;
  }
  const ashTarget = input.ashTargetPct;
  const ashAboveTargetMinutes =
    ash?.length && ashTarget !== null ? ash.filter((p) => p.value > ashTarget).length : null;

  let densityMeanKgm3: number | null = null;
  let meanAbs: number | null = null;
  let maxAbs: number | null = null;
  if (density?.length) {
    densityMeanKgm3 = density.reduce((s, p) => s + p.value, 0) / density.length;
    const target = input.densityTargetKgm3;
    if (target !== null) {
      const devs = density.map((p) => Math.abs(p.value - target));
      meanAbs = devs.reduce((s, d) => s + d, 0) / devs.length;
      maxAbs = Math.max(...devs);
    }
  }

  const energyKWh = overMinutes(power);
  let energyKWhPerTonne: number | null = null;
  if (power?.length && feed?.length) {
    const feedAt = new Map(feed.map((p) => [p.ts, p.value]));
    let kWh = 0;
    let t = 0;
    for (const p of power) {
      const f = feedAt.get(p.ts);
      if (f === undefined) continue;
      kWh += p.value / 60;
      t += carried(f) / 60;
    }
    energyKWhPerTonne = t > 0 ? kWh / t : null;
  }

  return {
    minutes,
    feedTonnes: r3(feedTonnes),
    productTonnes: r3(productTonnes),
    feedTphRunning: r3(feedTphRunning),
    yieldPct: r3(yieldPct),
    productAshPct: r3(productAshPct),
    ashTargetPct: ashTarget,
    ashDeviationPct:
      productAshPct !== null && ashTarget !== null ? r3(productAshPct - ashTarget) : null,
    ashAboveTargetMinutes,
    densityMeanKgm3: r3(densityMeanKgm3),
    densityTargetKgm3: input.densityTargetKgm3,
    densityMeanAbsDeviationKgm3: r3(meanAbs),
    densityMaxAbsDeviationKgm3: r3(maxAbs),
    downtimeMinutes,
    stoppages,
    availabilityPct:
      downtimeMinutes === null || minutes === 0 ? null : r3((running / minutes) * 100),
    energyKWh: r3(energyKWh),
    energyKWhPerTonne: r3(energyKWhPerTonne),
  };
}
