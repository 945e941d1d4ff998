// Crash safety of ingestion: points go to `digicluster serve` by HTTP batch and by MQTT
// (QoS 1, the embedded broker) while the server is killed with SIGKILL at random moments and
// started again; afterwards every acknowledged point is stored, and the roll-ups count what
// the series holds. On SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import mqtt from 'mqtt';
import { HOUR_MS, MINUTE_MS, rollUp } from '../../src/machines/index.ts';
import { rawPoints, rollupRows } from '../../src/machines/repository.ts';
import { systemActor } from '../../src/model/index.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo } from './fixtures.ts';

const dialects = await eachDialect();
const ROUNDS = 2;
const WORKERS = 4;
const BASE = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 2 * HOUR_MS;

interface Server {
  child: ChildProcess;
  http: string;
  mqttPort: number;
}

function startServer(db: TestDatabase): Promise<Server> {
  const child = spawn(process.execPath, ['bin/digicluster.js', 'serve'], {
    env: {
      ...process.env,
      ...db.env,
      PORT: '0',
      MQTT_PORT: '0',
      SEED_EXAMPLE: 'false',
      MQTT_URL: '',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`serve did not start:\n${out}\n${err}`)),
      60_000,
    );
    child.stderr?.on('data', (b) => {
      err += b;
    });
    child.stdout?.on('data', (b) => {
      out += b;
      const http = /serving (http:\/\/\S+?)\/? /.exec(out)?.[1];
      const port = /mqtt:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (http && port) {
        clearTimeout(timer);
        resolve({ child, http, mqttPort: Number(port) });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}\n${err}`)));
  });
}

const pointOf = (seq: number) => ({
  id: `c-${seq}`,
  ts: new Date(BASE + seq * 10).toISOString(), // 10 ms apart: 720k points before the 10-minute future limit
  // the value names the point: seq ÷ 100 stays within a belt scale's 10 000 t/h limit
  values: { throughput_tph: seq / 100 },
});

/** Sends until told to stop; resolves with the sequence numbers acknowledged. */
async function sendHttp(
  s: Server,
  device: { id: string; token: string },
  next: () => number,
  stop: { now: boolean },
) {
  const acked: number[] = [];
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (!stop.now) {
        const seqs = Array.from({ length: 50 }, next);
        try {
          const r = await fetch(`${s.http}/api/v1/telemetry`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${device.token}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ device: device.id, points: seqs.map(pointOf) }),
            signal: AbortSignal.timeout(5000),
          });
          if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${await r.text()}`);
          acked.push(...seqs);
        } catch {
          return; // the server is gone
        }
      }
    }),
  );
  return acked;
}

async function sendMqtt(
  s: Server,
  device: { id: string; token: string },
  next: () => number,
  stop: { now: boolean },
) {
  const acked: number[] = [];
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${s.mqttPort}`, {
    username: device.id,
    password: device.token,
    reconnectPeriod: 0,
  });
  c.on('error', () => {});
  let gone = false;
  c.once('close', () => {
    gone = true;
  });
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (!stop.now && !gone) {
        const seqs = Array.from({ length: 10 }, next);
        const ack = c.publishAsync(
          `digicluster/${device.id}/telemetry`,
          JSON.stringify({ points: seqs.map(pointOf) }),
          { qos: 1 },
        );
        const lost = new Promise<'lost'>((r) => c.once('close', () => r('lost')));
        const res = await Promise.race([
          ack.then(
            () => 'ok' as const,
            () => 'lost' as const,
          ),
          lost,
        ]);
        if (res !== 'ok') return;
        acked.push(...seqs);
      }
    }),
  );
  c.end(true);
  return acked;
}

for (const d of dialects)
  describe(`ingestion survives kill -9 on ${d.name}`, { skip: d.skip }, () => {
    for (const path of ['http', 'mqtt'] as const)
      test(`by ${path}: every acknowledged point is stored`, async () => {
        const db = await d.make();
        let device: { id: string; token: string };
        {
          const p = await db.open();
          await p.registry.createOrganisation(systemActor, {
            ...organisationInput(),
            id: 'crash-org',
          });
          await p.registry.addSite(systemActor, 'crash-org', { ...siteKemerovo, id: 'crash-site' });
          device = await p.machines.createDevice(systemActor, {
            organisationId: 'crash-org',
            siteId: 'crash-site',
            profileId: 'belt-scale',
          });
          await p.close();
        }
        let seq = 0;
        const next = () => seq++;
        const acked: number[] = [];
        let server: Server | undefined;
        try {
          for (let round = 0; round < ROUNDS; round++) {
            server = await startServer(db);
            const stop = { now: false };
            const sending = (path === 'http' ? sendHttp : sendMqtt)(server, device, next, stop);
            await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1500));
            server.child.kill('SIGKILL');
            await new Promise((r) => server?.child.once('exit', r));
            stop.now = true;
            acked.push(...(await sending));
          }
        } finally {
          server?.child.kill('SIGKILL');
        }
        assert.ok(acked.length >= 50, `only ${acked.length} points acknowledged`);
        const p = await db.open();
        try {
          const raw = await rawPoints(
            p.store,
            device.id,
            'throughput_tph',
            0,
            BASE + 10 * HOUR_MS,
            10_000_000,
          );
          const stored = new Set(raw.map((x) => x.value));
          const missing = acked.filter((s) => !stored.has(s / 100));
          assert.deepEqual(
            missing.slice(0, 10),
            [],
            `${missing.length} of ${acked.length} acknowledged points lost`,
          );
          // the roll-ups committed with their points: they count exactly what the series holds
          const minutes = await rollupRows(
            p.store,
            'machines_rollup_minute',
            device.id,
            'throughput_tph',
            0,
            BASE + 10 * HOUR_MS,
            1_000_000,
          );
          const expected = rollUp(raw, MINUTE_MS);
          assert.equal(minutes.length, expected.size);
          for (const m of minutes) assert.equal(m.n, expected.get(m.bucket)?.n);
          console.log(
            `${d.name} ${path}: ${acked.length} acknowledged, ${raw.length} stored, ${ROUNDS} kills`,
          );
        } finally {
          await p.close();
          await db.drop();
        }
      });
  });
