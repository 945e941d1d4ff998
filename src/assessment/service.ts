// The assessment's service: the readiness questionnaire (versioned per organisation) and the
// typology placement of a snapshot. Access checks, journal events, transactions; SQL in
// repository.ts; the figures in engine/.
import { inTransaction, recordEvent } from '../journal/index.ts';
import { clusterDay, clusterDayOf } from '../model/days.ts';
import {
  type Actor,
  actorRef,
  forbidden,
  isOperator,
  notFound,
  parseInput,
  requireLogin,
  requireOperator,
  requireOrganisationRole,
} from '../model/index.ts';
import { registryQueries } from '../registry/index.ts';
import type { Store } from '../store/index.ts';
import { heavyWork } from '../work/index.ts';
import { Decree779Service } from './declared.ts';
import {
  type Assessment,
  assess,
  buildGraph,
  type ClusterReadiness,
  clusterReadiness,
  crossingShares,
  type layers,
  locationQuotients,
  metricArrays,
  networkRole,
  parseSnapshot,
  type Snapshot,
  strongCluster,
  trajectory,
  valueHhi,
  valueShares,
  windowStart,
} from './engine/index.ts';
import { messages } from './messages.ts';
import { platformSnapshot } from './platform-snapshot.ts';
import { employmentTable } from './reference.ts';
import { type Lang, networkOf, reportModel } from './report/model.ts';
import { renderOrder } from './report/render-worker.ts';
import * as repo from './repository.ts';
import { ReadinessInput, type ReadinessSurvey, type ReportFormat } from './schema.ts';
import { sustainabilityFromPlatform } from './sustainability-from-platform.ts';

