// The plant of a site: which of its devices are the feed and product belt scales, the ash
// analyser and the densimeter (journaled as `plant.configured`), and the plant's KPIs
// computed from their minute roll-ups by the pure engine (engine/kpi.ts).
import { inTransaction, recordEvent } from '../journal/index.ts';
import {
  type Actor,
  actorRef,
  type FieldProblem,
  forbidden,
  invalid,
  isOperator,
  notFound,
  parseInput,
  requireLogin,
  requireOrganisationRole,
  unprocessable,
} from '../model/index.ts';
import { registryQueries as rq } from '../registry/index.ts';
import type { Store } from '../store/index.ts';
import { plantKpis } from './engine/kpi.ts';
import { parseRfc3339 } from './engine/payload.ts';
import { DAY_MS } from './engine/rollup.ts';
import { plantSiteKinds } from './limits.ts';
import { messages as m } from './messages.ts';
import * as pr from './plant/repository.ts';
import { KpiQuery, PlantInput, type PlantKpisView, type PlantRecord } from './plant-schema.ts';
import * as repo from './repository.ts';

/** The feed belt runs at or above this by default (t/h). */
export const DEFAULT_RUNNING_ABOVE_TPH = 50;

/** The longest KPI window. */
export const MAX_KPI_DAYS = 31;

/** Each role: its device field, the profile it must have and the key read. */
const roles = [
  { field: 'feedDeviceId', profile: 'belt-scale', key: 'throughput_tph' },
  { field: 'productDeviceId', profile: 'belt-scale', key: 'throughput_tph' },
  { field: 'ashDeviceId', profile: 'ash-analyser', key: 'ash_pct' },
  { field: 'densityDeviceId', profile: 'dense-medium', key: 'density_kgm3' },
  { field: 'powerDeviceId', profile: 'power-meter', key: 'power_kw' },
] as const;

export class PlantService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Describes (or redescribes) the plant of a site (org admin of the site's organisation). */
  async configure(actor: Actor, siteId: string, input: unknown): Promise<PlantRecord> {
    const p = parseInput(PlantInput, input);
    requireLogin(actor);
    return inTransaction(this.store, async (tx) => {
      const site = await rq.findSite(tx, siteId);
      if (!site) throw notFound(m.siteNotFound({ id: siteId }));
      requireOrganisationRole(actor, site.organisationId, 'org_admin');
      // a plant stands at a plant's, a mine's or a pit's site; one described before this rule
      // elsewhere may still be redescribed (the Plant page offers it too: plant-sites.ts)
      if (!plantSiteKinds.includes(site.kind) && !(await pr.findPlant(tx, siteId)))
        throw unprocessable(
          m.notPlantSite({ name: site.name, nameEn: site.nameEn || site.name, kind: site.kind }),
        );
      const fields: FieldProblem[] = [];
      for (const r of roles) {
        const id = p[r.field];
        if (!id) continue;
        const row = await repo.deviceRow(tx, id);
        if (!row || row.site_id !== siteId)
          fields.push({ field: r.field, message: m.notAtSite({ siteId }) });
        else if (row.profile_id !== r.profile)
          fields.push({ field: r.field, message: m.wrongProfile({ profile: r.profile }) });
      }
      if (p.feedDeviceId === p.productDeviceId)
        fields.push({ field: 'productDeviceId', message: m.sameBelt() });
      if (fields.length) throw invalid(m.invalidPlant(), fields);
      const record: PlantRecord = {
        id: siteId,
        siteId,
        organisationId: site.organisationId,
        feedDeviceId: p.feedDeviceId,
        productDeviceId: p.productDeviceId,
        ashDeviceId: p.ashDeviceId ?? null,
        densityDeviceId: p.densityDeviceId ?? null,
        // absent when none, as in the plants (and their events) from before it was asked
        ...(p.powerDeviceId ? { powerDeviceId: p.powerDeviceId } : {}),
        ashTargetPct: p.ashTargetPct ?? null,
        densityTargetKgm3: p.densityTargetKgm3 ?? null,
        runningAboveTph: p.runningAboveTph ?? DEFAULT_RUNNING_ABOVE_TPH,
        updatedAt: this.clock().toISOString(),
      };
      await pr.savePlant(tx, record);
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: site.organisationId,
          type: 'plant.configured',
          payload: record,
        },
        this.clock(),
      );
      return record;
    });
  }

  /** The plant of a site, for its organisation's users and the operator (404 to everyone else). */
  async plant(actor: Actor, siteId: string): Promise<PlantRecord> {
    requireLogin(actor);
    const row = await pr.findPlant(this.store, siteId);
    if (!row || (!isOperator(actor) && row.organisation_id !== actor.organisationId))
      throw notFound(m.noPlant({ id: siteId }));
    return pr.plantFromRow(row);
  }

  /**
   * The plants described at the sites of the caller's organisation (the operator: of
   * `organisationId`, or all): a page learns which sites have one without asking per site.
   */
  async list(actor: Actor, organisationId?: string): Promise<PlantRecord[]> {
    requireLogin(actor);
    const org = isOperator(actor) ? organisationId : (actor.organisationId ?? undefined);
    if (!isOperator(actor) && !org) throw forbidden();
    return pr.listPlants(this.store, org);
  }

  /** The plant's KPIs over [from, to), from its devices' minute averages (its organisation's: telemetry). */
  async kpis(actor: Actor, siteId: string, query: unknown): Promise<PlantKpisView> {
    const plant = await this.plant(actor, siteId);
    if (plant.organisationId !== actor.organisationId) throw notFound(m.noPlant({ id: siteId }));
    const q = parseInput(KpiQuery, query);
    const fields: FieldProblem[] = [];
    const from = parseRfc3339(q.from);
    const to = parseRfc3339(q.to);
    if (from === null) fields.push({ field: 'querystring.from', message: m.badTs() });
    if (to === null) fields.push({ field: 'querystring.to', message: m.badTs() });
    if (from !== null && to !== null && to <= from)
      fields.push({ field: 'querystring.to', message: m.toBeforeFrom() });
    if (from !== null && to !== null && to - from > MAX_KPI_DAYS * DAY_MS)
      fields.push({ field: 'querystring.to', message: m.rangeTooLong({ days: MAX_KPI_DAYS }) });
    if (fields.length || from === null || to === null) throw invalid(m.invalidQuery(), fields);
    const series = async (deviceId: string | null, key: string) => {
      if (!deviceId) return null;
      const rows = await repo.rollupRows(
        this.store,
        'machines_rollup_minute',
        deviceId,
        key,
        from,
        to,
        MAX_KPI_DAYS * 1440 + 1,
      );
      return rows.map((r) => ({ ts: r.bucket, value: r.sum / r.n }));
    };
    const [feed, product, ash, density, power] = await Promise.all(
      roles.map((r) => series(plant[r.field] ?? null, r.key)),
    );
    const k = plantKpis({
      from,
      to,
      feed,
      product,
      ash,
      density,
      power,
      ashTargetPct: plant.ashTargetPct,
      densityTargetKgm3: plant.densityTargetKgm3,
      runningAboveTph: plant.runningAboveTph,
    });
    return { siteId, from: new Date(from).toISOString(), to: new Date(to).toISOString(), ...k };
  }
}
