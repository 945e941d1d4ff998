import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defuseFormula, restoreFormula } from './cells.ts';

test('a formula-like text gets an apostrophe, and loses it on import; other text is kept', () => {
  for (const t of ['=1+1', '+7 900', '-2', '@SUM(A1)', '\tx', '\rx'])
    assert.equal(defuseFormula(t), `'${t}`);
  for (const t of ['АО «Завод»', '— нет', "'quoted", '1=1', '']) assert.equal(defuseFormula(t), t);
  for (const t of ['=1+1', '-2', 'plain', "'plain"])
    assert.equal(restoreFormula(defuseFormula(t)), t);
});
