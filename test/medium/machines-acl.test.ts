// An external Mosquitto configured with the files `digicluster device acl` writes: devices
// log in with their id and token, each publishes only to its own topic, and the platform
// takes their telemetry through its shared subscription. The device commands run as users
// run them (a child process). Needs the mosquitto programs: skipped with the reason outside
// CI, a failure under CI=true.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import mqtt from 'mqtt';
import { HOUR_MS, type MqttIngest, startMqtt } from '../../src/machines/index.ts';
import { rawPoints } from '../../src/machines/repository.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { sqliteDatabase, type TestDatabase } from './dialects.ts';
import { organisationInput, siteKemerovo } from './fixtures.ts';
import { eventually, mosquittoBinaries } from './machines-support.ts';

const binaries = mosquittoBinaries();
const skip = typeof binaries === 'string' ? binaries : false;

const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/digicluster.js', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({
          status: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const HOUR = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - HOUR_MS;
const point = (id: string, v: number) =>
  JSON.stringify({ id, ts: new Date(HOUR).toISOString(), values: { throughput_tph: v } });

let db: TestDatabase;
let p: Platform;
let mosquitto: ChildProcess | undefined;
let ingest: MqttIngest | undefined;
let url = '';
const devices: Array<{ id: string; token: string }> = [];

before(async () => {
  if (skip) return;
  db = sqliteDatabase();
  p = await db.open();
  await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'acl-org' });
  await p.registry.addSite(systemActor, 'acl-org', { ...siteKemerovo, id: 'acl-site' });
  for (let i = 0; i < 2; i++) {
    const r = await cli(
      [
        'device',
        'add',
        '--organisation',
        'acl-org',
        '--site',
        'acl-site',
        '--profile',
        'belt-scale',
        '--json',
      ],
      db.env,
    );
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out).sort(), ['id', 'token']);
    devices.push(out);
  }
  const dir = mkdtempSync(join(tmpdir(), 'digicluster-mosquitto-'));
  const files = {
    passwd: join(dir, 'passwd'),
    acl: join(dir, 'acl'),
    conf: join(dir, 'mosquitto.conf'),
  };
  const acl = await cli(
    [
      'device',
      'acl',
      '--password-file',
      files.passwd,
      '--acl-file',
      files.acl,
      '--platform-user',
      'digicluster',
      '--platform-password',
      'platform-secret',
    ],
    db.env,
  );
  assert.equal(acl.status, 0, acl.stderr);
  assert.match(readFileSync(files.passwd, 'utf8'), new RegExp(`^${devices[0].id}:\\$7\\$`, 'm'));
  const port = await freePort();
  writeFileSync(
    files.conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${files.passwd}`,
      `acl_file ${files.acl}`,
      'persistence false',
      // as root mosquitto would drop to the user "mosquitto", who may not read these 0600 files
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      '',
    ].join('\n'),
  );
  const bins = binaries as { mosquitto: string };
  mosquitto = spawn(bins.mosquitto, ['-c', files.conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  mosquitto.stderr?.on('data', (b) => {
    log += b;
  });
  url = `mqtt://127.0.0.1:${port}`;
  await eventually(
    () =>
      new Promise<boolean>((resolve) => {
        const c = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 500 });
        c.once('connect', () => c.end(true, () => resolve(true)));
        c.once('error', (e) => c.end(true, () => resolve(/not authori|bad user/i.test(e.message))));
        c.once('close', () => resolve(false));
      }),
    10_000,
  ).catch((e) => {
    throw new Error(`mosquitto did not start: ${e.message}\n${log}`);
  });
  ingest = await startMqtt(p.machines, {
    mqttEmbedded: false,
    mqttHost: '127.0.0.1',
    mqttPort: 0,
    mqttUrl: `mqtt://digicluster:platform-secret@127.0.0.1:${port}`,
    mqttShareGroup: 'digicluster',
    mqttClientId: 'digicluster-acl-test',
  });
});

after(async () => {
  await ingest?.close();
  mosquitto?.kill('SIGTERM');
  await p?.close();
  await db?.drop();
});

test("with the files `device acl` writes, a device cannot publish to another device's topic", {
  skip,
}, async () => {
  const [a, b] = devices;
  // anonymous, and a device with another device's token: refused at the door
  await assert.rejects(mqtt.connectAsync(url, { reconnectPeriod: 0, protocolVersion: 5 }));
  await assert.rejects(
    mqtt.connectAsync(url, {
      username: a.id,
      password: b.token,
      reconnectPeriod: 0,
      protocolVersion: 5,
    }),
  );
  const c = await mqtt.connectAsync(url, {
    username: a.id,
    password: a.token,
    reconnectPeriod: 0,
    protocolVersion: 5,
  });
  // into b's topic: the broker refuses it (MQTT 5 PUBACK reason 135, not authorised)
  const refused = await c
    .publishAsync(`digicluster/${b.id}/telemetry`, point('forged-1', 666), { qos: 1 })
    .then(
      (packet) => (packet as { reasonCode?: number } | undefined)?.reasonCode ?? 0,
      (e: { code?: number }) => e.code ?? -1,
    );
  assert.equal(refused, 135);
  await c.publishAsync(`digicluster/${a.id}/telemetry`, point('own-1', 812.5), { qos: 1 });
  await c.endAsync();
  await eventually(
    async () =>
      (await rawPoints(p.store, a.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10)).length === 1,
  );
  // the forged point came before the own one over the same connection: it would be here by now
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(await rawPoints(p.store, b.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10), []);
  assert.deepEqual(await rawPoints(p.store, a.id, 'throughput_tph', 0, HOUR + HOUR_MS, 10), [
    { ts: HOUR, value: 812.5 },
  ]);
});
