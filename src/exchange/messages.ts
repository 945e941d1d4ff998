// The exchange's messages and field labels, in Russian and English.
import { countOf, defineLabels, defineMessages, type Message, wordOf } from '../model/messages.ts';
import type { Wording } from '../model/vocabulary.ts';
import { unitSymbol, wordNumber } from '../model/wording.ts';
import type { UnlinkedReason } from './engine/candidates.ts';
import type { LeftOutAgreement } from './engine/plan.ts';
import { heatLimits, type LimitUnit, limitUnits, listingLimits } from './limits.ts';
import type { ListingStatus } from './schema.ts';

/** A listing's status as its badge in the web app reads it (web/src/exchange/labels.ts). */
export const listingStatusWords: Readonly<Record<ListingStatus, Wording>> = {
  draft: { ru: 'черновик', en: 'draft' },
  active: { ru: 'активно', en: 'active' },
  expired: { ru: 'истекло', en: 'expired' },
  withdrawn: { ru: 'снято', en: 'withdrawn' },
};

/** Why a plan left an agreed match out (engine/plan.ts LeftOutAgreement, candidates.ts UnlinkedReason). */
export const agreedLeftOutReasonWords: Readonly<
  Record<Exclude<LeftOutAgreement['reason'], 'link'> | UnlinkedReason, Wording>
> = {
  quantity: {
    en: "a listing's yearly quantity no longer leaves room for the agreed quantity",
    ru: 'годовой объём одного из объявлений больше не вмещает согласованный',
  },
  limits: {
    en: 'with it the plan would break a quality limit or a minimum quantity',
    ru: 'с ним план нарушил бы ограничение по качеству или минимальный объём',
  },
  material: {
    en: "the offer's material no longer fits the request's material or use",
    ru: 'материал предложения больше не подходит к материалу или применению запроса',
  },
  dates: {
    en: 'their availability periods no longer overlap',
    ru: 'их сроки доступности больше не пересекаются',
  },
  route: {
    en: 'no transport mode both accept now reaches within their delivery distances',
    ru: 'ни один вид транспорта, принимаемый обеими сторонами, теперь не укладывается в их дальность доставки',
  },
  quality: {
    en: 'the offer no longer states a quality figure the request limits',
    ru: 'в предложении больше нет показателя качества, который ограничивает запрос',
  },
};

