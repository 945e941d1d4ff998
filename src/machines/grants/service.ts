// Sharing between companies: the owner's administrators grant another organisation read
// access to chosen keys of a device, for a window of point times [from, to) and a purpose,
// and may revoke it; each change is a journal event with the grant's full state. Reads by a
// grantee go through `readerGrants` / `pick`, and each one is logged (`logUse`): the owner
// (and the grantee) see the usage log.
import { randomBytes } from 'node:crypto';
import { inTransaction, recordEvent } from '../../journal/index.ts';
import {
  type Actor,
  actorRef,
  conflict,
  type FieldProblem,
  forbidden,
  invalid,
  notFound,
  parseInput,
  requireLogin,
} from '../../model/index.ts';
import { registryQueries as rq } from '../../registry/index.ts';
import type { Reader, Store, Tx } from '../../store/index.ts';
import { parseRfc3339 } from '../engine/payload.ts';
import { messages as m } from '../messages.ts';
import { profileById } from '../profiles.ts';
import { deviceFromRow, deviceRow } from '../repository.ts';
import type { DeviceRecord } from '../schema.ts';
import { grantMessages as g } from './messages.ts';
import * as repo from './repository.ts';
import { type Grant, GrantInput, type GrantUsage, type ListedGrant } from './schema.ts';

const newGrantId = () => `g-${randomBytes(6).toString('hex')}`;
let usageSerial = 0;
/** Usage ids sort in the order they were written (time, then a per-process counter). */
const newUsageId = (ms: number) =>
  `u-${ms.toString(36).padStart(9, '0')}-${(usageSerial++ % 1_679_616).toString(36).padStart(4, '0')}${randomBytes(3).toString('hex')}`;

/** The most usage rows one answer lists (newest first). */
export const MAX_USAGE_ROWS = 10_000;

const isAdmin = (a: Actor) => a.role === 'org_admin' || a.role === 'operator_admin';

export class DeviceGrants {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private async record(tx: Tx, actor: Actor, type: string, grant: Grant) {
    await recordEvent(
      tx,
      {
        actor: actorRef(actor),
        organisationId: grant.ownerOrganisationId,
        type,
        payload: grant,
      },
      this.clock(),
    );
  }

  /** The device, if the caller's organisation owns it (404 otherwise, as for every read). */
  private async owned(reader: Reader, actor: Actor, deviceId: string): Promise<DeviceRecord> {
    requireLogin(actor);
    const row = await deviceRow(reader, deviceId);
    if (!row || actor.organisationId !== row.organisation_id)
      throw notFound(m.deviceNotFound({ id: deviceId }));
    return deviceFromRow(row);
  }

  /** A new grant by an administrator of the device's organisation. */
  async grant(actor: Actor, deviceId: string, input: unknown): Promise<Grant> {
    const d = parseInput(GrantInput, input);
    return inTransaction(this.store, async (tx) => {
      const device = await this.owned(tx, actor, deviceId);
      if (!isAdmin(actor)) throw forbidden(g.ownersOnly());
      const fields: FieldProblem[] = [];
      const profileKeys = new Set(profileById(device.profileId)?.keys.map((k) => k.key));
      const keys = [...new Set(d.keys)];
      for (const key of keys)
        if (!profileKeys.has(key))
          fields.push({
            field: 'keys',
            message: m.keyNotInProfile({ profile: device.profileId, key }),
          });
      const from = parseRfc3339(d.from);
      const to = parseRfc3339(d.to);
      if (from === null) fields.push({ field: 'from', message: m.badTs() });
      if (to === null) fields.push({ field: 'to', message: m.badTs() });
      if (from !== null && to !== null && to <= from)
        fields.push({ field: 'to', message: m.toBeforeFrom() });
      if (d.organisationId === device.organisationId)
        fields.push({ field: 'organisationId', message: g.grantToSelf() });
      else if (!(await rq.findOrganisation(tx, d.organisationId)))
        fields.push({
          field: 'organisationId',
          message: m.unknownOrganisation({ id: d.organisationId }),
        });
      if (fields.length || from === null || to === null) throw invalid(g.invalidGrant(), fields);
      let id = newGrantId();
      while (await repo.grantExists(tx, id)) id = newGrantId();
      const grant: Grant = {
        id,
        deviceId,
        ownerOrganisationId: device.organisationId,
        granteeOrganisationId: d.organisationId,
        keys,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        purpose: d.purpose,
        createdAt: this.clock().toISOString(),
        createdBy: actorRef(actor),
        revokedAt: null,
        revokedBy: null,
      };
      await repo.insertGrant(tx, grant);
      await this.record(tx, actor, 'device-grant.created', grant);
      return grant;
    });
  }

