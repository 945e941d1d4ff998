// Pure: a plan over live listings — candidates, the exact engine, enrichment, impact,
// robustness — and the masking that hides anonymous holders from a viewer.
import type { Agglomeration, FlowEnd, Plan, PlanFlow, PlanRequest } from '../model/index.ts';
import { agglomerationCentres, greatCircleKm } from '../registry/geography.ts';
import {
  buildCandidates,
  type CandidateListing,
  type CandidateMaterial,
  defaultTransport,
  type TransportAssumptions,
} from './candidates.ts';
import {
  computeImpact,
  defaultEmissionFactors,
  type EmissionFactors,
  flowEmissions,
  type ImpactFlow,
} from './impact.ts';
import { robustness } from './robustness.ts';
import { solve } from './solve/index.ts';

export interface PlanListing extends CandidateListing {
  organisationId: string;
  organisationName: string;
  siteId: string;
  agglomeration: Agglomeration | null;
  legalStatus?: string;
}

export interface PlanOptions extends PlanRequest {
  transport?: TransportAssumptions;
  emissions?: EmissionFactors;
  now?: Date;
}

const end = (l: PlanListing): FlowEnd => ({
  listingId: l.id,
  agglomeration: l.agglomeration,
  lat: l.lat,
  lon: l.lon,
  approximate: false,
  organisationId: l.organisationId,
  organisationName: l.organisationName,
  siteId: l.siteId,
});

/** Plans over the given live listings; every holder shown (mask with `maskPlan` per viewer). */
export async function computePlan(
  listings: readonly PlanListing[],
  materials: ReadonlyMap<string, CandidateMaterial>,
  options: PlanOptions = {},
): Promise<Plan> {
  const byId = new Map(listings.map((l) => [l.id, l]));
  const c = buildCandidates(listings, materials, { transport: options.transport });
  const solveOptions = { timeLimitSeconds: options.timeLimitSeconds ?? 30 };
  const result = await solve(c.problem, solveOptions);
  const linkOf = new Map(c.links.map((l) => [`${l.supply}\u0000${l.demand}`, l]));
  const factors = options.emissions ?? defaultEmissionFactors;
  const flows: PlanFlow[] = [];
  const impactFlows: ImpactFlow[] = [];
  for (const f of result.flows) {
    const link = linkOf.get(`${f.supply}\u0000${f.demand}`)!;
    const o = byId.get(f.supply)!;
    const r = byId.get(f.demand)!;
    const ch4 = o.quality.ch4;
    const impactFlow: ImpactFlow = {
      ...f,
      mode: link.mode,
      distanceKm: Math.round(link.distanceKm * 10) / 10,
      offer: {
        materialId: o.materialId!,
        unit: o.unit,
        legalStatus: o.legalStatus,
        ch4Percent: typeof ch4 === 'number' ? ch4 : undefined,
      },
      request: { materialId: r.materialId, useId: r.useId },
    };
    const co2 = flowEmissions(impactFlow, factors);
    impactFlows.push(impactFlow);
    flows.push({
      ...f,
      approximate: false,
      savingsRub: f.value + f.avoidedDisposal - f.transport,
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
      transportRubPerUnit: link.costPerUnit,
      from: end(o),
      to: end(r),
    });
  }
  const impact = computeImpact(
    impactFlows,
    {
      offers: c.problem.supplies.map((s) => ({
        quantity: s.quantity,
        disposalCost: s.disposalCost ?? 0,
      })),
      requests: c.problem.demands.map((d) => ({ quantity: d.quantity, value: d.value ?? 0 })),
    },
    factors,
  );
  const robust =
    options.robustness && c.links.length
      ? await robustness(c.problem, options.robustness, solveOptions)
      : options.robustness
        ? []
        : null;
  return {
    id: null,
    computedAt: (options.now ?? new Date()).toISOString(),
    plan: {
      status: result.status,
      objective: result.objective,
      mipGap: result.mipGap,
      engine: result.engine,
      ...(result.message ? { message: result.message } : {}),
      flows,
    },
    impact,
    robustness: robust,
    warnings: c.warnings,
    counts: {
      offers: c.problem.supplies.length,
      requests: c.problem.demands.length,
      links: c.links.length,
    },
  };
}

