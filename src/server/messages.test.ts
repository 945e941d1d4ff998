import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localiseIssue, translate } from './messages.ts';

test('our messages, fixed and with values, in Russian; English passes through', () => {
  assert.equal(
    translate('INN: 10 or 12 digits with valid check digits', 'ru'),
    'ИНН: 10 или 12 цифр с верными контрольными разрядами',
  );
  assert.equal(
    translate('Too many failed logins; try again in 42 s', 'ru'),
    'Слишком много неудачных попыток входа; повторите через 42 с',
  );
  assert.equal(
    translate('3 problem(s) in the file; nothing was imported', 'ru'),
    'Ошибок в файле: 3; ничего не импортировано',
  );
  assert.equal(
    translate('Organisation acme does not exist', 'ru'),
    'Объект «Organisation» acme не найден',
  );
  assert.equal(
    translate('INN: 10 or 12 digits with valid check digits', 'en'),
    'INN: 10 or 12 digits with valid check digits',
  );
  assert.equal(translate('something nobody wrote down', 'ru'), 'something nobody wrote down');
});

test("zod's generic messages go through zod's Russian locale; custom ones through the table", () => {
  const issue = {
    code: 'too_small',
    origin: 'number',
    minimum: 0,
    inclusive: true,
    path: ['employees'],
    input: -1,
  };
  assert.match(
    localiseIssue('Too small: expected number to be >=0', issue, 'ru'),
    /^Слишком маленькое значение/,
  );
  const custom = { code: 'custom', path: ['inn'] };
  assert.equal(
    localiseIssue('INN: 10 or 12 digits with valid check digits', custom, 'ru'),
    'ИНН: 10 или 12 цифр с верными контрольными разрядами',
  );
  assert.equal(
    localiseIssue('Too small: expected number to be >=0', issue, 'en'),
    'Too small: expected number to be >=0',
  );
});
