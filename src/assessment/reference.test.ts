// The employment table of the territorial baseline: the shipped file parses, and a figure
// marked an estimate without its basis, or with a basis in one language only, is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmploymentTable, employmentTable } from './reference.ts';

const words = (text: string) => ({ ru: `${text} (ru)`, en: text });
const row = {
  name: words('Coal mining'),
  region: 1,
  country: 2,
  year: 2024,
  status: 'estimate',
  basis: words('order of magnitude'),
  source: words('estimate'),
  refs: 'reference-data.md §6',
};
const table = (industry: object) => ({
  region: 'r',
  country: 'c',
  unit: 'thousand employees',
  industries: { '05': industry },
  total: { ...row, region: 10, country: 20 },
});

test('the shipped employment table: every estimate with its basis in Russian and English', () => {
  const t = employmentTable();
  for (const figure of [...Object.values(t.industries), t.total]) {
    assert.ok(figure.source.ru && figure.source.en);
    if (figure.status === 'estimate') assert.ok(figure.basis?.ru && figure.basis.en);
  }
});

test('an estimate without a basis, or with a basis in English only, is refused', () => {
  assert.ok(EmploymentTable.safeParse(table(row)).success);
  const { basis: _, ...bare } = row;
  const without = EmploymentTable.safeParse(table(bare));
  assert.equal(without.success, false);
  assert.match(JSON.stringify(without.error?.issues), /an estimate needs its basis/);
  assert.equal(
    EmploymentTable.safeParse(table({ ...row, basis: 'order of magnitude' })).success,
    false,
  );
  assert.equal(
    EmploymentTable.safeParse(table({ ...row, source: 'reference-data.md §6' })).success,
    false,
  );
  // a sourced figure needs none
  assert.ok(EmploymentTable.safeParse(table({ ...bare, status: 'sourced' })).success);
});
