// Pure: the impact ledger (issue #10, "Impact ledger"). Tonnes diverted from placement (storage and landfill), CO2e
// avoided net of transport and the net economic benefit, each at three levels:
// - identified: the flows of saved plans. The same offer → request pair in several plans
//   counts once, from the latest plan (by computedAt, then plan id); its figures are the
//   plan's own (the exchange computed them); month = the plan's month.
// - contracted: deals in state agreed or active, at their contracted quantity and planned
//   route; month = the month of agreedAt (a deal without agreedAt is not contracted).
// - delivered: recorded deliveries of known deals (any state), at the measured quantity and
//   the delivery's distance (the service gives the deal's route: a lot records no distance
//   driven) — beyond the contracted quantity too; month = the delivery's.
// Within a level each record (pair, deal, delivery) counts once whatever the input repeats;
// the levels are separate views, so a deal born from a plan's match counts at contracted
// and its deliveries at delivered, never twice at one level.
//
// Contracted and delivered figures use the exchange's own rules (exchange/engine: the
// counterfactual and substitution rules of baseline.ts, flowEmissions and netBenefitKopecks
// of impact.ts): avoided disposal only for material landfilled, dumped or stored today; a
// substitute's credit only at the end user and not for a material sold or used today;
// methane only for gas vented today; transport CO2 = t × km × factor of the mode.
// Diverted tonnes, as the exchange counts them: flows of a waste (legal status) in tonnes.
//
// Attribution (so that the cluster = Σ organisations, no tonne counted twice):
// - diverted tonnes and the methane credit → the provider (its waste, its gas);
// - the substitute credit → the consumer (the end user that no longer buys the substitute);
// - transport CO2 and transport cost → the party that pays transport (plan flows: no payer
//   yet, half each);
// - money: provider = avoided disposal − own cost − forgone sale + price received;
//   consumer = value of the substitute − price paid; so the price, a transfer, cancels and
//   the two shares add up to the exchange's net benefit. Odd kopecks of a half go to the
//   provider.
// Besides the attributed shares, each organisation's figures as provider and as consumer are
// the full figures of the records where it is that party (each of those also sums to the
// cluster over organisations).
import {
  avoidedDisposalPerUnit,
  creditedSubstitute,
  type EmissionFactors,
  flowEmissions,
  forgoneSalePerUnit,
  type ImpactFlow,
  netBenefitKopecks,
  type OfferBaseline,
  type RequestBaseline,
  supplierCostPerUnit,
} from '../../exchange/engine/index.ts';
import type { Counterfactual, PlanFlow, TransportMode } from '../../exchange/schema.ts';
import { postKopecks } from '../../model/money.ts';

export type ImpactLevel = 'identified' | 'contracted' | 'delivered';
export const impactLevels: readonly ImpactLevel[] = ['identified', 'contracted', 'delivered'];

/** A flow of a saved plan, with the holders unmasked and the offer's legal status. */
export interface IdentifiedFlow {
  planId: string;
  /** ISO 8601: the latest plan wins a pair */
  planComputedAt: string;
  providerId: string;
  consumerId: string;
  /** the offer listing's legal status (a plan's flow does not carry it) */
  legalStatus?: string | null;
  flow: Pick<
    PlanFlow,
    | 'supply'
    | 'demand'
    | 'quantity'
    | 'material'
    | 'unit'
    | 'valueKopecks'
    | 'avoidedDisposalKopecks'
    | 'transportKopecks'
    | 'supplierCostKopecks'
    | 'forgoneSaleKopecks'
    | 'tradeValueKopecks'
    | 'substituteCo2eT'
    | 'methaneCo2eT'
    | 'co2eAvoidedT'
    | 'transportCo2eT'
  >;
}