export const messages = defineMessages('exchange', {
  // listings
  invalidListing: { en: 'Invalid listing', ru: 'Неверные данные объявления' },
  // a listing is named by no raw id (issue 8: errors never name raw ids); the request names it
  listingNotFound: {
    en: 'No such listing, or it is not open to you',
    ru: 'Такого объявления нет или оно вам недоступно',
  },
  listingIdTaken: { en: 'Listing {id} exists', ru: 'Объявление {id} уже есть' },
  requiredForOperator: { en: 'required for the operator', ru: 'обязательно для оператора' },
  unknownOrganisation: { en: 'unknown organisation {id}', ru: 'неизвестная организация {id}' },
  // names, not ids: a reader cannot look an id up (user walk)
  notOwnSite: {
    en: "not a site of the listing's organisation",
    ru: 'это площадка не той организации, чьё объявление',
  },
  endsBeforeToday: {
    en: 'must not be before today, {today}: the listing would be expired at once',
    ru: 'не может быть раньше сегодняшнего дня, {today}: объявление сразу стало бы просроченным',
    as: { today: 'moment' },
  },
  siteClosed: {
    en: 'closed on {closedOn}',
    ru: 'площадка закрыта {closedOn}',
    as: { closedOn: 'moment' },
  },
  unknownMaterial: { en: 'unknown material {id}', ru: 'неизвестный материал {id}' },
  unknownUse: { en: 'unknown use {id}', ru: 'неизвестное назначение {id}' },
  materialCannotServe: {
    en: '{materialEn} cannot serve as {useEn}',
    ru: 'материал «{materialRu}» не подходит для назначения «{useRu}»',
  },
  measuredIn: {
    en: '{materialEn} is measured in {unit}',
    ru: 'материал «{materialRu}» измеряется в {unit}',
    as: { unit: 'unitName' },
  },
  unknownProperty: { en: 'unknown property {id}', ru: 'неизвестный показатель {id}' },
  materialLacksProperty: {
    en: '{materialEn} does not carry {propertyEn}',
    ru: 'у материала «{materialRu}» нет показателя «{propertyRu}»',
  },
  notInFkko: {
    en: '{code} is not in the FKKO catalogue of 2026-03-25',
    ru: '{code} нет в каталоге ФККО от 25.03.2026',
  },
  notFkkoOfMaterial: {
    en: '{code} is not a code of {materialEn}',
    ru: '{code} — не код ФККО материала «{materialRu}»',
  },
  listingWithdrawn: {
    en: 'The listing is withdrawn',
    ru: 'Объявление снято с публикации',
  },
  // {status} is a code (withdrawn), read as the word the listing's badge shows
  cannotPublish: {
    en: 'The listing has the status “{status}”; only a draft listing can be published',
    ru: 'Объявление в статусе «{status}»; опубликовать можно только черновик',
    as: { status: wordOf(listingStatusWords) },
  },
  cannotWithdraw: {
    en: 'The listing has the status “{status}”; only an active listing can be withdrawn',
    ru: 'Объявление в статусе «{status}»; снять можно только действующее объявление',
    as: { status: wordOf(listingStatusWords) },
  },
  // plans
  unknownFactor: {
    en: 'There is no factor {key} in the factors table: a plan may change the value of a listed factor, not add one',
    ru: 'Коэффициента {key} нет в таблице коэффициентов: план может изменить значение имеющегося коэффициента, но не добавить новый',
  },
  factorNegative: {
    en: 'The factor {key} cannot be negative',
    ru: 'Коэффициент {key} не может быть отрицательным',
  },
  factorNotPositive: {
    en: 'The factor {key} must be above zero',
    ru: 'Коэффициент {key} должен быть больше нуля',
  },
  factorCoalCalorific: {
    en: 'The factor {key} is the calorific value of a coal: from {min} to {max} kcal/kg',
    ru: 'Коэффициент {key} — теплота сгорания угля: от {min} до {max} ккал/кг',
  },
  savedPlanUsesTable: {
    en: 'A saved plan proposes matches to members and uses the factors table as published; try other factors in a plan that is not saved',
    ru: 'Сохранённый план предлагает сделки участникам и считается по опубликованной таблице коэффициентов; другие коэффициенты можно проверить в несохраняемом плане',
  },
  plansForMembers: {
    en: 'Plans are for current members of the cluster',
    ru: 'Планы доступны только действующим участникам кластера',
  },
  savingNeedsMember: {
    en: 'Saving a plan needs the role member or higher',
    ru: 'Для сохранения плана нужна роль «участник» или выше',
  },
  planNotFound: { en: 'Plan {id} does not exist', ru: 'Плана {id} нет' },
  planInputRejected: {
    en: 'Listings the planner cannot take: {listings}; correct or withdraw each one',
    ru: 'Объявления, которые оптимизатор не может принять: {listings}; исправьте или снимите каждое',
  },
  engineIssue: {
    en: '{item}: {issue}',
    ru: '{item}: {issue} (сообщение оптимизатора)',
  },
  // matches: worded from the viewer's point of view, naming no ids and no hidden party
  matchNotFound: {
    en: 'This match does not exist or is not one of yours',
    ru: 'Такого совпадения нет или оно не ваше',
  },
  holdersDecide: {
    en: 'Only the holders of a match (or the operator) decide on it',
    ru: 'Решение по совпадению принимают только его стороны (или оператор)',
  },
  matchAlreadyAccepted: {
    en: 'This match has already been agreed by both sides',
    ru: 'Это совпадение уже согласовано обеими сторонами',
  },
  matchAlreadyDeclined: {
    en: 'This match has already been declined',
    ru: 'Это совпадение уже отклонено',
  },
  matchAlreadyClosed: {
    en: 'This match is closed: a listing in it was withdrawn or its terms changed',
    ru: 'Совпадение закрыто: одно из его объявлений снято или его условия изменились',
  },
  sideAccepted: {
    en: 'Your side has already accepted this match',
    ru: 'Ваша сторона уже приняла это совпадение',
  },
  sideDeclined: {
    en: 'Your side has already declined this match',
    ru: 'Ваша сторона уже отклонила это совпадение',
  },
  yourOrganisationLeft: {
    en: 'Your organisation is no longer a member of the cluster; the match cannot be accepted',
    ru: 'Ваша организация больше не участник кластера; совпадение нельзя принять',
  },
  otherPartyLeft: {
    en: 'The other party is no longer a member of the cluster; the match cannot be accepted',
    ru: 'Другая сторона больше не участник кластера; совпадение нельзя принять',
  },
  yourListingNotLive: {
    en: 'Your listing in this match is no longer on the exchange (withdrawn or expired); the match cannot be accepted',
    ru: 'Ваше объявление в этом совпадении больше не на бирже (снято или истёк срок); совпадение нельзя принять',
  },
  otherListingNotLive: {
    en: "The other party's listing is no longer on the exchange; the match cannot be accepted",
    ru: 'Объявление другой стороны больше не на бирже; совпадение нельзя принять',
  },
  yourQuantityTaken: {
    en: 'Your listing has {limit} a year; your agreed matches already take {taken}, and this one needs {own}',
    ru: 'В вашем объявлении — {limit} в год; ваши согласованные совпадения уже берут {taken}, а это требует ещё {own}',
    // the listing's quantities with its unit, in the reader's number format: «1 200 т»
    as: { limit: 'quantity', taken: 'quantity', own: 'quantity' },
  },
  // the operator acts for a holder: the listing is not its own
  listingQuantityTaken: {
    en: 'The listing has {limit} a year; its agreed matches already take {taken}, and this one needs {own}',
    ru: 'В объявлении — {limit} в год; его согласованные совпадения уже берут {taken}, а это требует ещё {own}',
    as: { limit: 'quantity', taken: 'quantity', own: 'quantity' },
  },
  quantityBelowAgreed: {
    en: "at least {taken}: the listing's agreed matches already take that much a year",
    ru: 'не меньше {taken}: столько в год уже берут согласованные совпадения объявления',
    as: { taken: 'quantity' },
  },
  otherQuantityTaken: {
    en: "The other party's listing has no room left for this match",
    ru: 'В объявлении другой стороны не осталось объёма для этого совпадения',
  },
});

