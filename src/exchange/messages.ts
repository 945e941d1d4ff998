// The exchange's messages and field labels, in Russian and English.
import { defineLabels, defineMessages } from '../model/messages.ts';

export const messages = defineMessages('exchange', {});

/** Rules the exchange's schemas state (zod carries their codes; see model/messages.ts `rule`). */
export const rules = defineMessages('exchange.rule', {
  needsMinOrMax: { en: 'needs min or max', ru: 'нужен минимум или максимум' },
  minAboveMax: { en: 'min exceeds max', ru: 'минимум больше максимума' },
  quantityLimit: {
    en: 'at most 10⁸ units a year',
    ru: 'не больше 10⁸ единиц в год',
  },
  moneyPerUnitLimit: {
    en: 'at most 10 000 000 kopecks (100 000 RUB) per unit',
    ru: 'не больше 10 000 000 копеек (100 000 ₽) за единицу',
  },
  notBeforeFrom: {
    en: 'must not be before availableFrom',
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
  notAboveQuantity: {
    en: 'cannot exceed quantityPerYear',
    ru: 'не может быть больше годового объёма',
  },
  requestNamesMaterialOrUse: {
    en: 'a request names a material or a use',
    ru: 'в запросе нужно указать материал или назначение',
  },
  requestGivesLimit: {
    en: 'a request gives a { min, max } limit',
    ru: 'в запросе указывается предел { мин, макс }',
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

defineLabels({});
