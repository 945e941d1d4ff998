// `digicluster simulate-plant`: publishes a preparation plant's telemetry over MQTT, as its
// instruments would (engine/simulation.ts: shifts, a stoppage, an ash excursion that trips
// the ash alarm). Devices: the simulator registers its six instruments at the site through
// the machines service as the system actor (journaled), named as in engine/simulation.ts;
// on a later run it finds them by site and name and rotates their tokens (the old token
// stops working; only hashes are stored, so a run needs fresh ones). It describes the
// site's plant with them if the site has none. It publishes `--minutes` of readings ending
// now (or from `--start`) as fast as the broker acknowledges them (QoS 1); message ids are
// derived from seed, start and reading, so a repeated run with the same --seed and --start
// stores nothing twice. Values depend only on --seed and the window.
// With `--live` it publishes each reading when its time comes instead, window after window
// (each with its own stoppage and ash excursion), until stopped: the demo plant keeps
// reporting, and its no-data alarms stay quiet.
import mqtt, { type MqttClient } from 'mqtt';
import { loadConfig } from '../config.ts';
import { type AlarmRecord, type SimRole, simDevices, simulatePlant } from '../machines/index.ts';
import { type Actor, DomainError, systemActor } from '../model/index.ts';
import { openPlatform, type Platform } from '../platform.ts';
import { wholeNumber } from './args.ts';

class UsageError extends Error {}

export interface SimulateOptions {
  organisationId: string;
  siteId: string;
  minutes: number;
  /** readings per instrument per minute */
  perMinute: number;
  seed: number;
  /** the first reading's time (ms); default: `minutes` before now, on a whole minute */
  start?: number;
  brokerUrl: string;
  /** readings per MQTT message (≤ 1,000) */
  batch?: number;
  /**
   * Publish each reading when its time comes (one earlier than now goes at once), window after
   * window of `minutes`, until `signal` aborts. `clock` is for tests.
   */
  live?: { signal: AbortSignal; clock?: LiveClock };
}

/** The time and the waiting of a live run (tests pass a clock that jumps). */
export interface LiveClock {
  now(): number;
  /** resolves after `ms`, or at once when `signal` aborts */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

const realClock: LiveClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
    }),
};

export interface SimulationReport {
  organisationId: string;
  siteId: string;
  start: string;
  minutes: number;
  perMinute: number;
  seed: number;
  /** windows published (live: the last one cut short when stopped) */
  windows: number;
  devices: Array<{ role: SimRole; id: string; created: boolean }>;
  messages: number;
  points: number;
  refused: number;
  alarms: Array<
    Pick<AlarmRecord, 'id' | 'deviceId' | 'status' | 'raisedAt' | 'raisedValue'> & { rule: string }
  >;
}

/** Registers (or finds and re-keys) the simulator's devices at the site. */
async function simulatorDevices(p: Platform, o: SimulateOptions) {
  const existing = (await p.machines.listDevices(systemActor, o.organisationId)).filter(
    (d) => d.siteId === o.siteId,
  );
  const out: Array<{ role: SimRole; id: string; token: string; created: boolean }> = [];
  for (const d of simDevices) {
    const found = existing.find((x) => x.name === d.name && x.profileId === d.profileId);
    const device = found
      ? await p.machines.rotateToken(systemActor, found.id)
      : await p.machines.createDevice(systemActor, {
          organisationId: o.organisationId,
          siteId: o.siteId,
          profileId: d.profileId,
          name: d.name,
        });
    out.push({ role: d.role, id: device.id, token: device.token, created: !found });
  }
  return out;
}

async function describePlant(p: Platform, siteId: string, ids: Map<SimRole, string>) {
  try {
    await p.plant.plant(systemActor, siteId);
    return; // the site's own description stands
  } catch (e) {
    if (!(e instanceof DomainError) || e.status !== 404) throw e;
  }
  await p.plant.configure(systemActor, siteId, {
    feedDeviceId: ids.get('feed'),
    productDeviceId: ids.get('product'),
    ashDeviceId: ids.get('ash'),
    densityDeviceId: ids.get('density'),
    powerDeviceId: ids.get('power'),
    ashTargetPct: 10,
    densityTargetKgm3: 1450,
    runningAboveTph: 100,
  });
}

