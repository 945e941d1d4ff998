// Pure: a plan over live listings — candidates, the exact engine, enrichment, impact,
// robustness — and the masking that hides anonymous holders from a viewer (its figures from
// engine/viewer.ts).

import { postKopecks, roundKopecks } from '../../model/money.ts';
import type { Agglomeration } from '../../registry/schema.ts';
import { warnings as w, warningData } from '../messages.ts';
import type {
  CompatibilityRow,
  FlowEnd,
  InternalReuse,
  PlanDocument as Plan,
  PlanFactor,
  PlanFlow,
  PlanRequest,
} from '../schema.ts';
import {
  avoidedDisposalPerUnit,
  counterfactualOf,
  creditedSubstitute,
  forgoneSalePerUnit,
  isEndUse,
  supplierCostPerUnit,
  tradePricePerUnit,
} from './baseline.ts';
import {
  buildCandidates,
  type CandidateListing,
  type CandidateMaterial,
  substituteFactorOf,
  type TransportAssumptions,
  transportFrom,
  unlinkedReason,
  valuationFrom,
} from './candidates.ts';
import { compatibilityFrom } from './compatibility.ts';
import type { FactorTable } from './factors.ts';
import {
  computeImpact,
  type EmissionFactors,
  emissionFactorsFrom,
  flowEmissions,
  type ImpactFlow,
  netBenefitKopecks,
} from './impact.ts';
import type { RailNetwork } from './rail.ts';
import { robustness } from './robustness.ts';
import { type KeptFlow, type ProblemInput, solve } from './solve/index.ts';
import {
  referencePoint,
  type ViewerListing,
  type ViewerOptions,
  viewerFigures,
  viewerImpact,
} from './viewer.ts';

export interface PlanListing extends CandidateListing {
  /** the site's own coordinates, when `lat`/`lon` (what the planner uses) differ (none do now: anonymous holders are planned at their true sites, and masked per viewer) */
  site?: { lat: number; lon: number };
  organisationId: string;
  organisationName: string;
  organisationNameEn?: string | null;
  siteId: string;
  agglomeration: Agglomeration | null;
  legalStatus?: string;
}

/**
 * A match's flow as the planner takes it — its offer → request pair and yearly shipped
 * quantity: the engine's kept flow (an agreed one fixed, a proposed one stayed near).
 */
export type MatchFlow = KeptFlow;

export interface PlanOptions extends Omit<PlanRequest, 'factors'> {
  /**
   * The agreed matches, oldest first: each planned as agreed (its flow fixed) while its pair is
   * still a link and the earlier ones leave room for it on both listings.
   */
  agreed?: readonly MatchFlow[];
  /**
   * The open proposals' flows: of the optimal plans, the one nearest to them is taken, so that
   * a plan made later moves no volume between equally good pairs (engine/solve/nearest.ts).
   * None by default; either way the remaining ties go by the links' tie weights, so the same
   * listings give the same plan whatever their order and wherever it is computed.
   */
  proposed?: readonly MatchFlow[];
  /** the factors table, with the request's overrides applied (engine/factors.ts withOverrides) */
  factors: FactorTable;
  /** the keys the request overrode (the answer marks them) */
  overridden?: readonly string[];
  /** the rail-distance table; without it rail routes are great-circle × circuity */
  rail?: RailNetwork;
  /** by default from `factors` (and `rail`) */
  transport?: TransportAssumptions;
  emissions?: EmissionFactors;
  compatibility?: readonly CompatibilityRow[];
  now?: Date;
  /**
   * The plan's one wall-clock deadline (epoch ms), shared by the solve and every robustness
   * run; by default `timeLimitSeconds` (30 s when unset) from now.
   */
  deadline?: number;
}

/** Of the time to the deadline, kept back to finish the plan and hand it over in time. */
const reserveMs = (budgetMs: number) => Math.min(1000, Math.max(0, budgetMs) * 0.05);

const end = (l: PlanListing): FlowEnd => ({
  listingId: l.id,
  agglomeration: l.agglomeration,
  lat: l.site?.lat ?? l.lat,
  lon: l.site?.lon ?? l.lon,
  approximate: false,
  organisationId: l.organisationId,
  organisationName: l.organisationName,
  organisationNameEn: l.organisationNameEn ?? null,
  siteId: l.siteId,
});

