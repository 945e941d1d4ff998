// The deals module's messages, in Russian and English.
import { listingLimits } from '../exchange/index.ts';
import { defineLabels, defineMessages, wordOf } from '../model/messages.ts';
import { vatRegimeWords, type Wording } from '../model/vocabulary.ts';
import { wordNumber } from '../model/wording.ts';
import type { LicenceCheck, LicensedActivity } from './engine/licences.ts';
import type { DealActionName, DealStateName, Side } from './engine/negotiation.ts';

// A deal's states, sides and actions in words, as the web app shows them (web/src/deals/dict.ts):
// a message keeps the code in its params and reads it as the word.

/** A deal's state as a predicate of «сделка»: «сделка предложена», 'the deal is offered'. */
export const dealStateWords: Readonly<Record<DealStateName, Wording>> = {
  requested: { ru: 'запрошена', en: 'requested' },
  offered: { ru: 'предложена', en: 'offered' },
  accepted: { ru: 'принята', en: 'accepted' },
  agreed: { ru: 'согласована', en: 'agreed' },
  active: { ru: 'исполняется', en: 'active' },
  completed: { ru: 'завершена', en: 'completed' },
  terminated: { ru: 'прекращена', en: 'terminated' },
};

/** A side of a deal: «поставщик», 'provider'. */
export const dealSideWords: Readonly<Record<Side, Wording>> = {
  provider: { ru: 'поставщик', en: 'supplier' },
  consumer: { ru: 'потребитель', en: 'consumer' },
};

/** An action on a deal, as its button reads: «Встречное предложение», 'Counter-offer'. */
export const dealActionWords: Readonly<Record<DealActionName, Wording>> = {
  offer: { ru: 'Предложить условия', en: 'Offer terms' },
  counter: { ru: 'Встречное предложение', en: 'Counter-offer' },
  accept: { ru: 'Принять', en: 'Accept' },
  agree: { ru: 'Согласовать', en: 'Agree' },
  activate: { ru: 'Начать поставки', en: 'Start deliveries' },
  complete: { ru: 'Завершить', en: 'Complete' },
  terminate: { ru: 'Прекратить', en: 'Terminate' },
};

/** A licensed activity after «лицензия на»: «утилизацию», 'utilisation'. */
export const licensedActivityWords: Readonly<Record<LicensedActivity, Wording>> = {
  collection: { ru: 'сбор', en: 'collection' },
  transport: { ru: 'транспортирование', en: 'transport' },
  processing: { ru: 'обработку', en: 'processing' },
  utilisation: { ru: 'утилизацию', en: 'utilisation' },
  neutralisation: { ru: 'обезвреживание', en: 'neutralisation' },
  placement: { ru: 'размещение', en: 'placement' },
};

/** Whose licence a check looks for: «получатель», 'receiver'. */
export const licenceRoleWords: Readonly<Record<LicenceCheck['role'], Wording>> = {
  receiver: { ru: 'получатель отходов', en: 'receiver of the waste' },
  carrier: { ru: 'перевозит отходы', en: 'carries the waste' },
};

const state = wordOf(dealStateWords);
const action = wordOf(dealActionWords);

const activity = wordOf(licensedActivityWords);
const role = wordOf(licenceRoleWords);

