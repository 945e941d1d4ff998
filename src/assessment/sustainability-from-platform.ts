// Sustainability from the platform's own data (issue #14, "Sustainability"): the indicators the
// pure engine (engine/sustainability.ts) balances, each with its value, its target (the
// configuration in data/reference/sustainability-targets.json, labelled an estimate) and its
// source. Over the twelve months before today (the deals' own window):
// - environmental: tonnes diverted, CO2e avoided net of transport and methane used, from the
//   impact ledger at the level «delivered» (deals' public surface); the share of offered waste
//   put to use = tonnes diverted ÷ the tonnes of waste a year the members offer on the exchange
//   (not the waste they generate, which the platform does not hold for every member: so it is
//   not called a utilisation rate); methane used in m³ of CH4 (the gas mixture × its offer's
//   CH4 %);
// - economic: the net benefit (savings) from the same ledger; the transaction costs saved from
//   the deals' cost report (digital vs territorial); value added by deep processing: the
//   platform does not record it, so no data;
// - social: knowledge workers from the registry (members' own figures), R&D projects with a
//   university among their participants and courses and programmes offered, from the
//   knowledge module.
// A value the data do not give is null — "no data" — never a made-up number: no recorded
// delivery of a methane, no methane figure; no member stating its knowledge workers, none.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DealsService } from '../deals/index.ts';
import { ExchangeService } from '../exchange/index.ts';
import { KnowledgeService, knowledgeQueries } from '../knowledge/index.ts';
import { clusterDay } from '../model/days.ts';
import { systemActor } from '../model/index.ts';
import { wordMonth } from '../model/wording.ts';
import { registryQueries } from '../registry/index.ts';
import type { Store } from '../store/index.ts';
import {
  methaneCh4M3,
  type SustainabilityBalance,
  type SustainabilityIndicator,
  sustainabilityBalance,
} from './engine/sustainability.ts';

const Targets = z.object({
  about: z.string(),
  status: z.literal('estimate'),
  targets: z.record(z.string(), z.number().positive()),
});

let targets: z.infer<typeof Targets> | undefined;
/** The indicators' targets (configuration), read once. */
export function sustainabilityTargets() {
  targets ??= Targets.parse(
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../data/reference/sustainability-targets.json', import.meta.url)),
        'utf8',
      ),
    ),
  );
  return targets;
}

export interface SourcedIndicator extends SustainabilityIndicator {
  /** the source a reader can cite: the platform's register and level, or what is missing */
  source: { ru: string; en: string };
  /** the API path (with its query) that gives the figure's data; null: no single read gives it */
  data: string | null;
}

export interface PlatformSustainability extends SustainabilityBalance {
  indicators: (SourcedIndicator & { share: number | null })[];
  /** the months counted, YYYY-MM */
  from: string;
  to: string;
  targetsStatus: 'estimate';
  targetsSource: string;
}

const methanes = new Set(['mine-methane', 'coal-bed-methane']);
/** m³ per unit of a gas deal */
const m3Per: Record<string, number> = { thousand_m3: 1000, m3: 1 };

