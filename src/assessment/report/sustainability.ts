// The report's sustainability section from the platform's data (issue #14): the three parts,
// the balance index and each indicator with its value, target and source; «no data» where the
// platform has none. One function per renderer, called by html.ts and pdf.ts.
import type { PlatformSustainability } from '../sustainability-from-platform.ts';
import type { Lang } from './model.ts';
import { number } from './words.ts';

/** Each indicator's name with its unit, in Russian and English. */
export const sustainabilityNames: Record<string, { ru: string; en: string }> = {
  waste_utilisation_rate: {
    ru: 'Доля вовлечения предложенных отходов',
    en: 'Share of offered waste put to use',
  },
  tonnes_diverted: {
    ru: 'Отведено от размещения (хранение и захоронение), т',
    en: 'Diverted from placement (storage and landfill), t',
  },
  co2e_avoided_t: { ru: 'CO2e предотвращено (нетто), т', en: 'CO2e avoided (net), t' },
  methane_used_m3: { ru: 'Использовано метана (CH4), м³', en: 'Methane (CH4) used, m³' },
  savings_rub: { ru: 'Чистая выгода, ₽', en: 'Net benefit, RUB' },
  value_added_deep_processing_rub: {
    ru: 'Добавленная стоимость глубокой переработки, ₽',
    en: 'Value added by deep processing, RUB',
  },
  transaction_costs_saved_rub: {
    ru: 'Сэкономлено транзакционных издержек, ₽',
    en: 'Transaction costs saved, RUB',
  },
  knowledge_workers: { ru: 'Работники знаний', en: 'Knowledge workers' },
  rd_projects_with_universities: {
    ru: 'Проекты НИОКР с вузами',
    en: 'R&D projects with universities',
  },
  training_offers: { ru: 'Курсы и программы обучения', en: 'Training courses and programmes' },
};
/** The three parts of sustainability. */
export const sustainabilityParts = {
  environmental: { ru: 'экологическая', en: 'environmental' },
  economic: { ru: 'экономическая', en: 'economic' },
  social: { ru: 'социальная', en: 'social' },
} as const;
const words = {
  noData: { ru: 'нет данных', en: 'no data' },
  balance: { ru: 'Индекс баланса', en: 'Balance index' },
  indicator: { ru: 'Показатель', en: 'Indicator' },
  value: { ru: 'Значение', en: 'Value' },
  target: { ru: 'Цель (оценка)', en: 'Target (estimate)' },
  source: { ru: 'Источник', en: 'Source' },
  period: { ru: 'Период', en: 'Period' },
} as const;

const value = (lang: Lang, x: number | null) =>
  x === null ? words.noData[lang] : number(lang, x, 2);

/** Its rows as plain text: [indicator (part), value, target, source]. */
export function sustainabilityRows(s: PlatformSustainability, lang: Lang): string[][] {
  return s.indicators.map((i) => [
    `${sustainabilityNames[i.name]?.[lang] ?? i.name} (${sustainabilityParts[i.part][lang]})`,
    value(lang, i.value),
    value(lang, i.target),
    i.source[lang],
  ]);
}

export const sustainabilityHead = (lang: Lang) => [
  words.indicator[lang],
  words.value[lang],
  words.target[lang],
  words.source[lang],
];

/** The summary line: the parts, the balance index and the period. */
export function sustainabilitySummary(s: PlatformSustainability, lang: Lang): string {
  const p = (Object.keys(sustainabilityParts) as (keyof typeof sustainabilityParts)[])
    .map((k) => `${sustainabilityParts[k][lang]} ${value(lang, s.parts[k])}`)
    .join('; ');
  return `${p}. ${words.balance[lang]}: ${value(lang, s.balanceIndex)}. ${words.period[lang]}: ${s.from}…${s.to}.`;
}
