// Pure: transaction costs of a deal, digital against territorial (issue #10, "Transaction
// costs"). What the deal took on the platform (time from first contact to AGREED, messages,
// transitions) against the paper-based counterfactual: the meetings a deal of that kind needs
// per stage, each a round trip by car between the parties' sites plus the meeting itself, for
// the staff who travel. Every figure comes with the formula and its numbers (RU and EN).
//
// Territorial, per deal:
//   meetings   = firstContact + negotiation (if an offer was made) + contractSigning (if AGREED)
//                + deliveryAcceptance × recorded deliveries
//   road km    = great-circle km between the two sites × circuity (one way)
//   km         = meetings × 2 × road km                         (one car, there and back)
//   staff h    = meetings × (2 × road km ÷ speed + meeting h) × staff per meeting
//   kopecks    = round(staff h × rate) + round(km × car kopecks per km)
//   CO2 kg     = km × car kg CO2 per km
// Digital, per deal:
//   staff h    = (messages × minutes per message + transitions × minutes per transition) ÷ 60
//   kopecks    = round(staff h × rate); km and CO2 are 0 (the servers' energy is not counted)
// Saved = territorial − digital, figure by figure (hours and kopecks may be negative for a
// deal with a very long thread; km and CO2 never are).
//
// Split between the parties: the meetings alternate between the two sites, so each party
// bears half of every figure (hours, km, kopecks, CO2); of an odd kopeck the provider takes
// the larger half. The cluster's totals are the sums over deals, which equal the sums over
// organisations.

import { type FactorTable, factor } from '../../exchange/engine/index.ts';
import { roundKopecks } from '../../model/money.ts';
import { greatCircleKm } from '../../registry/engine/index.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

/** What the platform knows of one deal (from its journal events and the registry's sites). */
export interface DealTransactionFacts {
  dealId: string;
  providerId: string;
  consumerId: string;
  /** the deal's first event (created or requested), ISO 8601 */
  firstContactAt: string;
  /** when it reached AGREED, ISO 8601; null: not (yet) agreed */
  agreedAt: string | null;
  /** whether an offer was ever made (the deal got past REQUESTED): negotiation happened */
  offered: boolean;
  /** messages in the deal's thread */
  messages: number;
  /** state transitions (each counter-offer included) */
  transitions: number;
  /** deliveries recorded against the deal */
  deliveries: number;
  providerSite: LatLon;
  consumerSite: LatLon;
}

/** The territorial counterfactual's assumptions (data/reference/transaction-costs.json). */
export interface TransactionCostConfig {
  meetingsPerStage: {
    firstContact: number;
    negotiation: number;
    contractSigning: number;
    /** per recorded delivery */
    deliveryAcceptance: number;
  };
  meetingHours: number;
  staffPerMeeting: number;
  staffKopecksPerHour: number;
  carKgCo2PerKm: number;
  carKopecksPerKm: number;
  /** route km per great-circle km */
  circuity: number;
  speedKmh: number;
  digitalMinutesPerMessage: number;
  digitalMinutesPerTransition: number;
}

const KOPECKS_PER_RUB = 100;
const MINUTES_PER_HOUR = 60;
const WAYS = 2;

/** The configuration from the transaction-cost table (roubles turned into kopecks). */
export function transactionCostConfigFrom(table: FactorTable): TransactionCostConfig {
  const f = (k: string) => factor(table, k);
  return {
    meetingsPerStage: {
      firstContact: f('meetings.firstContact'),
      negotiation: f('meetings.negotiation'),
      contractSigning: f('meetings.contractSigning'),
      deliveryAcceptance: f('meetings.deliveryAcceptance'),
    },
    meetingHours: f('meetings.durationHours'),
    staffPerMeeting: f('meetings.staffPerMeeting'),
    staffKopecksPerHour: f('staff.rateRubPerHour') * KOPECKS_PER_RUB,
    carKgCo2PerKm: f('car.kgCo2PerKm'),
    carKopecksPerKm: f('car.costRubPerKm') * KOPECKS_PER_RUB,
    circuity: f('road.circuity'),
    speedKmh: f('road.speedKmh'),
    digitalMinutesPerMessage: f('digital.minutesPerMessage'),
    digitalMinutesPerTransition: f('digital.minutesPerTransition'),
  };
}

export interface TerritorialCost {
  meetings: number;
  /** meetings by stage (deliveryAcceptance already × deliveries) */
  meetingsByStage: TransactionCostConfig['meetingsPerStage'];
  greatCircleKm: number;
  /** one way, great-circle × circuity */
  roadKm: number;
  /** all meetings, there and back */
  km: number;
  /** staff hours: travel and meetings, × staff per meeting */
  hours: number;
  staffKopecks: number;
  carKopecks: number;
  kopecks: number;
  co2Kg: number;
}