/** Each report format's media type. */
const reportMediaTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export class AssessmentService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Today as the cluster counts it (Kemerovo time): the day a placement is made on. */
  private today = () => clusterDay(this.clock().getTime());

  /** Declarations beside the platform and the Decree 779 check (declared.ts). */
  get decree779(): Decree779Service {
    return new Decree779Service(this.store, this.clock);
  }

  /** An organisation's answers become its next version; members and admins answer, not observers. */
  async submitReadiness(
    actor: Actor,
    organisationId: string,
    input: unknown,
  ): Promise<ReadinessSurvey> {
    requireOrganisationRole(actor, organisationId, 'member');
    const body = parseInput(ReadinessInput, input);
    if (!(await registryQueries.findOrganisation(this.store, organisationId)))
      throw notFound(messages.unknownOrganisation());
    return inTransaction(this.store, async (tx) => {
      const version = (await repo.lastReadinessVersion(tx, organisationId)) + 1;
      const survey: ReadinessSurvey = {
        id: `${organisationId}#${version}`,
        organisationId,
        version,
        bands: body.bands,
        note: body.note ?? null,
        submittedBy: actorRef(actor),
        submittedAt: this.clock().toISOString(),
      };
      await repo.insertReadiness(tx, survey);
      await recordEvent(
        tx,
        { actor: actorRef(actor), organisationId, type: 'readiness.submitted', payload: survey },
        this.clock(),
      );
      return survey;
    });
  }

  /** An organisation's versions, newest first: its own users and the operator. */
  async readinessHistory(actor: Actor, organisationId: string): Promise<ReadinessSurvey[]> {
    requireLogin(actor);
    if (!isOperator(actor) && actor.organisationId !== organisationId)
      throw forbidden(messages.ownAnswersOnly());
    return repo.readinessSurveys(this.store, organisationId);
  }

  /**
   * The cluster's readiness over each organisation's latest answers, weighted by the staff the
   * registry states: every signed-in user (the ministry's observers included) sees the cluster's
   * figures, never another organisation's answers.
   */
  async clusterReadiness(actor: Actor): Promise<ClusterReadiness> {
    requireLogin(actor);
    const surveys = await repo.readinessSurveys(this.store);
    const organisations = await registryQueries.findOrganisations(this.store, {});
    const staff = new Map(organisations.map((o) => [o.id, o.employees ?? null]));
    return clusterReadiness(
      surveys.map((s) => ({
        organisationId: s.organisationId,
        version: s.version,
        bands: s.bands,
        employees: staff.get(s.organisationId) ?? null,
      })),
    );
  }

  /**
   * The cluster as the platform's own data describe it. Who trades and talks with whom is the
   * operator's to see: members and observers get the placement, built from it, not the ties.
   */
  async snapshot(actor: Actor): Promise<Snapshot> {
    requireOperator(actor);
    return parseSnapshot(await platformSnapshot(this.store));
  }

  /** Sustainability from the platform's data: cluster aggregates, every signed-in user. */
  async sustainability(actor: Actor) {
    requireLogin(actor);
    return sustainabilityFromPlatform(this.store, this.clock());
  }

  /** The cluster's placement from its own data (aggregates only: every signed-in user). */
  async placement(actor: Actor, options: { asOf?: string; months?: number }): Promise<Assessment> {
    requireLogin(actor);
    const s = parseSnapshot(await platformSnapshot(this.store));
    return assess(s, {
      asOf: options.asOf ?? this.today(),
      windowMonths: options.months,
    });
  }

  /** Month by month, over a trailing window (default 12 months). */
  async trajectory(actor: Actor, options: { months?: number }) {
    requireLogin(actor);
    const s = parseSnapshot(await platformSnapshot(this.store));
    return trajectory(s, {
      to: this.today().slice(0, 7),
      windowMonths: options.months ?? 12,
    });
  }

  /**
   * The ecosystem network from the platform's own ties (one layer or all, the last `months`
   * months): each organisation's centralities, community and role (keystone, dominator, niche),
   * the ties, modularity, density, value HHI and the shares crossing agglomerations and the
   * border. It names who deals with whom: the operator's. The cluster's graph is small (tens to
   * hundreds of organisations), so it is measured in this thread.
   */
  async network(actor: Actor, options: { layer?: (typeof layers)[number]; months?: number }) {
    requireOperator(actor);
    const s = parseSnapshot(await platformSnapshot(this.store));
    const asOf = this.today();
    const from = windowStart(asOf, options.months);
    const ties = s.ties.filter(
      (t) => (!options.layer || t.layer === options.layer) && t.at >= from && t.at <= asOf,
    );
    // one edge per pair and layer, weighted by its number of ties (the report draws the same)
    const layered = networkOf({ ...s, ties }).edges.map(({ count, ...e }) => ({
      ...e,
      weight: count,
    }));
    // the graph: one edge per pair, weighted by the number of ties of every layer
    const pairs = new Map<string, { source: string; target: string; weight: number }>();
    for (const e of layered) {
      const key = `${e.source}|${e.target}`;
      const p = pairs.get(key) ?? { source: e.source, target: e.target, weight: 0 };
      p.weight += e.weight;
      pairs.set(key, p);
    }
    const g = buildGraph({
      nodes: s.organisations.map((o) => ({ id: o.id })),
      edges: [...pairs.values()],
    });
    const a = metricArrays(g);
    const valued = ties
      .filter((t) => t.layer === 'exchange')
      .map((t) => ({ source: t.source, target: t.target, value: t.value ?? 1 }));
    const shares = valueShares(g.ids, valued);
    return {
      asOf,
      layer: options.layer ?? null,
      months: options.months ?? null,
      nodes: s.organisations.map((o, i) => ({
        id: o.id,
        name: typeof o.name === 'string' ? o.name : o.id,
        nameEn: typeof o.nameEn === 'string' && o.nameEn.trim() ? o.nameEn.trim() : null,
        kind: o.kind,
        degree: a.degree[i] ?? 0,
        betweenness: a.betweenness[i] ?? 0,
        closeness: a.closeness[i] ?? 0,
        pagerank: a.pagerank[i] ?? 0,
        eigenvector: a.eigenvector[i] ?? 0,
        community: a.community[i] ?? 0,
        valueShare: shares.get(o.id) ?? 0,
        role: networkRole(a.betweenness[i] ?? 0, shares.get(o.id) ?? 0),
      })),
      edges: layered,
      modularity: a.modularity,
      density: a.density,
      valueHhi: valueHhi(valued),
      crossing: crossingShares(
        s.organisations.map((o) => ({
          id: o.id,
          region: o.region,
          agglomeration: o.agglomeration,
        })),
        ties,
      ),
    };
  }

  /**
   * The ministry's report as a file (PDF, HTML, or its figures as XLSX), as the CLI makes it, for
   * the same window as the web page: every signed-in user reads it, as they read the page's
   * figures; the network of ties only the operator, another organisation's Decree 779 figures
   * hidden. The figures are gathered here, the file rendered in a worker thread (a PDF takes a
   * second or more), within the caller's limit on heavy requests.
   */
  async reportFile(
    actor: Actor,
    q: { format: ReportFormat; lang: Lang },
  ): Promise<{ body: Buffer; mediaType: string; fileName: string }> {
    requireLogin(actor);
    let day = '';
    const bytes = await heavyWork().run<Uint8Array>(actor, undefined, async () => {
      const model = await reportModel(this, this.clock, actor);
      day = clusterDayOf(model.generatedAt);
      return renderOrder({ model, format: q.format, lang: q.lang });
    });
    return {
      body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      mediaType: reportMediaTypes[q.format],
      fileName: `digicluster-assessment-${day}.${q.format}`,
    };
  }

  /** The paper's placement of a snapshot the caller brings (their own data or a scenario). */
  placeSnapshot(
    actor: Actor,
    snapshot: Snapshot,
    options: { asOf?: string; months?: number },
  ): Assessment {
    requireLogin(actor);
    return assess(snapshot, { asOf: options.asOf, windowMonths: options.months });
  }

  /**
   * The territorial baseline: the region's location quotient per industry from the employment
   * table, each figure with its status; the strong-cluster test where comparison regions exist.
   */
  territory(actor: Actor) {
    requireLogin(actor);
    const t = employmentTable();
    const codes = Object.keys(t.industries).sort();
    const figures = (side: 'region' | 'country') => ({
      byIndustry: Object.fromEntries(codes.map((c) => [c, t.industries[c]?.[side] ?? 0])),
      total: t.total[side],
    });
    const lqs = locationQuotients(figures('region'), figures('country'), codes);
    return {
      region: t.region,
      country: t.country,
      unit: t.unit,
      total: t.total,
      industries: lqs.map((lq) => {
        const row = t.industries[lq.industry];
        return {
          ...lq,
          name: row?.name ?? { ru: lq.industry, en: lq.industry },
          regionEmployees: row?.region ?? null,
          countryEmployees: row?.country ?? null,
          year: row?.year ?? null,
          status: row?.status ?? 'estimate',
          basis: row?.basis ?? null,
          source: row?.source ?? { ru: 'нет данных', en: 'no data' },
          refs: row?.refs ?? '',
          strongCluster: strongCluster(lq.industry, lq.lq, []),
        };
      }),
    };
  }
}
