// The machines module's service: the device registry (journaled), telemetry ingestion
// (checked by the pure payload rules, stored with its roll-ups in one transaction, refusals
// counted per device and reason) and telemetry reads for the owning organisation.
import { randomBytes } from 'node:crypto';
import { inTransaction, recordEvent } from '../journal/index.ts';
import {
  type Actor,
  actorRef,
  DomainError,
  type FieldProblem,
  forbidden,
  invalid,
  isOperator,
  notFound,
  parseInput,
  requireLogin,
  requireOrganisationRole,
} from '../model/index.ts';
import { registryQueries as rq } from '../registry/index.ts';
import type { Store, Tx } from '../store/index.ts';
import { type Parsed, parsePayload, parseRfc3339 } from './engine/payload.ts';
import { aggregateOf, bucketMs, coarsen, DAY_MS } from './engine/rollup.ts';
import { type SeriesColumns, seriesJson, seriesPoints } from './engine/series-json.ts';
import type { Grant } from './grants/schema.ts';
import { DeviceGrants } from './grants/service.ts';
import { messages as m } from './messages.ts';
import { deviceProfiles, profileById } from './profiles.ts';
import * as repo from './repository.ts';
import {
  DeviceInput,
  DevicePatch,
  type DeviceProfile,
  type DeviceRecord,
  type DeviceView,
  type DeviceWithToken,
  type IngestResult,
  type LatestValue,
  MAX_QUERY_POINTS,
  TelemetryQuery,
  type TelemetrySeries,
  WEIGHBRIDGE_PROFILE,
} from './schema.ts';
import { mosquittoHash, newDeviceToken, tokenHash, tokenMatches } from './tokens.ts';
import { TelemetryWriter } from './writer.ts';

const newDeviceId = () => `d-${randomBytes(6).toString('hex')}`;
const iso = (ms: number) => new Date(ms).toISOString();

const tooManyPoints = () =>
  invalid(m.invalidQuery(), [
    { field: 'querystring', message: m.tooManyPointsToRead({ max: MAX_QUERY_POINTS }) },
  ]);

/** A refused message: the reason (counted) and the field it names. */
/**
 * Who may receive a device's token: its own organisation's administrators, or the platform
 * itself (the CLI, the seeding). Not the platform operator's users for another organisation's
 * device: a token lets its holder
 * speak for the organisation's machines — a weighbridge's readings become deliveries on its
 * deals — and the operator reads none of that telemetry either (security probe 2026-12-01, N2).
 */
function requireTokenHolder(actor: Actor, organisationId: string): void {
  if (actor.kind === 'system') return;
  // the operator's users administer their own organisation's devices like anyone's admins
  if (isOperator(actor) && actor.organisationId !== organisationId)
    throw forbidden(m.tokenOwnOnly());
  requireOrganisationRole(actor, organisationId, 'org_admin');
}

export class Rejected extends DomainError {
  constructor(readonly problem: FieldProblem) {
    super('invalid', m.rejected(), [problem]);
  }
  get reason(): string {
    return this.problem.message.code;
  }
}

/** Told of each committed message's stored points; it must not throw (its errors are its own). */
export type IngestListener = (
  device: DeviceRecord,
  points: ReadonlyArray<{ key: string; ts: number; value: number }>,
) => Promise<void> | void;

