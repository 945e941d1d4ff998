// The registry's closed word lists as plain data (no zod), so the web app shares them
// without bundling the schemas: the zod enums in registry.ts are built from these.
export const organisationKinds = [
  'open_pit',
  'underground_mine',
  'preparation_plant',
  'power_plant',
  'coke_chemical',
  'chemical',
  'construction_materials',
  'construction',
  'waste_processor',
  'logistics',
  'university',
  'research_institute',
  'regional_government',
  'platform_operator',
  'service_provider',
  'other',
] as const;

export const membershipRoles = ['keystone', 'core', 'niche', 'institution'] as const;

/**
 * How an organisation stands to VAT (НДС), which decides what its sales charge and whether it
 * deducts the VAT it pays (Tax Code of the Russian Federation): `general` — the standard rate of
 * art. 164 p. 3, input VAT deducted (art. 171): the general regime (ОСНО), or УСН that chose the
 * standard rate over the reduced ones; `usn_exempt` — the simplified regime (УСН) exempt from
 * VAT (art. 145 p. 1, 346.11 p. 2): sales «без НДС»;
 * `usn_5` and `usn_7` — УСН at the reduced rates of art. 164 p. 8 (from 2025, Federal Law
 * No. 176-FZ of 12.07.2024), no input VAT deducted. Only `general` deducts.
 */
export const vatRegimes = ['general', 'usn_exempt', 'usn_5', 'usn_7'] as const;

export const agglomerations = ['kemerovo', 'novokuznetsk', 'leninsk-belovo', 'north'] as const;

// Their words in both languages: one table for the web app, the exports and the imports.
export type Wording = { ru: string; en: string };
export type Vocabulary = Readonly<Record<string, Wording>>;

export const organisationKindWords: Readonly<Record<(typeof organisationKinds)[number], Wording>> =
  {
    open_pit: { ru: 'Разрез', en: 'Open-pit mine' },
    underground_mine: { ru: 'Шахта', en: 'Underground mine' },
    preparation_plant: { ru: 'Обогатительная фабрика', en: 'Preparation plant' },
    power_plant: { ru: 'Электростанция', en: 'Power plant' },
    coke_chemical: { ru: 'Коксохимия', en: 'Coke & coal chemistry' },
    chemical: { ru: 'Химия', en: 'Chemicals' },
    construction_materials: { ru: 'Стройматериалы', en: 'Construction materials' },
    construction: { ru: 'Строительство', en: 'Construction' },
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

export const roleWords: Readonly<Record<(typeof membershipRoles)[number], Wording>> = {
  keystone: { ru: 'Ключевой', en: 'Keystone' },
  core: { ru: 'Ядро', en: 'Core' },
  niche: { ru: 'Нишевой', en: 'Niche' },
  institution: { ru: 'Институция', en: 'Institution' },
};

export const agglomerationWords: Readonly<Record<(typeof agglomerations)[number], Wording>> = {
  kemerovo: { ru: 'Кемеровская', en: 'Kemerovo' },
  novokuznetsk: { ru: 'Новокузнецкая', en: 'Novokuznetsk' },
  'leninsk-belovo': { ru: 'Ленинск-Беловская', en: 'Leninsk-Belovo' },
  north: { ru: 'Северная', en: 'North' },
};

export const vatRegimeWords: Readonly<Record<(typeof vatRegimes)[number], Wording>> = {
  general: {
    ru: 'НДС по общей ставке, с вычетом',
    en: 'VAT at the standard rate, input VAT deducted',
  },
  usn_exempt: { ru: 'УСН без НДС', en: 'Simplified regime, exempt from VAT' },
  usn_5: { ru: 'УСН, НДС 5 %', en: 'Simplified regime, VAT 5 %' },
  usn_7: { ru: 'УСН, НДС 7 %', en: 'Simplified regime, VAT 7 %' },
};

export const organisationStatusWords: Vocabulary = {
  applicant: { ru: 'Заявитель', en: 'Applicant' },
  member: { ru: 'Участник', en: 'Member' },
  former: { ru: 'Бывший участник', en: 'Former member' },
  rejected: { ru: 'Отклонён', en: 'Rejected' },
};