export const messages = defineMessages('deals', {
  // waste licences (89-ФЗ art. 9): {activity} and {role} are codes, read as their words
  licenceFound: {
    en: '{holder} ({role}): licence No. {number} for {activity} of class {hazardClass} waste, permanent',
    ru: '{holder} ({role}): лицензия № {number} на {activity} отходов {hazardClass} класса опасности, бессрочная',
    as: { activity, role },
  },
  licenceFoundUntil: {
    en: '{holder} ({role}): licence No. {number} for {activity} of class {hazardClass} waste, valid until {validUntil}',
    ru: '{holder} ({role}): лицензия № {number} на {activity} отходов {hazardClass} класса опасности, действует до {validUntil}',
    as: { activity, role },
  },
  licenceMissing: {
    en: "{holder} ({role}): no licence for {activity} of class {hazardClass} waste on the platform's register. Federal Law 89-FZ (art. 9) requires one: ask for it before the waste is handed over",
    ru: '{holder} ({role}): в реестре платформы нет лицензии на {activity} отходов {hazardClass} класса опасности. Она обязательна (89-ФЗ, ст. 9): запросите её до передачи отходов',
    as: { activity, role },
  },
  licenceExpired: {
    en: '{holder} ({role}): licence No. {number} for {activity} of class {hazardClass} waste is not valid on {on} (valid until {validUntil}). Federal Law 89-FZ (art. 9) requires a valid one',
    ru: '{holder} ({role}): лицензия № {number} на {activity} отходов {hazardClass} класса опасности не действует на {on} (срок — до {validUntil}). Нужна действующая (89-ФЗ, ст. 9)',
    as: { activity, role },
  },
  licenceRail: {
    en: 'Carried by rail: RZD transports the waste under its own licence; the parties need none for the carriage',
    ru: 'Перевозка по железной дороге: отходы транспортирует ОАО «РЖД» по своей лицензии, сторонам лицензия на транспортирование не нужна',
  },
  licenceNotRequired: {
    en: 'Class V waste ({fkko}): no licence is needed',
    ru: 'Отходы V класса опасности ({fkko}): лицензия не нужна',
  },
  licenceNoCode: {
    en: 'The deal names no FKKO code: whether a licence is needed is not known',
    ru: 'У сделки нет кода ФККО: нужна ли лицензия, неизвестно',
  },
  licenceRegisterOnly: {
    en: "Checked against the licences the organisations recorded on the platform, not against Rosprirodnadzor's register; the deal is not blocked",
    ru: 'Проверено по лицензиям, которые организации внесли на платформу, а не по реестру Росприроднадзора; сделка не блокируется',
  },
  invalidDeal: { en: 'Invalid deal', ru: 'Неверные условия сделки' },
  invalidDelivery: { en: 'Invalid delivery', ru: 'Неверные данные поставки' },
  dealNotFound: { en: 'There is no such deal', ru: 'Такой сделки нет' },
  deliveryNotFound: { en: 'There is no such delivery', ru: 'Такой поставки нет' },
  notAParty: {
    en: 'Only the two parties of a deal (and the operator) see and move it',
    ru: 'Сделку видят и ведут только её стороны (и оператор)',
  },
  observersRead: {
    en: 'An observer reads deals but does not negotiate',
    ru: 'Наблюдатель видит сделки, но не ведёт переговоры',
  },
  // {state}, {turn} and {action} are codes (offered, consumer, counter), read as their words
  notYourTurn: {
    en: 'Deal {id} is {state}; it is the {turn}’s turn to move it',
    ru: 'Сделка {id} {state}; сейчас ходит другая сторона — {turn}',
    as: { state, turn: wordOf(dealSideWords) },
  },
  stateForbids: {
    en: 'Deal {id} is {state}: “{action}” is not possible now',
    ru: 'Сделка {id} {state}: действие «{action}» сейчас невозможно',
    as: { state, action },
  },
  closed: {
    en: 'Deal {id} is {state}: it no longer changes',
    ru: 'Сделка {id} {state} и больше не меняется',
    as: { state },
  },
  termsRequired: {
    en: '“{action}” changes the terms: send the terms',
    ru: 'Действие «{action}» меняет условия: укажите условия',
    as: { action },
  },
  termsNotAllowed: {
    en: '“{action}” takes the terms as they are: send no terms',
    ru: 'Действие «{action}» принимает условия как есть: не указывайте условия',
    as: { action },
  },
  staleVersion: {
    en: 'Deal {id} changed meanwhile (version {version} now): reload it and try again',
    ru: 'Сделка {id} уже изменилась (теперь версия {version}): обновите её и повторите',
  },
  deviceLotsOnlyFromLink: {
    en: 'A lot weighed by a device is posted by the platform from a weighbridge linked to the deal; a person records a lot as manual or imported',
    ru: 'Партию, взвешенную прибором, проводит платформа по весам, привязанным к сделке; человек записывает партию вручную или импортом',
  },
  sideNeeded: {
    en: 'The operator names the side it declares for (declaredBy)',
    ru: 'Оператор указывает, за какую сторону он заявляет (declaredBy)',
  },
  notActive: {
    en: 'Deliveries are recorded against an active deal; deal {id} is {state}',
    ru: 'Поставки учитываются только по исполняемой сделке; сделка {id} {state}',
    as: { state },
  },
  futureDelivery: {
    en: 'a delivery is recorded once it has happened: the date is after today',
    ru: 'поставка записывается после того, как состоялась: дата позже сегодняшней',
  },
  schedulePast: {
    en: 'the deliveries would end on {to}, before today ({today}): a deal plans deliveries still to come (past ones are recorded on an active deal)',
    ru: 'поставки закончились бы {to}, раньше сегодняшнего дня ({today}): сделка планирует предстоящие поставки (прошедшие записываются по исполняемой сделке)',
    as: { to: 'moment', today: 'moment' },
  },
  beforeDeal: {
    en: 'a lot of this deal is dated {from} or later (the deal was opened, or its schedule begins, then)',
    ru: 'партия по этой сделке датируется не ранее {from} (тогда сделка открыта или начинаются поставки по ней)',
    as: { from: 'moment' },
  },
  noVatRate: {
    en: 'no VAT rate on record for this date (the table starts on {from})',
    ru: 'на эту дату ставка НДС не известна (таблица ставок начинается с {from})',
  },
  beyondContractUnconfirmed: {
    en: 'with this lot {delivered} will have been delivered against {contracted} contracted (tolerance {tolerancePct} %). If that is so, tick “Beyond the contract: record it”',
    ru: 'с этой партией поставлено будет {delivered} при договоре на {contracted} (допуск {tolerancePct} %). Если так и есть, отметьте «Сверх договора: записать»',
    as: { delivered: 'quantity', contracted: 'quantity' },
  },
  badConfirmation: {
    en: "a confirmation names the other side's declaration of a lot of this deal",
    ru: 'подтверждение должно ссылаться на заявление другой стороны о партии этой сделки',
  },
  sameParties: {
    en: 'the supplier and the consumer must be two different organisations',
    ru: 'поставщик и потребитель должны быть разными организациями',
  },
  ownSide: {
    en: 'your organisation must be one side of the deal',
    ru: 'ваша организация должна быть одной из сторон сделки',
  },
  unknownOrganisation: { en: 'no such member organisation', ru: 'такой организации-участника нет' },
  unknownMaterial: { en: 'no such material', ru: 'такого материала нет' },
  materialUnit: {
    en: "a deal is counted in its material's unit: in {unit}",
    ru: 'сделка учитывается в единице её материала: в {unit}',
    as: { unit: 'unitName' },
  },
  unknownListing: { en: 'no such active listing', ru: 'такого действующего объявления нет' },
  notTheListings: {
    en: 'a deal on a listing is with its holder, in its material: this differs from the listing',
    ru: 'сделка по объявлению заключается с его владельцем и по его материалу: здесь иначе, чем в объявлении',
  },
  required: { en: 'required', ru: 'обязательное поле' },
  columnMissing: { en: 'the file has no column {column}', ru: 'в файле нет столбца {column}' },
  // the library's own reason (zip internals, in English) helps no user: say what to do
  notXlsx: {
    en: 'the file is not an Excel workbook (.xlsx): save it from Excel as an .xlsx workbook and choose it again',
    ru: 'файл не является книгой Excel (.xlsx): сохраните его в Excel как книгу .xlsx и выберите снова',
  },
  invalidImport: {
    en: 'The file was not imported: each bad row is named',
    ru: 'Файл не загружен: указана каждая строка с ошибкой',
  },
  invalidLink: { en: 'The device was not linked', ru: 'Устройство не привязано' },
  notOwnDevice: {
    en: "no such device of the side's organisation",
    ru: 'у организации этой стороны нет такого устройства',
  },
  vatRegimeChanged: {
    en: '{organisation} changed its VAT regime from “{from}” to “{to}”. Lots recorded from now on are charged under the new regime; lots recorded before stay as they were.',
    ru: '{organisation} сменила режим НДС: был «{from}», стал «{to}». Лоты, внесённые с этого момента, считаются по новому режиму; внесённые раньше остаются как были.',
    as: { from: wordOf(vatRegimeWords), to: wordOf(vatRegimeWords) },
  },
  weighingRefused: {
    en: 'The weighing {messageId} of weighbridge {deviceId} ({net} t, {ts}) was not posted as a delivery: {reason}',
    ru: 'Взвешивание {messageId} весов {deviceId} ({net} т, {ts}) не проведено как поставка: {reason}',
    as: { ts: 'moment' },
  },
  notWeighbridge: {
    en: 'the device is not a weighbridge (its profile is {profile})',
    ru: 'устройство не является весами (его профиль {profile})',
  },
  notTonnes: {
    en: 'a weighbridge weighs in tonnes; this deal counts in {unit}',
    ru: 'весы взвешивают в тоннах, а сделка учитывается в {unit}',
    as: { unit: 'unitName' },
  },
  deviceLinkedElsewhere: {
    en: 'Device {deviceId} is already linked to deal {dealId}: revoke that link first',
    ru: 'Устройство {deviceId} уже привязано к сделке {dealId}: сначала отзовите ту привязку',
  },
  dealHasWeighbridge: {
    en: 'Deal {id} already has a weighbridge ({deviceId}): revoke that link first',
    ru: 'К сделке {id} уже привязаны весы ({deviceId}): сначала отзовите ту привязку',
  },
  linkNotFound: {
    en: 'There is no such device link on this deal',
    ru: 'Такой привязки устройства к этой сделке нет',
  },
  linkRevoked: {
    en: 'The link of device {deviceId} was revoked on {revokedAt}',
    ru: 'Привязка устройства {deviceId} отозвана {revokedAt}',
    as: { revokedAt: 'moment' },
  },
  observersNoLedger: {
    en: 'Observers do not see the books',
    ru: 'Наблюдателям бухгалтерские записи недоступны',
  },
  impactOwnOnly: {
    en: 'The impact ledger shows a member the cluster and its own organisation only',
    ru: 'Реестр эффекта показывает участнику кластер и только его собственную организацию',
  },
  form2tpOwn: {
    en: 'Form 2-TP of an organisation is for its own users and the operator',
    ru: 'Форма 2-ТП организации доступна только её пользователям и оператору',
  },
  form2tpWriters: {
    en: 'Only a member or an administrator of the organisation (or the operator) stores its 2-TP figures',
    ru: 'Данные формы 2-ТП организации вносят только её участники и администраторы (или оператор)',
  },
  invalidForm2tp: { en: 'Invalid 2-TP figures', ru: 'Неверные данные формы 2-ТП' },
  noSite: {
    en: 'Organisation {organisationId} has no site in the registry: the territorial counterfactual of deal {id} needs both parties’ sites',
    ru: 'У организации {organisationId} нет площадки в реестре: для территориального сценария сделки {id} нужны площадки обеих сторон',
  },
});

