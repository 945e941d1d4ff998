// The machines module's public surface: devices, telemetry ingestion (HTTP and MQTT), reads.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { StateReader } from '../journal/index.ts';
import type { Reader, Store } from '../store/index.ts';
import { storedRuleSet } from './alarms.ts';
import { grantById } from './grants/repository.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import { NgsiLdService } from './ngsi-ld/service.ts';
import { type MachinesServices, openMachines } from './open.ts';
import { alarmFromRow, findAlarm, findPlant, plantFromRow } from './plant/repository.ts';
import { plantRoutes } from './plant-routes.ts';
import { deviceFromRow, deviceRow } from './repository.ts';
import { routes } from './routes.ts';
import type { DeviceRecord } from './schema.ts';

export { alarmRulesByProfile, alarmRulesOf } from './alarm-rules.ts';
export { AlarmsService, RULES_CACHE_MS } from './alarms.ts';
export { ManualClock, realTicker, type Ticker } from './clock.ts';
export * from './engine/index.ts';
export * from './grants/schema.ts';
export { DeviceGrants } from './grants/service.ts';
export { type LiveFeed, LocalLiveFeed } from './live.ts';
export { type MqttIngest, type MqttSettings, startMqtt } from './mqtt.ts';
export { NgsiLdService } from './ngsi-ld/service.ts';
export { type MachinesServices, openMachines } from './open.ts';
export { PlantService } from './plant.ts';
export * from './plant-schema.ts';
export { deviceProfiles, profileById } from './profiles.ts';
export * from './schema.ts';
export { MachinesService, Rejected } from './service.ts';

/** For `journal verify --state`: device events carry the device's full state (never its token). */
export const stateReaders: StateReader[] = [
  {
    kind: 'device',
    carriedBy: { 'device.created': '', 'device.token-rotated': '', 'device.renamed': '' },
    read: async (reader, id) => {
      const row = await deviceRow(reader, id);
      return row && deviceFromRow(row);
    },
  },
  {
    kind: 'plant',
    carriedBy: { 'plant.configured': '' },
    read: async (reader, id) => {
      const row = await findPlant(reader, id);
      return row && plantFromRow(row);
    },
  },
  {
    kind: 'alarm',
    carriedBy: { 'alarm.raised': '', 'alarm.acknowledged': '', 'alarm.cleared': '' },
    read: async (reader, id) => {
      const row = await findAlarm(reader, id);
      return row && alarmFromRow(row);
    },
  },
  {
    kind: 'alarm-rule-set',
    carriedBy: { 'alarm-rules.set': '' },
    read: (reader, id) => storedRuleSet(reader, id),
  },
  {
    kind: 'device-grant',
    carriedBy: { 'device-grant.created': '', 'device-grant.revoked': '' },
    read: (reader, id) => grantById(reader, id),
  },
];

/** A device's record by id, whoever asks (another module checking a device it links), or null. */
export async function deviceRecord(reader: Reader, id: string): Promise<DeviceRecord | null> {
  const row = await deviceRow(reader, id);
  return row ? deviceFromRow(row) : null;
}

export const machinesModule = {
  name: 'machines',
  migrations,
  messages,
  open: ({ store }: { store: Store }) => {
    const services = openMachines(store);
    return { ...services, ngsiLd: new NgsiLdService(store, services.machines) };
  },
  routes:
    (services: MachinesServices & { ngsiLd: NgsiLdService }): FastifyPluginAsyncZod =>
    async (app) => {
      await app.register(routes(services));
      await app.register(plantRoutes(services));
    },
};