/** A warning as a plan stores it: its code and parameters, worded when it is shown. */
export const warningData = (
  m: Message,
): { code: string; params: Record<string, string | number> } => ({
  code: m.code,
  params: { ...m.params },
});

/**
 * What a plan warns about. A plan stores each warning as `{ code, params }` and every answer
 * words it in the caller's language.
 */
export const warnings = defineMessages('exchange.warning', {
  // Worded for the reader: {supply}, {demand} and {id} read as the listing («material», holder),
  // {properties} as the properties' symbols and names, last in the sentence since a name may
  // hold its own parentheses (plans.ts `wordedWarning`); each says what to do.
  linkDropped: {
    en: 'the request {demand} limits what the offer {supply} does not state, so the link was not considered; add to the offer: {properties}',
    ru: 'запрос {demand} ограничивает показатель, которого нет в предложении {supply}, поэтому связь не рассматривалась; добавьте в предложение: {properties}',
  },
  offerUnlinked: {
    en: 'the offer {id} must ship at least {min} a year but no request fits it (material, quality, distance or dates); it was left out of the plan — check its terms',
    ru: 'предложение {id} должно вывезти не меньше {min} в год, но ни один запрос ему не подходит (материал, качество, расстояние или сроки); в план не вошло — проверьте его условия',
    // {min} with the listing's {unit} (a plan saved before it was stored: the number alone)
    as: { min: 'quantity' },
  },
  requestUnpriced: {
    en: 'the request {id} names no price for what the material would replace, and no offer reaches it in the plan: a delivery to it is worth only what the supplier saves, which does not pay for the transport here — state the price the organisation pays today',
    ru: 'запрос {id} не называет цену того, что заменит материал, и в план не вошёл: поставка ему стоит лишь того, что сберегает поставщик, а это здесь не окупает перевозку — укажите цену, которую организация платит сейчас',
  },
  requestUnlinked: {
    en: 'the request {id} must take at least {min} a year but no offer fits it (material, quality, distance or dates); it was left out of the plan — check its terms',
    ru: 'запрос {id} должен принять не меньше {min} в год, но ни одно предложение ему не подходит (материал, качество, расстояние или сроки); в план не вошёл — проверьте его условия',
    as: { min: 'quantity' },
  },
  listingBeyondRange: {
    en: 'the listing {id} was left out of the plan: {field} is {value}, beyond {limit}, the most the planner computes exactly — correct the figure',
    ru: 'объявление {id} не вошло в план: {field} = {value}, больше {limit} — предела точного расчёта; исправьте значение',
    // {field} is the API's name of the figure, read as its label
    as: { field: 'field', value: 'number', limit: 'number' },
  },
  listingBeyondPlanTotal: {
    en: "the listing {id} was left out of the plan: with it, the plan's sums of money would pass what is computed exactly — check its quantity and prices",
    ru: 'объявление {id} не вошло в план: с ним денежные итоги плана превысили бы предел точного расчёта; проверьте объём и цены',
  },
  yieldNeedsShare: {
    en: 'the yield of the offer {supply} for the request {demand} scales with a share the offer does not state, so the link was not considered; add to the offer: {properties}',
    ru: 'выход продукта из предложения {supply} для запроса {demand} зависит от показателя, которого нет в предложении, поэтому связь не рассматривалась; добавьте в предложение: {properties}',
  },
  railDistanceEstimated: {
    en: 'rail from the offer {supply} to the request {demand}: no station pair of the rail-distance table serves these sites, so the route is estimated as great-circle × {circuity} ≈ {km} km — check it with a carrier',
    ru: 'ж/д от предложения {supply} к запросу {demand}: в таблице ж/д расстояний нет пары станций для этих площадок, поэтому маршрут оценён как расстояние по прямой × {circuity} ≈ {km} км — уточните у перевозчика',
  },
  // shown only to the two sides of the agreement and the operator (plans.ts forReader)
  agreedLeftOutBecause: {
    en: 'the agreed match of the offer {supply} and the request {demand} was left out of the plan: {reason} — correct the listings or agree anew',
    ru: 'согласованное сопоставление предложения {supply} и запроса {demand} не вошло в план: {reason} — исправьте объявления или согласуйте заново',
    as: { reason: wordOf(agreedLeftOutReasonWords) },
  },
  /** The same without a reason: a plan saved before reasons were given, or none was found. */
  agreedLeftOut: {
    en: 'the agreed match of the offer {supply} and the request {demand} no longer fits them (quantity, quality, distance or dates), so the plan was made without it — check the listings',
    ru: 'согласованное сопоставление предложения {supply} и запроса {demand} больше им не соответствует (объём, качество, расстояние или сроки), поэтому план составлен без него — проверьте объявления',
  },
  // {runs} reads with its noun, «по 21 прогону», 'over 21 runs'; a plan stores the bare count
  robustnessPartial: {
    en: 'robustness: not every run finished before the deadline; the shares are over {runs} of {asked}',
    ru: 'устойчивость: к сроку завершились не все прогоны; доли посчитаны по {runs} из {asked}',
    // «доли посчитаны по 21 прогону»: the dative after «по»
    as: {
      runs: countOf({
        ru: { one: 'прогону', few: 'прогонам', many: 'прогонам', other: 'прогона' },
        en: { one: 'run', other: 'runs' },
      }),
    },
  },
  /** A warning of a plan saved by an earlier release, as it was written then (English). */
  legacy: { en: '{text}', ru: '{text} (сохранено прежней версией)' },
});

