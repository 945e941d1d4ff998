// Alarms: the rules of each device's profile (alarm-rules.ts, or the set its organisation
// made its own) evaluated by the pure engine (engine/alarms.ts) on every committed message
// (threshold, rate of change) and by a timer (no data for N minutes, on an injectable clock). Each alarm lives active → acknowledged →
// cleared (or active → cleared), each step a journal event carrying its full state:
// `alarm.raised`, `alarm.acknowledged`, `alarm.cleared`. At most one alarm of a rule is open
// per device; evaluation commits in its own transaction after the message's.
import { randomBytes } from 'node:crypto';
import { inTransaction, recordEvent } from '../journal/index.ts';
import {
  type Actor,
  actorRef,
  conflict,
  forbidden,
  invalid,
  notFound,
  parseInput,
  requireLogin,
  requireOrganisationRole,
} from '../model/index.ts';
import type { Reader, Store, Tx } from '../store/index.ts';
import { alarmRulesOf } from './alarm-rules.ts';
import { realTicker, type Ticker } from './clock.ts';
import {
  type AlarmRule,
  checkRules,
  MAX_SILENCE_MINUTES,
  normaliseRule,
  type RuleSetting,
  resolveRule,
  rulesInForce,
  silent,
  type TimedValue,
  type Transition,
  walkPoints,
} from './engine/alarms.ts';
import { plantTargets, targetKeysOf } from './limits.ts';
import { messages as m } from './messages.ts';
import * as pr from './plant/repository.ts';
import {
  AlarmQuery,
  type AlarmRecord,
  type AlarmRuleSet,
  AlarmRuleSetInput,
  type AlarmSummary,
  type AlarmView,
} from './plant-schema.ts';
import { profileById } from './profiles.ts';
import * as repo from './repository.ts';
import type { DeviceRecord } from './schema.ts';

const newAlarmId = () => `al-${randomBytes(6).toString('hex')}`;
const iso = (ms: number) => new Date(ms).toISOString();
const system = {
  kind: 'system',
  id: 'system',
  organisationId: null,
  role: 'operator_admin',
} as const;

export interface StoredPoint {
  key: string;
  ts: number;
  value: number;
}

/**
 * How long a process keeps an organisation's rules before reading them again: a change made
 * through another server process (they share the database) is in force within this time;
 * through this one, at once.
 */
export const RULES_CACHE_MS = 5_000;

const parseSet = (json: string): RuleSetting[] => JSON.parse(json);

