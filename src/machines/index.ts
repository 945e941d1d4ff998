// The machines module's public surface: devices, telemetry ingestion (HTTP and MQTT), reads.
import type { StateReader } from '../journal/index.ts';
import type { Store } from '../store/index.ts';
import { grantById } from './grants/repository.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import { NgsiLdService } from './ngsi-ld/service.ts';
import { deviceFromRow, deviceRow } from './repository.ts';
import { routes } from './routes.ts';
import { MachinesService } from './service.ts';

export * from './engine/index.ts';
export * from './grants/schema.ts';
export { DeviceGrants } from './grants/service.ts';
export { type MqttIngest, type MqttSettings, startMqtt } from './mqtt.ts';
export { NgsiLdService } from './ngsi-ld/service.ts';
export { deviceProfiles, profileById } from './profiles.ts';
export * from './schema.ts';
export { MachinesService, Rejected } from './service.ts';

/** For `journal verify --state`: device events carry the device's full state (never its token). */
export const stateReaders: StateReader[] = [
  {
    kind: 'device',
    carriedBy: { 'device.created': '', 'device.token-rotated': '' },
    read: async (reader, id) => {
      const row = await deviceRow(reader, id);
      return row && deviceFromRow(row);
    },
  },
  {
    kind: 'device-grant',
    carriedBy: { 'device-grant.created': '', 'device-grant.revoked': '' },
    read: (reader, id) => grantById(reader, id),
  },
];

export const machinesModule = {
  name: 'machines',
  migrations,
  messages,
  open: ({ store }: { store: Store }) => {
    const machines = new MachinesService(store);
    return { machines, ngsiLd: new NgsiLdService(store, machines) };
  },
  routes,
};
