// Device traffic over MQTT. By default an embedded broker (aedes): the device id as username,
// its token as password, publishing only to `digicluster/{device}/telemetry`; a QoS 1
// PUBACK goes out only after the message is committed (aedes acknowledges after
// authorizePublish, where it is stored). A refused message is acknowledged (it would be
// refused again) and its reason published to `digicluster/{device}/rejected`. Retained
// flags are dropped. With `MQTT_URL` the same ingestion subscribes to an external broker
// through an MQTT 5 shared subscription, acknowledging each message after its commit; that
// broker authenticates devices and keeps them to their topics (`digicluster device acl`).
import { createServer, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import { messages } from './messages.ts';
import { MAX_PACKET_BYTES, packetSizeGuard } from './mqtt-guard.ts';
import type { DeviceRecord } from './schema.ts';
import type { MachinesService } from './service.ts';
import { Rejected } from './service.ts';

export interface MqttSettings {
  mqttEmbedded: boolean;
  mqttHost: string;
  mqttPort: number;
  mqttUrl?: string;
  mqttShareGroup: string;
  mqttClientId: string;
}

export interface MqttIngest {
  /** the embedded broker's port, or null when it is off */
  port: number | null;
  /** whether the external subscription is set up */
  external: boolean;
  close(): Promise<void>;
}

type Log = (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void;

const topicOf = (device: string) => `digicluster/${device}/telemetry`;
const TELEMETRY = /^digicluster\/([^/]+)\/telemetry$/;

function authError(code: 2 | 3 | 4 | 5, text: string): AuthenticateError {
  return Object.assign(new Error(text), { returnCode: code }) as AuthenticateError;
}

/**
 * The refusal as the device reads it on its `rejected` topic: the reason's code for the
 * device, the text in both languages for whoever reads its log.
 */
const refusal = (e: Rejected) =>
  JSON.stringify({
    reason: e.reason,
    field: e.problem.field,
    message: e.problem.message.text('en'),
    messageRu: e.problem.message.text('ru'),
  });

async function startEmbedded(
  service: MachinesService,
  s: MqttSettings,
  log: Log,
): Promise<{ server: Server; broker: Aedes; port: number }> {
  const devices = new WeakMap<Client, DeviceRecord>();
  // which device holds each connected client id: MQTT lets a new connection with a held id
  // close the old one, so one organisation's device could knock another's off the broker
  const held = new Map<string, { client: Client; deviceId: string }>();
  const broker = await Aedes.createBroker({
    // a connection that has not sent CONNECT within 10 s is closed (aedes's default: 30 s)
    connectTimeout: 10_000,
    authenticate: (client, username, password, done) => {
      if (!username || !password) return done(authError(4, 'device id and token needed'), false);
      service.authenticateDevice(username, password.toString('utf8')).then(
        (d) => {
          if (!d) return done(authError(4, 'unknown device or token'), false);
          const holder = held.get(client.id);
          if (holder && holder.deviceId !== d.id)
            return done(authError(2, 'client id held by another device'), false);
          held.set(client.id, { client, deviceId: d.id });
          devices.set(client, d);
          done(null, true);
        },
        (e) => {
          log('error', 'MQTT authentication failed', e);
          done(authError(3, 'server unavailable'), false);
        },
      );
    },
    authorizeSubscribe: (client, sub, done) => {
      const d = devices.get(client);
      if (d && sub.topic === `digicluster/${d.id}/rejected`) return done(null, sub);
      done(new Error('devices may subscribe only to their own rejected topic'));
    },
    authorizePublish: (client, packet, done) => {
      if (!client) return done(null); // the broker's own messages
      const d = devices.get(client);
      if (!d || packet.topic !== topicOf(d.id)) {
        const refuse = () => done(new Error('a device publishes only to its own telemetry topic'));
        // counted before the connection closes, so whoever sees it closed sees it counted
        if (d)
          return void service.countRefusal(d.id, messages.otherTopic.code).then(refuse, refuse);
        return refuse();
      }
      packet.retain = false;
      service.ingest(d, packet.payload).then(
        () => done(null),
        (e) => {
          if (!(e instanceof Rejected)) {
            // not stored: no PUBACK; the connection closes and the device sends it again
            log('error', `MQTT message of ${d.id} not stored`, e);
            return done(e instanceof Error ? e : new Error(String(e)));
          }
          broker.publish(
            {
              cmd: 'publish',
              topic: `digicluster/${d.id}/rejected`,
              payload: Buffer.from(refusal(e)),
              qos: 0,
              retain: false,
              dup: false,
            },
            () => done(null),
          );
        },
      );
    },
    // a device's telemetry goes to no one else
    authorizeForward: (_client, packet) => (TELEMETRY.test(packet.topic) ? null : packet),
  });
  broker.on('clientDisconnect', (client) => {
    if (held.get(client.id)?.client === client) held.delete(client.id);
  });
  const server = createServer((socket) => {
    broker.handle(socket);
    // after handle(): the broker's 'readable' listener keeps the socket paused, so this one
    // sees each chunk as the broker reads it and changes nothing of the flow
    const fits = packetSizeGuard(MAX_PACKET_BYTES);
    socket.on('data', (chunk: Buffer) => {
      if (!fits(chunk)) socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(s.mqttPort, s.mqttHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, broker, port: (server.address() as { port: number }).port };
}

function subscribeExternal(
  service: MachinesService,
  s: MqttSettings & { mqttUrl: string },
  log: Log,
): Promise<MqttClient> {
  const client = mqtt.connect(s.mqttUrl, {
    protocolVersion: 5,
    clientId: s.mqttClientId,
    // the broker keeps QoS 1 messages for us while we are down
    clean: false,
    properties: { sessionExpiryInterval: 7 * 24 * 3600 },
    reconnectPeriod: 1000,
  });
  // The PUBACK follows the callback: it is called only after the message is committed.
  client.handleMessage = (packet, callback) => {
    if (packet.cmd !== 'publish') return callback();
    const match = TELEMETRY.exec(packet.topic);
    // a retained message is a replay of an old one, not a new reading
    if (!match || packet.retain) return callback();
    const id = match[1];
    service
      .findDevice(id)
      .then((d) => (d ? service.ingest(d, packet.payload) : undefined))
      .then(
        () => callback(),
        (e) => {
          if (e instanceof Rejected) {
            client.publish(`digicluster/${id}/rejected`, refusal(e), { qos: 0 });
            return callback();
          }
          log('error', `MQTT message of ${id} not stored; reconnecting for its redelivery`, e);
          client.stream.destroy();
        },
      );
  };
  return new Promise((resolve, reject) => {
    const failed = (e: Error) => reject(e);
    client.once('error', failed);
    client.once('connect', () => {
      client.off('error', failed);
      client.on('error', (e) => log('warn', 'MQTT broker connection', e));
      client.subscribe(
        `$share/${s.mqttShareGroup}/digicluster/+/telemetry`,
        { qos: 1 },
        (e, granted) => {
          if (e) return reject(e);
          const code = granted?.[0]?.qos;
          if (code !== undefined && code > 2)
            return reject(new Error(`subscription refused (reason ${code})`));
          resolve(client);
        },
      );
    });
  });
}

/** Starts the embedded broker and/or the external subscription, as configured. */
export async function startMqtt(
  service: MachinesService,
  s: MqttSettings,
  log: Log = () => {},
): Promise<MqttIngest> {
  const embedded = s.mqttEmbedded ? await startEmbedded(service, s, log) : null;
  let external: MqttClient | null = null;
  try {
    if (s.mqttUrl) external = await subscribeExternal(service, { ...s, mqttUrl: s.mqttUrl }, log);
  } catch (e) {
    embedded?.server.close();
    await new Promise<void>((r) => (embedded ? embedded.broker.close(() => r()) : r()));
    throw e;
  }
  return {
    port: embedded?.port ?? null,
    external: !!external,
    async close() {
      await external?.endAsync(true);
      if (embedded) {
        // the broker first: it ends the clients, whose sockets the server waits for
        await new Promise<void>((r) => embedded.broker.close(() => r()));
        await new Promise<void>((r) => embedded.server.close(() => r()));
      }
    },
  };
}