/** An organisation's rules of a profile as the API shows them (its own set, or the shipped). */
export async function ruleSetOf(
  reader: Reader,
  organisationId: string,
  profileId: string,
): Promise<AlarmRuleSet> {
  const row = await pr.findRuleSet(reader, organisationId, profileId);
  const defaults = alarmRulesOf(profileId).map((r) => ({ ...r, enabled: true }));
  return {
    id: `${organisationId}/${profileId}`,
    organisationId,
    profileId,
    rules: row ? parseSet(row.rules) : defaults,
    defaults,
    custom: !!row,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

/** The set by its id `{organisationId}/{profileId}`, if the organisation made one (journal verify). */
export async function storedRuleSet(reader: Reader, id: string): Promise<AlarmRuleSet | null> {
  const [organisationId, profileId] = id.split('/');
  const row = profileId && (await pr.findRuleSet(reader, organisationId, profileId));
  return row ? ruleSetOf(reader, organisationId, profileId) : null;
}

/** How often the no-data rules are checked by default. */
export const SILENCE_CHECK_MS = 60_000;

export class AlarmsService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Effective rules by organisation and profile, kept a short while (see RULES_CACHE_MS). */
  private readonly ruleCache = new Map<string, { rules: AlarmRule[]; until: number }>();

  /** The rules in force for an organisation's devices of a profile: its own, or the shipped. */
  async rulesFor(organisationId: string, profileId: string): Promise<AlarmRule[]> {
    const k = `${organisationId}/${profileId}`;
    const now = Date.now();
    const hit = this.ruleCache.get(k);
    if (hit && hit.until > now) return hit.rules;
    const row = await pr.findRuleSet(this.store, organisationId, profileId);
    const rules = row ? rulesInForce(parseSet(row.rules)) : [...alarmRulesOf(profileId)];
    this.ruleCache.set(k, { rules, until: now + RULES_CACHE_MS });
    return rules;
  }

  /**
   * The rules a device is evaluated by: those in force, a rule relative to the target made
   * absolute against the target of the plant whose ash analyser or densimeter the device is
   * (dropped when there is no such plant or target).
   */
  async rulesOfDevice(reader: Reader, device: DeviceRecord): Promise<AlarmRule[]> {
    const rules = await this.rulesFor(device.organisationId, device.profileId);
    if (!rules.some((r) => r.kind === 'threshold' && r.relativeTo)) return rules;
    const plant = await pr.plantOfDevice(reader, device.id);
    const targetOf = (key: string) => {
      const t = plantTargets.find((x) => x.profile === device.profileId && x.key === key);
      return t && plant && plant[t.device] === device.id ? plant[t.target] : null;
    };
    return rules.flatMap((r) => resolveRule(r, targetOf(r.key)) ?? []);
  }

  private organisationOf(actor: Actor, profileId: string): string {
    requireLogin(actor);
    if (!profileById(profileId)) throw notFound(m.profileNotFound({ id: profileId }));
    // the rules are an organisation's, for its devices: the operator has none
    if (!actor.organisationId) throw forbidden(m.rulesForOrganisation());
    return actor.organisationId;
  }

  /** The alarm rules of a profile for the caller's organisation, and the shipped ones. */
  async ruleSet(actor: Actor, profileId: string): Promise<AlarmRuleSet> {
    return ruleSetOf(this.store, this.organisationOf(actor, profileId), profileId);
  }

  /**
   * Sets the organisation's own rules of a profile (org admin), the whole set at once:
   * checked (engine/alarms.ts checkRules), stored, journaled as `alarm-rules.set` with the
   * set's full state. Open alarms of a changed rule stay open until a point clears them.
   */
  async setRules(actor: Actor, profileId: string, input: unknown): Promise<AlarmRuleSet> {
    const organisationId = this.organisationOf(actor, profileId);
    requireOrganisationRole(actor, organisationId, 'org_admin');
    const rules = parseInput(AlarmRuleSetInput, input).rules.map(normaliseRule);
    const keys = profileById(profileId)?.keys.map((k) => k.key) ?? [];
    const problems = checkRules(rules, keys, targetKeysOf(profileId));
    if (problems.length)
      throw invalid(
        m.invalidRules(),
        problems.map((p) => ({
          field: `rules.${p.index}.${p.field}`,
          message:
            p.code === 'unknownKey'
              ? m.unknownKey2({ profile: profileId })
              : p.code === 'minutesOutOfRange'
                ? m.minutesOutOfRange({ max: MAX_SILENCE_MINUTES })
                : m[p.code](),
        })),
      );
    const set = await inTransaction(this.store, async (tx) => {
      await pr.saveRuleSet(tx, {
        organisation_id: organisationId,
        profile_id: profileId,
        rules: JSON.stringify(rules),
        updated_at: this.clock().toISOString(),
        updated_by: actorRef(actor),
      });
      const next = await ruleSetOf(tx, organisationId, profileId);
      await recordEvent(
        tx,
        { actor: actorRef(actor), organisationId, type: 'alarm-rules.set', payload: next },
        this.clock(),
      );
      return next;
    });
    this.ruleCache.delete(`${organisationId}/${profileId}`);
    return set;
  }

  private async record(tx: Tx, actor: Actor, type: string, a: AlarmRecord) {
    await recordEvent(
      tx,
      { actor: actorRef(actor), organisationId: a.organisationId, type, payload: a },
      this.clock(),
    );
  }

  private async apply(
    tx: Tx,
    device: DeviceRecord,
    rule: AlarmRule,
    open: AlarmRecord | undefined,
    transitions: Transition[],
  ): Promise<AlarmRecord[]> {
    const changed: AlarmRecord[] = [];
    let current = open;
    for (const t of transitions) {
      if (t.to === 'active' && !current) {
        let id = newAlarmId();
        while (await pr.findAlarm(tx, id)) id = newAlarmId();
        current = {
          id,
          deviceId: device.id,
          organisationId: device.organisationId,
          siteId: device.siteId,
          profileId: device.profileId,
          rule: { ...rule },
          status: 'active',
          raisedAt: iso(t.ts),
          raisedValue: t.value,
          acknowledgedAt: null,
          acknowledgedBy: null,
          clearedAt: null,
          clearedValue: null,
        };
        await pr.insertAlarm(tx, current);
        await this.record(tx, system, 'alarm.raised', current);
        changed.push(current);
      } else if (t.to === 'cleared' && current) {
        current = { ...current, status: 'cleared', clearedAt: iso(t.ts), clearedValue: t.value };
        await pr.updateAlarm(tx, current);
        await this.record(tx, system, 'alarm.cleared', current);
        changed.push(current);
        current = undefined;
      }
    }
    return changed;
  }

  /** The transitions new points cause, given the open alarms (read again inside the transaction). */
  private async transitions(
    reader: Store | Tx,
    device: DeviceRecord,
    points: readonly StoredPoint[],
    open: Map<string, AlarmRecord>,
  ) {
    const out: Array<{ rule: AlarmRule; transitions: Transition[] }> = [];
    for (const rule of await this.rulesOfDevice(reader, device)) {
      const pts: TimedValue[] = points.filter((p) => p.key === rule.key);
      if (!pts.length) continue;
      const isOpen = open.has(rule.id);
      if (rule.kind === 'no-data' && !isOpen) continue;
      const previous =
        rule.kind === 'rate'
          ? await pr.pointBefore(reader, device.id, rule.key, Math.min(...pts.map((p) => p.ts)))
          : null;
      const t = walkPoints(rule, isOpen, previous, pts);
      if (t.length) out.push({ rule, transitions: t });
    }
    return out;
  }

  /** Evaluates a committed message's points (called by the ingestion after its commit). */
  async evaluate(device: DeviceRecord, points: readonly StoredPoint[]): Promise<AlarmRecord[]> {
    if (!points.length || !(await this.rulesFor(device.organisationId, device.profileId)).length)
      return [];
    const openOf = async (r: Store | Tx) =>
      new Map((await pr.openAlarms(r, device.id)).map((a) => [a.rule.id, a]));
    // a cheap look first: most messages change nothing, and need no journal lock
    if (!(await this.transitions(this.store, device, points, await openOf(this.store))).length)
      return [];
    return inTransaction(this.store, async (tx) => {
      const open = await openOf(tx);
      const changed: AlarmRecord[] = [];
      for (const { rule, transitions } of await this.transitions(tx, device, points, open))
        changed.push(...(await this.apply(tx, device, rule, open.get(rule.id), transitions)));
      return changed;
    });
  }

  /** Raises the no-data alarms whose silence has lasted; returns them. */
  async checkSilence(): Promise<AlarmRecord[]> {
    const now = this.clock().getTime();
    const raised: AlarmRecord[] = [];
    for (const row of await repo.devicesOf(this.store)) {
      const rules = (await this.rulesFor(row.organisation_id, row.profile_id)).filter(
        (r) => r.kind === 'no-data',
      );
      if (!rules.length) continue;
      const device = repo.deviceFromRow(row);
      const latest = new Map(
        (await repo.latestRollups(this.store, device.id)).map((r) => [r.key, r.ts]),
      );
      const since = Date.parse(device.createdAt);
      const due = rules.filter(
        (r) => r.kind === 'no-data' && silent(r, latest.get(r.key) ?? null, since, now),
      );
      if (!due.length) continue;
      const open = new Set((await pr.openAlarms(this.store, device.id)).map((a) => a.rule.id));
      const fresh = due.filter((r) => !open.has(r.id));
      if (!fresh.length) continue;
      const changed = await inTransaction(this.store, async (tx) => {
        const nowOpen = new Set((await pr.openAlarms(tx, device.id)).map((a) => a.rule.id));
        const out: AlarmRecord[] = [];
        for (const rule of fresh)
          if (!nowOpen.has(rule.id))
            out.push(
              ...(await this.apply(tx, device, rule, undefined, [
                { to: 'active', ts: now, value: null },
              ])),
            );
        return out;
      });
      raised.push(...changed);
    }
    return raised;
  }

  /** Checks the no-data rules every `everyMs` on `ticker`; returns the function that stops it. */
  startSilenceChecks(ticker: Ticker = realTicker, everyMs = SILENCE_CHECK_MS): () => void {
    return ticker.every(everyMs, () => this.checkSilence());
  }

  /** The alarms of the caller's organisation, newest first (at most 500). */
  async list(actor: Actor, query: unknown = {}): Promise<AlarmView[]> {
    requireLogin(actor);
    const q = parseInput(AlarmQuery, query);
    // like telemetry, alarms are the organisation's: the operator reads none
    if (!actor.organisationId) throw forbidden();
    const statuses =
      q.status === 'open' ? ['active', 'acknowledged'] : q.status ? [q.status] : undefined;
    return pr.listAlarms(
      this.store,
      { organisationId: actor.organisationId, statuses, siteId: q.site, deviceId: q.device },
      500,
    );
  }

  /**
   * The caller's organisation's active, unacknowledged alarms counted (the header's
   * indicator on every page), with the newest critical one (its toast). A caller without an
   * organisation (the operator) has none.
   */
  async summary(actor: Actor): Promise<AlarmSummary> {
    requireLogin(actor);
    if (!actor.organisationId) return { active: 0, critical: 0, latestCritical: null };
    const active = await pr.listAlarms(
      this.store,
      { organisationId: actor.organisationId, statuses: ['active'] },
      500,
    );
    const critical = active.filter((a) => a.rule.severity === 'critical');
    const latest = critical.reduce<AlarmView | null>(
      (best, a) => (!best || a.raisedAt > best.raisedAt ? a : best),
      null,
    );
    // the reading by its name, so that the header's toast need not load the profiles
    const key = latest
      ? profileById(latest.profileId)?.keys.find((k) => k.key === latest.rule.key)
      : undefined;
    return {
      active: active.length,
      critical: critical.length,
      latestCritical: latest && {
        ...latest,
        keyLabel: key ? { ru: key.label, en: key.labelEn } : null,
      },
    };
  }

  /** Acknowledges an open alarm (a member of its organisation); acknowledging again changes nothing. */
  async acknowledge(actor: Actor, id: string): Promise<AlarmRecord> {
    requireLogin(actor);
    return inTransaction(this.store, async (tx) => {
      const row = await pr.findAlarm(tx, id);
      if (!row || row.organisation_id !== actor.organisationId)
        throw notFound(m.alarmNotFound({ id }));
      requireOrganisationRole(actor, row.organisation_id, 'member');
      const alarm = pr.alarmFromRow(row);
      if (alarm.status === 'acknowledged') return alarm;
      if (alarm.status === 'cleared') throw conflict(m.alarmCleared({ id }));
      const next: AlarmRecord = {
        ...alarm,
        status: 'acknowledged',
        acknowledgedAt: this.clock().toISOString(),
        acknowledgedBy: actorRef(actor),
      };
      await pr.updateAlarm(tx, next);
      await this.record(tx, actor, 'alarm.acknowledged', next);
      return next;
    });
  }
}