/** The rules schemas state (carried through zod as codes). */
export const rules = defineMessages('deals.rule', {
  // the bounds named with their figures (exchange/limits.ts), the unit being the deal's
  quantityLimit: {
    en: `beyond any real stream (at most ${wordNumber(listingLimits.quantityPerYear, 'en')} units)`,
    ru: `больше любого реального потока (не больше ${wordNumber(listingLimits.quantityPerYear, 'ru')} единиц)`,
  },
  moneyPerUnitLimit: {
    en: `beyond any real price per unit (at most ${wordNumber(listingLimits.kopecksPerUnit / 100, 'en')} RUB per unit)`,
    ru: `больше любой реальной цены за единицу (не больше ${wordNumber(listingLimits.kopecksPerUnit / 100, 'ru')} ₽ за единицу)`,
  },
  moneyPerUnitFloor: {
    en: `beyond any real gate fee per unit (at least −${wordNumber(listingLimits.kopecksPerUnit / 100, 'en')} RUB per unit)`,
    ru: `больше любой реальной платы за приём (не меньше −${wordNumber(listingLimits.kopecksPerUnit / 100, 'ru')} ₽ за единицу)`,
  },
  scheduleOrder: {
    en: 'the schedule ends on or after it starts',
    ru: 'срок поставок должен заканчиваться не раньше начала',
  },
  scheduleTooLong: {
    en: 'a schedule runs ten years at most from its first day',
    ru: 'срок поставок — не больше десяти лет от его начала',
  },
  fkkoOnce: { en: 'each FKKO code once', ru: 'каждый код ФККО — один раз' },
  partOfWhole: {
    en: 'no more than the column it is part of (utilised or neutralised)',
    ru: 'не больше графы, частью которой является (утилизировано или обезврежено)',
  },
  sha256: { en: '64 lowercase hex digits', ru: '64 шестнадцатеричные цифры в нижнем регистре' },
});

