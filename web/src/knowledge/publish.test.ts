import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assetBody,
  blankAsset,
  blankProfile,
  blankProject,
  checkAsset,
  checkProfile,
  checkProject,
  formField,
  kopecksOf,
  projectBody,
} from './publish.ts';

test('roubles as typed become kopecks; anything else is no amount', () => {
  assert.equal(kopecksOf('12 500 000'), 1_250_000_000);
  assert.equal(kopecksOf('1500000,5'), 150_000_050);
  assert.equal(kopecksOf('0'), 0);
  for (const bad of ['', '-1', '1,234', 'abc', '1.2.3']) assert.equal(kopecksOf(bad), null, bad);
});

test('a budget that is no amount says why: a minus, too many roubles, a third decimal, no number', () => {
  const v = { ...blankProject(), titleRu: 'Проект' };
  const why = (budget: string) => {
    const issue = checkProject({ ...v, budget }, 'frc-ccc').budget;
    return issue && 'key' in issue ? issue.key : undefined;
  };
  assert.equal(why('-5'), 'errBudgetNegative');
  assert.equal(why('99999999999999999999'), 'errBudgetTooBig');
  assert.equal(why('10 000 000 000 001'), 'errBudgetTooBig');
  assert.equal(why('1,234'), 'errBudgetKopecks');
  assert.equal(why('много'), 'errBudget');
  assert.equal(why('10 000 000 000 000'), undefined);
});

test('an asset without a title or a kind is named by field; one title is enough', () => {
  const v = { ...blankAsset(), textRu: 'текст' };
  assert.deepEqual(Object.keys(checkAsset(v)).sort(), ['titleRu', 'trl', 'type']);
  const ok = { ...v, type: 'method', trl: '5', titleEn: 'A method' };
  assert.deepEqual(checkAsset(ok), {});
  assert.deepEqual(checkAsset({ ...ok, visibility: 'organisations' }), {
    audience: { key: 'errAudience' },
  });
  const body = assetBody({ ...ok, authors: ' А. Б. Ив\n\n В. Г. Де ' });
  assert.deepEqual(body.authors, ['А. Б. Ив', 'В. Г. Де']);
  assert.equal(body.titleRu, undefined);
  assert.equal(body.trl, 5);
  assert.equal('audience' in body, false);
});

test('a profile needs its person and each competence once', () => {
  const v = blankProfile();
  assert.deepEqual(Object.keys(checkProfile(v)).sort(), ['competences.0.competence', 'personName']);
  const twice = {
    ...v,
    personName: 'Иванов И. И.',
    competences: [
      { competence: 'flotation', level: '3' },
      { competence: 'flotation', level: '4' },
    ],
  };
  assert.deepEqual(checkProfile(twice), { 'competences.1.competence': { key: 'errDuplicate' } });
});

test('a project: the caller leads, partners once each, the budget in roubles', () => {
  const v = { ...blankProject(), titleRu: 'Проект', budget: '1 000' };
  assert.deepEqual(checkProject(v, 'frc-ccc'), {});
  const bad = {
    ...v,
    budget: 'много',
    partners: [{ organisationId: 'frc-ccc', role: 'partner' as const }],
  };
  assert.deepEqual(Object.keys(checkProject(bad, 'frc-ccc')).sort(), [
    'budget',
    'partners.0.organisationId',
  ]);
  const body = projectBody(
    { ...v, partners: [{ organisationId: 'kemsu', role: 'university' }] },
    'frc-ccc',
  );
  assert.deepEqual(body.participants, [
    { organisationId: 'frc-ccc', role: 'lead' },
    { organisationId: 'kemsu', role: 'university' },
  ]);
  assert.equal(body.budgetKopecks, 100_000);
});

test("the server's fields land on the form's boxes", () => {
  assert.equal(formField('project', 'budgetKopecks'), 'budget');
  assert.equal(formField('project', 'participants.2.organisationId'), 'partners.1.organisationId');
  assert.equal(formField('project', 'participants.0.organisationId'), 'participants');
  assert.equal(formField('project', 'participants'), 'participants');
  assert.equal(formField('asset', 'titleRu'), 'titleRu');
});
