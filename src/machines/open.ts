// The machines module's services over one store, wired: each committed message goes to
// the live feed and to the alarm rules. Tests pass their own clock.
import type { Store } from '../store/index.ts';
import { AlarmsService } from './alarms.ts';
import { type LiveFeed, LocalLiveFeed, liveUpdate } from './live.ts';
import { PlantService } from './plant.ts';
import { MachinesService } from './service.ts';

export interface MachinesServices {
  machines: MachinesService;
  plant: PlantService;
  alarms: AlarmsService;
  machinesLive: LiveFeed;
}

export function openMachines(
  store: Store,
  clock: () => Date = () => new Date(),
  onError: (message: string, error: unknown) => void = (message, error) =>
    process.emitWarning(`${message}: ${error instanceof Error ? error.message : String(error)}`),
): MachinesServices {
  const machines = new MachinesService(store, clock);
  const alarms = new AlarmsService(store, clock);
  const live = new LocalLiveFeed();
  machines.onIngest(async (device, points) => {
    live.publish(liveUpdate(device.id, points));
    try {
      await alarms.evaluate(device, points);
    } catch (e) {
      // the points are stored; the next message or the silence check evaluates again
      onError(`alarm evaluation for ${device.id} failed`, e);
    }
  });
  return { machines, plant: new PlantService(store, clock), alarms, machinesLive: live };
}
