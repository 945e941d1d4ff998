// Messages every module shares: the kinds of problem and the generic answers.
import { defineLabels, defineMessages } from './messages.ts';

export const common = defineMessages('common', {
  invalidInput: { en: 'Invalid input', ru: 'Неверные данные' },
  invalidOf: { en: 'Invalid {what}', ru: 'Неверные данные: {what}' },
  logIn: { en: 'Log in or send an API key', ru: 'Войдите в систему или передайте API-ключ' },
  forbidden: {
    en: 'Your role or organisation may not do this',
    ru: 'Вашей роли или организации это недоступно',
  },
  noRoute: { en: 'No route {method} {path}', ru: 'Нет маршрута {method} {path}' },
  internal: {
    en: 'The server failed; the error is logged',
    ru: 'Сбой сервера; ошибка записана в журнал',
  },
  raced: {
    en: 'The record exists already (written at the same moment by another request)',
    ru: 'Запись уже существует (её одновременно создал другой запрос)',
  },
  badCharacters: {
    en: 'The input holds characters the database does not accept',
    ru: 'Во входных данных есть символы, которые база данных не принимает',
  },
  tooLarge: { en: 'The request is too large', ru: 'Слишком большой запрос' },
  badRequest: { en: 'Bad request: {reason}', ru: 'Неверный запрос: {reason}' },
  alreadyTaken: { en: 'already taken', ru: 'уже занято' },
  required: { en: 'required', ru: 'обязательно' },
  slugId: {
    en: 'lower-case letters, digits and dashes, 2-63 characters',
    ru: 'строчные латинские буквы, цифры и дефисы, 2–63 знака',
  },
  passwordLength: { en: 'at least 10 characters', ru: 'не короче 10 знаков' },
  passwordVariety: {
    en: 'use at least 5 different characters',
    ru: 'используйте не меньше 5 разных символов',
  },
});

/** Problem titles by kind. */
export const titles = defineMessages('title', {
  invalid: { en: 'Invalid input', ru: 'Неверные данные' },
  unauthenticated: { en: 'Not logged in', ru: 'Вход не выполнен' },
  forbidden: { en: 'Forbidden', ru: 'Доступ запрещён' },
  not_found: { en: 'Not found', ru: 'Не найдено' },
  conflict: { en: 'Conflict', ru: 'Конфликт' },
  unprocessable: { en: 'Cannot be processed', ru: 'Невозможно обработать' },
  too_many_requests: { en: 'Too many requests', ru: 'Слишком много запросов' },
  unavailable: { en: 'Unavailable', ru: 'Недоступно' },
  too_large: { en: 'Too large', ru: 'Слишком большой запрос' },
  internal: { en: 'Internal error', ru: 'Внутренняя ошибка' },
  error: { en: 'Error', ru: 'Ошибка' },
});

/** Where the body, the query or the path of a request is wrong. */
defineLabels({
  body: { en: 'request body', ru: 'тело запроса' },
  querystring: { en: 'query', ru: 'параметры запроса' },
  params: { en: 'path', ru: 'адрес запроса' },
});