/** The indicators and their balance, from the platform's data over the last twelve months. */
export async function sustainabilityFromPlatform(
  store: Store,
  now: Date = new Date(),
): Promise<PlatformSustainability> {
  // the cluster's months, as deliveries are dated: from 17:00 UTC on a month's last day
  // Kuzbass is in the next one
  const to = clusterDay(now.getTime()).slice(0, 7);
  const [y, m] = to.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
  const deals = new DealsService(store);
  const [impact, costs, allDeals, deliveries] = await Promise.all([
    deals.impact(systemActor, { level: 'delivered', from, to }),
    deals.costReport(systemActor),
    deals.listDeals(systemActor),
    deals.listDeliveries(systemActor),
  ]);
  const delivered = impact.levels[0]!;
  const recorded = delivered.records > 0;

  // waste offered a year: the members' offers of a waste, in tonnes, live or not
  const offers = await new ExchangeService(store).listListings(systemActor, { side: 'offer' });
  const wasteOffered = offers
    .filter((l) => l.legalStatus === 'waste' && l.unit === 't' && l.status !== 'withdrawn')
    .reduce((s, l) => s + l.quantityPerYear, 0);

  // methane used: declared deliveries of a methane deal in the window
  const gasDeals = new Map(
    allDeals.items.filter((d) => methanes.has(d.material)).map((d) => [d.id, d]),
  );
  const methaneLots = deliveries.filter(
    (x) =>
      x.confirms === null &&
      gasDeals.has(x.dealId) &&
      x.deliveredOn.slice(0, 7) >= from &&
      x.deliveredOn.slice(0, 7) <= to,
  );
  // CH4 % from the provider's offer of the same gas (the deals' list names no listing) — the
  // listing's quality, as the exchange's methane factors read it
  const ch4Of = (d: (typeof allDeals.items)[number]): number | undefined => {
    const offer = offers.find(
      (l) => l.organisationId === d.providerId && l.materialId === d.material,
    );
    const ch4 = offer?.quality?.ch4;
    return typeof ch4 === 'number' ? ch4 : undefined;
  };
  const methane = methaneCh4M3(
    methaneLots.map((x) => ({
      m3: x.quantity * (m3Per[x.unit] ?? Number.NaN),
      ch4Percent: ch4Of(gasDeals.get(x.dealId) as (typeof allDeals.items)[number]),
    })),
  );
  const methaneM3 = gasDeals.size ? methane.m3 : null;

  // social: the members' stated knowledge workers; projects with a university; training
  const organisations = await registryQueries.findOrganisations(store, { status: 'member' });
  const stated = organisations.filter((o) => typeof o.knowledgeWorkers === 'number');
  const allProjects = await knowledgeQueries.findProjects(store);
  const withUniversity = allProjects.filter(
    (p) => p.status !== 'suspended' && p.participants.some((x) => x.role === 'university'),
  );
  const knowledge = new KnowledgeService(store);
  const openings = await knowledge.listOpenings(systemActor);
  const training = openings.filter((o) => o.kind === 'course' || o.kind === 'programme');

  const t = sustainabilityTargets().targets;
  const target = (name: string) => t[name] ?? null;
  const ledger = {
    ru: `реестр эффекта платформы, уровень «поставлено», ${wordMonth(from, 'ru')} – ${wordMonth(to, 'ru')}`,
    en: `the platform's impact ledger, level “delivered”, ${wordMonth(from, 'en')} – ${wordMonth(to, 'en')}`,
  };
  const ledgerData = `/api/v1/impact?level=delivered&from=${from}&to=${to}`;
  const finite = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);
  const indicators: SourcedIndicator[] = [
    {
      part: 'environmental',
      name: 'waste_utilisation_rate',
      value: recorded && wasteOffered > 0 ? delivered.cluster.divertedT / wasteOffered : null,
      target: target('waste_utilisation_rate'),
      unit: 'share',
      source: {
        ru: `вовлечённые в использование тонны (${ledger.ru}) ÷ тонны отходов в год, предложенные на бирже (не образованные)`,
        en: `tonnes put to use (${ledger.en}) ÷ tonnes of waste a year offered on the exchange (not generated)`,
      },
      data: ledgerData,
    },
    {
      part: 'environmental',
      name: 'tonnes_diverted',
      value: recorded ? delivered.cluster.divertedT : null,
      target: target('tonnes_diverted'),
      unit: 't',
      source: ledger,
      data: ledgerData,
    },
    {
      part: 'environmental',
      name: 'co2e_avoided_t',
      value: recorded ? delivered.cluster.netCo2eT : null,
      target: target('co2e_avoided_t'),
      unit: 't CO2e',
      source: {
        ru: `предотвращено за вычетом перевозки: ${ledger.ru}`,
        en: `avoided net of transport: ${ledger.en}`,
      },
      data: ledgerData,
    },
    {
      part: 'environmental',
      name: 'methane_used_m3',
      value: finite(methaneM3),
      target: target('methane_used_m3'),
      unit: 'm3',
      source: {
        ru: `заявленные поставки сделок с шахтным метаном и метаном угольных пластов: м³ газовой смеси × доля CH4 в предложении${methane.withoutCh4 ? ` (поставок без доли CH4 не учтено: ${methane.withoutCh4})` : ''}`,
        en: `declared deliveries of mine-methane and coal-bed-methane deals: m³ of gas mixture × the offer's CH4 share${methane.withoutCh4 ? ` (deliveries without a CH4 share left out: ${methane.withoutCh4})` : ''}`,
      },
      data: null,
    },
    {
      part: 'economic',
      name: 'savings_rub',
      value: recorded ? delivered.cluster.netBenefitKopecks / 100 : null,
      target: target('savings_rub'),
      unit: 'RUB',
      source: { ru: `чистая выгода: ${ledger.ru}`, en: `net benefit: ${ledger.en}` },
      data: ledgerData,
    },
    {
      part: 'economic',
      name: 'value_added_deep_processing_rub',
      value: null,
      target: target('value_added_deep_processing_rub'),
      unit: 'RUB',
      source: {
        ru: 'платформа не учитывает добавленную стоимость глубокой переработки: нет данных',
        en: 'the platform does not record value added by deep processing: no data',
      },
      data: null,
    },
    {
      part: 'economic',
      name: 'transaction_costs_saved_rub',
      value: costs.cluster && costs.deals.length ? costs.cluster.saved.kopecks / 100 : null,
      target: target('transaction_costs_saved_rub'),
      unit: 'RUB',
      source: {
        ru: 'отчёт платформы о транзакционных издержках: цифровая сделка против территориальной, все сделки кластера (допущения — оценка)',
        en: "the platform's transaction-cost report: digital against territorial deal, all the cluster's deals (assumptions estimated)",
      },
      // the cost report gives all deals to the operator only: a member would read its own
      data: null,
    },
    {
      part: 'social',
      name: 'knowledge_workers',
      value: stated.length ? stated.reduce((s, o) => s + (o.knowledgeWorkers ?? 0), 0) : null,
      target: target('knowledge_workers'),
      unit: 'people',
      source: {
        ru: `реестр участников платформы: работники знаний по их данным (${stated.length} из ${organisations.length})`,
        en: `the platform's registry of members: knowledge workers as the members state them (${stated.length} of ${organisations.length})`,
      },
      data: null,
    },
    {
      part: 'social',
      name: 'rd_projects_with_universities',
      value: allProjects.length ? withUniversity.length : null,
      target: target('rd_projects_with_universities'),
      unit: 'projects',
      source: {
        ru: 'проекты НИОКР модуля знаний с вузом среди участников (кроме приостановленных)',
        en: 'R&D projects of the knowledge module with a university among their participants (not suspended)',
      },
      data: null,
    },
    {
      part: 'social',
      name: 'training_offers',
      value: openings.length ? training.length : null,
      target: target('training_offers'),
      unit: 'offers',
      source: {
        ru: 'курсы и программы обучения модуля знаний',
        en: 'courses and programmes of the knowledge module',
      },
      data: null,
    },
  ];
  const balance = sustainabilityBalance(indicators);
  return {
    ...balance,
    indicators: balance.indicators.map((i, k) => ({
      ...i,
      source: indicators[k]!.source,
      data: indicators[k]!.data,
    })),
    from,
    to,
    targetsStatus: 'estimate',
    targetsSource: 'data/reference/sustainability-targets.json',
  };
}
