// A deal's money per unit past its bound: refused by the rule, in words, never by zod's
// safe-integer bound (the user walk saw «не больше 9007199254740991» on the listing form).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldProblems } from '../model/errors.ts';
import { DealTerms } from './schema.ts';

const terms = {
  quantity: 1000,
  unit: 't',
  schedule: { from: '2027-01-01', to: '2027-12-31' },
  quality: {},
  priceKopecksPerUnit: 35_000,
  transport: { mode: 'road', paidBy: 'consumer' },
  transportKopecksPerUnit: 15_000,
  tolerancePct: 5,
};

test('a huge price or transport cost is refused once, worded, on its field', () => {
  for (const field of ['priceKopecksPerUnit', 'transportKopecksPerUnit'] as const)
    for (const huge of [1e20, -1e20]) {
      const r = DealTerms.safeParse({ ...terms, [field]: huge });
      assert.equal(r.success, false);
      const problems = fieldProblems(r.error?.issues ?? []);
      const words = problems.map((p) => [p.field, p.message.text('ru')]);
      assert.equal(problems.length, 1, JSON.stringify(words));
      assert.equal(problems[0].field, field);
      assert.ok(!JSON.stringify(words).includes('9007199254740991'), JSON.stringify(words));
    }
  const ru = fieldProblems(
    DealTerms.safeParse({ ...terms, priceKopecksPerUnit: 1e20 }).error?.issues ?? [],
  );
  assert.equal(
    ru[0].message.text('ru'),
    'больше любой реальной цены за единицу (не больше 100\u00a0000 ₽ за единицу)',
  );
  // a fraction of a kopeck is still refused
  assert.equal(DealTerms.safeParse({ ...terms, priceKopecksPerUnit: 350.5 }).success, false);
  assert.equal(DealTerms.safeParse(terms).success, true);
});
