// The words beside the codes in an export, in both languages, and the way back: an import
// reads a code or either language's word for it, so an edited spreadsheet still round-trips.
import type { Lang } from '../../model/index.ts';

export type Wording = { ru: string; en: string };
export type Vocabulary = Readonly<Record<string, Wording>>;

export const organisationKindWords: Vocabulary = {
  open_pit: { ru: 'Разрез', en: 'Open-pit mine' },
  underground_mine: { ru: 'Шахта', en: 'Underground mine' },
  preparation_plant: { ru: 'Обогатительная фабрика', en: 'Preparation plant' },
  power_plant: { ru: 'Электростанция', en: 'Power plant' },
  coke_chemical: { ru: 'Коксохимия', en: 'Coke & coal chemistry' },
  chemical: { ru: 'Химия', en: 'Chemicals' },
  construction_materials: { ru: 'Стройматериалы', en: 'Construction materials' },
  waste_processor: { ru: 'Переработка отходов', en: 'Waste processor' },
  logistics: { ru: 'Логистика', en: 'Logistics' },
  university: { ru: 'Университет', en: 'University' },
  research_institute: { ru: 'НИИ', en: 'Research institute' },
  regional_government: { ru: 'Органы власти', en: 'Regional government' },
  platform_operator: { ru: 'Оператор платформы', en: 'Platform operator' },
  service_provider: { ru: 'Сервисная компания', en: 'Service provider' },
  other: { ru: 'Другое', en: 'Other' },
};

export const siteKindWords: Vocabulary = {
  mine: { ru: 'Шахта', en: 'Mine' },
  open_pit: { ru: 'Разрез', en: 'Open pit' },
  plant: { ru: 'Завод / фабрика', en: 'Plant' },
  power_plant: { ru: 'Электростанция', en: 'Power plant' },
  dump: { ru: 'Отвал / накопитель', en: 'Dump / pond' },
  office: { ru: 'Офис', en: 'Office' },
  campus: { ru: 'Кампус', en: 'Campus' },
  depot: { ru: 'Склад / терминал', en: 'Depot / terminal' },
  other: { ru: 'Другое', en: 'Other' },
};

export const roleWords: Vocabulary = {
  keystone: { ru: 'Ключевой', en: 'Keystone' },
  core: { ru: 'Ядро', en: 'Core' },
  niche: { ru: 'Нишевой', en: 'Niche' },
  institution: { ru: 'Институция', en: 'Institution' },
};

export const agglomerationWords: Vocabulary = {
  kemerovo: { ru: 'Кемеровская', en: 'Kemerovo' },
  novokuznetsk: { ru: 'Новокузнецкая', en: 'Novokuznetsk' },
  'leninsk-belovo': { ru: 'Ленинск-Беловская', en: 'Leninsk-Belovo' },
  north: { ru: 'Северная', en: 'North' },
};

export const provenanceWords: Vocabulary = {
  sourced: { ru: 'Источник', en: 'Sourced' },
  estimate: { ru: 'Оценка', en: 'Estimate' },
  generated: { ru: 'Сгенерировано', en: 'Generated' },
};

/** The fields of an organisation that carry a provenance, by the names people see. */
export const provenanceFieldWords: Vocabulary = {
  name: { ru: 'Наименование', en: 'Name' },
  employees: { ru: 'Работников', en: 'Employees' },
  knowledgeWorkers: { ru: 'Работников знаний', en: 'Knowledge workers' },
  inn: { ru: 'ИНН', en: 'INN' },
  ogrn: { ru: 'ОГРН', en: 'OGRN' },
  kpp: { ru: 'КПП', en: 'KPP' },
  okved: { ru: 'ОКВЭД', en: 'OKVED' },
  description: { ru: 'Описание', en: 'Description' },
  website: { ru: 'Сайт', en: 'Website' },
};

/** The word for a code in one language; an unknown code is shown as it is. */
export const wordFor = (vocabulary: Vocabulary, code: unknown, lang: Lang): string =>
  typeof code === 'string' ? (vocabulary[code]?.[lang] ?? code) : '';

const fold = (s: string) => s.trim().toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** The code a cell means: the code itself, or its word in Russian or English; else null. */
export function codeOf(vocabulary: Vocabulary, text: string): string | null {
  const t = fold(text);
  if (t === '') return null;
  for (const [code, w] of Object.entries(vocabulary))
    if (fold(code) === t || fold(w.ru) === t || fold(w.en) === t) return code;
  return null;
}