/** Hides a holder: no organisation, site or coordinates; the agglomeration centre instead. */
export function maskEnd(e: FlowEnd): FlowEnd {
  const centre = e.agglomeration ? agglomerationCentres[e.agglomeration] : null;
  return {
    listingId: e.listingId,
    agglomeration: e.agglomeration,
    lat: centre?.lat ?? null,
    lon: centre?.lon ?? null,
    approximate: true,
    organisationId: null,
    organisationName: null,
    siteId: null,
  };
}

/**
 * A flow as a viewer may see it. When a holder is hidden, every figure that depends on where
 * its site is — distance, travel time, transport cost, savings, transport CO2 — is computed
 * as if the site stood at its agglomeration centre (and the flow is marked approximate):
 * exact figures would let a viewer work the site out from the public site list.
 */
export function maskFlow(
  f: PlanFlow,
  supplyVisible: boolean,
  demandVisible: boolean,
  transport: TransportAssumptions = defaultTransport,
): PlanFlow {
  if (supplyVisible && demandVisible) return f;
  const from = supplyVisible ? f.from : maskEnd(f.from);
  const to = demandVisible ? f.to : maskEnd(f.to);
  const a = transport[f.mode];
  const placed = from.lat !== null && from.lon !== null && to.lat !== null && to.lon !== null;
  const distanceKm = placed
    ? greatCircleKm({ lat: from.lat!, lon: from.lon! }, { lat: to.lat!, lon: to.lon! }) * a.circuity
    : 0;
  const transportRubPerUnit = distanceKm * a.ratePerUnitKm + a.handlingPerUnit;
  const transportRub = f.quantity * transportRubPerUnit;
  // transport CO2 is proportional to the route length
  const transportCo2eT = f.distanceKm > 0 ? (f.transportCo2eT * distanceKm) / f.distanceKm : 0;
  return {
    ...f,
    from,
    to,
    approximate: true,
    distanceKm: Math.round(distanceKm * 10) / 10,
    travelHours: a.speedKmh ? Math.round((distanceKm / a.speedKmh) * 100) / 100 : null,
    transportRubPerUnit,
    transport: transportRub,
    savingsRub: f.value + f.avoidedDisposal - transportRub,
    transportCo2eT,
  };
}

/** The plan as a viewer may see it: `visible(listingId)` says whether its holder is shown. */
export function maskPlan(
  plan: Plan,
  visible: (listingId: string) => boolean,
  transport: TransportAssumptions = defaultTransport,
): Plan {
  const flows = plan.plan.flows.map((f) =>
    maskFlow(f, visible(f.supply), visible(f.demand), transport),
  );
  const masked = flows.filter((f) => f.approximate).length;
  if (masked === 0) return plan;
  // Totals follow the flows shown, so no exact figure can be recovered by subtraction.
  const dRub = flows.reduce((s, f, i) => s + f.transport - plan.plan.flows[i].transport, 0);
  const dCo2 = flows.reduce(
    (s, f, i) => s + f.transportCo2eT - plan.plan.flows[i].transportCo2eT,
    0,
  );
  const i = plan.impact;
  const note = `${masked} flow(s) with a hidden holder: their transport counted from the agglomeration centre`;
  const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    ...plan,
    plan: { ...plan.plan, objective: plan.plan.objective - dRub, flows },
    impact: {
      ...i,
      transportCo2eT: { ...i.transportCo2eT, value: round(i.transportCo2eT.value + dCo2, 3), note },
      netCo2eT: {
        ...i.netCo2eT,
        value: round(i.netCo2eT.value - dCo2, 3),
        factors: { ...i.netCo2eT.factors, transport: round(i.transportCo2eT.value + dCo2, 3) },
        note,
      },
      planCostRub: {
        ...i.planCostRub,
        value: round(i.planCostRub.value + dRub),
        factors: {
          ...i.planCostRub.factors,
          transport: round(Number(i.planCostRub.factors.transport) + dRub),
        },
        note,
      },
      savingsRub: {
        ...i.savingsRub,
        value: round(i.savingsRub.value - dRub),
        factors: {
          ...i.savingsRub.factors,
          transport: round(Number(i.savingsRub.factors.transport) + dRub),
        },
        note,
      },
    },
    warnings: [...plan.warnings, note],
  };
}
