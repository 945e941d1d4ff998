import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writtenIn } from './i18n.tsx';

test('a text with Cyrillic letters is marked Russian; others keep the page’s language', () => {
  assert.equal(writtenIn('Предел влажности 12 % слишком жёсткий'), 'ru');
  assert.equal(writtenIn('Ash from Myski GRES — ООО «ЭкоЗола»'), 'ru');
  assert.equal(writtenIn('The moisture limit is too tight'), undefined);
  assert.equal(writtenIn('12 %'), undefined);
  assert.equal(writtenIn(''), undefined);
  assert.equal(writtenIn(null), undefined);
});
