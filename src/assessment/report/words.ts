// The report's own words, in Russian and English (the characteristics' and indicators' words
// come from the typology model).
import { formWords } from '../engine/typology.ts';
import type { Lang } from './model.ts';

const words = {
  title: {
    ru: 'Оценка кластера: от территориального кластера к бизнес-экосистеме',
    en: 'Cluster assessment: from territorial cluster to business ecosystem',
  },
  generated: {
    ru: 'Сформировано {at} по данным платформы digicluster',
    en: 'Generated {at} from the digicluster platform',
  },
  placement: { ru: '1. Место на шкале', en: '1. Placement' },
  overall: {
    ru: 'В целом: {form}, балл {score} из 2 (на {asOf}, за {months} мес.)',
    en: 'Overall: {form}, score {score} of 2 (as of {asOf}, over {months} months)',
  },
  characteristic: { ru: 'Характеристика', en: 'Characteristic' },
  form: { ru: 'Форма', en: 'Form' },
  score: { ru: 'Балл', en: 'Score' },
  evidence: { ru: 'Показатели', en: 'Indicators' },
  noData: { ru: 'нет данных', en: 'no data' },
  trajectory: { ru: '2. Траектория по месяцам', en: '2. Trajectory by month' },
  month: { ru: 'Месяц', en: 'Month' },
  network: { ru: '3. Сеть связей участников', en: "3. The members' network of ties" },
  networkNote: {
    ru: 'Узлы — организации (размер — число партнёров), линии — связи через платформу: обмен, знания, управление.',
    en: 'Nodes are organisations (size: number of partners), lines ties made on the platform: exchange, knowledge, governance.',
  },
  networkEmpty: { ru: 'Связей через платформу пока нет.', en: 'No ties made on the platform yet.' },
  networkOperatorOnly: {
    ru: 'Кто с кем связан, видит только оператор платформы: сводные показатели сети — в разделе 1.',
    en: "Who is tied to whom is the platform operator's to see: the network's summary figures are in section 1.",
  },
  sustainability: { ru: '4. Устойчивость', en: '4. Sustainability' },
  readiness: { ru: '5. Готовность к Индустрии 4.0', en: '5. Industry 4.0 readiness' },
  readinessNone: {
    ru: 'Анкету ещё не заполнила ни одна организация.',
    en: 'No organisation has answered the questionnaire yet.',
  },
  readinessLead: {
    ru: 'Ответили организаций: {n}; персонал: {staff} чел.; самые слабые измерения: {weakest}.',
    en: 'Organisations answered: {n}; staff: {staff}; weakest dimensions: {weakest}.',
  },
  dimension: { ru: 'Измерение', en: 'Dimension' },
  weighted: { ru: 'Среднее по персоналу', en: 'Mean by staff' },
  spread: { ru: 'Разброс', en: 'Spread' },
  territory: { ru: '6. Территориальная база', en: '6. Territorial baseline' },
  territoryNote: {
    ru: 'Коэффициент локализации = доля отрасли в занятости региона ÷ её доля в занятости страны. «Оценка» — порядок величины, заменить данными Кемеровостата.',
    en: "Location quotient = the industry's share of the region's employment ÷ its share of the country's. 'Estimate': an order of magnitude, to be replaced by Kemerovostat figures.",
  },
  industry: { ru: 'Отрасль', en: 'Industry' },
  lq: { ru: 'Коэфф. локализации', en: 'Location quotient' },
  status: { ru: 'Статус', en: 'Status' },
  estimate: { ru: 'оценка', en: 'estimate' },
  sourced: { ru: 'источник', en: 'sourced' },
  basis: { ru: 'Основание оценки: {text}', en: 'Basis of the estimate: {text}' },
  source: { ru: 'Источник: {text}', en: 'Source: {text}' },
  'form:territorial_cluster': formWords.territorial_cluster,
  'form:digital_cluster': formWords.digital_cluster,
  'form:business_ecosystem': formWords.business_ecosystem,
  'form:no_data': formWords.no_data,
} as const;

export type Word = keyof typeof words;

/** A territorial figure's status, year, basis (an estimate's) and source, as lines of text. */
export function figureNote(
  lang: Lang,
  f: {
    status: 'sourced' | 'estimate';
    year: number | null;
    basis: { ru: string; en: string } | null;
    source: { ru: string; en: string };
  },
): string[] {
  return [
    `${say(lang, f.status)} ${f.year ?? ''}`.trim(),
    ...(f.basis ? [say(lang, 'basis', { text: f.basis[lang] })] : []),
    say(lang, 'source', { text: f.source[lang] }),
  ];
}

export const say = (lang: Lang, key: Word, vars: Record<string, string | number> = {}) =>
  words[key][lang].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in vars ? String(vars[name]) : m,
  );

export const number = (lang: Lang, x: number | null, digits = 2) =>
  x === null
    ? say(lang, 'noData')
    : x.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits });
