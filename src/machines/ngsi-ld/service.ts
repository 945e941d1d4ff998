// NGSI-LD reads over the machines module, with the API's access rules: a caller sees its
// organisation's sites and devices, and the devices other organisations share with it
// (only the granted keys, each read logged as any read under a grant).
import type { Actor } from '../../model/index.ts';
import { notFound, requireLogin } from '../../model/index.ts';
import { registryQueries as rq } from '../../registry/index.ts';
import type { Store } from '../../store/index.ts';
import { devicesSharedWith } from '../grants/repository.ts';
import { messages as m } from '../messages.ts';
import { deviceProfiles, profileById } from '../profiles.ts';
import { deviceFromRow, devicesOf } from '../repository.ts';
import type { DeviceRecord, TelemetrySeries } from '../schema.ts';
import type { MachinesService } from '../service.ts';
import {
  chemicalAnalysisEntity,
  chemicalKeys,
  deviceEntity,
  type Entity,
  type EntityType,
  entityId,
  parseEntityId,
  type Site,
  siteEntity,
} from './entities.ts';

export class NgsiLdService {
  constructor(
    private readonly store: Store,
    private readonly machines: MachinesService,
  ) {}

  profiles() {
    return deviceProfiles;
  }

  /** The devices the caller may read: its organisation's and those shared with it. */
  private async readableDevices(actor: Actor): Promise<DeviceRecord[]> {
    requireLogin(actor);
    const org = actor.organisationId;
    if (!org) return [];
    const own = (await devicesOf(this.store, org)).map(deviceFromRow);
    const shared = await devicesSharedWith(this.store, org);
    const others: DeviceRecord[] = [];
    for (const id of shared) {
      if (own.some((d) => d.id === id)) continue;
      const found = await this.machines.findDevice(id);
      if (found) others.push(found);
    }
    return [...own, ...others];
  }

  /** The keys of a device the caller may read, and their latest values (logged for a grantee). */
  private async view(actor: Actor, device: DeviceRecord) {
    const { grants } = await this.machines.readableTelemetry(actor, device.id);
    const all = profileById(device.profileId)?.keys.map((k) => k.key) ?? [];
    const keys = grants ? all.filter((k) => grants.some((g) => g.keys.includes(k))) : all;
    const latest = await this.machines.latest(actor, device.id);
    return { keys, latest };
  }

  private async sitesById(ids: string[]): Promise<Map<string, Site>> {
    const sites = await rq.findSitesById(this.store, [...new Set(ids)]);
    return new Map(sites.map((s) => [s.id, s]));
  }

  /** Every entity the caller may read, of the given types (all when null), by id. */
  async entities(actor: Actor, types: ReadonlySet<EntityType> | null): Promise<Entity[]> {
    const want = (t: EntityType) => !types || types.has(t);
    const devices = await this.readableDevices(actor);
    const org = actor.organisationId;
    const ownSites = org ? await rq.findSites(this.store, { organisationId: org }) : [];
    const sites = await this.sitesById([
      ...ownSites.map((s) => s.id),
      ...devices.map((d) => d.siteId),
    ]);
    const out: Entity[] = [];
    if (want('PointOfInterest')) for (const s of sites.values()) out.push(siteEntity(s));
    if (want('Device') || want('ProcessChemicalAnalysis'))
      for (const d of devices) {
        const chemical = profileById(d.profileId)?.keys.some((k) => k.key in chemicalKeys);
        if (!want('Device') && !chemical) continue;
        const { keys, latest } = await this.view(actor, d);
        const site = sites.get(d.siteId);
        if (want('Device')) out.push(deviceEntity(d, keys, latest, site));
        if (want('ProcessChemicalAnalysis')) {
          const pca = chemicalAnalysisEntity(d, latest, site);
          if (pca) out.push(pca);
        }
      }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** One entity by its id, or 404 as the API answers for what the caller may not see. */
  async entity(actor: Actor, urn: string): Promise<Entity> {
    requireLogin(actor);
    const parsed = parseEntityId(urn);
    if (!parsed) throw notFound(m.deviceNotFound({ id: urn }));
    if (parsed.type === 'PointOfInterest') {
      const found = (await this.entities(actor, new Set(['PointOfInterest']))).find(
        (e) => e.id === urn,
      );
      if (!found) throw notFound(m.deviceNotFound({ id: urn }));
      return found;
    }
    const { device } = await this.machines.readableTelemetry(actor, parsed.id);
    const site = (await this.sitesById([device.siteId])).get(device.siteId);
    const { keys, latest } = await this.view(actor, device);
    const e =
      parsed.type === 'Device'
        ? deviceEntity(device, keys, latest, site)
        : chemicalAnalysisEntity(device, latest, site);
    if (!e) throw notFound(m.deviceNotFound({ id: urn }));
    return e;
  }

  /**
   * The series of a device entity's attributes over [from, to), each read as the telemetry
   * API reads it (the same grants, the same usage log).
   */
  async temporal(
    actor: Actor,
    urn: string,
    attrs: readonly string[] | null,
    from: string,
    to: string,
  ): Promise<{ type: EntityType; id: string; series: TelemetrySeries[] }> {
    requireLogin(actor);
    const parsed = parseEntityId(urn);
    if (!parsed || parsed.type === 'PointOfInterest') throw notFound(m.deviceNotFound({ id: urn }));
    const { device, grants } = await this.machines.readableTelemetry(actor, parsed.id);
    // no attrs: every key the caller may read
    const all = profileById(device.profileId)?.keys.map((k) => k.key) ?? [];
    const keys =
      attrs ?? (grants ? all.filter((k) => grants.some((g) => g.keys.includes(k))) : all);
    const series: TelemetrySeries[] = [];
    for (const key of keys)
      series.push(await this.machines.telemetry(actor, parsed.id, { key, from, to }));
    return { type: parsed.type, id: entityId(parsed.type, parsed.id), series };
  }
}
