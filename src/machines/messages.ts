// The machines module's messages, in Russian and English: device registry, telemetry
// ingestion (each rejection reason is a code, counted per device) and reads.
import { defineLabels, defineMessages, wordOf } from '../model/messages.ts';
import { siteKindWords } from '../model/vocabulary.ts';

/** The profiles' units (international symbols) as each language writes them. */
const instrumentUnitWords = {
  kW: { en: 'kW', ru: 'кВт' },
  't/h': { en: 't/h', ru: 'т/ч' },
  t: { en: 't', ru: 'т' },
  'kg/m³': { en: 'kg/m³', ru: 'кг/м³' },
  mm: { en: 'mm', ru: 'мм' },
  'm³/h': { en: 'm³/h', ru: 'м³/ч' },
  '%': { en: '%', ru: '%' },
} as const;

export const messages = defineMessages('machines', {
  invalidDevice: { en: 'Invalid device', ru: 'Неверные данные устройства' },
  deviceNotFound: { en: 'Device {id} does not exist', ru: 'Устройства {id} нет' },
  unknownProfile: { en: 'unknown device profile {id}', ru: 'неизвестный профиль устройства {id}' },
  unknownOrganisation: { en: 'unknown organisation {id}', ru: 'неизвестная организация {id}' },
  notOwnSite: {
    en: "not a site of the device's organisation",
    ru: 'это площадка не той организации, чьё устройство',
  },
  siteClosed: { en: 'closed on {closedOn}', ru: 'площадка закрыта {closedOn}' },
  requiredForOperator: { en: 'required for the operator', ru: 'обязательно для оператора' },
  tokenOwnOnly: {
    en: "A device's token goes only to its own organisation's administrators: the platform operator may not receive it",
    ru: 'Токен устройства получают только администраторы его организации; оператор платформы получить его не может',
  },
  badDeviceToken: {
    en: 'The device token is missing, unknown or replaced',
    ru: 'Токен устройства не указан, неизвестен или заменён',
  },
  // ingestion: why a message was refused (nothing of it is stored)
  rejected: { en: 'The telemetry was refused', ru: 'Телеметрия отклонена' },
  notJson: { en: 'not JSON', ru: 'не JSON' },
  notObject: { en: 'must be a JSON object', ru: 'должно быть объектом JSON' },
  noPoints: {
    en: 'give one point or "points" with 1 to {max}',
    ru: 'нужна одна точка или "points" из 1–{max}',
  },
  tooManyPoints: {
    en: 'at most {max} points in one message, not {count}',
    ru: 'не больше {max} точек в одном сообщении, а не {count}',
  },
  deviceNamed: {
    en: 'a batch names its device (device: its id)',
    ru: 'в пакете указывается устройство (device: его идентификатор)',
  },
  otherDevice: {
    en: 'the token is of another device than {device}',
    ru: 'токен другого устройства, не {device}',
  },
  otherTopic: {
    en: 'a device publishes only to its own telemetry topic',
    ru: 'устройство публикует только в свой топик телеметрии',
  },
  badId: {
    en: 'a string of 1 to {max} printable characters',
    ru: 'строка из 1–{max} печатных символов',
  },
  badTs: {
    en: 'RFC 3339 time with a zone, e.g. 2026-11-29T10:00:00Z',
    ru: 'время RFC 3339 с часовым поясом, например 2026-11-29T10:00:00Z',
  },
  tooOld: {
    en: 'older than the profile keeps ({days} days)',
    ru: 'старше срока хранения профиля ({days} дн.)',
  },
  inFuture: {
    en: 'more than {minutes} minutes ahead of the server clock',
    ru: 'опережает часы сервера больше чем на {minutes} мин.',
  },
  noValues: { en: 'at least one value', ru: 'нужно хотя бы одно значение' },
  unknownKey: {
    en: 'profile {profile} has no key {key}',
    ru: 'в профиле {profile} нет ключа {key}',
  },
  notFinite: { en: 'a finite number', ru: 'конечное число' },
  beyondLimits: {
    en: 'from {min} to {max} {unit}: what an instrument of profile {profile} can read',
    ru: 'от {min} до {max} {unit}: столько может показать прибор профиля {profile}',
    as: { min: 'number', max: 'number', unit: wordOf(instrumentUnitWords) },
  },
  // reads
  invalidQuery: { en: 'Invalid telemetry query', ru: 'Неверный запрос телеметрии' },
  keyNotInProfile: {
    en: 'profile {profile} has no key {key}',
    ru: 'в профиле {profile} нет ключа {key}',
  },
  toBeforeFrom: { en: '"to" must be after "from"', ru: '"to" должно быть позже "from"' },
  tooManyPointsToRead: {
    en: 'more than {max} points: narrow the range or use a bucket',
    ru: 'больше {max} точек: сузьте интервал или укажите bucket',
  },
  aggWithoutBucket: { en: 'agg goes with bucket', ru: 'agg указывается вместе с bucket' },
  // the plant, its KPIs and alarms
  siteNotFound: { en: 'Site {id} does not exist', ru: 'Площадки {id} нет' },
  invalidPlant: { en: 'Invalid plant', ru: 'Неверное описание фабрики' },
  noPlant: {
    // one wording whether it is undescribed or another organisation's: a 404 does not tell
    en: "No plant you may see at site {id}: a plant is its organisation's, and an administrator of the site's organisation describes it",
    ru: 'На площадке {id} нет фабрики, доступной вам: данные фабрики принадлежат её организации, описывает её администратор организации площадки',
  },
  // {kind} is the site's kind code (dump), read as its word; the kinds named are limits.ts plantSiteKinds
  notPlantSite: {
    en: 'Site “{nameEn}” is of kind “{kind}”: a plant is described only at a site of kind “Plant”, “Mine” or “Open pit”',
    ru: 'Площадка «{name}» вида «{kind}»: фабрику описывают только на площадке вида «Завод / фабрика», «Шахта» или «Разрез»',
    as: { kind: wordOf(siteKindWords) },
  },
  notAtSite: { en: 'not a device of site {siteId}', ru: 'не устройство площадки {siteId}' },
  wrongProfile: {
    en: 'must be a device of profile {profile}',
    ru: 'должно быть устройство профиля {profile}',
  },
  sameBelt: {
    en: "another belt scale than the feed's: one belt cannot weigh both",
    ru: 'другие весы, не те же, что у питания: одни весы не взвешивают и то и другое',
  },
  rangeTooLong: { en: 'at most {days} days', ru: 'не больше {days} дн.' },
  alarmNotFound: { en: 'Alarm {id} does not exist', ru: 'Тревоги {id} нет' },
  alarmCleared: {
    en: 'Alarm {id} is already cleared',
    ru: 'Тревога {id} уже снята',
  },
  // an organisation's own alarm rules
  profileNotFound: { en: 'Device profile {id} does not exist', ru: 'Профиля устройства {id} нет' },
  rulesForOrganisation: {
    en: "Alarm rules are an organisation's: sign in as one of its users",
    ru: 'Правила тревог задаёт организация: войдите как её пользователь',
  },
  invalidRules: { en: 'Invalid alarm rules', ru: 'Неверные правила тревог' },
  duplicateId: { en: 'another rule has this id', ru: 'у другого правила тот же id' },
  unknownKey2: {
    en: 'not a key of profile {profile}',
    ru: 'не ключ профиля {profile}',
  },
  noLimit: { en: 'give a minimum, a maximum or both', ru: 'укажите минимум, максимум или оба' },
  minNotBelowMax: {
    en: 'the maximum must be above the minimum',
    ru: 'максимум должен быть больше минимума',
  },
  badHysteresis: {
    en: 'from 0 to less than the band (maximum − minimum)',
    ru: 'от 0 до меньше ширины диапазона (максимум − минимум)',
  },
  perMinuteNotPositive: {
    en: 'a change per minute above 0',
    ru: 'изменение в минуту больше 0',
  },
  ruleIdShape: {
    en: 'a short code in lower-case Latin letters, digits and dashes, starting with a letter (ash-high)',
    ru: 'короткий код из строчных латинских букв, цифр и дефисов, начиная с буквы (ash-high)',
  },
  minutesOutOfRange: {
    en: 'whole minutes from 1 to {max}',
    ru: 'целое число минут от 1 до {max}',
  },
  noTarget: {
    en: 'a plant sets no target for this reading: give the limits as values',
    ru: 'для этого показателя фабрика не задаёт цель: укажите границы значениями',
  },
});