// the names people see beside a deal's fields, for error answers (not the API's paths)
defineLabels({
  quantity: { en: 'Quantity', ru: 'Количество' },
  schedule: { en: 'Schedule', ru: 'График' },
  from: { en: 'From', ru: 'Начало' },
  to: { en: 'To', ru: 'Окончание' },
  // a deal's schedule, as its form names the boxes
  'schedule.from': { en: 'Deliveries from', ru: 'Поставки с' },
  'schedule.to': { en: 'Deliveries to', ru: 'Поставки по' },
  transportKopecksPerUnit: { en: 'Transport per unit', ru: 'Перевозка за единицу' },
  tolerancePct: { en: 'Tolerance, %', ru: 'Допуск, %' },
  wastePurpose: {
    en: 'What the receiver does with the waste',
    ru: 'Что получатель делает с отходами',
  },
  deliveredOn: { en: 'Delivery date', ru: 'Дата поставки' },
  method: { en: 'Method', ru: 'Способ' },
  declaredBy: { en: 'Declared by', ru: 'Кто заявил' },
  providerId: { en: 'Supplier', ru: 'Поставщик' },
  consumerId: { en: 'Consumer', ru: 'Потребитель' },
  material: { en: 'Material', ru: 'Материал' },
  message: { en: 'Message', ru: 'Сообщение' },
});
