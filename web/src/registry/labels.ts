import { useMemo } from 'react';
import { dictionary, type Locale, useT } from '../i18n/index.ts';
import type {
  Agglomeration,
  MembershipRole,
  OrganisationKind,
  OrganisationStatus,
} from '../shell/types.ts';

/** Names of the registry's enumerations in both languages. */
export const labelsDict = dictionary(
  {
    'kind:open_pit': 'Разрез',
    'kind:underground_mine': 'Шахта',
    'kind:preparation_plant': 'Обогатительная фабрика',
    'kind:power_plant': 'Электростанция',
    'kind:coke_chemical': 'Коксохимия',
    'kind:chemical': 'Химия',
    'kind:construction_materials': 'Стройматериалы',
    'kind:waste_processor': 'Переработка отходов',
    'kind:logistics': 'Логистика',
    'kind:university': 'Университет',
    'kind:research_institute': 'НИИ',
    'kind:regional_government': 'Органы власти',
    'kind:platform_operator': 'Оператор платформы',
    'kind:service_provider': 'Сервисная компания',
    'kind:other': 'Другое',
    'role:keystone': 'Ключевой',
    'role:core': 'Ядро',
    'role:niche': 'Нишевой',
    'role:institution': 'Институция',
    'role:none': 'Без роли',
    'status:applicant': 'Заявитель',
    'status:member': 'Участник',
    'status:former': 'Бывший участник',
    'status:rejected': 'Отклонён',
    'agg:kemerovo': 'Кемеровская',
    'agg:novokuznetsk': 'Новокузнецкая',
    'agg:leninsk-belovo': 'Ленинск-Беловская',
    'agg:north': 'Северная',
    'agg:none': 'Вне агломераций',
    'site:mine': 'Шахта',
    'site:open_pit': 'Разрез',
    'site:plant': 'Завод / фабрика',
    'site:power_plant': 'Электростанция',
    'site:dump': 'Отвал / накопитель',
    'site:office': 'Офис',
    'site:campus': 'Кампус',
    'site:depot': 'Склад / терминал',
    'site:other': 'Другое',
  },
  {
    'kind:open_pit': 'Open-pit mine',
    'kind:underground_mine': 'Underground mine',
    'kind:preparation_plant': 'Preparation plant',
    'kind:power_plant': 'Power plant',
    'kind:coke_chemical': 'Coke & coal chemistry',
    'kind:chemical': 'Chemicals',
    'kind:construction_materials': 'Construction materials',
    'kind:waste_processor': 'Waste processor',
    'kind:logistics': 'Logistics',
    'kind:university': 'University',
    'kind:research_institute': 'Research institute',
    'kind:regional_government': 'Regional government',
    'kind:platform_operator': 'Platform operator',
    'kind:service_provider': 'Service provider',
    'kind:other': 'Other',
    'role:keystone': 'Keystone',
    'role:core': 'Core',
    'role:niche': 'Niche',
    'role:institution': 'Institution',
    'role:none': 'No role',
    'status:applicant': 'Applicant',
    'status:member': 'Member',
    'status:former': 'Former member',
    'status:rejected': 'Rejected',
    'agg:kemerovo': 'Kemerovo',
    'agg:novokuznetsk': 'Novokuznetsk',
    'agg:leninsk-belovo': 'Leninsk-Belovo',
    'agg:north': 'North',
    'agg:none': 'Outside the agglomerations',
    'site:mine': 'Mine',
    'site:open_pit': 'Open pit',
    'site:plant': 'Plant',
    'site:power_plant': 'Power plant',
    'site:dump': 'Dump / pond',
    'site:office': 'Office',
    'site:campus': 'Campus',
    'site:depot': 'Depot / terminal',
    'site:other': 'Other',
  },
);

/** The example's home region, as organisations record it. */
export const HOME_REGION = 'Кемеровская область — Кузбасс';

/**
 * English names of the regions organisations record (in Russian, as in their registration).
 * A region not listed here is shown as recorded.
 */
const regionsEn: Record<string, string> = {
  [HOME_REGION]: 'Kemerovo Oblast – Kuzbass',
  'Кемеровская область': 'Kemerovo Oblast – Kuzbass',
  Кузбасс: 'Kemerovo Oblast – Kuzbass',
  'Томская область': 'Tomsk Oblast',
  'Новосибирская область': 'Novosibirsk Oblast',
  'Красноярский край': 'Krasnoyarsk Krai',
  'Алтайский край': 'Altai Krai',
  'Республика Алтай': 'Altai Republic',
  'Республика Хакасия': 'Republic of Khakassia',
  'Республика Тыва': 'Tuva Republic',
  'Омская область': 'Omsk Oblast',
  'Иркутская область': 'Irkutsk Oblast',
  'Свердловская область': 'Sverdlovsk Oblast',
  'Челябинская область': 'Chelyabinsk Oblast',
  'Тюменская область': 'Tyumen Oblast',
  Москва: 'Moscow',
  'г. Москва': 'Moscow',
  'Московская область': 'Moscow Oblast',
  'Санкт-Петербург': 'Saint Petersburg',
  'г. Санкт-Петербург': 'Saint Petersburg',
};

/** A region in the user's language. */
export const regionName = (region: string, locale: Locale): string =>
  locale === 'en' ? (regionsEn[region.trim()] ?? region) : region;

/** Russian names of the towns the map and the placement of sites know by their English names. */
const townsRu: Record<string, string> = {
  Kemerovo: 'Кемерово',
  Berezovsky: 'Берёзовский',
  Topki: 'Топки',
  Novokuznetsk: 'Новокузнецк',
  Prokopyevsk: 'Прокопьевск',
  Kiselyovsk: 'Киселёвск',
  Osinniki: 'Осинники',
  Kaltan: 'Калтан',
  Myski: 'Мыски',
  Mezhdurechensk: 'Междуреченск',
  'Leninsk-Kuznetsky': 'Ленинск-Кузнецкий',
  Polysayevo: 'Полысаево',
  Belovo: 'Белово',
  'Anzhero-Sudzhensk': 'Анжеро-Судженск',
  Yurga: 'Юрга',
};

/** A town in the user's language. */
export const townName = (name: string, locale: Locale): string =>
  locale === 'ru' ? (townsRu[name] ?? name) : name;

/** One colour per kind, grouped by family: extraction browns, processing oranges, energy reds, knowledge blues. */
export const kindColours: Record<OrganisationKind, string> = {
  open_pit: '#7a4e2d',
  underground_mine: '#3f2a1d',
  preparation_plant: '#b5651d',
  power_plant: '#c0392b',
  coke_chemical: '#8e44ad',
  chemical: '#d35490',
  construction_materials: '#4f6d7a',
  waste_processor: '#27ae60',
  logistics: '#f1c40f',
  university: '#2e86de',
  research_institute: '#1abc9c',
  regional_government: '#34495e',
  platform_operator: '#0b3d91',
  service_provider: '#e67e22',
  other: '#b8bfc6',
};

export function useLabels() {
  const t = useT(labelsDict);
  return useMemo(
    () => ({
      kind: (k: OrganisationKind) => t(`kind:${k}`),
      role: (r: MembershipRole | null) => t(r ? `role:${r}` : 'role:none'),
      status: (s: OrganisationStatus) => t(`status:${s}`),
      agglomeration: (a: Agglomeration | null) => t(a ? `agg:${a}` : 'agg:none'),
      siteKind: (k: string) => {
        const key = `site:${k}` as const;
        return key in labelsDict.ru ? t(key as keyof typeof labelsDict.ru) : k;
      },
    }),
    [t],
  );
}