export class MachinesService {
  /** Sharing between companies: grants, and the log of reads under them. */
  readonly grants: DeviceGrants;
  private readonly writer: TelemetryWriter;

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.grants = new DeviceGrants(store, clock);
    this.writer = new TelemetryWriter(store, clock);
  }

  private readonly ingested: IngestListener[] = [];

  /** `listener` is called after each committed message with the points it stored (alarms, live). */
  onIngest(listener: IngestListener): void {
    this.ingested.push(listener);
  }

  profiles(): DeviceProfile[] {
    return [...deviceProfiles];
  }

  private async record(tx: Tx, actor: Actor, type: string, d: DeviceRecord) {
    await recordEvent(
      tx,
      { actor: actorRef(actor), organisationId: d.organisationId, type, payload: d },
      this.clock(),
    );
  }

  /** A new device at a site of its organisation; the token is in the answer only. */
  async createDevice(actor: Actor, input: unknown): Promise<DeviceWithToken> {
    const d = parseInput(DeviceInput, input);
    requireLogin(actor);
    const organisationId = d.organisationId ?? actor.organisationId;
    if (!organisationId)
      throw invalid(m.invalidDevice(), [
        { field: 'organisationId', message: m.requiredForOperator() },
      ]);
    requireTokenHolder(actor, organisationId);
    const fields: FieldProblem[] = [];
    if (!profileById(d.profileId))
      fields.push({ field: 'profileId', message: m.unknownProfile({ id: d.profileId }) });
    return inTransaction(this.store, async (tx) => {
      if (!(await rq.findOrganisation(tx, organisationId)))
        fields.push({
          field: 'organisationId',
          message: m.unknownOrganisation({ id: organisationId }),
        });
      const site = await rq.findSite(tx, d.siteId);
      if (!site || site.organisationId !== organisationId)
        fields.push({ field: 'siteId', message: m.notOwnSite() });
      else if (site.closedOn)
        fields.push({ field: 'siteId', message: m.siteClosed({ closedOn: site.closedOn }) });
      if (fields.length) throw invalid(m.invalidDevice(), fields);
      const token = newDeviceToken();
      const now = this.clock().toISOString();
      let id = newDeviceId();
      while (await repo.deviceExists(tx, id)) id = newDeviceId();
      const record: DeviceRecord = {
        id,
        organisationId,
        siteId: d.siteId,
        profileId: d.profileId,
        name: d.name ?? null,
        createdAt: now,
        tokenIssuedAt: now,
      };
      await repo.insertDevice(tx, {
        id,
        organisation_id: organisationId,
        site_id: d.siteId,
        profile_id: d.profileId,
        name: record.name,
        token_hash: tokenHash(token),
        broker_hash: mosquittoHash(token),
        created_at: now,
        token_issued_at: now,
      });
      await this.record(tx, actor, 'device.created', record);
      return { ...record, token };
    });
  }

  /**
   * Renames a device (its organisation's admin, or the operator): alarms, charts and the
   * plant's form show the name; its id, token and readings stay.
   */
  async renameDevice(actor: Actor, id: string, input: unknown): Promise<DeviceView> {
    const { name } = parseInput(DevicePatch, input);
    return inTransaction(this.store, async (tx) => {
      const row = await repo.deviceRow(tx, id);
      if (!row) throw notFound(m.deviceNotFound({ id }));
      requireOrganisationRole(actor, row.organisation_id, 'org_admin');
      await repo.renameDevice(tx, id, name);
      const record = { ...repo.deviceFromRow(row), name };
      await this.record(tx, actor, 'device.renamed', record);
      const rejections = await repo.rejectionsOf(tx, [id]);
      return { ...record, rejections: rejections.get(id) ?? {} };
    });
  }

  /** A new token for a device; the old one stops working at once. */
  async rotateToken(actor: Actor, id: string): Promise<DeviceWithToken> {
    return inTransaction(this.store, async (tx) => {
      const row = await repo.deviceRow(tx, id);
      if (!row) throw notFound(m.deviceNotFound({ id }));
      requireTokenHolder(actor, row.organisation_id);
      const token = newDeviceToken();
      const now = this.clock().toISOString();
      await repo.replaceDeviceToken(tx, id, tokenHash(token), mosquittoHash(token), now);
      const record = { ...repo.deviceFromRow(row), tokenIssuedAt: now };
      await this.record(tx, actor, 'device.token-rotated', record);
      return { ...record, token };
    });
  }

  /** The devices the caller may see: its organisation's (the operator: all, or one organisation's). */
  async listDevices(actor: Actor, organisationId?: string): Promise<DeviceView[]> {
    requireLogin(actor);
    const org = isOperator(actor) ? organisationId : (actor.organisationId ?? undefined);
    if (!isOperator(actor) && !org) throw forbidden();
    const rows = await repo.devicesOf(this.store, org);
    const rejections = await repo.rejectionsOf(
      this.store,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...repo.deviceFromRow(r), rejections: rejections.get(r.id) ?? {} }));
  }

  /** A device, for its organisation's users (404 to everyone else: its existence is theirs). */
  async getDevice(actor: Actor, id: string): Promise<DeviceView> {
    const device = await this.readable(actor, id);
    const rejections = await repo.rejectionsOf(this.store, [id]);
    return { ...device, rejections: rejections.get(id) ?? {} };
  }

  private async readable(actor: Actor, id: string): Promise<DeviceRecord> {
    requireLogin(actor);
    const row = await repo.deviceRow(this.store, id);
    // telemetry is the organisation's: not even the operator reads it
    if (!row || actor.organisationId !== row.organisation_id)
      throw notFound(m.deviceNotFound({ id }));
    return repo.deviceFromRow(row);
  }

  /**
   * A device whose telemetry the caller may read: its organisation's (grants null), or one
   * shared with its organisation by grants in force (404 to everyone else).
   */
  async readableTelemetry(
    actor: Actor,
    id: string,
  ): Promise<{ device: DeviceRecord; grants: Grant[] | null }> {
    requireLogin(actor);
    const row = await repo.deviceRow(this.store, id);
    if (row && actor.organisationId === row.organisation_id)
      return { device: repo.deviceFromRow(row), grants: null };
    const grants = row ? await this.grants.inForce(actor, id) : [];
    if (!row || !grants.length) throw notFound(m.deviceNotFound({ id }));
    return { device: repo.deviceFromRow(row), grants };
  }

  /** The device a token belongs to, or null. */
  async deviceForToken(token: string): Promise<DeviceRecord | null> {
    const row = await repo.deviceRowByTokenHash(this.store, tokenHash(token));
    return row ? repo.deviceFromRow(row) : null;
  }

  /** MQTT: the device id as username, its token as password. */
  async authenticateDevice(id: string, token: string): Promise<DeviceRecord | null> {
    const row = await repo.deviceRow(this.store, id);
    return row && tokenMatches(token, row.token_hash) ? repo.deviceFromRow(row) : null;
  }

  /** A device by id, whoever asks (the external broker's subscriber: the broker authenticated it). */
  async findDevice(id: string): Promise<DeviceRecord | null> {
    const row = await repo.deviceRow(this.store, id);
    return row ? repo.deviceFromRow(row) : null;
  }

  /** The device's HTTP actor: it may post its telemetry and nothing else. */
  deviceActor(d: DeviceRecord): Actor {
    return { kind: 'device', id: d.id, organisationId: d.organisationId, role: null };
  }

  /**
   * Stores one message of a device (a point or a batch): all of it or, refused, none of it,
   * the refusal counted. Resolves once committed: the acknowledgement may follow.
   */
  async ingest(device: DeviceRecord, payload: unknown): Promise<IngestResult> {
    const profile = profileById(device.profileId);
    const now = this.clock();
    const unknown = m.unknownProfile({ id: device.profileId });
    const parsed: Parsed = profile
      ? parsePayload(payload, profile, now.getTime())
      : { ok: false, reason: unknown, problem: { field: '(device)', message: unknown } };
    if (!parsed.ok) {
      await repo.countRejection(this.store, device.id, parsed.reason.code, now.toISOString());
      throw new Rejected(parsed.problem);
    }
    // group commit: resolves once the transaction holding this message has committed
    const { stored, ...result } = await this.writer.write(
      device.id,
      parsed.points,
      parsed.repeatedInMessage,
      device.profileId === WEIGHBRIDGE_PROFILE ? device.organisationId : undefined,
    );
    for (const listener of this.ingested) if (stored.length) await listener(device, stored);
    return result;
  }

  /** HTTP: the batch names its device, which must be the token's. */
  ingestBatch(device: DeviceRecord, body: unknown): Promise<IngestResult> {
    let parsed = body;
    if (typeof body === 'string') {
      try {
        parsed = JSON.parse(body);
      } catch {
        return this.refuse(device, { field: '(body)', message: m.notJson() });
      }
    }
    const named = (parsed as { device?: unknown } | null)?.device;
    if (typeof parsed === 'object' && parsed !== null && named !== device.id)
      return this.refuse(device, {
        field: 'device',
        message:
          named === undefined || named === ''
            ? m.deviceNamed()
            : m.otherDevice({ device: String(named) }),
      });
    return this.ingest(device, parsed);
  }

  private async refuse(device: DeviceRecord, problem: FieldProblem): Promise<never> {
    await this.countRefusal(device.id, problem.message.code);
    throw new Rejected(problem);
  }

  /** Counts a refusal that happened before a payload could be read (a foreign topic, a bad body). */
  countRefusal(deviceId: string, reason: string): Promise<void> {
    return repo.countRejection(this.store, deviceId, reason, this.clock().toISOString());
  }

  /** A key's points in [from, to): raw, or one per bucket with its aggregate. */
  async telemetry(actor: Actor, id: string, query: unknown): Promise<TelemetrySeries> {
    const s = await this.telemetryColumns(actor, id, query);
    return { key: s.key, unit: s.unit, points: seriesPoints(s) };
  }

  /**
   * The same answer as one JSON string, built by hand (engine/series-json.ts): the HTTP read
   * sends it as it is, past the response serialiser, since a 30-day minute series is 43,200
   * points.
   */
  async telemetryJson(actor: Actor, id: string, query: unknown): Promise<string> {
    return seriesJson(await this.telemetryColumns(actor, id, query));
  }

  private async telemetryColumns(actor: Actor, id: string, query: unknown): Promise<SeriesColumns> {
    const { device, grants } = await this.readableTelemetry(actor, id);
    const q = parseInput(TelemetryQuery, query);
    const profile = profileById(device.profileId);
    const key = profile?.keys.find((k) => k.key === q.key);
    const fields: FieldProblem[] = [];
    if (!profile || !key)
      fields.push({
        field: 'querystring.key',
        message: m.keyNotInProfile({ profile: device.profileId, key: q.key }),
      });
    const from = parseRfc3339(q.from);
    const to = parseRfc3339(q.to);
    if (from === null) fields.push({ field: 'querystring.from', message: m.badTs() });
    if (to === null) fields.push({ field: 'querystring.to', message: m.badTs() });
    if (from !== null && to !== null && to <= from)
      fields.push({ field: 'querystring.to', message: m.toBeforeFrom() });
    if (q.agg && !q.bucket)
      fields.push({ field: 'querystring.agg', message: m.aggWithoutBucket() });
    if (fields.length || !key || from === null || to === null)
      throw invalid(m.invalidQuery(), fields);
    // a grantee reads only the keys and the window its grants give, and each read is logged
    // a bucket answers for all of its span: the last one may reach past `to`
    const size = q.bucket ? bucketMs[q.bucket] : 1;
    const grant = grants && this.grants.pick(grants, key.key, from, Math.ceil(to / size) * size);
    const columns = await this.series(id, q, from, to);
    if (columns.ts.length > MAX_QUERY_POINTS) throw tooManyPoints();
    if (grant)
      await this.grants.logUse(actor, [
        { grant, read: 'telemetry', key: key.key, from, to, points: columns.ts.length },
      ]);
    return { key: key.key, unit: key.unit, ...columns };
  }

  private async series(
    id: string,
    q: TelemetryQuery,
    from: number,
    to: number,
  ): Promise<{ ts: number[]; value: number[] }> {
    const limit = MAX_QUERY_POINTS + 1;
    if (!q.bucket) {
      const raw = await repo.rawPoints(this.store, id, q.key, from, to, limit);
      return { ts: raw.map((p) => p.ts), value: raw.map((p) => p.value) };
    }
    const agg = q.agg ?? 'avg';
    if (q.bucket === '1d') {
      const start = Math.floor(from / DAY_MS) * DAY_MS;
      if ((to - start) / DAY_MS > limit) throw tooManyPoints();
      const hours = await repo.rollupRows(
        this.store,
        'machines_rollup_hour',
        id,
        q.key,
        start,
        to,
        Number.MAX_SAFE_INTEGER,
      );
      const days = [...coarsen(hours, bucketMs['1d'])].filter(([b]) => b >= from && b < to);
      return { ts: days.map(([b]) => b), value: days.map(([, r]) => aggregateOf(r, agg)) };
    }
    // a 30-day minute read is 43,200 points: read from the packed hours, kept as two columns
    if (q.bucket === '1m') return repo.minuteColumns(this.store, id, q.key, from, to, limit, agg);
    return repo.hourColumns(this.store, id, q.key, from, to, limit, agg);
  }

  /** Each key's latest value. */
  async latest(actor: Actor, id: string): Promise<LatestValue[]> {
    const { device, grants } = await this.readableTelemetry(actor, id);
    const units = new Map(profileById(device.profileId)?.keys.map((k) => [k.key, k.unit]));
    const rows = (await repo.latestRollups(this.store, id)).filter((r) => units.has(r.key));
    const answer = (list: typeof rows) =>
      list.map((r) => ({
        key: r.key,
        unit: units.get(r.key) ?? '',
        ts: iso(r.ts),
        value: r.value,
      }));
    if (!grants) return answer(rows);
    // a grantee: the keys its grants give, each value only if its time is in a grant's window
    const shown: typeof rows = [];
    const reads: Parameters<DeviceGrants['logUse']>[1] = [];
    for (const r of rows) {
      const grant = grants.find(
        (x) => x.keys.includes(r.key) && Date.parse(x.from) <= r.ts && r.ts < Date.parse(x.to),
      );
      if (!grant) continue;
      shown.push(r);
      reads.push({ grant, read: 'latest', key: r.key, from: null, to: null, points: 1 });
    }
    await this.grants.logUse(actor, reads);
    return answer(shown);
  }

  /**
   * Mosquitto's password file (each device: its id and its token's $7$ hash; the platform's
   * own user if given) and ACL file (each device writes only its own telemetry topic and
   * reads its own; the platform reads every device's telemetry).
   */
  async brokerFiles(platformUser?: { name: string; password: string }) {
    const rows = await repo.devicesOf(this.store);
    const passwd = rows.map((r) => `${r.id}:${r.broker_hash}`);
    if (platformUser) passwd.push(`${platformUser.name}:${mosquittoHash(platformUser.password)}`);
    const acl = [
      '# written by `digicluster device acl`: each device publishes only to its own topic',
      'pattern write digicluster/%u/telemetry',
      'pattern read digicluster/%u/rejected',
      '',
    ];
    if (platformUser)
      acl.push(
        `user ${platformUser.name}`,
        'topic read digicluster/+/telemetry',
        'topic write digicluster/+/rejected',
        '',
      );
    return { passwd: `${passwd.join('\n')}\n`, acl: acl.join('\n'), devices: rows.length };
  }

  /** Raw points older than each profile's retention removed; roll-ups stay. */
  async prune(): Promise<number> {
    const now = this.clock().getTime();
    let removed = 0;
    for (const row of await repo.devicesOf(this.store)) {
      const profile = profileById(row.profile_id);
      if (!profile) continue;
      removed += await repo.ingestTransaction(this.store, (tx) =>
        repo.pruneRaw(tx, row.id, now - profile.retentionDays * DAY_MS),
      );
    }
    return removed;
  }
}
