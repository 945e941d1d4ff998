// The example's smart preparation plant: the six instruments of the Yuzhnaya central
// preparation plant (cof-yuzhnaya, site yuzhnaya-plant) registered as the system actor, the
// plant described, and the last 24 hours of simulated telemetry (engine/simulation.ts,
// seed 2026, one reading a minute) ingested up to the seeding clock — so the Plant page
// has KPIs, charts and an ash alarm (raised and cleared) from the start. New readings come
// from `digicluster simulate-plant`, which finds these devices by name.

import { simDevices, simulatePlant } from '../machines/index.ts';
import { DomainError, systemActor } from '../model/index.ts';
import type { Platform } from '../platform.ts';

export const EXAMPLE_PLANT = { organisationId: 'cof-yuzhnaya', siteId: 'yuzhnaya-plant' };
const HOURS = 24;

export async function seedPlant(
  p: Platform,
  now: Date,
): Promise<{ devices: number; points: number }> {
  const { organisationId, siteId } = EXAMPLE_PLANT;
  const ids = new Map<string, string>();
  for (const d of simDevices) {
    const created = await p.machines.createDevice(systemActor, {
      organisationId,
      siteId,
      profileId: d.profileId,
      name: d.name,
    });
    ids.set(d.role, created.id);
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
  const end = Math.floor(now.getTime() / 60_000) * 60_000;
  const start = end - HOURS * 60 * 60_000;
  const byRole = new Map<
    string,
    Array<{ id: string; ts: string; values: Record<string, number> }>
  >();
  let n = 0;
  for (const r of simulatePlant({ start, minutes: HOURS * 60, perMinute: 1, seed: 2026 })) {
    const list = byRole.get(r.role) ?? [];
    list.push({ id: `seed-${n++}`, ts: new Date(r.ts).toISOString(), values: r.values });
    byRole.set(r.role, list);
  }
  let points = 0;
  try {
    for (const [role, list] of byRole) {
      const device = await p.machines.findDevice(ids.get(role) ?? '');
      if (!device) continue;
      for (let i = 0; i < list.length; i += 1000) {
        await p.machines.ingest(device, { points: list.slice(i, i + 1000) });
        points += Math.min(1000, list.length - i);
      }
    }
  } catch (e) {
    // a seeding clock far from the server's (the history would be refused as too old or
    // ahead): the devices and the plant stay, without history
    if (!(e instanceof DomainError)) throw e;
  }
  return { devices: ids.size, points };
}
