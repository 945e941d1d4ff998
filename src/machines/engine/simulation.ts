// A Kuzbass coal preparation plant's instruments, simulated, pure and deterministic (a seeded
// generator): the raw-coal feed belt scale (~800 t/h; the two 12-hour shifts, changing at
// 08:00 and 20:00 Kemerovo time (UTC+7), run at slightly different rates, and the feed
// dips while crews hand over), the concentrate belt scale (feed × yield ≈ 72 %), the ash
// analyser on the concentrate (Ad ≈ 9.5 %, moisture ≈ 8 %), the dense-medium densimeter
// (≈ 1450 kg/m³), the thickener's rake torque and the plant's power meter.
// Two events in each run: a stoppage at 40 % of the window (feed and product 0, power at
// standby) and, at 70 %, the medium density sagging to ≈ 1415 kg/m³ (35 below its 1450
// target: the density warning, not its critical alarm), which lets high-ash material into
// the concentrate: ash climbs to ≈ 12.5 %, above the ash alarms of a 10 % target, and back.

export type SimRole = 'feed' | 'product' | 'ash' | 'density' | 'thickener' | 'power';

export const simDevices: ReadonlyArray<{ role: SimRole; profileId: string; name: string }> = [
  { role: 'feed', profileId: 'belt-scale', name: 'Конвейер питания (рядовой уголь)' },
  { role: 'product', profileId: 'belt-scale', name: 'Конвейер концентрата' },
  { role: 'ash', profileId: 'ash-analyser', name: 'Золомер концентрата' },
  { role: 'density', profileId: 'dense-medium', name: 'Плотномер суспензии ТСС' },
  { role: 'thickener', profileId: 'thickener', name: 'Радиальный сгуститель' },
  { role: 'power', profileId: 'power-meter', name: 'Ввод 6 кВ фабрики' },
];

export interface SimReading {
  role: SimRole;
  ts: number;
  values: Record<string, number>;
}

export interface SimWindow {
  /** the first reading's time, ms */
  start: number;
  minutes: number;
  /** readings per instrument per minute */
  perMinute: number;
  seed: number;
}

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEMEROVO_UTC_OFFSET_H = 7;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Where in the window the events fall, in minutes from its start. */
export function simEvents(minutes: number) {
  const stopLength = Math.max(2, Math.round(minutes * 0.08));
  const excursionLength = Math.max(3, Math.round(minutes * 0.1));
  return {
    stoppage: { from: minutes * 0.4, to: minutes * 0.4 + stopLength },
    excursion: { from: minutes * 0.7, to: minutes * 0.7 + excursionLength },
  };
}

/** The readings of the window, in time order (each time: every instrument). */
export function* simulatePlant(w: SimWindow): Generator<SimReading> {
  const rnd = seeded(w.seed);
  const noise = (scale: number) => (rnd() + rnd() + rnd() - 1.5) * scale;
  const events = simEvents(w.minutes);
  const step = 60_000 / w.perMinute;
  const count = Math.floor(w.minutes * w.perMinute);
  let torque = 35;
  // the density wanders slowly (a mean-reverting walk scaled to the step), so its rate-of-
  // change rule stays quiet at any reading rate
  let wander = 0;
  const stepMinutes = 1 / w.perMinute;
  for (let i = 0; i < count; i++) {
    const ts = Math.round(w.start + i * step);
    const minute = i / w.perMinute;
    const localHour = (new Date(ts).getUTCHours() + KEMEROVO_UTC_OFFSET_H) % 24;
    const localMinute = new Date(ts).getUTCMinutes();
    const dayShift = localHour >= 8 && localHour < 20;
    const handover = (localHour === 8 || localHour === 20) && localMinute < 20;
    const stopped = minute >= events.stoppage.from && minute < events.stoppage.to;
    // the excursion's shape: 0 → 1 → 0 over its length (a sine arch)
    const e = events.excursion;
    const sag =
      minute >= e.from && minute < e.to
        ? Math.sin((Math.PI * (minute - e.from)) / (e.to - e.from))
        : 0;

    const nominal = (dayShift ? 820 : 780) * (handover ? 0.7 : 1);
    const feed = stopped ? 0 : Math.max(0, nominal + noise(60));
    wander += noise(6 * stepMinutes) - wander * Math.min(1, 0.3 * stepMinutes);
    const density = 1450 - 35 * sag + wander;
    const yieldShare = 0.72 + 0.04 * sag + noise(0.02);
    const product = stopped ? 0 : feed * yieldShare;
    const ash = 9.5 + 3.2 * sag + noise(0.4);
    torque = Math.min(80, Math.max(10, torque + noise(1.5) + (35 - torque) * 0.05));
    const power = stopped ? 650 + noise(40) : 3800 + feed * 0.9 + noise(80);

    yield { role: 'feed', ts, values: { throughput_tph: round(feed, 1) } };
    yield { role: 'product', ts, values: { throughput_tph: round(product, 1) } };
    yield {
      role: 'ash',
      ts,
      values: { ash_pct: round(ash, 2), moisture_pct: round(8 + noise(0.6), 2) },
    };
    yield { role: 'density', ts, values: { density_kgm3: round(density, 1) } };
    yield { role: 'thickener', ts, values: { rake_torque_pct: round(torque, 1) } };
    yield { role: 'power', ts, values: { power_kw: round(power, 0) } };
  }
}