  /** A grant, to the owner's and the grantee's users (404 to everyone else). */
  async get(actor: Actor, id: string): Promise<Grant> {
    return this.visible(this.store, actor, id);
  }

  private async visible(reader: Reader, actor: Actor, id: string): Promise<Grant> {
    requireLogin(actor);
    const grant = await repo.grantById(reader, id);
    if (
      !grant ||
      !actor.organisationId ||
      (actor.organisationId !== grant.ownerOrganisationId &&
        actor.organisationId !== grant.granteeOrganisationId)
    )
      throw notFound(g.grantNotFound({ id }));
    return grant;
  }

  /** Revoked at once: later reads under it are refused. Only the owner's administrators. */
  async revoke(actor: Actor, id: string): Promise<Grant> {
    return inTransaction(this.store, async (tx) => {
      const grant = await this.visible(tx, actor, id);
      if (actor.organisationId !== grant.ownerOrganisationId || !isAdmin(actor))
        throw forbidden(g.ownersOnly());
      if (grant.revokedAt) throw conflict(g.alreadyRevoked({ id, at: grant.revokedAt }));
      const revoked: Grant = {
        ...grant,
        revokedAt: this.clock().toISOString(),
        revokedBy: actorRef(actor),
      };
      await repo.markRevoked(tx, id, revoked.revokedAt ?? '', revoked.revokedBy ?? '');
      await this.record(tx, actor, 'device-grant.revoked', revoked);
      return revoked;
    });
  }

  /** A device's grants, for its organisation's users. */
  async ofDevice(actor: Actor, deviceId: string): Promise<Grant[]> {
    await this.owned(this.store, actor, deviceId);
    return repo.grantsOfDevice(this.store, deviceId);
  }

  /** The grants the caller's organisation gave and/or received. */
  async list(actor: Actor, role?: 'given' | 'received'): Promise<ListedGrant[]> {
    requireLogin(actor);
    if (!actor.organisationId) return [];
    return repo.grantsOfOrganisation(this.store, actor.organisationId, role ?? 'both');
  }

  /** The reads made under a grant, newest first: to the owner's and the grantee's users. */
  async usage(actor: Actor, id: string): Promise<GrantUsage[]> {
    const grant = await this.visible(this.store, actor, id);
    return repo.usageOf(this.store, grant.id, MAX_USAGE_ROWS);
  }

  /**
   * For a reader of a device that is not its organisation's: the grants in force to it (not
   * revoked). Empty: the device is not shared with it (callers answer 404).
   */
  async inForce(actor: Actor, deviceId: string): Promise<Grant[]> {
    if (!actor.organisationId) return [];
    const grants = await repo.grantsOfDevice(this.store, deviceId, actor.organisationId);
    return grants.filter((x) => !x.revokedAt);
  }

  /**
   * The grant under which `key` may be read over [from, to): one that names the key and whose
   * window holds the whole range. Refused (403) with the reason otherwise.
   */
  pick(grants: Grant[], key: string, from: number, to: number): Grant {
    const forKey = grants.filter((x) => x.keys.includes(key));
    if (!forKey.length) throw forbidden(g.keyNotGranted({ key }));
    const fits = forKey.find((x) => Date.parse(x.from) <= from && to <= Date.parse(x.to));
    if (!fits)
      throw forbidden(
        g.outsideGrant({ key, windows: forKey.map((x) => `[${x.from}, ${x.to})`).join(', ') }),
      );
    return fits;
  }

  /** One usage row per key read under a grant. */
  async logUse(
    actor: Actor,
    reads: Array<{
      grant: Grant;
      read: 'telemetry' | 'latest';
      key: string;
      from: number | null;
      to: number | null;
      points: number;
    }>,
  ): Promise<void> {
    const now = this.clock();
    const at = now.toISOString();
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    await repo.insertUsage(
      this.store,
      reads.map((r) => ({
        id: newUsageId(now.getTime()),
        grantId: r.grant.id,
        readerId: actorRef(actor),
        readerOrganisationId: actor.organisationId ?? '',
        read: r.read,
        key: r.key,
        from: iso(r.from),
        to: iso(r.to),
        points: r.points,
        at,
      })),
    );
  }
}