/** Plans over the given live listings; every holder shown (mask with `maskPlan` per viewer). */
export async function computePlan(
  listings: readonly PlanListing[],
  materials: ReadonlyMap<string, CandidateMaterial>,
  options: PlanOptions,
): Promise<Plan> {
  const started = Date.now();
  const deadline = options.deadline ?? started + (options.timeLimitSeconds ?? 30) * 1000;
  const finishBy = deadline - reserveMs(deadline - started);
  const byId = new Map(listings.map((l) => [l.id, l]));
  const screen = {
    transport: options.transport ?? transportFrom(options.factors, options.rail),
    table: options.compatibility ?? compatibilityFrom(options.factors),
  };
  const c = buildCandidates(listings, materials, {
    ...screen,
    valuation: valuationFrom(options.factors),
  });
  // The solve may take all the time there is; robustness runs then share what it leaves.
  const timeLeft = () => ({
    timeLimitSeconds: Math.max(finishBy - Date.now(), 1) / 1000,
    keep: options.proposed ?? [],
  });
  let agreed = withAgreedFlows(c.problem, options.agreed ?? []);
  let result = await solve(agreed.problem, timeLeft());
  if (result.status === 'infeasible' && agreed.kept.size > 0) {
    // the agreed flows break a request's quality limits or a minimum: plan without them
    const { kept } = agreed;
    agreed = {
      problem: c.problem,
      kept: new Set(),
      leftOut: [
        ...agreed.leftOut,
        ...(options.agreed ?? [])
          .filter((a) => kept.has(pairKey(a)))
          .map((a) => ({ ...a, reason: 'limits' as const })),
      ],
    };
    result = await solve(c.problem, timeLeft());
  }
  const linkOf = new Map(c.links.map((l) => [pairKey(l), l]));
  const factors = options.emissions ?? emissionFactorsFrom(options.factors);
  const flows: PlanFlow[] = [];
  const impactFlows: ImpactFlow[] = [];
  for (const f of result.flows) {
    const link = linkOf.get(pairKey(f))!;
    const o = byId.get(f.supply)!;
    const r = byId.get(f.demand)!;
    const ch4 = o.quality.ch4;
    // The engine works in roubles as floats; each of the flow's sums of money is a posting:
    // price per unit × quantity, rounded once to the kopeck.
    const transportKopecksPerUnit = roundKopecks(link.costPerUnit * 100);
    // a fuel replacing coal is worth its heat (engine/candidates.ts valueBasisOf)
    const valueKopecks = postKopecks(r.priceKopecksPerUnit ?? 0, f.delivered * link.valueFactor);
    // each credit only from the offer's baseline (engine/baseline.ts)
    const avoidedDisposalKopecks = postKopecks(avoidedDisposalPerUnit(o), f.quantity);
    const supplierCostKopecks = postKopecks(supplierCostPerUnit(o), f.quantity);
    const forgoneSaleKopecks = postKopecks(forgoneSalePerUnit(o), f.quantity);
    const tradeValueKopecks = postKopecks(tradePricePerUnit(o), f.quantity);
    const transportKopecks = postKopecks(transportKopecksPerUnit, f.quantity);
    const counterfactual = counterfactualOf(o);
    const substitute = creditedSubstitute(o, r);
    const impactFlow: ImpactFlow = {
      quantity: f.quantity,
      delivered: f.delivered,
      valueFactor: link.valueFactor,
      substituteFactor: link.valueBasis ? substituteFactorOf(link.valueBasis) : 1,
      valueKopecks,
      avoidedDisposalKopecks,
      supplierCostKopecks,
      forgoneSaleKopecks,
      tradeValueKopecks,
      transportKopecks,
      mode: link.mode,
      distanceKm: Math.round(link.distanceKm * 10) / 10,
      offer: {
        materialId: o.materialId!,
        unit: o.unit,
        legalStatus: o.legalStatus,
        ch4Percent: typeof ch4 === 'number' ? ch4 : undefined,
        counterfactual,
      },
      request: { materialId: r.materialId, useId: r.useId, unit: r.unit, substitute },
    };
    const co2 = flowEmissions(impactFlow, factors);
    impactFlows.push(impactFlow);
    flows.push({
      supply: f.supply,
      demand: f.demand,
      ...(agreed.kept.has(pairKey(f)) ? { agreed: true } : {}),
      quantity: f.quantity,
      delivered: f.delivered,
      valueKopecks,
      valueFactor: link.valueFactor,
      valueBasis: link.valueBasis,
      avoidedDisposalKopecks,
      supplierCostKopecks,
      forgoneSaleKopecks,
      tradeValueKopecks,
      transportKopecks,
      // planned from an agglomeration centre (an anonymous holder): distance and costs are too
      approximate: o.site !== undefined || r.site !== undefined,
      savingsKopecks: netBenefitKopecks(impactFlow),
      counterfactual,
      substitute: r.substitute ?? null,
      endUse: isEndUse(r),
      substituteCredited: substitute !== null,
      substituteCo2eT: co2.substituteT,
      methaneCo2eT: co2.methaneT,
      co2eAvoidedT: co2.avoidedT,
      transportCo2eT: co2.transportT,
      material: o.materialId!,
      unit: o.unit,
      deliveredUnit: r.unit,
      yield: link.yield,
      demandMaterial: r.materialId ?? null,
      demandUse: r.useId ?? null,
      distanceKm: impactFlow.distanceKm,
      mode: link.mode,
      travelHours: link.travelHours === null ? null : Math.round(link.travelHours * 100) / 100,
      transportKopecksPerUnit,
      from: end(o),
      to: end(r),
    });
  }
  const impact = computeImpact(
    impactFlows,
    {
      offers: c.problem.supplies.map((s) => ({
        disposalKopecks: postKopecks(avoidedDisposalPerUnit(byId.get(s.id) ?? {}), s.quantity),
      })),
      requests: c.problem.demands.map((d) => ({
        purchaseKopecks: postKopecks(byId.get(d.id)?.priceKopecksPerUnit ?? 0, d.quantity),
      })),
    },
    factors,
  );
  const robust =
    options.robustness && c.links.length
      ? await robustness(agreed.problem, options.robustness, { deadline: finishBy })
      : null;
  const warnings = [...c.warnings];
  // an agreement on a listing no longer live is its holders' business, not the plan's
  const toldOf = new Set<string>();
  for (const a of agreed.leftOut) {
    const o = byId.get(a.supply);
    const r = byId.get(a.demand);
    if (!o || !r || toldOf.has(pairKey(a))) continue;
    toldOf.add(pairKey(a));
    // a pair that is no longer a link: the first of the candidate checks it now fails (none
    // found, as when the engine dropped the link: the warning without a reason, not a guess)
    const reason = a.reason === 'link' ? unlinkedReason(o, r, materials, screen) : a.reason;
    const pair = { supply: a.supply, demand: a.demand };
    warnings.push(
      warningData(reason ? w.agreedLeftOutBecause({ ...pair, reason }) : w.agreedLeftOut(pair)),
    );
  }
  // a request with links but no price, left without a flow: its holder is told why (a user
  // walk published one with the price box empty and found nothing said of it)
  const served = new Set(flows.map((f) => f.demand));
  for (const d of c.problem.demands) {
    const price = byId.get(d.id)?.priceKopecksPerUnit ?? 0;
    if (price <= 0 && !served.has(d.id))
      warnings.push(warningData(w.requestUnpriced({ id: d.id })));
  }
  if (options.robustness && robust && robust.runs < options.robustness.runs)
    warnings.push(
      warningData(w.robustnessPartial({ runs: robust.runs, asked: options.robustness.runs })),
    );
  return {
    id: null,
    computedAt: (options.now ?? new Date()).toISOString(),
    plan: {
      status: result.status,
      objectiveKopecks: flows.reduce((sum, f) => sum + f.savingsKopecks, 0),
      mipGap: result.mipGap,
      engine: result.engine,
      ...(result.message ? { message: result.message } : {}),
      flows,
    },
    impact,
    robustness: robust ? robust.entries : options.robustness ? [] : null,
    internalReuse: internalReuse(c.internal, byId),
    warnings,
    // every live listing the plan considered, linked or not (an offer whose lumps fit no
    // request is still on the market: the plan page and the README count it as live)
    counts: {
      offers: listings.filter((l) => l.side === 'offer').length,
      requests: listings.filter((l) => l.side === 'request').length,
      links: c.links.length,
    },
    factors: factorsUsed(options.factors, options.overridden ?? []),
  };
}