/** Rules the exchange's schemas state (zod carries their codes; see model/messages.ts `rule`). */
export const rules = defineMessages('exchange.rule', {
  needsMinOrMax: { en: 'needs min or max', ru: 'нужен минимум или максимум' },
  minAboveMax: { en: 'min exceeds max', ru: 'минимум больше максимума' },
  wholeKopecks: { en: 'a whole number of kopecks', ru: 'целое число копеек' },
  calorificLimit: {
    en: `from ${wordNumber(listingLimits.calorificKcalPerKg.min, 'en')} to ${wordNumber(listingLimits.calorificKcalPerKg.max, 'en')} kcal/kg`,
    ru: `от ${wordNumber(listingLimits.calorificKcalPerKg.min, 'ru')} до ${wordNumber(listingLimits.calorificKcalPerKg.max, 'ru')} ккал/кг`,
  },
  distanceLimit: {
    en: `at most ${wordNumber(listingLimits.maxDistanceKm, 'en')} km`,
    ru: `не больше ${wordNumber(listingLimits.maxDistanceKm, 'ru')} км`,
  },
  // a quality value out of its property's range (limits.ts `qualityRangeOf`); the listing form
  // words it the same (web/src/exchange/dict.ts errQuality*)
  qualityShare: { en: 'from 0 to 100 %', ru: 'от 0 до 100 %' },
  qualityTemperature: { en: 'not below −273.15 °C', ru: 'не ниже −273,15 °C' },
  qualityMeasure: { en: 'at least 0', ru: 'не меньше 0' },
  qualityHeatKcal: {
    en: `from 0 to ${wordNumber(heatLimits['kcal/kg'], 'en')} kcal/kg`,
    ru: `от 0 до ${wordNumber(heatLimits['kcal/kg'], 'ru')} ккал/кг`,
  },
  qualityHeatMj: {
    en: `from 0 to ${heatLimits['MJ/kg']} MJ/kg`,
    ru: `от 0 до ${heatLimits['MJ/kg']} МДж/кг`,
  },
  notBeforeFrom: {
    en: 'must not be before the start of availability',
    ru: 'не может быть раньше начала периода',
  },
  offerNamesMaterial: {
    en: 'an offer names its material',
    ru: 'в предложении нужно указать материал',
  },
  offerStatesLegalStatus: {
    en: 'an offer states its legal status',
    ru: 'в предложении нужно указать правовой статус',
  },
  offerGivesValue: {
    en: 'an offer gives a measured value',
    ru: 'в предложении указывается измеренное значение',
  },
  onlyForRequest: { en: 'only for a request', ru: 'только для запроса' },
  onlyForOffer: { en: 'only for an offer', ru: 'только для предложения' },
  calorificBasisForCoal: {
    en: 'only for a request that replaces primary coal and is priced by the tonne',
    ru: 'только для запроса, который замещает первичный уголь и оценивается за тонну',
  },
  soldNeedsPrice: {
    en: 'a material sold today needs the price it sells for',
    ru: 'для материала, который сейчас продаётся, укажите цену продажи',
  },
  notAboveQuantity: {
    en: 'cannot exceed the quantity per year',
    ru: 'не может быть больше годового объёма',
  },
  requestNamesMaterialOrUse: {
    en: 'a request names a material or a use',
    ru: 'в запросе нужно указать материал или назначение',
  },
  requestGivesLimit: {
    en: 'a request gives a lower and/or an upper limit',
    ru: 'в запросе указывается нижний и/или верхний предел',
  },
  wasteNeedsFkko: { en: 'a waste needs its FKKO code', ru: 'для отхода нужен код ФККО' },
  byProductNamesProcess: {
    en: 'a by-product names the process it comes from',
    ru: 'для побочного продукта укажите процесс, в котором он образуется',
  },
  byProductNamesStandard: {
    en: 'a by-product names the standard or specification it meets',
    ru: 'для побочного продукта укажите ГОСТ, ТУ или спецификацию',
  },
  reachNeeded: {
    en: 'pipeline or wire needs the reach in km',
    ru: 'для трубопровода или ЛЭП укажите дальность в км',
  },
});