/** Runs a simulation against a broker; `progress` is told of each acknowledged message. */
export async function simulate(
  p: Platform,
  o: SimulateOptions,
  progress: (done: number, total: number) => void = () => {},
): Promise<SimulationReport> {
  const batch = Math.min(1000, Math.max(1, o.batch ?? 60));
  const live = o.live;
  const clock = live?.clock ?? realClock;
  // a batch ends now; a live run begins now
  const minute = Math.floor(clock.now() / 60_000) * 60_000;
  const start = o.start ?? (live ? minute : minute - o.minutes * 60_000);
  const devices = await simulatorDevices(p, o);
  await describePlant(p, o.siteId, new Map(devices.map((d) => [d.role, d.id])));
  const clients = new Map<SimRole, MqttClient>();
  let refused = 0;
  try {
    for (const d of devices) {
      const client = await mqtt.connectAsync(o.brokerUrl, {
        username: d.id,
        password: d.token,
        clientId: `simulate-plant-${d.id}`,
        reconnectPeriod: 0,
      });
      client.on('message', () => {
        refused += 1;
      });
      await client.subscribeAsync(`digicluster/${d.id}/rejected`, { qos: 0 }).catch(() => {});
      clients.set(d.role, client);
    }
    const ids = new Map(devices.map((d) => [d.role, d.id]));
    const perWindow = Math.floor(o.minutes * o.perMinute) * devices.length;
    let total = perWindow;
    const buffers = new Map<
      SimRole,
      Array<{ id: string; ts: string; values: Record<string, number> }>
    >();
    let done = 0;
    let messages = 0;
    const flush = async (role: SimRole) => {
      const points = buffers.get(role) ?? [];
      if (!points.length) return;
      buffers.set(role, []);
      await clients
        .get(role)
        ?.publishAsync(`digicluster/${ids.get(role)}/telemetry`, JSON.stringify({ points }), {
          qos: 1,
        });
      messages += 1;
      done += points.length;
      progress(done, total);
    };
    const flushAll = async () => {
      for (const role of buffers.keys()) await flush(role);
    };
    let windows = 0;
    // a window's message ids carry its start, so windows never collide
    for (let from = start; ; from += o.minutes * 60_000) {
      windows += 1;
      let n = 0;
      for (const r of simulatePlant({
        start: from,
        minutes: o.minutes,
        perMinute: o.perMinute,
        seed: o.seed,
      })) {
        if (live) {
          const wait = r.ts - clock.now();
          if (wait > 0) {
            await flushAll(); // what is due goes out before the wait
            await clock.sleep(wait, live.signal);
          }
          if (live.signal.aborted) break;
        }
        const list = buffers.get(r.role) ?? [];
        list.push({
          id: `sim-${o.seed}-${from}-${n++}`,
          ts: new Date(r.ts).toISOString(),
          values: r.values,
        });
        buffers.set(r.role, list);
        if (list.length >= batch) await flush(r.role);
      }
      await flushAll();
      if (!live || live.signal.aborted) break;
      total += perWindow;
    }
    // every message is acknowledged (so stored, alarms evaluated); refusals come just after
    await new Promise((r) => setTimeout(r, 100));
    const reader: Actor = { ...systemActor, organisationId: o.organisationId };
    const startIso = new Date(start).toISOString();
    const alarms: SimulationReport['alarms'] = [];
    for (const d of devices)
      for (const a of await p.alarms.list(reader, { device: d.id }))
        if (a.raisedAt >= startIso)
          alarms.push({
            id: a.id,
            deviceId: a.deviceId,
            rule: a.rule.id,
            status: a.status,
            raisedAt: a.raisedAt,
            raisedValue: a.raisedValue,
          });
    return {
      organisationId: o.organisationId,
      siteId: o.siteId,
      start: startIso,
      minutes: o.minutes,
      perMinute: o.perMinute,
      seed: o.seed,
      windows,
      devices: devices.map(({ role, id, created }) => ({ role, id, created })),
      messages,
      points: done,
      refused,
      alarms,
    };
  } finally {
    for (const c of clients.values()) await c.endAsync().catch(() => {});
  }
}

