// The impact ledger's input from platform data (issue #10, "Impact ledger"), and its report as
// a viewer may see it. The rules are the engine's (engine/impact.ts); here: what each level
// reads.
// - identified: the flows of saved plans still on the table (the exchange's public read leaves
//   out declined and closed pairs and withdrawn listings), their figures as the
//   viewer may see them: a leg touching a holder hidden from the viewer is computed from that
//   holder's agglomeration centre (issue #8), so no total lets a viewer place a hidden holder;
// - contracted: deals agreed or active, at the contracted quantity;
// - delivered: the declared deliveries (a party's declaration; the other side's confirmation
//   of the same lot is not a second lot), at the measured quantity.
// The baselines (counterfactual, disposal cost, substitute, price of the substitute) are the
// listings': of the match the deal came from, else the deal's own listing, else the parties'
// listings of the deal's material. A delivery does not record the distance driven: each
// counts the deal's route — the planned route of its match, else the road (or rail) route
// between the parties' sites by the exchange's transport rules.
import {
  type AgreedMatch,
  agreedMatch,
  ExchangeService,
  exchangeFactors,
  exchangeValuation,
  type Listing,
  routeOf,
  savedPlanFlows,
  substituteFactorOf,
  valueBasisOf,
  valueFactorOf,
} from '../exchange/index.ts';
import { type Actor, forbidden, isOperator, requireLogin, systemActor } from '../model/index.ts';
import { registryQueries } from '../registry/index.ts';
import type { Store } from '../store/index.ts';
import {
  type IdentifiedFlow,
  type ImpactDeal,
  type ImpactDelivery,
  type ImpactLedgerInput,
  type ImpactLevel,
  impactLedger,
  impactLevels,
  latestPerPair,
  type OrganisationImpact,
} from './engine/index.ts';
import { messages } from './messages.ts';
import * as repo from './repository.ts';
import type { ImpactQuery, ImpactReport } from './schema.ts';

export const impactDistanceRule = {
  ru: 'Пробег каждой поставки не записывается: для уровней «законтрактовано» и «поставлено» берётся маршрут сделки — плановый маршрут её сопоставления, иначе маршрут выбранным видом транспорта между площадками сторон по правилам биржи (расстояние по прямой × коэффициент извилистости, для ж/д — тарифное расстояние).',
  en: "A delivery's distance driven is not recorded: the contracted and delivered levels count the deal's route — the planned route of its match, else the route by the deal's mode between the parties' sites by the exchange's rules (great-circle × circuity; rail: the tariff distance).",
};

type Point = { lat: number; lon: number };
const located = (x: { lat: number | null; lon: number | null } | undefined): Point | undefined =>
  x && x.lat !== null && x.lon !== null ? { lat: x.lat, lon: x.lon } : undefined;

/**
 * A fuel delivered by its heat: what a delivered unit is worth in units of the request's price
 * and how much coal it replaces for the CO2 credit — as agreed (the accepted flow's), else from
 * the listings as they stand.
 */
function heatOf(
  agreed: AgreedMatch | undefined,
  offer: Listing | undefined,
  request: Listing | undefined,
): { valueFactor: number; substituteFactor: number } {
  if (agreed?.valueFactor !== undefined)
    return {
      valueFactor: agreed.valueFactor,
      substituteFactor: agreed.substituteFactor ?? agreed.valueFactor,
    };
  const basis = offer && request ? valueBasisOf(offer, request, exchangeValuation()) : null;
  return {
    valueFactor: valueFactorOf(basis),
    substituteFactor: basis ? substituteFactorOf(basis) : 1,
  };
}