/** The words of a quality value out of its property's range, by the kind of range (limits.ts). */
export const qualityRangeRule = {
  share: rules.qualityShare,
  temperature: rules.qualityTemperature,
  heatKcal: rules.qualityHeatKcal,
  heatMj: rules.qualityHeatMj,
  measure: rules.qualityMeasure,
};

/**
 * The bounds of a listing's figures (limits.ts), worded with the listing's unit and in the
 * reader's number format: «не больше 100 000 ₽/т», 'at most 100,000,000 t a year'. One code per
 * unit (`exchange.limit.money.t`), as a zod rule carries a code and no parameters.
 */
function limitWordings() {
  const table: Record<string, { en: string; ru: string }> = {};
  const rub = listingLimits.kopecksPerUnit / 100;
  const n = listingLimits.quantityPerYear;
  for (const u of limitUnits) {
    table[`money.${u}`] = {
      en: `at most ${wordNumber(rub, 'en')} RUB/${unitSymbol(u, 'en')}`,
      ru: `не больше ${wordNumber(rub, 'ru')} ₽/${unitSymbol(u, 'ru')}`,
    };
    table[`quantity.${u}`] = {
      en: `at most ${wordNumber(n, 'en')} ${unitSymbol(u, 'en')} a year`,
      ru: `не больше ${wordNumber(n, 'ru')} ${unitSymbol(u, 'ru')} в год`,
    };
  }
  return table;
}
const limitMessages = defineMessages('exchange.limit', limitWordings());

