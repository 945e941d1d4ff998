/** Column layout of the flat formats (CSV, XLSX): machine key and the Russian label Excel users see. */
export type ColumnType = 'text' | 'number' | 'boolean' | 'json';
export interface Column {
  key: string;
  label: string;
  type: ColumnType;
}

const c = (key: string, label: string, type: ColumnType = 'text'): Column => ({ key, label, type });

export const organisationColumns: Column[] = [
  c('id', 'Идентификатор'),
  c('name', 'Наименование'),
  c('nameEn', 'Наименование (англ.)'),
  c('kind', 'Вид'),
  c('inn', 'ИНН'),
  c('ogrn', 'ОГРН'),
  c('kpp', 'КПП'),
  c('okved', 'ОКВЭД'),
  c('region', 'Регион'),
  c('employees', 'Работников', 'number'),
  c('knowledgeWorkers', 'Работников знаний', 'number'),
  c('website', 'Сайт'),
  c('description', 'Описание'),
  c('modelledOn', 'Прообраз'),
  c('identifiersGenerated', 'Реквизиты сгенерированы', 'boolean'),
  c('provenance', 'Происхождение данных', 'json'),
  // English forms last, so that the columns before them keep their places in older files
  c('descriptionEn', 'Описание (англ.)'),
  c('modelledOnEn', 'Прообраз (англ.)'),
];

export const siteColumns: Column[] = [
  c('id', 'Идентификатор'),
  c('organisationId', 'Организация'),
  c('name', 'Наименование'),
  c('kind', 'Вид'),
  c('lat', 'Широта', 'number'),
  c('lon', 'Долгота', 'number'),
  c('address', 'Адрес'),
  c('closedOn', 'Закрыта'),
  c('nameEn', 'Наименование (англ.)'),
  c('addressEn', 'Адрес (англ.)'),
];

export const membershipColumns: Column[] = [
  c('id', 'Идентификатор'),
  c('organisationId', 'Организация'),
  c('role', 'Роль'),
  c('joinedOn', 'Вступила'),
  c('leftOn', 'Вышла'),
  c('note', 'Примечание'),
  c('noteEn', 'Примечание (англ.)'),
];

export const sections = {
  organisations: { columns: organisationColumns, label: 'Организации', record: 'organisation' },
  sites: { columns: siteColumns, label: 'Площадки', record: 'site' },
  memberships: { columns: membershipColumns, label: 'Членство', record: 'membership' },
} as const;
export type Section = keyof typeof sections;
export const sectionNames = Object.keys(sections) as Section[];
