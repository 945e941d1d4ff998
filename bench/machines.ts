// Telemetry ingest and reads on the default SQLite file (WAL): sustained points/s by HTTP
// batch (1,000 points a request) and by MQTT through the embedded broker (QoS 1, 100 points
// a message, PUBACK after commit), beside the raw better-sqlite3 insert rate into the same
// series table measured in the same run; and the time of a 30-day downsampled query of a
// 1 Hz key. Targets on 2 cores: ≥ 50k points/s HTTP, ≥ 10k points/s MQTT, query < 50 ms.
// Usage: node --import tsx bench/machines.ts [--seconds N] [--query-only]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import mqtt from 'mqtt';
import { DAY_MS, HOUR_MS, startMqtt } from '../src/machines/index.ts';
import { ingestTransaction, minuteColumns } from '../src/machines/repository.ts';
import { addToRollups } from '../src/machines/writer.ts';
import { type Actor, completeInn10, completeOgrn13, systemActor } from '../src/model/index.ts';
import { openPlatform } from '../src/platform.ts';
import { SESSION_COOKIE } from '../src/registry/index.ts';
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

/** The HTTP reader, run as its own process: N GETs one after the other, each timed to its last byte. */
const CLIENT = `
const [url, cookie, encoding, runs] = process.argv.slice(1);
(async () => {
  const times = [];
  for (let i = 0; i < Number(runs); i++) {
    const t0 = performance.now();
    const r = await fetch(url, { headers: { cookie, 'accept-encoding': encoding } });
    await r.arrayBuffer();
    if (r.status !== 200) process.exit(1);
    times.push(performance.now() - t0);
  }
  console.log(JSON.stringify(times));
})();
`;

// 1. The raw better-sqlite3 insert rate: prepared statement, 1,000 rows a transaction, same table.
interface Rate {
  /** points per second of wall time */
  wall: number;
  /**
   * points per second of this process's CPU time, steadier under load (MQTT: its in-process
   * client's share included; HTTP: the server's alone, its devices being another process)
   */
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
  // the devices are another process, as they are other machines: in this one, building and
  // sending their batches would take the server's event loop and CPU
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      '-e',
      DEVICES,
      url,
      device.token,
      device.id,
      String(HTTP_CLIENTS),
      String(HTTP_BATCH),
      String(SECONDS),
      String(start + serial * 10),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`the HTTP devices stopped with ${code}`);
  const n = Number(out);
  serial += n; // later points stay after these
  const rate = { wall: n / ((performance.now() - t0) / 1000), cpu: n / cpuSeconds(c0) };
  await app.close();
  return rate;
}

/**
 * The HTTP devices, run as their own process: CLIENTS loops each posting BATCH-point batches
 * (1 Hz-like times 10 ms apart, every id new) for SECONDS; prints the points accepted.
 */