/** A deal's terms with the baselines of the listings it came from ({} when unknown). */
export interface ImpactDeal {
  id: string;
  /** requested, offered, accepted, agreed, active, completed, terminated */
  state: string;
  /** ISO 8601; null while not agreed */
  agreedAt: string | null;
  providerId: string;
  consumerId: string;
  material: string;
  /** the deal's (shipped) unit */
  unit: string;
  legalStatus?: string | null;
  /** CH4 % of a gas (methane credit) */
  ch4Percent?: number;
  /** contracted quantity, in unit */
  quantity: number;
  /** delivered units (the request's unit) per shipped unit; default 1 */
  yield?: number;
  /** what a delivered unit is worth in units of the request's price (a fuel by its heat); default 1 */
  valueFactor?: number;
  /** units of the substitute a delivered unit replaces, for its CO2 (a fuel by its heat); default valueFactor */
  substituteFactor?: number;
  /** the request's unit; default unit */
  deliveredUnit?: string;
  /** agreed price per unit, kopecks; negative: a gate fee the provider pays */
  priceKopecksPerUnit: number;
  transport: { mode: TransportMode; paidBy: 'provider' | 'consumer' };
  /** planned route, km */
  distanceKm: number;
  /** planned transport cost per shipped unit, kopecks */
  transportKopecksPerUnit: number;
  /** the offer's baseline: counterfactual, disposal cost, own cost, sale price (per unit) */
  offer: OfferBaseline;
  /** the request's baseline and the price of its substitute per delivered unit */
  request: RequestBaseline & { priceKopecksPerUnit?: number; materialId?: string; useId?: string };
}

/** A recorded delivery: measured quantity and its distance (the deal's route: lots record none). */
export interface ImpactDelivery {
  id: string;
  dealId: string;
  /** YYYY-MM-DD (or ISO 8601) */
  date: string;
  /** measured, in the deal's unit */
  quantity: number;
  distanceKm: number;
  /** actual transport cost; absent: the deal's planned cost per unit × quantity */
  transportKopecks?: number;
}

export interface ImpactLedgerInput {
  planFlows: readonly IdentifiedFlow[];
  deals: readonly ImpactDeal[];
  deliveries: readonly ImpactDelivery[];
}

export interface ImpactTotals {
  divertedT: number;
  /** substitute + methane credits */
  co2eAvoidedT: number;
  transportCo2eT: number;
  /** avoided − transport */
  netCo2eT: number;
  netBenefitKopecks: number;
}

export interface OrganisationImpact {
  organisationId: string;
  /** its attributed share: these add up to the cluster over organisations */
  attributed: ImpactTotals;
  /** full figures of the records where it is the provider */
  asProvider: ImpactTotals;
  /** full figures of the records where it is the consumer */
  asConsumer: ImpactTotals;
}

export interface ImpactLevelReport {
  level: ImpactLevel;
  /** records counted after de-duplication */
  records: number;
  cluster: ImpactTotals;
  /** sorted by organisation id */
  organisations: OrganisationImpact[];
  /** by month (YYYY-MM), ascending */
  months: Array<{ month: string; cluster: ImpactTotals; organisations: OrganisationImpact[] }>;
}

export interface ImpactLedger {
  identified: ImpactLevelReport;
  contracted: ImpactLevelReport;
  delivered: ImpactLevelReport;
  /** deliveries whose deal is not in the input: not counted, listed */
  unknownDealDeliveries: string[];
  attributionRule: { ru: string; en: string };
  formula: { ru: string; en: string };
}

/** One counted record's figures, its parties and who bears transport (null: half each). */
interface Figures {
  month: string;
  providerId: string;
  consumerId: string;
  divertedT: number;
  substituteT: number;
  methaneT: number;
  transportT: number;
  /** provider's money: avoided disposal − own cost − forgone sale + price received */
  providerKopecks: number;
  /** consumer's money: value of the substitute − price paid */
  consumerKopecks: number;
  transportKopecks: number;
  transportPaidBy: 'provider' | 'consumer' | null;
}