/** The ledger's input: every saved plan's flow, every deal, every declared delivery. */
export async function impactInput(
  reader: Store,
  viewer: Actor,
): Promise<{
  input: ImpactLedgerInput;
  withoutRoute: string[];
  /** the plan flows measured from a hidden holder's agglomeration centre for this viewer */
  fromCentre: Set<IdentifiedFlow>;
}> {
  const [flows, deals, deliveries] = await Promise.all([
    savedPlanFlows(reader, viewer),
    repo.findDeals(reader),
    repo.findDeliveries(reader),
  ]);
  const fromCentre = new Set<IdentifiedFlow>();
  const planFlows: IdentifiedFlow[] = flows.map((f) => {
    const flow: IdentifiedFlow = {
      planId: f.planId,
      planComputedAt: f.planComputedAt,
      providerId: f.providerId,
      consumerId: f.consumerId,
      legalStatus: f.legalStatus,
      flow: f.flow,
    };
    if (f.fromCentre) fromCentre.add(flow);
    return flow;
  });
  // every listing, as the operator reads them: the baselines are the holders' own figures,
  // used in sums only
  const exchange = new ExchangeService(reader);
  const listings = await exchange.listListings(systemActor);
  const listingById = new Map(listings.map((l) => [l.id, l]));
  // a request takes a material as the exchange's compatibility says: the same material, a
  // use its taxonomy entry lists (fly ash → cement additive), or a conversion row (gas → heat)
  const conversions = new Set(
    exchange
      .compatibility()
      .filter((r) => r.from !== '*')
      .map((r) => `${r.from}\u0000${r.to}`),
  );
  const materials = await registryQueries.findMaterials(reader);
  const usesOf = new Map(materials.map((m) => [m.id, new Set(m.uses)]));
  const takes = (l: Listing, material: string) =>
    l.materialId
      ? l.materialId === material || conversions.has(`${material}\u0000${l.materialId}`)
      : !!l.useId && !!usesOf.get(material)?.has(l.useId);
  const partyListing = (organisationId: string, side: 'offer' | 'request', material: string) =>
    listings.find(
      (l) =>
        l.organisationId === organisationId &&
        l.side === side &&
        (side === 'offer' ? l.materialId === material : takes(l, material)),
    );
  const sites = await registryQueries.findSites(reader);
  const siteOf = (organisationId: string) => sites.find((s) => s.organisationId === organisationId);
  const transport = exchangeFactors().transport;
  const withoutRoute: string[] = [];

  const impactDeals: ImpactDeal[] = [];
  for (const d of deals) {
    const agreed = d.matchId ? await agreedMatch(reader, d.matchId) : undefined;
    const own = d.listingId ? listingById.get(d.listingId) : undefined;
    const offer: Listing | undefined =
      (agreed && listingById.get(agreed.supply.listingId)) ??
      (own?.side === 'offer' ? own : undefined) ??
      partyListing(d.providerId, 'offer', d.material);
    const request: Listing | undefined =
      (agreed && listingById.get(agreed.demand.listingId)) ??
      (own?.side === 'request' ? own : undefined) ??
      partyListing(d.consumerId, 'request', d.material);
    let distanceKm = agreed?.distanceKm;
    if (distanceKm === undefined) {
      const from = located(offer) ?? located(siteOf(d.providerId));
      const to = located(request) ?? located(siteOf(d.consumerId));
      distanceKm =
        from && to ? routeOf(d.transport.mode, from, to, transport)?.distanceKm : undefined;
      if (distanceKm === undefined) withoutRoute.push(d.id);
    }
    const ch4 = offer?.quality?.ch4;
    impactDeals.push({
      id: d.id,
      state: d.state,
      agreedAt: d.agreedAt,
      providerId: d.providerId,
      consumerId: d.consumerId,
      material: d.material,
      unit: d.unit,
      // a deal with an FKKO code is a waste's, whatever listing it came from
      legalStatus: offer?.legalStatus ?? (d.fkko ? 'waste' : null),
      ch4Percent: typeof ch4 === 'number' ? ch4 : undefined,
      quantity: d.quantity,
      yield: agreed && agreed.quantity > 0 ? agreed.delivered / agreed.quantity : 1,
      ...heatOf(agreed, offer, request),
      deliveredUnit: agreed?.deliveredUnit ?? request?.unit ?? d.unit,
      priceKopecksPerUnit: d.priceKopecksPerUnit,
      transport: d.transport,
      distanceKm: distanceKm ?? 0,
      transportKopecksPerUnit: d.transportKopecksPerUnit,
      offer: offer
        ? {
            counterfactual: offer.counterfactual,
            disposalCostKopecksPerUnit: offer.disposalCostKopecksPerUnit,
            supplierCostKopecksPerUnit: offer.supplierCostKopecksPerUnit,
            salePriceKopecksPerUnit: offer.salePriceKopecksPerUnit,
          }
        : {},
      request: request
        ? {
            substitute: request.substitute,
            endUse: request.endUse,
            priceKopecksPerUnit: request.priceKopecksPerUnit,
            materialId: request.materialId,
            useId: request.useId,
          }
        : {},
    });
  }
  const routeKm = new Map(impactDeals.map((d) => [d.id, d.distanceKm]));
  const impactDeliveries: ImpactDelivery[] = deliveries
    .filter((x) => x.confirms === null)
    .map((x) => ({
      id: x.id,
      dealId: x.dealId,
      date: x.deliveredOn,
      quantity: x.quantity,
      distanceKm: routeKm.get(x.dealId) ?? 0,
    }));
  return {
    input: { planFlows, deals: impactDeals, deliveries: impactDeliveries },
    withoutRoute,
    fromCentre,
  };
}