const DEVICES = `
const [url, token, device, clients, batch, seconds, from] = process.argv.slice(1);
let serial = 0;
let accepted = 0;
const t0 = performance.now();
const body = () => {
  const points = [];
  for (let k = 0; k < Number(batch); k++) {
    const i = serial++;
    points.push({ id: 'h' + i, ts: new Date(Number(from) + i * 10).toISOString(), values: { throughput_tph: 800 + (i % 100) } });
  }
  return JSON.stringify({ device, points });
};
(async () => {
  await Promise.all(Array.from({ length: Number(clients) }, async () => {
    while (performance.now() - t0 < Number(seconds) * 1000) {
      const r = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body: body() });
      const answer = await r.json();
      if (r.status !== 200) { console.error(JSON.stringify(answer)); process.exit(1); }
      accepted += answer.accepted;
    }
  }));
  console.log(accepted);
})();
`;

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
// (the raw rows are not read by a downsampled query), then the read timed in the same run:
// its peers, the raw better-sqlite3 reads of the 43,200 minute rows and of the 720 packed
// hours that hold them (what the disk and SQLite cost), then the repository's read, the
// service's answer as objects and as the JSON string HTTP sends, and the HTTP GET over a
// socket from a client process (its time to the last byte, and the server's part).
interface QueryTime {
  /** HTTP reads: the server's median time of the same runs */
  server?: number;
  /** median wall ms of 7 */
  ms: number;
  /** median CPU ms of this process over the same runs (steadier on a loaded machine) */
  cpu: number;
  points: number;
}
async function timed(run: () => Promise<number> | number): Promise<QueryTime> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let points = 0;
  await run(); // warm: the first read pulls the pages into the cache
  for (let i = 0; i < 7; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    points = await run();
    wall.push(performance.now() - t0);
    cpu.push(cpuSeconds(c0) * 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[3];
  return { ms: median(wall), cpu: median(cpu), points };
}

async function queryTimes(): Promise<Record<string, QueryTime>> {
  const device = await newDevice();
  const end = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const from = end - 30 * DAY_MS;
  for (let day = from; day < end; day += DAY_MS) {
    const second = Array.from({ length: 86_400 }, (_, s) => ({
      ts: day + s * 1000,
      value: 800 + 50 * Math.sin(s / 600),
    }));
    // as the writer stores a batch: minute and hour roll-ups and the packed minute blocks
    await ingestTransaction(platform.store, (tx) =>
      addToRollups(tx, device.id, new Map([['throughput_tph', second]])),
    );
  }
  const reader: Actor = {
    kind: 'user',
    id: 'bench',
    organisationId: 'bench-plant',
    role: 'member',
  };
  const query = (bucket: '1h' | '1m') => ({
    key: 'throughput_tph',
    from: new Date(from).toISOString(),
    to: new Date(end).toISOString(),
    bucket,
    agg: 'avg',
  });
  const service = (bucket: '1h' | '1m') => () =>
    platform.machines.telemetry(reader, device.id, query(bucket)).then((s) => s.points.length);
  // the peer: the same rows by a prepared statement on its own connection, nothing around it
  const db = new SQLite(file, { readonly: true });
  const rows = db
    .prepare(
      'select bucket, sum / n from machines_rollup_minute where device_id = ? and key = ? and bucket >= ? and bucket < ? order by bucket',
    )
    .raw();
  const raw = await timed(() => rows.all(device.id, 'throughput_tph', from, end).length);
  const blockRows = db
    .prepare(
      'select hour, body from machines_minute_block where device_id = ? and key = ? and hour >= ? and hour < ? order by hour',
    )
    .raw();
  const rawBlocks = await timed(() => blockRows.all(device.id, 'throughput_tph', from, end).length);
  // the HTTP GET as a browser makes it (a session cookie, gzip or brotli accepted)
  const user = await platform.users.createUser(systemActor, 'bench-plant', {
    email: 'reader@bench-plant.example',
    name: 'reader',
    role: 'member',
    password: 'password-for-bench',
  });
  const cookie = `${SESSION_COOKIE}=${(await platform.users.openSession(user.id)).token}`;
  const app = await buildServer(platform, { logLevel: 'silent' });
  // the server's own time of each GET, from the request to the answer's last byte handed to
  // the socket (the client's receiving and decompressing is not the query's)
  let served: number[] = [];
  app.addHook('onResponse', async (_req, reply) => {
    served.push(reply.elapsedTime);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const url = `${base}/api/v1/devices/${device.id}/telemetry?${new URLSearchParams(query('1m'))}`;
  // the client is another process (as a browser is): in this one, its receiving and
  // decompressing would hold up the server's event loop and count as the server's time
  const get = async (encoding: string): Promise<QueryTime> => {
    served = [];
    const c0 = process.cpuUsage();
    const child = spawn(process.execPath, ['-e', CLIENT, url, cookie, encoding, '8'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const [code] = await once(child, 'exit');
    if (code !== 0) throw new Error(`the HTTP client stopped with ${code}`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      ms: median((JSON.parse(out) as number[]).slice(1)), // the first is the warm-up
      cpu: cpuSeconds(c0) * 125, // this process's CPU over the 8 GETs, per GET in ms
      points: n,
      server: median(served.slice(1)),
    };
  };
  const n = JSON.parse(await platform.machines.telemetryJson(reader, device.id, query('1m'))).points
    .length;
  const out = {
    raw,
    rawBlocks,
    // the repository's read of the packed minute blocks (720 rows), without the service
    blocks: await timed(
      async () =>
        (
          await minuteColumns(
            platform.store,
            device.id,
            'throughput_tph',
            from,
            end,
            100_001,
            'avg',
          )
        ).ts.length,
    ),
    hour: await timed(service('1h')),
    minute: await timed(service('1m')),
    // the string's points are counted once, outside the timed runs
    json: await timed(async () =>
      (await platform.machines.telemetryJson(reader, device.id, query('1m'))).length ? n : 0,
    ),
    http: await get('identity'),
    httpGzip: await get('gzip'),
    httpBrotli: await get('gzip, deflate, br, zstd'),
  };
  await app.close();
  db.close();
  return out;
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
const queryOnly = process.argv.includes('--query-only');
if (!queryOnly) {
  const http = await httpRate();
  console.log(
    `  HTTP batch: ${fmt(http.wall)} points/s (batch ${HTTP_BATCH} points, ${HTTP_CLIENTS} requests in flight from a device process; target ≥ 50,000) ${vsRaw(http)}`,
  );
  const mq = await mqttRate();
  console.log(
    `  MQTT embedded broker: ${fmt(mq.wall)} points/s (QoS 1, ${MQTT_POINTS} points per message, ${MQTT_INFLIGHT} messages in flight, PUBACK after commit; target ≥ 10,000) ${vsRaw(mq)}`,
  );
}
const q = await queryTimes();
const t = (x: QueryTime) =>
  `${x.ms.toFixed(1)} ms (CPU ${x.cpu.toFixed(1)} ms, ${x.points} points; ${(x.ms / q.raw.ms).toFixed(1)}× the raw read)`;
console.log(`  30-day query of a 1 Hz key (median of 7 after a warm-up; target < 50 ms):`);
console.log(
  `    raw better-sqlite3 read of the same minute rows (the peer): ${q.raw.ms.toFixed(1)} ms (CPU ${q.raw.cpu.toFixed(1)} ms, ${q.raw.points} rows)`,
);
console.log(
  `    raw better-sqlite3 read of the packed hours holding them (the peer of the packed read): ${q.rawBlocks.ms.toFixed(1)} ms (CPU ${q.rawBlocks.cpu.toFixed(1)} ms, ${q.rawBlocks.points} rows)`,
);
console.log(
  `    the packed minute blocks through kysely (repository.minuteColumns): ${t(q.blocks)}`,
);
console.log(`    service bucket=1h: ${t(q.hour)}`);
console.log(`    service bucket=1m, objects: ${t(q.minute)}`);
console.log(`    service bucket=1m, the JSON string HTTP sends: ${t(q.json)}`);
const h = (x: QueryTime) =>
  `${x.ms.toFixed(1)} ms at the client, the server's part ${x.server?.toFixed(1)} ms (server CPU ${x.cpu.toFixed(1)} ms a GET; ${(x.ms / q.raw.ms).toFixed(1)}× the raw read)`;
console.log(`    HTTP GET bucket=1m from another process, uncompressed: ${h(q.http)}`);
console.log(`    HTTP GET bucket=1m from another process, gzip: ${h(q.httpGzip)}`);
console.log(
  `    HTTP GET bucket=1m from another process, as Chromium asks (brotli): ${h(q.httpBrotli)}`,
);
await platform.close();
rmSync(dir, { recursive: true, force: true });
