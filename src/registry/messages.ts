// The registry's messages and field labels, in Russian and English.
import { defineLabels, defineMessages } from '../model/messages.ts';

/** Rules the registry's schemas state (zod carries their codes; see model/messages.ts `rule`). */
export const rules = defineMessages('registry.rule', {
  inn: {
    en: 'INN: 10 or 12 digits with valid check digits',
    ru: 'ИНН: 10 или 12 цифр с верными контрольными разрядами',
  },
  ogrn: {
    en: 'OGRN: 13 (or OGRNIP 15) digits with a valid check digit',
    ru: 'ОГРН: 13 цифр (ОГРНИП — 15) с верным контрольным разрядом',
  },
  kpp: { en: 'KPP: 9 characters, NNNNXXNNN', ru: 'КПП: 9 знаков вида NNNNXXNNN' },
  okved: {
    en: 'OKVED: NN, NN.N, NN.NN, NN.NN.N or NN.NN.NN',
    ru: 'ОКВЭД: NN, NN.N, NN.NN, NN.NN.N или NN.NN.NN',
  },
  knowledgeWithinStaff: {
    en: 'cannot exceed employees',
    ru: 'не может быть больше числа работников',
  },
  fkko: {
    en: 'FKKO code: 11 digits written "N NN NNN NN NN N"',
    ru: 'Код ФККО: 11 цифр в виде «N NN NNN NN NN N»',
  },
  ewc: { en: 'EWC code: "NN NN NN", * when hazardous', ru: 'Код EWC: «NN NN NN», * для опасных' },
  leftBeforeJoined: {
    en: 'must not be before joinedOn',
    ru: 'не может быть раньше даты вступления',
  },
});

export const messages = defineMessages('registry', {
  wrongLogin: {
    en: 'Wrong e-mail or password, or the account is not active',
    ru: 'Неверный e-mail или пароль, либо учётная запись не активна',
  },
  apiKeyHasNoUser: { en: 'An API key has no user to change', ru: 'У API-ключа нет пользователя' },
  tooManyLogins: {
    en: 'Too many failed logins; try again in {seconds} s',
    ru: 'Слишком много неудачных попыток входа; повторите через {seconds} с',
  },
});

defineLabels({});