const inWindow = (iso: string | null, from?: string, to?: string) => {
  if (!iso) return true;
  const m = iso.slice(0, 7);
  return (!from || m >= from) && (!to || m <= to);
};

/**
 * `GET /api/v1/impact`: the operator sees every organisation; anyone else of an organisation
 * (member, admin or observer, as for the flows and the mass balance) the cluster's totals and
 * its own organisation's figures only.
 */
export async function impactReport(
  reader: Store,
  actor: Actor,
  query: ImpactQuery,
): Promise<ImpactReport> {
  requireLogin(actor);
  const operator = isOperator(actor);
  if (!operator && query.organisationId && query.organisationId !== actor.organisationId)
    throw forbidden(messages.impactOwnOnly());
  const shown = operator ? (query.organisationId ?? null) : actor.organisationId;
  const { input, withoutRoute, fromCentre } = await impactInput(reader, actor);
  const { from, to } = query;
  const identified = input.planFlows.filter((f) => inWindow(f.planComputedAt, from, to));
  // a window counts the records dated in it: plans by computedAt, deals by agreedAt,
  // deliveries by their day (within it, the latest plan per pair)
  const factors = exchangeFactors().emissions;
  const planned = impactLedger(
    {
      planFlows: identified,
      deals: input.deals.filter((d) => inWindow(d.agreedAt, from, to)),
      deliveries: [],
    },
    factors,
  );
  // a delivery in the window counts whenever its deal was agreed
  const delivered = impactLedger(
    {
      planFlows: [],
      deals: input.deals,
      deliveries: input.deliveries.filter((x) => inWindow(x.date, from, to)),
    },
    factors,
  );
  const ledger = { ...planned, delivered: delivered.delivered };
  const keep = (orgs: OrganisationImpact[]) =>
    shown === null ? (operator ? orgs : []) : orgs.filter((o) => o.organisationId === shown);
  const levels: ImpactLevel[] = query.level ? [query.level] : [...impactLevels];
  const ownDeals = new Set(
    input.deals
      .filter((d) => operator || d.providerId === shown || d.consumerId === shown)
      .map((d) => d.id),
  );
  return {
    scope: operator && !query.organisationId ? 'cluster' : 'organisation',
    organisationId: shown,
    from: from ?? null,
    to: to ?? null,
    units: { diverted: 't', co2e: 't CO2e', money: 'kopeck' },
    levels: levels.map((level) => {
      const r = ledger[level];
      return {
        level,
        records: r.records,
        cluster: r.cluster,
        organisations: keep(r.organisations),
        months: r.months.map((m) => ({
          month: m.month,
          cluster: m.cluster,
          organisations: keep(m.organisations),
        })),
      };
    }),
    formula: ledger.formula,
    attributionRule: ledger.attributionRule,
    distanceRule: impactDistanceRule,
    dealsWithoutRoute: withoutRoute.filter((id) => ownDeals.has(id)).length,
    // of the records counted: one per pair, not each plan's flow of it
    flowsFromCentre: latestPerPair(identified).filter((f) => fromCentre.has(f)).length,
  };
}