const month = (iso: string) => iso.slice(0, 7);
const diverted = (legalStatus: string | null | undefined, unit: string, t: number) =>
  legalStatus === 'waste' && unit === 't' ? t : 0;

/**
 * The flows the identified level counts: per offer → request pair the latest plan's (by
 * computedAt, then plan id), in the order of their pairs.
 */
export function latestPerPair<F extends IdentifiedFlow>(flows: readonly F[]): F[] {
  const latest = new Map<string, F>();
  for (const f of flows) {
    const key = `${f.flow.supply}\u0000${f.flow.demand}`;
    const seen = latest.get(key);
    if (
      !seen ||
      f.planComputedAt > seen.planComputedAt ||
      (f.planComputedAt === seen.planComputedAt && f.planId > seen.planId)
    )
      latest.set(key, f);
  }
  // in the order of their pairs, not of the input: floating-point sums then do not depend on
  // where a plan's flows came in the list
  return [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f);
}

/** The identified records: one per offer → request pair, from the latest plan. */
function identified(flows: readonly IdentifiedFlow[]): Figures[] {
  return latestPerPair(flows).map((f) => {
    const p = f.flow;
    const methaneT = p.methaneCo2eT ?? 0;
    return {
      month: month(f.planComputedAt),
      providerId: f.providerId,
      consumerId: f.consumerId,
      divertedT: diverted(f.legalStatus, p.unit, p.quantity),
      substituteT: p.substituteCo2eT ?? p.co2eAvoidedT - methaneT,
      methaneT,
      transportT: p.transportCo2eT,
      providerKopecks:
        p.avoidedDisposalKopecks -
        (p.supplierCostKopecks ?? 0) -
        (p.forgoneSaleKopecks ?? 0) +
        (p.tradeValueKopecks ?? 0),
      consumerKopecks: p.valueKopecks - (p.tradeValueKopecks ?? 0),
      transportKopecks: p.transportKopecks,
      transportPaidBy: null,
    };
  });
}

/** A deal's figures at a quantity (shipped units), a distance and a transport cost. */
export function dealFlowFigures(
  deal: ImpactDeal,
  quantity: number,
  distanceKm: number,
  transportKopecks: number,
  factors: EmissionFactors,
): {
  flow: ImpactFlow;
  divertedT: number;
  substituteT: number;
  methaneT: number;
  transportT: number;
  tradeKopecks: number;
  netBenefitKopecks: number;
} {
  const delivered = quantity * (deal.yield ?? 1);
  const counterfactual: Counterfactual | undefined = deal.offer.counterfactual;
  const flow: ImpactFlow = {
    quantity,
    delivered,
    valueFactor: deal.valueFactor,
    substituteFactor: deal.substituteFactor,
    valueKopecks: postKopecks(
      deal.request.priceKopecksPerUnit ?? 0,
      delivered * (deal.valueFactor ?? 1),
    ),
    avoidedDisposalKopecks: postKopecks(avoidedDisposalPerUnit(deal.offer), quantity),
    supplierCostKopecks: postKopecks(supplierCostPerUnit(deal.offer), quantity),
    forgoneSaleKopecks: postKopecks(forgoneSalePerUnit(deal.offer), quantity),
    transportKopecks,
    mode: deal.transport.mode,
    distanceKm,
    offer: {
      materialId: deal.material,
      unit: deal.unit,
      legalStatus: deal.legalStatus ?? undefined,
      ch4Percent: deal.ch4Percent,
      counterfactual,
    },
    request: {
      materialId: deal.request.materialId,
      useId: deal.request.useId,
      unit: deal.deliveredUnit ?? deal.unit,
      substitute: creditedSubstitute(deal.offer, deal.request),
    },
  };
  const e = flowEmissions(flow, factors);
  return {
    flow,
    divertedT: diverted(deal.legalStatus, deal.unit, quantity),
    substituteT: e.substituteT,
    methaneT: e.methaneT,
    transportT: e.transportT,
    tradeKopecks: postKopecks(deal.priceKopecksPerUnit, quantity),
    netBenefitKopecks: netBenefitKopecks(flow),
  };
}