const pairKey = (x: { supply: string; demand: string }) => `${x.supply}\u0000${x.demand}`;

/**
 * Why a plan left an agreed match out: its pair is no longer a link (`link`, its cause found by
 * `unlinkedReason`), the listings' quantities leave it no room (`quantity`), or with the agreed
 * flows the plan broke a quality limit or a minimum (`limits`).
 */
export type LeftOutAgreement = MatchFlow & { reason: 'link' | 'quantity' | 'limits' };

/**
 * The problem with the agreed flows fixed — minimum and capacity their quantity — oldest first,
 * each while its pair is a link and what the earlier ones took leaves it room on both listings
 * (a listing's quantity may have been lowered since); the pairs kept, and the flows left out.
 */
export function withAgreedFlows(problem: ProblemInput, agreed: readonly MatchFlow[]) {
  const linkOf = new Map(problem.links.map((l, k) => [pairKey(l), k]));
  const supplyLeft = new Map(problem.supplies.map((s) => [s.id, s.quantity]));
  const demandLeft = new Map(problem.demands.map((d) => [d.id, d.quantity]));
  const fixed = new Map<number, number>();
  const leftOut: LeftOutAgreement[] = [];
  for (const a of agreed) {
    const k = linkOf.get(pairKey(a));
    if (k === undefined || !(a.quantity > 0)) {
      leftOut.push({ ...a, reason: k === undefined ? 'link' : 'quantity' });
      continue;
    }
    const l = problem.links[k];
    const y = l.yield ?? 1;
    const room = Math.min(
      (l.capacity ?? Infinity) - (fixed.get(k) ?? 0),
      supplyLeft.get(a.supply)!,
      demandLeft.get(a.demand)! / y,
    );
    // within rounding the flow fits, and is fixed at what is left so that the rows still hold
    if (a.quantity > room * (1 + 1e-9) + 1e-9) {
      leftOut.push({ ...a, reason: 'quantity' });
      continue;
    }
    const q = Math.min(a.quantity, room);
    supplyLeft.set(a.supply, supplyLeft.get(a.supply)! - q);
    demandLeft.set(a.demand, demandLeft.get(a.demand)! - q * y);
    fixed.set(k, (fixed.get(k) ?? 0) + q);
  }
  return {
    problem: {
      ...problem,
      links: problem.links.map((l, k) => {
        const q = fixed.get(k);
        return q === undefined ? l : { ...l, minQuantity: q, capacity: q };
      }),
    },
    kept: new Set([...fixed.keys()].map((k) => pairKey(problem.links[k]))),
    leftOut,
  };
}

