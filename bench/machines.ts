// Telemetry ingest and reads on the default SQLite file (WAL): sustained points/s by HTTP
// batch (1,000 points a request) and by MQTT through the embedded broker (QoS 1, 100 points
// a message, PUBACK after commit), beside the raw better-sqlite3 insert rate into the same
// series table measured in the same run; and the time of a 30-day downsampled query of a
// 1 Hz key. Targets on 2 cores: ≥ 50k points/s HTTP, ≥ 10k points/s MQTT, query < 50 ms.
// Usage: node --import tsx bench/machines.ts [--seconds N]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import mqtt from 'mqtt';
import { DAY_MS, HOUR_MS, MINUTE_MS, rollUp, startMqtt } from '../src/machines/index.ts';
import { addRollups, ingestTransaction } from '../src/machines/repository.ts';
import { type Actor, completeInn10, completeOgrn13, systemActor } from '../src/model/index.ts';
import { openPlatform } from '../src/platform.ts';
import { buildServer } from '../src/server/app.ts';

const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 5;
const HTTP_BATCH = 1000;
const HTTP_CLIENTS = 4;
const MQTT_POINTS = 100;
const MQTT_INFLIGHT = 32;

const dir = mkdtempSync(join(tmpdir(), 'digicluster-bench-machines-'));
const file = join(dir, 'digicluster.db');
const platform = await openPlatform({ sqliteFile: file, sessionTtlHours: 1 });
await platform.registry.createOrganisation(systemActor, {
  id: 'bench-plant',
  name: 'ООО «Стендовая фабрика»',
  kind: 'preparation_plant',
  inn: completeInn10('420000001'),
  ogrn: completeOgrn13('112420000001'),
  okved: '05.10',
  region: 'Кемеровская область — Кузбасс',
  employees: 900,
  knowledgeWorkers: 40,
  identifiersGenerated: true,
});
await platform.registry.addSite(systemActor, 'bench-plant', {
  id: 'bench-site',
  name: 'Промплощадка',
  kind: 'plant',
  lat: 55.36,
  lon: 86.09,
});
const newDevice = () =>
  platform.machines.createDevice(systemActor, {
    organisationId: 'bench-plant',
    siteId: 'bench-site',
    profileId: 'belt-scale',
  });

const start = Date.now() - 12 * HOUR_MS;
let serial = 0;
/** A message's points at 1 Hz from a per-run clock, each id new. */
const points = (n: number) =>
  Array.from({ length: n }, () => {
    const i = serial++;
    return {
      id: `p${i}`,
      ts: new Date(start + i * 10).toISOString(),
      values: { throughput_tph: 800 + (i % 100) },
    };
  });

// 1. The raw better-sqlite3 insert rate: prepared statement, 1,000 rows a transaction, same table.
interface Rate {
  /** points per second of wall time */
  wall: number;
  /** points per second of this process's CPU time (the client's share included): steadier under load */
  cpu: number;
}
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

function rawRate(): Rate {
  const db = new SQLite(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.exec(
    'create table machines_point (device_id text not null, message_id text not null, key text not null, ts bigint not null, value double precision not null, primary key (device_id, message_id, key)); create index machines_point_series on machines_point (device_id, key, ts)',
  );
  const insert = db.prepare('insert into machines_point values (?, ?, ?, ?, ?)');
  const many = db.transaction((from: number) => {
    for (let i = from; i < from + 1000; i++)
      insert.run('d-raw', `p${i}`, 'throughput_tph', start + i * 10, 800 + (i % 100));
  });
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    many(n);
    n += 1000;
  }
  const rate = { wall: n / ((performance.now() - t0) / 1000), cpu: n / cpuSeconds(c0) };
  db.close();
  return rate;
}

// 2. HTTP batch over a real socket, HTTP_CLIENTS requests in flight.
async function httpRate(): Promise<Rate> {
  const device = await newDevice();
  const app = await buildServer(platform, { logLevel: 'silent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/telemetry`;
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: HTTP_CLIENTS }, async () => {
      while (performance.now() - t0 < SECONDS * 1000) {
        const r = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ device: device.id, points: points(HTTP_BATCH) }),
        });
        const body = (await r.json()) as { accepted: number };
        if (r.status !== 200) throw new Error(JSON.stringify(body));
        n += body.accepted;
      }
    }),
  );
  const rate = { wall: n / ((performance.now() - t0) / 1000), cpu: n / cpuSeconds(c0) };
  await app.close();
  return rate;
}

