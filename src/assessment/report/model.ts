// What the ministry's report holds: the placement with its evidence, the trajectory, the
// network of ties, readiness and the territorial baseline — gathered once, rendered as HTML or
// PDF by the two renderers beside this file.

import { type Actor, isOperator, systemActor } from '../../model/index.ts';
import type { Decree779Report } from '../decree779-schema.ts';
import type { Assessment, ClusterReadiness, Snapshot, TrajectoryPoint } from '../engine/index.ts';
import type { AssessmentService } from '../service.ts';
import type { PlatformSustainability } from '../sustainability-from-platform.ts';

export type Lang = 'ru' | 'en';

export interface ReportNetwork {
  nodes: { id: string; name: string; nameEn: string | null; partners: number }[];
  edges: { source: string; target: string; layer: string; count: number }[];
}

export interface ReportModel {
  generatedAt: string;
  placement: Assessment;
  trajectory: TrajectoryPoint[];
  readiness: ClusterReadiness;
  territory: ReturnType<AssessmentService['territory']>;
  /** who deals with whom: the operator's only (absent: the section says so) */
  network?: ReportNetwork;
  /** the Decree 779 check of the current year, redacted as the reader sees it (report/decree779.ts renders it) */
  decree779?: Decree779Report;
  /** sustainability from the platform's data (absent: the section shows the placement only) */
  sustainability?: PlatformSustainability;
}

/** One edge per pair and layer (ties counted), partners per organisation. */
export function networkOf(s: Snapshot): ReportNetwork {
  const edges = new Map<string, ReportNetwork['edges'][number]>();
  for (const t of s.ties) {
    const [a, b] = [t.source, t.target].sort() as [string, string];
    const key = `${a}|${b}|${t.layer}`;
    const e = edges.get(key) ?? { source: a, target: b, layer: t.layer, count: 0 };
    e.count += 1;
    edges.set(key, e);
  }
  const partners = new Map<string, Set<string>>();
  for (const e of edges.values())
    for (const [x, y] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      const set = partners.get(x) ?? new Set<string>();
      set.add(y);
      partners.set(x, set);
    }
  return {
    nodes: s.organisations.map((o) => ({
      id: o.id,
      name: typeof o.name === 'string' ? o.name : o.id,
      nameEn: typeof o.nameEn === 'string' && o.nameEn.trim() ? o.nameEn.trim() : null,
      partners: partners.get(o.id)?.size ?? 0,
    })),
    edges: [...edges.values()],
  };
}

/**
 * The report as `actor` may read it (the CLI's: the system, which sees everything): the same
 * figures and window as the web assessment page, the network of ties only for the operator,
 * another organisation's Decree 779 figures redacted as the check redacts them.
 */
export async function reportModel(
  assessment: AssessmentService,
  clock: () => Date = () => new Date(),
  actor: Actor = systemActor,
): Promise<ReportModel> {
  return {
    generatedAt: clock().toISOString(),
    placement: await assessment.placement(actor, {}),
    trajectory: await assessment.trajectory(actor, {}),
    readiness: await assessment.clusterReadiness(actor),
    territory: assessment.territory(actor),
    ...(isOperator(actor) ? { network: networkOf(await assessment.snapshot(actor)) } : {}),
    decree779: await assessment.decree779.check(actor, {}),
    sustainability: await assessment.sustainability(actor),
  };
}