/** The table's entries as a plan lists them, by key; the request's overrides marked. */
export function factorsUsed(table: FactorTable, overridden: readonly string[]): PlanFactor[] {
  return Object.entries(table)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, e]) => ({
      key,
      value: e.value,
      unit: e.unit,
      source: e.source,
      ...(e.sourceRu ? { sourceRu: e.sourceRu } : {}),
      year: e.year,
      status: e.status,
      ...(e.basis ? { basis: e.basis } : {}),
      ...(e.basisRu ? { basisRu: e.basisRu } : {}),
      overridden: overridden.includes(key),
    }));
}

/** The internal pairs as the plan reports them: apart from its flows and totals. */
function internalReuse(
  pairs: ReturnType<typeof buildCandidates>['internal'],
  byId: ReadonlyMap<string, PlanListing>,
): InternalReuse {
  return {
    pairs: pairs.map((p) => {
      const o = byId.get(p.supply)!;
      const r = byId.get(p.demand)!;
      return {
        supply: p.supply,
        demand: p.demand,
        organisationId: p.organisationId,
        material: o.materialId!,
        unit: o.unit,
        quantity: p.quantity,
        demandMaterial: r.materialId ?? null,
        demandUse: r.useId ?? null,
        deliveredUnit: r.unit,
        delivered: p.delivered,
      };
    }),
    note: "an organisation's own offer that fits its own request: internal reuse, never an exchange with itself; not in the plan's flows or totals",
  };
}