function dealRecord(
  deal: ImpactDeal,
  when: string,
  quantity: number,
  distanceKm: number,
  transportKopecks: number,
  factors: EmissionFactors,
): Figures {
  const f = dealFlowFigures(deal, quantity, distanceKm, transportKopecks, factors);
  return {
    month: month(when),
    providerId: deal.providerId,
    consumerId: deal.consumerId,
    divertedT: f.divertedT,
    substituteT: f.substituteT,
    methaneT: f.methaneT,
    transportT: f.transportT,
    providerKopecks:
      f.flow.avoidedDisposalKopecks -
      (f.flow.supplierCostKopecks ?? 0) -
      (f.flow.forgoneSaleKopecks ?? 0) +
      f.tradeKopecks,
    consumerKopecks: f.flow.valueKopecks - f.tradeKopecks,
    transportKopecks,
    transportPaidBy: deal.transport.paidBy,
  };
}

const contractedStates = new Set(['agreed', 'active']);

const zero = (): ImpactTotals => ({
  divertedT: 0,
  co2eAvoidedT: 0,
  transportCo2eT: 0,
  netCo2eT: 0,
  netBenefitKopecks: 0,
});

function addTo(t: ImpactTotals, diverted: number, avoided: number, transport: number, k: number) {
  t.divertedT += diverted;
  t.co2eAvoidedT += avoided;
  t.transportCo2eT += transport;
  t.netCo2eT += avoided - transport;
  t.netBenefitKopecks += k;
}

/** [provider's, consumer's] shares of the transport's CO2 and kopecks. */
function transportShares(r: Figures): { t: [number, number]; k: [number, number] } {
  if (r.transportPaidBy === 'provider') return { t: [r.transportT, 0], k: [r.transportKopecks, 0] };
  if (r.transportPaidBy === 'consumer') return { t: [0, r.transportT], k: [0, r.transportKopecks] };
  const consumerK = Math.trunc(r.transportKopecks / 2);
  return {
    t: [r.transportT / 2, r.transportT / 2],
    k: [r.transportKopecks - consumerK, consumerK],
  };
}

function summarise(records: readonly Figures[]): {
  cluster: ImpactTotals;
  organisations: OrganisationImpact[];
} {
  const cluster = zero();
  const orgs = new Map<string, OrganisationImpact>();
  const org = (id: string) => {
    const o = orgs.get(id) ?? {
      organisationId: id,
      attributed: zero(),
      asProvider: zero(),
      asConsumer: zero(),
    };
    orgs.set(id, o);
    return o;
  };
  for (const r of records) {
    const avoided = r.substituteT + r.methaneT;
    const net = r.providerKopecks + r.consumerKopecks - r.transportKopecks;
    addTo(cluster, r.divertedT, avoided, r.transportT, net);
    const p = org(r.providerId);
    const c = org(r.consumerId);
    addTo(p.asProvider, r.divertedT, avoided, r.transportT, net);
    addTo(c.asConsumer, r.divertedT, avoided, r.transportT, net);
    const s = transportShares(r);
    addTo(p.attributed, r.divertedT, r.methaneT, s.t[0], r.providerKopecks - s.k[0]);
    addTo(c.attributed, 0, r.substituteT, s.t[1], r.consumerKopecks - s.k[1]);
  }
  return {
    cluster,
    organisations: [...orgs.values()].sort((a, b) =>
      a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0,
    ),
  };
}

function report(level: ImpactLevel, records: readonly Figures[]): ImpactLevelReport {
  const byMonth = new Map<string, Figures[]>();
  for (const r of records) {
    const list = byMonth.get(r.month) ?? [];
    list.push(r);
    byMonth.set(r.month, list);
  }
  return {
    level,
    records: records.length,
    ...summarise(records),
    months: [...byMonth.keys()].sort().map((m) => ({ month: m, ...summarise(byMonth.get(m)!) })),
  };
}