/** The rule a figure above its bound breaks, named with the listing's unit. */
export const limitRule = (kind: 'money' | 'quantity', unit: string): { code: string } =>
  limitMessages[
    `${kind}.${(limitUnits as readonly string[]).includes(unit) ? (unit as LimitUnit) : 't'}`
  ];

/** Labels of the listing form's fields and the plan request, as people see them. */
defineLabels({
  siteId: { en: 'Site', ru: 'Площадка' },
  side: { en: 'Side', ru: 'Сторона' },
  materialId: { en: 'Material', ru: 'Материал' },
  useId: { en: 'Use', ru: 'Назначение' },
  quantityPerYear: { en: 'Quantity per year', ru: 'Объём в год' },
  unit: { en: 'Unit', ru: 'Единица измерения' },
  availableFrom: { en: 'Available from', ru: 'Доступно с' },
  availableTo: { en: 'Available to', ru: 'Доступно по' },
  quality: { en: 'Quality', ru: 'Качество' },
  disposalCostKopecksPerUnit: {
    en: 'Disposal cost per unit',
    ru: 'Затраты на размещение за единицу',
  },
  priceKopecksPerUnit: { en: 'Price per unit', ru: 'Цена за единицу' },
  counterfactual: { en: 'What happens to it today', ru: 'Что с ним происходит сейчас' },
  supplierCostKopecksPerUnit: {
    en: 'Own cost to supply per unit',
    ru: 'Собственные затраты на поставку за единицу',
  },
  salePriceKopecksPerUnit: {
    en: 'Sale price per unit',
    ru: 'Цена продажи за единицу',
  },
  substitute: { en: 'What it replaces', ru: 'Что заменяет' },
  endUse: { en: 'End user (not a reseller)', ru: 'Конечный потребитель (не перепродаёт)' },
  priceCalorificKcalPerKg: {
    en: 'Calorific value the price refers to, kcal/kg',
    ru: 'Теплота сгорания, к которой отнесена цена, ккал/кг',
  },
  mustShipMin: { en: 'Must ship at least, per year', ru: 'Обязательный вывоз в год, не меньше' },
  mustTakeMin: { en: 'Must take at least, per year', ru: 'Обязательный приём в год, не меньше' },
  transportModes: { en: 'Transport modes', ru: 'Виды транспорта' },
  maxDistanceKm: { en: 'Maximum distance, km', ru: 'Наибольшее расстояние, км' },
  legalStatus: { en: 'Legal status', ru: 'Правовой статус' },
  byProductOf: { en: 'Process it comes from', ru: 'Процесс, в котором образуется' },
  standard: { en: 'Standard or specification', ru: 'ГОСТ, ТУ или спецификация' },
  fkko: { en: 'FKKO code', ru: 'Код ФККО' },
  visibility: { en: 'Visibility', ru: 'Видимость' },
  provenance: { en: 'Sources of the figures', ru: 'Источники данных' },
  robustness: { en: 'Robustness check', ru: 'Проверка устойчивости' },
  runs: { en: 'Runs', ru: 'Число прогонов' },
  variation: { en: 'Variation of volumes', ru: 'Разброс объёмов' },
  timeLimitSeconds: { en: 'Time limit, s', ru: 'Ограничение времени, с' },
});