export interface DigitalCost {
  /** from first contact to AGREED; null when not agreed */
  elapsedHours: number | null;
  messages: number;
  transitions: number;
  /** staff hours spent on the messages and transitions */
  hours: number;
  kopecks: number;
  km: 0;
  co2Kg: 0;
}

export interface SavedCost {
  hours: number;
  km: number;
  kopecks: number;
  co2Kg: number;
}

export interface DealTransactionCost {
  dealId: string;
  providerId: string;
  consumerId: string;
  digital: DigitalCost;
  territorial: TerritorialCost;
  saved: SavedCost;
  formula: { ru: string; en: string };
}

export interface TransactionCostTotals {
  /** deals counted (an organisation's: the deals it is a party to; its figures are its halves) */
  deals: number;
  meetings: number;
  territorial: { hours: number; km: number; kopecks: number; co2Kg: number };
  digital: { hours: number; messages: number; transitions: number; kopecks: number };
  saved: SavedCost;
}

export interface OrganisationTransactionCost extends TransactionCostTotals {
  organisationId: string;
}

export interface TransactionCostReport {
  deals: DealTransactionCost[];
  /** each party's half of each deal, sorted by organisation id */
  organisations: OrganisationTransactionCost[];
  cluster: TransactionCostTotals;
  /** the cluster's sums, stated with their numbers */
  formula: { ru: string; en: string };
  splitRule: { ru: string; en: string };
}

/** The cluster's totals as a sentence: Σ over deals, territorial, digital and saved. */
export function clusterFormula(t: TransactionCostTotals, lang: 'ru' | 'en'): string {
  const n = (x: number, digits = 1) => num(x, digits, lang);
  return lang === 'ru'
    ? `Кластер, Σ по ${t.deals} сделкам: территориально ${n(t.meetings, 2)} встреч, ${n(t.territorial.km)} км, ${n(t.territorial.hours, 2)} чел.-ч, ${rub(t.territorial.kopecks, lang)} ₽, ${n(t.territorial.co2Kg)} кг CO2; ` +
        `цифровые ${t.digital.messages} сообщ. и ${t.digital.transitions} переходов = ${n(t.digital.hours, 2)} чел.-ч, ${rub(t.digital.kopecks, lang)} ₽; ` +
        `сэкономлено ${n(t.saved.hours, 2)} ч, ${n(t.saved.km)} км, ${rub(t.saved.kopecks, lang)} ₽, ${n(t.saved.co2Kg)} кг CO2.`
    : `Cluster, Σ over ${t.deals} deals: territorial ${n(t.meetings, 2)} meetings, ${n(t.territorial.km)} km, ${n(t.territorial.hours, 2)} staff h, ${rub(t.territorial.kopecks, lang)} RUB, ${n(t.territorial.co2Kg)} kg CO2; ` +
        `digital ${t.digital.messages} messages and ${t.digital.transitions} transitions = ${n(t.digital.hours, 2)} staff h, ${rub(t.digital.kopecks, lang)} RUB; ` +
        `saved ${n(t.saved.hours, 2)} h, ${n(t.saved.km)} km, ${rub(t.saved.kopecks, lang)} RUB, ${n(t.saved.co2Kg)} kg CO2.`;
}

const num = (x: number, digits: number, lang: 'ru' | 'en') => {
  const s = x.toFixed(digits);
  return lang === 'ru' ? s.replace('.', ',') : s;
};
const rub = (kopecks: number, lang: 'ru' | 'en') => num(kopecks / KOPECKS_PER_RUB, 2, lang);

