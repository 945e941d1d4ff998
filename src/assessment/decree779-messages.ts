// The Decree 779 check's and the declarations' messages, in Russian and English (beside the
// assessment's own catalogue, so the two grow without touching each other).
import { defineLabels, defineMessages } from '../model/messages.ts';

export const declarationMessages = defineMessages('assessment.declaration', {
  invalidDeclaration: { en: 'Invalid declaration', ru: 'Неверная декларация' },
  declarationNotFound: { en: 'There is no such declaration', ru: 'Такой декларации нет' },
  ownDeclarationsOnly: {
    en: "An organisation's declarations are seen and made by its own users and the operator",
    ru: 'Декларации организации видят и подают только её пользователи и оператор',
  },
  unknownPartner: {
    en: 'There is no organisation {id} in the registry: name an outside partner by partnerName',
    ru: 'Организации {id} нет в реестре: внешнего партнёра укажите названием (partnerName)',
  },
  onFuture: {
    en: 'a contract made off the platform is declared once made: not after {today}',
    ru: 'договор вне платформы декларируют, когда он заключён: не позднее {today}',
  },
  withdrawn: {
    en: 'Declaration {id} is already withdrawn',
    ru: 'Декларация {id} уже отозвана',
  },
});

/** Rules the declaration schemas state (the code travels through zod as the message). */
export const declarationRules = defineMessages('assessment.declaration.rule', {
  onePartner: {
    en: 'name the partner once: partnerOrganisationId (a registry organisation) or partnerName (an outside one)',
    ru: 'укажите партнёра один раз: partnerOrganisationId (организация реестра) или partnerName (внешняя)',
  },
  notItself: {
    en: 'an organisation does not declare a tie with itself',
    ru: 'организация не декларирует связь сама с собой',
  },
  moneyLimit: {
    en: 'beyond any real sum (at most 10^13 RUB)',
    ru: 'больше любой реальной суммы (не более 10^13 ₽)',
  },
  notNegative: { en: 'a sum cannot be negative', ru: 'сумма не может быть отрицательной' },
  wholeKopecks: { en: 'a whole number of kopecks', ru: 'целое число копеек' },
  year: { en: 'a year from 2000 to 2100', ru: 'год от 2000 до 2100' },
});

// the sums as the form names them, in roubles (the API's kopecks are the form's roubles × 100)
defineLabels({
  purchasesKopecks: { ru: 'Закупки за год, ₽', en: 'Purchases in the year, RUB' },
  partnerOrganisationId: { ru: 'Партнёр (участник реестра)', en: 'Partner (registry member)' },
  partnerName: { ru: 'Партнёр (название)', en: 'Partner (name)' },
  valueKopecks: { ru: 'Сумма договора, ₽', en: "Contract's value, RUB" },
});
