// Malformed input is refused with an EngineInputError whose issues name the item.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProblemInput } from './schema.ts';
import { solve } from './solve.ts';
import { dropInvalidLinks, EngineInputError, validateProblem } from './validate.ts';

const base = (): ProblemInput => ({
  supplies: [
    { id: 's1', quantity: 100, properties: { ash: 10 } },
    { id: 's2', quantity: 50, properties: { ash: 20, moisture: 5 } },
  ],
  demands: [{ id: 'd1', quantity: 80, value: 10, limits: { moisture: { max: 8 } } }],
  links: [{ supply: 's2', demand: 'd1', cost: 1 }],
});

function issuesOf(mutate: (p: ProblemInput) => void) {
  const p = base();
  mutate(p);
  try {
    validateProblem(p);
  } catch (e) {
    assert.ok(e instanceof EngineInputError, `expected EngineInputError, got ${e}`);
    assert.ok(e.issues.length > 0);
    for (const i of e.issues) assert.ok(i.item.length > 0 && i.message.length > 0);
    return e;
  }
  assert.fail('input was accepted');
}

const cases: [string, (p: ProblemInput) => void, RegExp, RegExp][] = [
  [
    'unknown supply in a link',
    (p) => p.links.push({ supply: 'ghost', demand: 'd1' }),
    /^link ghost→d1$/,
    /unknown supply "ghost"/,
  ],
  [
    'unknown demand in a link',
    (p) => p.links.push({ supply: 's1', demand: 'nowhere' }),
    /^link s1→nowhere$/,
    /unknown demand "nowhere"/,
  ],
  [
    'duplicate supply id',
    (p) => p.supplies.push({ id: 's1', quantity: 1 }),
    /^supply s1$/,
    /duplicate id/,
  ],
  [
    'duplicate demand id',
    (p) => p.demands.push({ id: 'd1', quantity: 1 }),
    /^demand d1$/,
    /duplicate id/,
  ],
  [
    'negative quantity',
    (p) => {
      p.supplies[1].quantity = -5;
    },
    /^supply s2$/,
    /quantity: must be ≥ 0/,
  ],
  [
    'minQuantity above quantity',
    (p) => {
      p.demands[0].minQuantity = 90;
    },
    /^demand d1$/,
    /minQuantity 90 exceeds quantity 80/,
  ],
  [
    'a link minimum above what the link can carry',
    (p) => {
      p.links[0].minQuantity = 90;
    },
    /→/,
    /minQuantity 90 exceeds what the link can carry/,
  ],
  [
    'NaN',
    (p) => {
      p.demands[0].value = Number.NaN;
    },
    /^demand d1$/,
    /value/,
  ],
  [
    'Infinity',
    (p) => {
      p.supplies[0].quantity = Number.POSITIVE_INFINITY;
    },
    /^supply s1$/,
    /quantity/,
  ],
  [
    'zero yield',
    (p) => {
      p.links[0].yield = 0;
    },
    /^link s2→d1 \(links\[0\]\)$/,
    /yield: must be > 0/,
  ],
  [
    'negative yield',
    (p) => {
      p.links[0].yield = -1;
    },
    /^link s2→d1/,
    /yield/,
  ],
  [
    'negative capacity',
    (p) => {
      p.links[0].capacity = -1;
    },
    /^link s2→d1/,
    /capacity: must be ≥ 0/,
  ],
  [
    'a limit on a property the linked supply lacks',
    (p) => p.links.push({ supply: 's1', demand: 'd1' }),
    /^link s1→d1$/,
    /demand d1 limits "moisture" but supply s1 does not carry it/,
  ],
  [
    'a limit with min above max',
    (p) => {
      p.demands[0].limits = { moisture: { min: 9, max: 8 } };
    },
    /^demand d1$/,
    /min exceeds max/,
  ],
  [
    'a string where a number belongs',
    (p) => {
      (p.supplies[0] as { quantity: unknown }).quantity = '5';
    },
    /^supply s1$/,
    /quantity/,
  ],
];

describe('malformed input', () => {
  for (const [name, mutate, item, message] of cases) {
    test(`${name}: the error names the item`, () => {
      const e = issuesOf(mutate);
      const hit = e.issues.find((i) => item.test(i.item) && message.test(i.message));
      assert.ok(hit, `no issue matching ${item} / ${message} in ${JSON.stringify(e.issues)}`);
      assert.match(e.message, /^invalid input: /);
      assert.ok(!e.message.includes('\n'), 'one line');
    });
  }

  test('a missing collection is named', () => {
    const e = issuesOf((p) => {
      delete (p as Partial<ProblemInput>).links;
    });
    assert.equal(e.issues[0].item, 'links');
  });

  test('solve refuses malformed input instead of planning', async () => {
    const p = base();
    p.links.push({ supply: 'ghost', demand: 'd1' });
    await assert.rejects(solve(p), EngineInputError);
  });

  test('valid input is accepted with defaults applied', () => {
    const p = validateProblem(base());
    assert.equal(p.links[0].yield, 1);
    assert.equal(p.supplies[0].minQuantity, 0);
    assert.equal(p.supplies[0].disposalCost, 0);
    assert.equal(p.links[0].capacity, undefined);
  });
});

describe('dropInvalidLinks', () => {
  test('drops links whose supply lacks a limited property, with a warning each', () => {
    const p = base();
    p.links.push({ supply: 's1', demand: 'd1' });
    const { problem, warnings } = dropInvalidLinks(p);
    assert.deepEqual(
      problem.links.map((l) => l.supply),
      ['s2'],
    );
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0],
      /link s1→d1 dropped: supply s1 does not report "moisture" limited by demand d1/,
    );
    assert.equal(p.links.length, 2, 'the input is not mutated');
    assert.doesNotThrow(() => validateProblem(problem));
  });

  test('keeps everything when all links are valid', () => {
    const { problem, warnings } = dropInvalidLinks(base());
    assert.equal(problem.links.length, 1);
    assert.deepEqual(warnings, []);
  });
});

test('figures too large for exact arithmetic are refused, naming the link', () => {
  const huge = {
    supplies: [{ id: 's1', quantity: 1e300, disposalCost: 1e300 }],
    demands: [{ id: 'd1', quantity: 10, value: 5 }],
    links: [{ supply: 's1', demand: 'd1', cost: 1 }],
  };
  assert.throws(
    () => validateProblem(huge),
    (e: EngineInputError) =>
      e.issues.some((i) => i.item.includes('s1→d1') && /check the units/.test(i.message)),
  );
  const fine = { ...huge, supplies: [{ id: 's1', quantity: 1e6, disposalCost: 300 }] };
  assert.doesNotThrow(() => validateProblem(fine));
});