export const impactAttributionRule = {
  ru: 'Отведённые от размещения (хранения и захоронения) тонны и кредит за метан — поставщику; кредит за замещённый продукт — потребителю (конечному пользователю); выбросы и затраты на перевозку — стороне, которая её оплачивает (в плане плательщика нет — поровну); деньги: поставщику — предотвращённые затраты на размещение − свои затраты − упущенная продажа + полученная цена, потребителю — стоимость замещённого продукта − уплаченная цена. Итог кластера = сумма долей организаций.',
  en: "Diverted tonnes and the methane credit go to the provider; the substitute credit to the consumer (the end user); transport emissions and cost to the party that pays for transport (plan flows have no payer: half each); money: the provider's share is avoided disposal − own cost − forgone sale + price received, the consumer's is the value of the substitute − price paid. The cluster total = the sum of the organisations' shares.",
};

export const impactFormula = {
  ru: 'Отведено, т = Σ т отходов (правовой статус «отход», в тоннах); CO2e предотвращено = Σ поставлено × т CO2e замещённого продукта (только у конечного пользователя) + метан, который иначе стравливался бы; перевозка = Σ т × км × кг CO2 на т·км ÷ 1000; нетто CO2e = предотвращено − перевозка; чистая выгода = стоимость замещённого + предотвращённое размещение − свои затраты − упущенные продажи − перевозка. Уровни: выявлено (последний план по паре предложение → запрос), законтрактовано (сделки в состояниях «согласована» и «исполняется»: договорное количество и плановый маршрут), поставлено (поставки: измеренное количество; расстояние — маршрут сделки, см. правило расстояния).',
  en: 'Diverted t = Σ t of waste (legal status waste, in tonnes); CO2e avoided = Σ delivered × t CO2e of the substitute replaced (end users only) + methane that would have been vented; transport = Σ t × km × kg CO2 per t·km ÷ 1000; net CO2e = avoided − transport; net benefit = value of the substitute + avoided disposal − own cost − forgone sale − transport. Levels: identified (the latest plan per offer → request pair), contracted (agreed and active deals: contracted quantity, planned route), delivered (deliveries: measured quantity; distance — the deal’s route, see the distance rule).',
};

/** The ledger at the three levels, for the cluster and each organisation, by month. */
export function impactLedger(input: ImpactLedgerInput, factors: EmissionFactors): ImpactLedger {
  const deals = new Map<string, ImpactDeal>();
  for (const d of input.deals) if (!deals.has(d.id)) deals.set(d.id, d);

  const contracted: Figures[] = [];
  for (const d of deals.values())
    if (contractedStates.has(d.state) && d.agreedAt)
      contracted.push(
        dealRecord(
          d,
          d.agreedAt,
          d.quantity,
          d.distanceKm,
          postKopecks(d.transportKopecksPerUnit, d.quantity),
          factors,
        ),
      );

  const delivered: Figures[] = [];
  const unknownDealDeliveries: string[] = [];
  const seen = new Set<string>();
  for (const l of input.deliveries) {
    if (seen.has(l.id)) continue;
    seen.add(l.id);
    const d = deals.get(l.dealId);
    if (!d) {
      unknownDealDeliveries.push(l.id);
      continue;
    }
    const transport = l.transportKopecks ?? postKopecks(d.transportKopecksPerUnit, l.quantity);
    delivered.push(dealRecord(d, l.date, l.quantity, l.distanceKm, transport, factors));
  }

  return {
    identified: report('identified', identified(input.planFlows)),
    contracted: report('contracted', contracted),
    delivered: report('delivered', delivered),
    unknownDealDeliveries,
    attributionRule: impactAttributionRule,
    formula: impactFormula,
  };
}
