// The knowledge module's messages and field labels, in Russian and English.
import { defineLabels, defineMessages } from '../model/messages.ts';

export const messages = defineMessages('knowledge', {
  invalidAsset: { en: 'Invalid knowledge asset', ru: 'Неверные данные о знании' },
  invalidProfile: { en: 'Invalid expertise profile', ru: 'Неверные данные профиля эксперта' },
  invalidProject: { en: 'Invalid R&D project', ru: 'Неверные данные проекта НИОКР' },
  // no id in the words: a record hidden from the reader reads as one that does not exist
  assetNotFound: {
    en: 'No such knowledge asset, or it is not open to you',
    ru: 'Такого знания нет, или оно вам не открыто',
  },
  profileNotFound: {
    en: 'No such expertise profile, or it is not open to you',
    ru: 'Такого профиля эксперта нет, или он вам не открыт',
  },
  projectNotFound: {
    en: 'No such R&D project, or it is not open to you',
    ru: 'Такого проекта НИОКР нет, или он вам не открыт',
  },
  listingNotFound: { en: 'Listing {id} does not exist', ru: 'Объявления {id} нет' },
  idTaken: { en: '{id} exists', ru: '{id} уже есть' },
  unknownOrganisation: { en: 'unknown organisation {id}', ru: 'неизвестная организация {id}' },
  unknownMaterial: { en: 'unknown material {id}', ru: 'неизвестный материал {id}' },
  unknownUse: { en: 'unknown process {id}', ru: 'неизвестный процесс {id}' },
  unknownAsset: { en: 'unknown knowledge asset {id}', ru: 'неизвестное знание {id}' },
  requiredForOperator: { en: 'required for the operator', ru: 'обязательно для оператора' },
  membersOnly: {
    en: 'Only members of the cluster may do this',
    ru: 'Это доступно только участникам кластера',
  },
  askingOwnOrganisation: {
    en: 'This belongs to your own organisation: no request through the cluster is needed',
    ru: 'Это запись вашей организации: запрос через кластер не нужен',
  },
  notLicensable: {
    en: 'Asset {id} has no licence terms to grant',
    ru: 'У знания {id} нет условий лицензии',
  },
  invalidOpening: {
    en: 'Invalid course, internship or vacancy',
    ru: 'Неверные данные курса, стажировки или вакансии',
  },
  openingNotFound: {
    en: 'No such course, internship or vacancy, or it is not open to you',
    ru: 'Такого курса, стажировки или вакансии нет, или они вам не открыты',
  },
  // reasons of the human-potential matching
  reasonGap: {
    en: 'closes the gap in «{competence}» {where}: asked at level {demanded}, held at {present}; teaches to level {level}',
    ru: 'закрывает дефицит компетенции «{competence}» {where}: нужен уровень {demanded}, есть {present}; обучает до уровня {level}',
  },
  reasonGapNarrowed: {
    en: 'narrows the gap in «{competence}» {where}: asked at level {demanded}, held at {present}; teaches to level {level}',
    ru: 'сокращает дефицит компетенции «{competence}» {where}: нужен уровень {demanded}, есть {present}; обучает до уровня {level}',
  },
  whereCluster: { en: 'in the cluster', ru: 'в кластере' },
  whereOrganisation: { en: 'at {organisation}', ru: 'в организации {organisation}' },
  reasonMissing: {
    en: 'teaches «{competence}» to level {level}; the person holds {has}',
    ru: 'обучает компетенции «{competence}» до уровня {level}; у человека уровень {has}',
  },
  reasonHolds: {
    en: 'asks «{competence}» at level {level}; the person holds {has}',
    ru: 'требуется «{competence}» уровня {level}; у человека уровень {has}',
  },
  // reasons of "who can help"
  reasonCompetence: {
    en: 'competence «{competence}», level {level} of 5',
    ru: 'компетенция «{competence}», уровень {level} из 5',
  },
  reasonComplements: {
    en: 'brings «{competence}», which the asking side lacks',
    ru: 'дополняет: у запрашивающей стороны нет компетенции «{competence}»',
  },
  reasonProject: {
    en: 'worked with {organisation} in the project «{project}»',
    ru: 'работали с {organisation} в проекте «{project}»',
  },
  reasonDeal: {
    en: 'an agreed deal with {organisation} ({deal})',
    ru: 'согласованная сделка с {organisation} ({deal})',
  },
});

/** Rules stated by the schemas (their message is the code). */
export const rules = defineMessages('knowledge.rule', {
  needsTitle: {
    en: 'a title in Russian or English is needed',
    ru: 'нужно название на русском или английском',
  },
  needsAudience: {
    en: 'name the organisations that may see it',
    ru: 'укажите организации, которым это видно',
  },
  needsPersonName: { en: 'the person is needed', ru: 'нужно указать человека' },
  needsLead: { en: 'a project needs one lead', ru: 'у проекта должен быть один руководитель' },
});

defineLabels({
  titleRu: { en: 'Title (Russian)', ru: 'Название (рус.)' },
  titleEn: { en: 'Title (English)', ru: 'Название (англ.)' },
  trl: { en: 'Readiness level (TRL)', ru: 'Уровень готовности (УГТ)' },
  audience: { en: 'Organisations that may see it', ru: 'Организации с доступом' },
  materialIds: { en: 'Materials', ru: 'Материалы' },
  processIds: { en: 'Processes', ru: 'Процессы' },
  competences: { en: 'Competences', ru: 'Компетенции' },
  participants: { en: 'Participants', ru: 'Участники' },
  budgetKopecks: { en: 'Budget', ru: 'Бюджет' },
});
