import { dictionary } from '../i18n/index.ts';

/** Login's waits and the account's links (kept apart from shellDict to keep merges small). */
export const loginDict = dictionary(
  {
    lockedFor: 'Слишком много неудачных попыток входа. Повторите через {wait}.',
    slowDownFor: 'Слишком много запросов с вашего адреса. Повторите через {wait}.',
    account: 'Учётная запись',
  },
  {
    lockedFor: 'Too many failed logins. Try again in {wait}.',
    slowDownFor: 'Too many requests from your address. Try again in {wait}.',
    account: 'Account',
  },
);
