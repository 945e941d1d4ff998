import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { problemsWithRules } from './schemaProblems.ts';

const Fields = z.object({ from: z.string(), to: z.string(), n: z.number().max(10) });
type Fields = z.infer<typeof Fields>;

/** A cross-field rule that counts how often it runs. */
function counted() {
  let runs = 0;
  const rules = (v: Fields, ctx: z.RefinementCtx) => {
    runs += 1;
    if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'before from' });
  };
  return { rules, runs: () => runs };
}

test('the rules run once: on the parsed body when the fields parse, on the body when they fail', () => {
  for (const [body, fieldProblems] of [
    [{ from: 'b', to: 'a', n: 1 }, 0], // every field parses
    [{ from: 'b', to: 'a', n: 11 }, 1], // a field fails softly (out of range)
    [{ from: 'b', to: 'a', n: 'x' }, 1], // a field fails hard (not a number)
  ] as const) {
    const c = counted();
    const problems = problemsWithRules(Fields, c.rules, body, 'en');
    assert.equal(c.runs(), 1, JSON.stringify(body));
    assert.equal(
      problems.filter((p) => p.text === 'before from').length,
      1,
      JSON.stringify(problems),
    );
    assert.equal(problems.length, fieldProblems + 1, JSON.stringify(problems));
  }
  const c = counted();
  assert.deepEqual(problemsWithRules(Fields, c.rules, { from: 'a', to: 'b', n: 1 }, 'en'), []);
  assert.equal(c.runs(), 1);
});