// the names people see beside an alarm rule's fields (`rules.0.max`), for error answers
defineLabels({
  'rules.id': { en: 'Rule code', ru: 'Код правила' },
  'rules.key': { en: 'Reading', ru: 'Показатель' },
  'rules.severity': { en: 'Severity', ru: 'Важность' },
  'rules.min': { en: 'Minimum', ru: 'Минимум' },
  'rules.max': { en: 'Maximum', ru: 'Максимум' },
  'rules.hysteresis': { en: 'Hysteresis', ru: 'Гистерезис' },
  'rules.perMinute': { en: 'Change per minute', ru: 'Изменение за минуту' },
  'rules.minutes': { en: 'Minutes without data', ru: 'Минут без данных' },
  'rules.relativeTo': { en: "From the plant's target", ru: 'От цели фабрики' },
});

// the names people see beside the fields of a plant's description, for error answers
defineLabels({
  feedDeviceId: { en: 'Feed belt scale', ru: 'Весы питания' },
  productDeviceId: { en: 'Concentrate belt scale', ru: 'Весы концентрата' },
  ashDeviceId: { en: 'Ash analyser', ru: 'Золомер' },
  densityDeviceId: { en: 'Densimeter', ru: 'Плотномер' },
  powerDeviceId: { en: 'Power meter', ru: 'Счётчик электроэнергии' },
  ashTargetPct: { en: 'Target concentrate ash', ru: 'Целевая зольность концентрата' },
  densityTargetKgm3: { en: 'Target medium density', ru: 'Целевая плотность суспензии' },
  runningAboveTph: { en: 'The plant runs from', ru: 'Фабрика работает от' },
});