/** One deal's digital and territorial costs and what going digital saved. */
export function dealTransactionCost(
  d: DealTransactionFacts,
  c: TransactionCostConfig,
): DealTransactionCost {
  const m = c.meetingsPerStage;
  const byStage = {
    firstContact: m.firstContact,
    negotiation: d.offered || d.agreedAt !== null ? m.negotiation : 0,
    contractSigning: d.agreedAt !== null ? m.contractSigning : 0,
    deliveryAcceptance: m.deliveryAcceptance * d.deliveries,
  };
  const meetings =
    byStage.firstContact +
    byStage.negotiation +
    byStage.contractSigning +
    byStage.deliveryAcceptance;
  const gc = greatCircleKm(d.providerSite, d.consumerSite);
  const roadKm = gc * c.circuity;
  const tripKm = WAYS * roadKm;
  const km = meetings * tripKm;
  const perMeetingHours = tripKm / c.speedKmh + c.meetingHours;
  const hours = meetings * perMeetingHours * c.staffPerMeeting;
  const staffKopecks = roundKopecks(hours * c.staffKopecksPerHour);
  const carKopecks = roundKopecks(km * c.carKopecksPerKm);
  const kopecks = staffKopecks + carKopecks;
  const co2Kg = km * c.carKgCo2PerKm;

  const digitalMinutes =
    d.messages * c.digitalMinutesPerMessage + d.transitions * c.digitalMinutesPerTransition;
  const digitalHours = digitalMinutes / MINUTES_PER_HOUR;
  const digitalKopecks = roundKopecks(digitalHours * c.staffKopecksPerHour);
  const elapsedHours =
    d.agreedAt === null
      ? null
      : (Date.parse(d.agreedAt) - Date.parse(d.firstContactAt)) / 3_600_000;

  const saved = {
    hours: hours - digitalHours,
    km,
    kopecks: kopecks - digitalKopecks,
    co2Kg,
  };

  const formula = (lang: 'ru' | 'en') => {
    const n = (x: number, digits = 1) => num(x, digits, lang);
    const ru = lang === 'ru';
    const stages = ru
      ? `первый контакт ${n(byStage.firstContact, 2)} + переговоры ${n(byStage.negotiation, 2)} + подписание ${n(byStage.contractSigning, 2)} + приёмка ${d.deliveries} × ${n(m.deliveryAcceptance, 2)}`
      : `first contact ${n(byStage.firstContact, 2)} + negotiation ${n(byStage.negotiation, 2)} + signing ${n(byStage.contractSigning, 2)} + acceptance ${d.deliveries} × ${n(m.deliveryAcceptance, 2)}`;
    return ru
      ? `Территориально: встреч ${n(meetings, 2)} (${stages}); дорога ${n(gc)} км по дуге × ${n(c.circuity, 2)} = ${n(roadKm)} км в одну сторону; ` +
          `км = ${n(meetings, 2)} × 2 × ${n(roadKm)} = ${n(km)} км; ` +
          `чел.-ч = ${n(meetings, 2)} × (${n(tripKm)} км ÷ ${n(c.speedKmh, 0)} км/ч + ${n(c.meetingHours)} ч) × ${n(c.staffPerMeeting, 0)} чел. = ${n(hours, 2)} ч; ` +
          `затраты = ${n(hours, 2)} ч × ${rub(c.staffKopecksPerHour, lang)} ₽/ч + ${n(km)} км × ${rub(c.carKopecksPerKm, lang)} ₽/км = ${rub(kopecks, lang)} ₽; ` +
          `CO2 = ${n(km)} км × ${n(c.carKgCo2PerKm, 5)} кг/км = ${n(co2Kg)} кг. ` +
          `Цифровая сделка: ${d.messages} сообщ. × ${n(c.digitalMinutesPerMessage, 0)} мин + ${d.transitions} переходов × ${n(c.digitalMinutesPerTransition, 0)} мин = ${n(digitalHours, 2)} ч = ${rub(digitalKopecks, lang)} ₽; 0 км, 0 кг CO2. ` +
          `Сэкономлено = территориально − цифровое: ${n(saved.hours, 2)} ч, ${n(km)} км, ${rub(saved.kopecks, lang)} ₽, ${n(co2Kg)} кг CO2.`
      : `Territorial: ${n(meetings, 2)} meetings (${stages}); road ${n(gc)} km great-circle × ${n(c.circuity, 2)} = ${n(roadKm)} km one way; ` +
          `km = ${n(meetings, 2)} × 2 × ${n(roadKm)} = ${n(km)} km; ` +
          `staff hours = ${n(meetings, 2)} × (${n(tripKm)} km ÷ ${n(c.speedKmh, 0)} km/h + ${n(c.meetingHours)} h) × ${n(c.staffPerMeeting, 0)} persons = ${n(hours, 2)} h; ` +
          `cost = ${n(hours, 2)} h × ${rub(c.staffKopecksPerHour, lang)} RUB/h + ${n(km)} km × ${rub(c.carKopecksPerKm, lang)} RUB/km = ${rub(kopecks, lang)} RUB; ` +
          `CO2 = ${n(km)} km × ${n(c.carKgCo2PerKm, 5)} kg/km = ${n(co2Kg)} kg. ` +
          `Digital: ${d.messages} messages × ${n(c.digitalMinutesPerMessage, 0)} min + ${d.transitions} transitions × ${n(c.digitalMinutesPerTransition, 0)} min = ${n(digitalHours, 2)} h = ${rub(digitalKopecks, lang)} RUB; 0 km, 0 kg CO2. ` +
          `Saved = territorial − digital: ${n(saved.hours, 2)} h, ${n(km)} km, ${rub(saved.kopecks, lang)} RUB, ${n(co2Kg)} kg CO2.`;
  };

  return {
    dealId: d.dealId,
    providerId: d.providerId,
    consumerId: d.consumerId,
    digital: {
      elapsedHours,
      messages: d.messages,
      transitions: d.transitions,
      hours: digitalHours,
      kopecks: digitalKopecks,
      km: 0,
      co2Kg: 0,
    },
    territorial: {
      meetings,
      meetingsByStage: byStage,
      greatCircleKm: gc,
      roadKm,
      km,
      hours,
      staffKopecks,
      carKopecks,
      kopecks,
      co2Kg,
    },
    saved,
    formula: { ru: formula('ru'), en: formula('en') },
  };
}