/**
 * Internal reuse as a viewer may see it: a pair whose holder is hidden from the viewer keeps
 * its figures but not its organisation.
 */
export function maskInternalReuse(
  internal: InternalReuse | undefined,
  visible: (listingId: string) => boolean,
): InternalReuse | undefined {
  if (!internal) return internal;
  return {
    ...internal,
    pairs: internal.pairs.map((p) =>
      visible(p.supply) && visible(p.demand) ? p : { ...p, organisationId: null },
    ),
  };
}

/**
 * Hides a holder: no organisation, site or coordinates; the point its figures are computed
 * from instead (its agglomeration centre; outside the region a regional capital).
 */
export function maskEnd(e: FlowEnd): FlowEnd {
  const at = referencePoint(e);
  return {
    listingId: e.listingId,
    agglomeration: e.agglomeration,
    lat: at?.lat ?? null,
    lon: at?.lon ?? null,
    approximate: true,
    organisationId: null,
    organisationName: null,
    organisationNameEn: null,
    siteId: null,
  };
}

/**
 * A flow as a viewer may see it. The plan is computed on true sites; a hidden holder's
 * organisation, site and coordinates give way to its reference point (`referencePoint`), and
 * every figure that depends on where it is — distance, mode, travel time, transport cost and
 * CO2, savings — is computed again from there (engine/viewer.ts), so none of them moves when
 * its site moves within that area. `listings` are the flow's offer and request (their modes
 * and reach choose the mode shown; without them the flow's own mode is kept).
 */
export function maskFlow(
  f: PlanFlow,
  supplyVisible: boolean,
  demandVisible: boolean,
  listings: { offer?: ViewerListing; request?: ViewerListing },
  options: ViewerOptions,
): PlanFlow {
  if (supplyVisible && demandVisible) return f;
  return {
    ...f,
    ...viewerFigures(f, { supply: !supplyVisible, demand: !demandVisible }, listings, options),
    from: supplyVisible ? f.from : maskEnd(f.from),
    to: demandVisible ? f.to : maskEnd(f.to),
    approximate: true,
  };
}

/**
 * The plan as a viewer may see it: `visible(listingId)` says whether its holder is shown,
 * `listing(listingId)` gives the listing (for the mode shown and the impact). Flows with a
 * hidden holder are masked (`maskFlow`); the objective and the impact are then the viewer's
 * own: the sum of the savings shown and `computeImpact` over the flows shown. That a flow is
 * agreed is marked only where `party(flow)` says the viewer is a side of it (or the operator):
 * others' agreements stay theirs.
 */
export function maskPlan(
  plan: Plan,
  visible: (listingId: string) => boolean,
  listing: (listingId: string) => ViewerListing | undefined,
  options: ViewerOptions,
  party: (f: PlanFlow) => boolean = () => false,
): Plan {
  let masked = false;
  let unmarked = false;
  const flows = plan.plan.flows.map((planned) => {
    let f = planned;
    if (f.agreed && !party(f)) {
      const { agreed: _, ...rest } = f;
      f = rest;
      unmarked = true;
    }
    const supplyVisible = visible(f.supply);
    const demandVisible = visible(f.demand);
    if (supplyVisible && demandVisible) return f;
    masked = true;
    return maskFlow(
      f,
      supplyVisible,
      demandVisible,
      { offer: listing(f.supply), request: listing(f.demand) },
      options,
    );
  });
  if (!masked) return unmarked ? { ...plan, plan: { ...plan.plan, flows } } : plan;
  return {
    ...plan,
    plan: {
      ...plan.plan,
      objectiveKopecks: flows.reduce((sum, f) => sum + f.savingsKopecks, 0),
      flows,
    },
    impact: viewerImpact(plan, flows, listing, options),
  };
}
