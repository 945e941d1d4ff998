import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { fieldProblems } from './errors.ts';
import { defineMessages, issueMessage, labelOf, messageByCode, rule } from './messages.ts';

const m = defineMessages('test', {
  plain: { en: 'Nothing to say', ru: 'Нечего сказать' },
  withValues: { en: 'Listing {id} is {status}', ru: 'Объявление {id}: {status}' },
});

test('a message carries its code and parameters and is worded per language', () => {
  const msg = m.withValues({ id: 'l-1', status: 'withdrawn' });
  assert.equal(msg.code, 'test.withValues');
  assert.deepEqual(msg.params, { id: 'l-1', status: 'withdrawn' });
  assert.equal(msg.text('en'), 'Listing l-1 is withdrawn');
  assert.equal(msg.text('ru'), 'Объявление l-1: withdrawn');
  assert.equal(m.plain().text('ru'), 'Нечего сказать');
  assert.equal(messageByCode('test.plain')?.text('en'), 'Nothing to say');
  assert.equal(messageByCode('no.such.code'), null);
  assert.throws(() => defineMessages('test', { plain: { en: 'again', ru: 'снова' } }), /twice/);
});

test("a schema's rule travels through zod as its code and comes out worded", () => {
  const schema = z.object({ n: z.number().refine((x) => x > 1, rule(m.plain)) });
  const r = schema.safeParse({ n: 0 });
  assert.equal(r.success, false);
  const [problem] = fieldProblems(r.error!.issues);
  assert.equal(problem.field, 'n');
  assert.equal(
    typeof problem.message === 'string' ? '' : problem.message.text('ru'),
    'Нечего сказать',
  );
});

test("zod's generic messages go through zod's own locale", () => {
  const r = z.object({ employees: z.number().min(0) }).safeParse({ employees: -1 });
  const issue = r.error!.issues[0];
  const msg = issueMessage(issue);
  assert.equal(msg.text('en'), issue.message);
  assert.match(msg.text('ru'), /[а-яё]/i);
  assert.notEqual(msg.text('ru'), issue.message);
});

test('field labels are found by the last named segment of a path', () => {
  assert.equal(labelOf('body', 'ru'), 'тело запроса');
  assert.equal(labelOf('nothing.0.known', 'en'), null);
  // a route's own label for its last segment comes first
  const person = { name: { en: 'Name', ru: 'Имя' } };
  assert.equal(labelOf('users.0.name', 'ru', person), 'Имя');
  assert.equal(labelOf('body', 'ru', person), 'тело запроса');
});

test('a label within its parent is preferred, and a common word stays unlabelled elsewhere', () => {
  // registered by the modules' catalogues
  return Promise.all([import('../machines/messages.ts'), import('../exchange/messages.ts')]).then(
    () => {
      assert.equal(labelOf('rules.0.max', 'ru'), 'Максимум');
      assert.equal(labelOf('rules.2.minutes', 'en'), 'Minutes without data');
      // a listing's quality limit keeps its own label, not the alarm rule's
      assert.equal(labelOf('quality.ash.max', 'ru'), labelOf('quality', 'ru'));
    },
  );
});

test('common bounds and types are worded with their figures, not in zod’s terms', () => {
  const schema = z.object({
    name: z.string().min(2),
    employees: z.number().int().max(1_000_000),
    share: z.number().gt(0),
    joinedOn: z.iso.date(),
    kind: z.enum(['mine', 'plant']),
    missing: z.string(),
  });
  const r = schema.safeParse({
    name: 'A',
    employees: 2_000_000.5,
    share: 0,
    joinedOn: '30.06.2026',
    kind: 'castle',
  });
  const worded = Object.fromEntries(
    fieldProblems(r.error!.issues).map((p) => [
      p.field,
      [p.message.text('ru'), p.message.text('en')],
    ]),
  );
  assert.deepEqual(worded.name, ['не короче 2 знаков', 'at least 2 characters']);
  assert.ok(worded.employees[0] === 'целое число' || worded.employees[0] === 'не больше 1000000');
  assert.deepEqual(worded.share, ['больше 0', 'more than 0']);
  // a bound's figure grouped as the reader writes it (user walk: «не больше 1000000»)
  const big = z.object({ n: z.number().max(1_000_000), m: z.number().min(-1_500.5) });
  const bounds = fieldProblems(big.safeParse({ n: 2_000_000, m: -2_000 }).error!.issues);
  assert.deepEqual(
    bounds.map((p) => [p.message.text('ru'), p.message.text('en')]),
    [
      ['не больше 1\u00a0000\u00a0000', 'at most 1,000,000'],
      ['не меньше \u22121\u00a0500,5', 'at least \u22121,500.5'],
    ],
  );
  // an e-mail box says what goes in it, not a bare noun (user walk)
  const mail = z.object({ email: z.email() }).safeParse({ email: 'not-an-address' });
  assert.deepEqual(
    fieldProblems(mail.error!.issues).map((p) => [p.message.text('ru'), p.message.text('en')]),
    [
      [
        'введите адрес электронной почты, например name@example.com',
        'enter an e-mail address, e.g. name@example.com',
      ],
    ],
  );
  assert.deepEqual(worded.joinedOn, ['дата в виде ГГГГ-ММ-ДД', 'a date written YYYY-MM-DD']);
  assert.deepEqual(worded.kind, ['одно из: mine, plant', 'one of: mine, plant']);
  assert.deepEqual(worded.missing, ['обязательно', 'required']);
});

test("a whole number's own bound goes unsaid beside the rule's; alone it says «too large»", () => {
  const bounded = z.number().int().min(0).max(1_000_000).safeParse(1e20);
  const problems = fieldProblems(bounded.error?.issues ?? []);
  assert.deepEqual(
    problems.map((p) => p.message.text('ru')),
    ['не больше 1\u00a0000\u00a0000'],
  );
  const unbounded = fieldProblems(z.number().int().safeParse(1e20).error?.issues ?? []);
  assert.deepEqual(
    unbounded.map((p) => [p.message.text('ru'), p.message.text('en')]),
    [['слишком большое число', 'a number too large']],
  );
});