const usage = `Usage:
  digicluster simulate-plant [--organisation ORG] [--site SITE] [--rate N] [--minutes M]
                             [--seed S] [--start TIME] [--broker URL] [--live] [--json]
  --rate N       readings per instrument per minute (1–60, default 6)
  --minutes M    minutes of plant time to publish, ending now (1–10080, default 480)
  --live         publish each reading when its time comes, window after window of M
                 minutes from --start (default: now), until Ctrl-C
  --broker URL   default: the embedded broker, mqtt://MQTT_HOST:MQTT_PORT
  default site:  yuzhnaya-plant of cof-yuzhnaya (the example's central preparation plant)`;

function parseArgs(args: string[]) {
  const values = new Map<string, string>();
  let json = false;
  let live = false;
  const known = [
    '--organisation',
    '--site',
    '--rate',
    '--minutes',
    '--seed',
    '--start',
    '--broker',
  ];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--live') live = true;
    else if (known.includes(a)) {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      values.set(a, v);
    } else throw new UsageError(`unexpected argument "${a}"`);
  }
  const int = (name: string, def: number, min: number, max: number) => {
    const raw = values.get(name);
    if (raw === undefined) return def;
    const n = wholeNumber(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
  const startRaw = values.get('--start');
  const start = startRaw === undefined ? undefined : Date.parse(startRaw);
  if (start !== undefined && !Number.isFinite(start))
    throw new UsageError('--start must be a time, e.g. 2026-11-29T00:00:00Z');
  return {
    json,
    live,
    organisationId: values.get('--organisation') ?? 'cof-yuzhnaya',
    siteId: values.get('--site') ?? 'yuzhnaya-plant',
    perMinute: int('--rate', 6, 1, 60),
    minutes: int('--minutes', 480, 1, 10_080),
    seed: int('--seed', 1, 0, 2 ** 31 - 1),
    start,
    broker: values.get('--broker'),
  };
}

/** A live run's progress on stderr: readings so far and the time of the last. */
function liveProgress() {
  return (done: number) => {
    process.stderr.write(
      `\r${done} readings published, the last at ${new Date().toISOString().slice(11, 19)} UTC (Ctrl-C stops)`,
    );
  };
}

/** A progress bar on stderr, redrawn at most every 100 ms. */
function progressBar() {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total} readings`,
    );
    if (done >= total) process.stderr.write('\n');
  };
}

export async function simulatePlantCommand(args: string[]): Promise<number> {
  let a: ReturnType<typeof parseArgs>;
  try {
    a = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`digicluster simulate-plant: ${e.message}\n${usage}\n`);
    return 2;
  }
  const config = loadConfig();
  const platform = await openPlatform(config);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  if (a.live) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  try {
    const report = await simulate(
      platform,
      {
        organisationId: a.organisationId,
        siteId: a.siteId,
        minutes: a.minutes,
        perMinute: a.perMinute,
        seed: a.seed,
        start: a.start,
        brokerUrl: a.broker ?? `mqtt://${config.mqttHost}:${config.mqttPort}`,
        live: a.live ? { signal: stop.signal } : undefined,
      },
      a.json ? undefined : a.live ? liveProgress() : progressBar(),
    );
    if (a.live && !a.json) process.stderr.write('\n');
    if (a.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      console.log(
        `Published ${report.points} readings in ${report.messages} messages from ${report.devices.length} devices at ${report.siteId} (${report.windows > 1 ? `${report.windows} windows of ` : ''}${report.minutes} min from ${report.start}, seed ${report.seed}); refused: ${report.refused}.`,
      );
      for (const al of report.alarms)
        console.log(
          `  alarm ${al.rule} on ${al.deviceId}: ${al.status}, raised ${al.raisedAt} at ${al.raisedValue}`,
        );
    }
    return 0;
  } catch (e) {
    const text =
      e instanceof DomainError
        ? `${e.message}${e.fields.length ? ` (${e.fields.map((f) => `${f.field}: ${f.message.text('en')}`).join('; ')})` : ''}`
        : e instanceof Error
          ? e.message
          : String(e);
    process.stderr.write(`digicluster simulate-plant: ${text}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await platform.close();
  }
}
