// Column layout of the flat formats (CSV, XLSX): the machine key, the header in each language
// and how a cell is written and read. A code column is followed by a column with its word in
// the reader's language; import reads the code, or the word when the code is left empty.
import type { Lang } from '../../model/index.ts';
import {
  organisationKindWords,
  provenanceFieldWords,
  provenanceWords,
  roleWords,
  siteKindWords,
  type Vocabulary,
  vatRegimeWords,
  type Wording,
} from './labels.ts';

export type ColumnType = 'text' | 'number' | 'boolean' | 'json' | 'date' | 'code' | 'label';
export interface Column {
  key: string;
  label: Wording;
  type: ColumnType;
  /** code and label columns: the words of the codes */
  vocabulary?: Vocabulary;
  /** a label column: the key of the code column it words */
  of?: string;
  /** read from older files, no longer written (the provenance JSON of version 1) */
  legacy?: boolean;
}

const c = (key: string, ru: string, en: string, type: ColumnType = 'text'): Column => ({
  key,
  label: { ru, en },
  type,
});
/** A code column and, after it, the column of its words. */
const coded = (key: string, ru: string, en: string, vocabulary: Vocabulary): Column[] => [
  { ...c(key, ru, en, 'code'), vocabulary },
  { ...c(`${key}Label`, `${ru} (название)`, `${en} (label)`, 'label'), vocabulary, of: key },
];

export const organisationColumns: Column[] = [
  c('id', 'Идентификатор', 'Id'),
  c('name', 'Наименование', 'Name'),
  c('nameEn', 'Наименование (англ.)', 'Name in English'),
  ...coded('kind', 'Вид', 'Kind', organisationKindWords),
  c('inn', 'ИНН', 'INN'),
  c('ogrn', 'ОГРН', 'OGRN'),
  c('kpp', 'КПП', 'KPP'),
  c('okved', 'ОКВЭД', 'OKVED'),
  c('region', 'Регион', 'Region'),
  c('employees', 'Работников', 'Employees', 'number'),
  c('knowledgeWorkers', 'Работников знаний', 'Knowledge workers', 'number'),
  c('website', 'Сайт', 'Website'),
  c('description', 'Описание', 'Description'),
  c('modelledOn', 'Прообраз', 'Modelled on'),
  c('identifiersGenerated', 'Реквизиты сгенерированы', 'Identifiers generated', 'boolean'),
  { ...c('provenance', 'Происхождение данных', 'Provenance', 'json'), legacy: true },
  // English forms last, so that the columns before them keep their places in older files
  c('descriptionEn', 'Описание (англ.)', 'Description in English'),
  c('modelledOnEn', 'Прообраз (англ.)', 'Modelled on, in English'),
  ...coded('vatRegime', 'Режим НДС', 'VAT regime', vatRegimeWords),
];

export const siteColumns: Column[] = [
  c('id', 'Идентификатор', 'Id'),
  c('organisationId', 'Организация', 'Organisation'),
  c('name', 'Наименование', 'Name'),
  ...coded('kind', 'Вид', 'Kind', siteKindWords),
  c('lat', 'Широта', 'Latitude', 'number'),
  c('lon', 'Долгота', 'Longitude', 'number'),
  c('address', 'Адрес', 'Address'),
  c('closedOn', 'Закрыта', 'Closed on', 'date'),
  c('nameEn', 'Наименование (англ.)', 'Name in English'),
  c('addressEn', 'Адрес (англ.)', 'Address in English'),
  // Decree 779's territorial inputs, last so that older files keep their columns' places
  // (flat: a file's cells hold no JSON; formats.ts folds them back into the site's objects)
  c('monotown', 'Моногород', 'Monotown', 'boolean'),
  c(
    'specialTerritoryKind',
    'Особая территория: вид (tor, oez, other)',
    'Special territory: kind (tor, oez, other)',
  ),
  c('specialTerritoryName', 'Особая территория: название', 'Special territory: name'),
  c(
    'territoryStatus',
    'Территория: статус данных (sourced, estimate)',
    'Territory: data status (sourced, estimate)',
  ),
  c('territorySource', 'Территория: источник', 'Territory: source'),
  c('territoryNote', 'Территория: основание', 'Territory: basis'),
  c('territoryNoteEn', 'Территория: основание (англ.)', 'Territory: basis in English'),
];

export const membershipColumns: Column[] = [
  c('id', 'Идентификатор', 'Id'),
  c('organisationId', 'Организация', 'Organisation'),
  ...coded('role', 'Роль', 'Role', roleWords),
  c('joinedOn', 'Вступила', 'Joined on', 'date'),
  c('leftOn', 'Вышла', 'Left on', 'date'),
  c('note', 'Примечание', 'Note'),
  c('noteEn', 'Примечание (англ.)', 'Note in English'),
];

/** Where an organisation's figure comes from: one row per organisation and field. */
export const provenanceColumns: Column[] = [
  c('organisationId', 'Организация', 'Organisation'),
  ...coded('field', 'Поле', 'Field', provenanceFieldWords),
  ...coded('status', 'Статус данных', 'Data status', provenanceWords),
  c('source', 'Источник', 'Source'),
  c('note', 'Примечание', 'Note'),
  c('noteEn', 'Примечание (англ.)', 'Note in English'),
];

export const sections = {
  organisations: {
    columns: organisationColumns,
    label: { ru: 'Организации', en: 'Organisations' },
    record: 'organisation',
  },
  sites: { columns: siteColumns, label: { ru: 'Площадки', en: 'Sites' }, record: 'site' },
  memberships: {
    columns: membershipColumns,
    label: { ru: 'Членство', en: 'Memberships' },
    record: 'membership',
  },
  provenance: {
    columns: provenanceColumns,
    label: { ru: 'Происхождение данных', en: 'Provenance' },
    record: 'provenance',
  },
} as const;
export type Section = keyof typeof sections;
export const sectionNames = Object.keys(sections) as Section[];
/** The sections that are records of their own (provenance belongs to its organisation). */
export type RecordSection = Exclude<Section, 'provenance'>;

export const headerOf = (col: Column, lang: Lang) => col.label[lang];

/**
 * A record's fields named as the file's columns head them («Наименование», not the form's
 * «Название»), for the import's problems: a user looks for the column the problem names.
 */
export const importFieldLabels: Readonly<Record<string, Wording>> = Object.fromEntries(
  [...organisationColumns, ...siteColumns, ...membershipColumns]
    .filter((col) => col.type !== 'label' && !col.legacy)
    .reverse() // the organisation's column wins a key the sections share
    .map((col) => [col.key, col.label]),
);

/** A record's fields that flat files spread over several columns, named as a whole. */
const foldedFields: Readonly<Record<string, Wording>> = {
  specialTerritory: { ru: 'Особая территория', en: 'Special territory' },
  territoryProvenance: { ru: 'Территория: данные', en: 'Territory: data' },
};

/** A field of a section's record as the file's column heads it, in `lang`. */
export function fieldHeader(section: RecordSection, key: string, lang: Lang): string {
  const col = sections[section].columns.find((c) => c.key === key && c.type !== 'label');
  return (col?.label ?? foldedFields[key])?.[lang] ?? key;
}