// 3. MQTT through the embedded broker, QoS 1, MQTT_INFLIGHT messages awaiting their PUBACK.
async function mqttRate(): Promise<Rate> {
  const device = await newDevice();
  const broker = await startMqtt(platform.machines, {
    mqttEmbedded: true,
    mqttHost: '127.0.0.1',
    mqttPort: 0,
    mqttShareGroup: 'bench',
    mqttClientId: 'bench',
  });
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
    username: device.id,
    password: device.token,
  });
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: MQTT_INFLIGHT }, async () => {
      while (performance.now() - t0 < SECONDS * 1000) {
        await c.publishAsync(
          `digicluster/${device.id}/telemetry`,
          JSON.stringify({ points: points(MQTT_POINTS) }),
          { qos: 1 },
        );
        n += MQTT_POINTS;
      }
    }),
  );
  const rate = { wall: n / ((performance.now() - t0) / 1000), cpu: n / cpuSeconds(c0) };
  await c.endAsync();
  await broker.close();
  return rate;
}

// 4. A 30-day 1 Hz key (2.59 million points): its roll-ups stored as ingestion keeps them
// (the raw rows are not read by a downsampled query), then the query timed.
async function queryTimes(): Promise<{ hour: number; minute: number; points: [number, number] }> {
  const device = await newDevice();
  const end = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const from = end - 30 * DAY_MS;
  for (let day = from; day < end; day += DAY_MS) {
    const second = Array.from({ length: 86_400 }, (_, s) => ({
      ts: day + s * 1000,
      value: 800 + 50 * Math.sin(s / 600),
    }));
    await ingestTransaction(platform.store, async (tx) => {
      for (const [table, size] of [
        ['machines_rollup_minute', MINUTE_MS],
        ['machines_rollup_hour', HOUR_MS],
      ] as const)
        await addRollups(
          tx,
          table,
          device.id,
          [...rollUp(second, size)].map(([bucket, r]) => ({ key: 'throughput_tph', bucket, ...r })),
        );
    });
  }
  const reader: Actor = {
    kind: 'user',
    id: 'bench',
    organisationId: 'bench-plant',
    role: 'member',
  };
  const time = async (bucket: '1h' | '1m') => {
    const runs: number[] = [];
    let count = 0;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const s = await platform.machines.telemetry(reader, device.id, {
        key: 'throughput_tph',
        from: new Date(from).toISOString(),
        to: new Date(end).toISOString(),
        bucket,
        agg: 'avg',
      });
      runs.push(performance.now() - t0);
      count = s.points.length;
    }
    runs.sort((a, b) => a - b);
    return { ms: runs[3], count };
  };
  const h = await time('1h');
  const m = await time('1m');
  return { hour: h.ms, minute: m.ms, points: [h.count, m.count] };
}

// a shared machine's load moves every absolute figure: compare each with raw, measured beside it
console.log(
  `machines: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at start, ${SECONDS} s per ingest measurement, SQLite file (WAL)`,
);
const raw = rawRate();
const fmt = (x: number) => Math.round(x).toLocaleString('en');
const vsRaw = (r: Rate) =>
  `= ${((r.wall / raw.wall) * 100).toFixed(0)}% of raw; per CPU-second ${fmt(r.cpu)} = ${((r.cpu / raw.cpu) * 100).toFixed(0)}% of raw's`;
console.log(
  `  raw better-sqlite3 insert (same table, 1,000 rows a transaction): ${fmt(raw.wall)} points/s (${fmt(raw.cpu)} per CPU-second)`,
);
const http = await httpRate();
console.log(
  `  HTTP batch: ${fmt(http.wall)} points/s (batch ${HTTP_BATCH} points, ${HTTP_CLIENTS} requests in flight; target ≥ 50,000) ${vsRaw(http)}`,
);
const mq = await mqttRate();
console.log(
  `  MQTT embedded broker: ${fmt(mq.wall)} points/s (QoS 1, ${MQTT_POINTS} points per message, ${MQTT_INFLIGHT} messages in flight, PUBACK after commit; target ≥ 10,000) ${vsRaw(mq)}`,
);
const q = await queryTimes();
console.log(
  `  30-day query of a 1 Hz key (median of 7): bucket=1h ${q.hour.toFixed(1)} ms (${q.points[0]} points), bucket=1m ${q.minute.toFixed(1)} ms (${q.points[1]} points); target < 50 ms`,
);
await platform.close();
rmSync(dir, { recursive: true, force: true });