const emptyTotals = (): TransactionCostTotals => ({
  deals: 0,
  meetings: 0,
  territorial: { hours: 0, km: 0, kopecks: 0, co2Kg: 0 },
  digital: { hours: 0, messages: 0, transitions: 0, kopecks: 0 },
  saved: { hours: 0, km: 0, kopecks: 0, co2Kg: 0 },
});

/** Adds `share` (1 or ½) of a deal to the totals; kopecks come in already split. */
function add(
  t: TransactionCostTotals,
  d: DealTransactionCost,
  share: number,
  k: { territorial: number; digital: number; saved: number },
): void {
  t.deals += 1;
  t.meetings += d.territorial.meetings * share;
  t.territorial.hours += d.territorial.hours * share;
  t.territorial.km += d.territorial.km * share;
  t.territorial.kopecks += k.territorial;
  t.territorial.co2Kg += d.territorial.co2Kg * share;
  t.digital.hours += d.digital.hours * share;
  t.digital.messages += d.digital.messages * share;
  t.digital.transitions += d.digital.transitions * share;
  t.digital.kopecks += k.digital;
  t.saved.hours += d.saved.hours * share;
  t.saved.km += d.saved.km * share;
  t.saved.kopecks += k.saved;
  t.saved.co2Kg += d.saved.co2Kg * share;
}

/** An integer split in two: [provider's, consumer's]; the provider takes the odd kopeck. */
export function splitKopecks(k: number): [number, number] {
  const consumer = Math.trunc(k / 2);
  return [k - consumer, consumer];
}

export const transactionCostSplitRule = {
  ru: 'Встречи чередуются между площадками сторон: каждой стороне — половина часов, километров, рублей и CO2 сделки (нечётная копейка — поставщику). Итог кластера = сумма по сделкам = сумма по организациям.',
  en: "Meetings alternate between the parties' sites: each party bears half of a deal's hours, km, roubles and CO2 (the odd kopeck to the provider). The cluster total = the sum over deals = the sum over organisations.",
};

/** Every deal's costs, each organisation's share and the cluster's totals. */
export function transactionCosts(
  deals: readonly DealTransactionFacts[],
  config: TransactionCostConfig,
): TransactionCostReport {
  const rows = deals.map((d) => dealTransactionCost(d, config));
  const cluster = emptyTotals();
  const byOrg = new Map<string, TransactionCostTotals>();
  const org = (id: string) => {
    const t = byOrg.get(id) ?? emptyTotals();
    byOrg.set(id, t);
    return t;
  };
  const half = 1 / 2;
  for (const d of rows) {
    add(cluster, d, 1, {
      territorial: d.territorial.kopecks,
      digital: d.digital.kopecks,
      saved: d.saved.kopecks,
    });
    const [pt, ct] = splitKopecks(d.territorial.kopecks);
    const [pd, cd] = splitKopecks(d.digital.kopecks);
    // saved is split as the difference of the splits, so each party's saved = its territorial − its digital
    add(org(d.providerId), d, half, { territorial: pt, digital: pd, saved: pt - pd });
    add(org(d.consumerId), d, half, { territorial: ct, digital: cd, saved: ct - cd });
  }
  return {
    deals: rows,
    organisations: [...byOrg.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([organisationId, t]) => ({ organisationId, ...t })),
    cluster,
    formula: { ru: clusterFormula(cluster, 'ru'), en: clusterFormula(cluster, 'en') },
    splitRule: transactionCostSplitRule,
  };
}
