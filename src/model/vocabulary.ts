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

export const organisationStatusWords: Vocabulary = {
  applicant: { ru: 'Заявитель', en: 'Applicant' },
  member: { ru: 'Участник', en: 'Member' },
  former: { ru: 'Бывший участник', en: 'Former member' },
  rejected: { ru: 'Отклонён', en: 'Rejected' },
};
