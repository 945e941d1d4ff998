// The tally's rules, one fixture each: methods, tie-breaks, quorum, threshold, consent, input errors.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TallyInputError, tally } from './index.ts';

describe('plurality and weighted', () => {
  test('the issue example: two of three vote, a wins', () => {
    const r = tally({
      method: 'plurality',
      candidates: ['a', 'b'],
      ballots: [
        { voter: 'v1', choice: 'a' },
        { voter: 'v2', choice: 'b' },
        { voter: 'v4', choice: 'a' },
      ],
      electorate: ['v1', 'v2', 'v3', 'v4'],
      quorum: 0.5,
      threshold: 0.5,
    });
    assert.deepEqual(r, {
      status: 'passed',
      winner: 'a',
      turnout: 0.75,
      rounds: [{ counts: { a: 2, b: 1 } }],
    });
  });

  test('plurality counts one member one vote whatever the declared weight', () => {
    const r = tally({
      method: 'plurality',
      candidates: ['a', 'b'],
      ballots: [
        { voter: 'v1', weight: 10, choice: 'a' },
        { voter: 'v2', choice: 'b' },
      ],
    });
    assert.equal(r.status, 'tie');
    assert.equal(r.winner, undefined);
    assert.deepEqual(r.rounds, [{ counts: { a: 1, b: 1 } }]);
  });

  test('weighted counts the declared stake, capped at a share of the electorate', () => {
    const input = {
      method: 'weighted' as const,
      candidates: ['a', 'b'],
      ballots: [
        { voter: 'big', weight: 8, choice: 'a' },
        { voter: 's1', weight: 1, choice: 'b' },
        { voter: 's2', weight: 1, choice: 'b' },
      ],
    };
    assert.deepEqual(tally(input).rounds, [{ counts: { a: 8, b: 2 } }]);
    assert.equal(tally(input).winner, 'a');
    // cap 0.1 of 10 = 1: the big stake counts as 1
    const capped = tally({ ...input, cap: 0.1 });
    assert.deepEqual(capped.rounds, [{ counts: { a: 1, b: 2 } }]);
    assert.equal(capped.winner, 'b');
  });

  test('a delegate carries the delegator, a direct vote overrides the delegation', () => {
    const r = tally({
      method: 'plurality',
      candidates: ['a', 'b'],
      ballots: [
        { voter: 'v1', choice: 'a' },
        { voter: 'v2', choice: 'b' },
      ],
      delegations: [
        { from: 'v3', to: 'v1' },
        { from: 'v2', to: 'v1' },
      ],
      electorate: ['v1', 'v2', 'v3'],
    });
    assert.deepEqual(r.rounds, [{ counts: { a: 2, b: 1 } }]);
    assert.equal(r.turnout, 1);
  });

  test('a delegation cycle counts for no one', () => {
    const r = tally({
      method: 'plurality',
      candidates: ['a'],
      ballots: [{ voter: 'v1', choice: 'a' }],
      delegations: [
        { from: 'v2', to: 'v3' },
        { from: 'v3', to: 'v2' },
      ],
      electorate: ['v1', 'v2', 'v3'],
    });
    assert.deepEqual(r.rounds, [{ counts: { a: 1 } }]);
    assert.equal(r.turnout, 0.33);
  });

  test('below quorum: no_quorum and no winner; below threshold: failed', () => {
    const base = {
      method: 'plurality' as const,
      candidates: ['a', 'b', 'c'],
      ballots: [
        { voter: 'v1', choice: 'a' },
        { voter: 'v2', choice: 'b' },
        { voter: 'v3', choice: 'c' },
        { voter: 'v4', choice: 'a' },
      ],
    };
    const nq = tally({
      ...base,
      electorate: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9'],
      quorum: 0.5,
    });
    assert.equal(nq.status, 'no_quorum');
    assert.equal(nq.winner, undefined);
    assert.equal(nq.turnout, 0.44);
    assert.equal(tally({ ...base, threshold: 0.5 }).status, 'passed');
    assert.equal(tally({ ...base, threshold: 0.51 }).status, 'failed');
  });

  test('nobody voted: failed, turnout 0', () => {
    const r = tally({ method: 'plurality', candidates: ['a'], ballots: [], electorate: ['v1'] });
    assert.equal(r.status, 'failed');
    assert.equal(r.turnout, 0);
  });
});

describe('approval', () => {
  test('most approvals wins; equal approvals tie', () => {
    const r = tally({
      method: 'approval',
      candidates: ['a', 'b', 'c'],
      ballots: [
        { voter: 'v1', approve: ['a', 'b'] },
        { voter: 'v2', approve: ['b'] },
        { voter: 'v3', approve: ['c', 'a'] },
      ],
    });
    assert.equal(r.status, 'tie');
    assert.deepEqual(r.rounds, [{ counts: { a: 2, b: 2, c: 1 } }]);
    const s = tally({
      method: 'approval',
      candidates: ['a', 'b'],
      ballots: [
        { voter: 'v1', approve: ['a', 'b'] },
        { voter: 'v2', approve: ['b'] },
      ],
      threshold: 1,
    });
    assert.deepEqual([s.status, s.winner], ['passed', 'b']);
  });

  test('a ballot that approves none abstains: it counts toward the quorum, not the threshold', () => {
    const base = {
      method: 'approval' as const,
      candidates: ['a', 'b'],
      electorate: ['v1', 'v2', 'v3', 'v4'],
      quorum: 0.75,
      threshold: 1,
    };
    const two = [
      { voter: 'v1', approve: ['a'] },
      { voter: 'v2', approve: ['a', 'b'] },
    ];
    assert.equal(tally({ ...base, ballots: two }).status, 'no_quorum');
    const withAbstention = tally({ ...base, ballots: [...two, { voter: 'v3', approve: [] }] });
    // the quorum is met by the abstention; `a` is approved on every ballot that approves any
    assert.deepEqual(withAbstention, {
      status: 'passed',
      winner: 'a',
      turnout: 0.75,
      rounds: [{ counts: { a: 2, b: 1 } }],
    });
    // a delegate's abstention carries its delegators' as abstentions too
    const carried = tally({
      ...base,
      ballots: [...two, { voter: 'v3', approve: [] }],
      delegations: [{ from: 'v4', to: 'v3' }],
    });
    assert.equal(carried.turnout, 1);
    assert.deepEqual(carried.rounds, [{ counts: { a: 2, b: 1 } }]);
    // abstentions alone decide nothing
    const none = tally({
      ...base,
      quorum: 0,
      ballots: [
        { voter: 'v1', approve: [] },
        { voter: 'v2', approve: [] },
      ],
    });
    assert.deepEqual([none.status, none.turnout], ['failed', 0.5]);
  });
});

describe('consent', () => {
  const ballots = [
    { voter: 'v1', position: 'agree' as const },
    { voter: 'v2', position: 'agree' as const },
    { voter: 'v3', position: 'abstain' as const },
    { voter: 'v4', position: 'disagree' as const, reason: 'cost' },
  ];
  test('agreement without a block passes', () => {
    const r = tally({ method: 'consent', ballots, threshold: 0.5 });
    assert.deepEqual(r, {
      status: 'passed',
      turnout: 1,
      rounds: [{ counts: { agree: 2, abstain: 1, disagree: 1, block: 0 } }],
    });
  });
  test('one block and the proposal does not pass, however many agree', () => {
    const r = tally({
      method: 'consent',
      ballots: [...ballots, { voter: 'v5', position: 'block', reason: 'unsafe' }],
    });
    assert.equal(r.status, 'failed');
  });
  test('only abstentions: not passed', () => {
    assert.equal(
      tally({ method: 'consent', ballots: [{ voter: 'v1', position: 'abstain' }] }).status,
      'failed',
    );
  });
});

describe('instant runoff tie-breaks', () => {
  const ranked = (rankings: string[][]) =>
    rankings.map((ranking, i) => ({ voter: `v${i}`, ranking }));

  test('a majority in the first round wins at once', () => {
    const r = tally({
      method: 'irv',
      candidates: ['a', 'b'],
      ballots: ranked([['a'], ['a'], ['b']]),
    });
    assert.deepEqual(r, {
      status: 'passed',
      winner: 'a',
      turnout: 1,
      rounds: [{ counts: { a: 2, b: 1 } }],
    });
  });

  test('the fewest is eliminated and its ballots move on', () => {
    const r = tally({
      method: 'irv',
      candidates: ['a', 'b', 'c'],
      ballots: ranked([['a'], ['a'], ['b'], ['b'], ['c', 'b']]),
    });
    assert.deepEqual(r.rounds, [
      { counts: { a: 2, b: 2, c: 1 }, eliminated: 'c' },
      { counts: { a: 2, b: 3 } },
    ]);
    assert.equal(r.winner, 'b');
  });

  test('rule 1: tied for the fewest, the one with fewer in the earliest round that differs goes', () => {
    // round 1: a 3, b 2, c 2, d 1 → d out (its ballot goes to b)
    // round 2: a 3, b 3, c 2 → c out, its ballots split a, b... here to nobody
    // construct: round 2 tie between b and c; round 1 had b 2 > c... see below
    const r = tally({
      method: 'irv',
      candidates: ['a', 'b', 'c', 'd'],
      ballots: ranked([['a'], ['a'], ['a'], ['a'], ['b'], ['b'], ['c'], ['c'], ['c'], ['d', 'b']]),
    });
    // round 1: a 4, b 2, c 3, d 1 → d out; round 2: a 4, b 3, c 3 → b and c tied;
    // in round 1 b had 2 < c's 3: b goes (though b is listed before c)
    assert.deepEqual(r.rounds?.[1], { counts: { a: 4, b: 3, c: 3 }, eliminated: 'b' });
    assert.equal(r.rounds?.[0].eliminated, 'd');
  });

  test('rule 1 looks only as far as the earliest round that differs', () => {
    // round 1: a 5, b 2, c 2, d 2, e 1 → e out (to c): the three-way tie is among b, c, d
    // later; check the narrowing: round 2: a 5, b 2, c 3, d 2 → b, d tied, equal in round 1 too
    // → rule 2: d (listed later) goes
    const r = tally({
      method: 'irv',
      candidates: ['a', 'b', 'c', 'd', 'e'],
      ballots: ranked([
        ['a'],
        ['a'],
        ['a'],
        ['a'],
        ['a'],
        ['b'],
        ['b'],
        ['c'],
        ['c'],
        ['d'],
        ['d'],
        ['e', 'c'],
      ]),
    });
    assert.equal(r.rounds?.[0].eliminated, 'e');
    assert.deepEqual(r.rounds?.[1], { counts: { a: 5, b: 2, c: 3, d: 2 }, eliminated: 'd' });
  });

  test('rule 2: tied in every round, the one listed later in candidates goes', () => {
    const r = tally({
      method: 'irv',
      candidates: ['a', 'b', 'c'],
      ballots: ranked([['a'], ['a'], ['a'], ['b'], ['c']]),
    });
    assert.deepEqual(r.rounds?.[0], { counts: { a: 3, b: 1, c: 1 } });
    // a has a majority at once; make one where there is none:
    const s = tally({
      method: 'irv',
      candidates: ['a', 'b', 'c'],
      ballots: ranked([['a'], ['a'], ['b', 'a'], ['c', 'b']]),
    });
    // round 1: a 2, b 1, c 1 (no majority of 4) → b and c tied from the start: c (later) goes
    assert.deepEqual(s.rounds?.[0], { counts: { a: 2, b: 1, c: 1 }, eliminated: 'c' });
    assert.deepEqual(s.rounds?.[1], { counts: { a: 2, b: 2 } });
    assert.equal(s.status, 'tie');
    // the same ballots with the candidates listed the other way round: b goes, a wins
    const t = tally({
      method: 'irv',
      candidates: ['a', 'c', 'b'],
      ballots: ranked([['a'], ['a'], ['b', 'a'], ['c', 'b']]),
    });
    assert.deepEqual(t.rounds?.[0], { counts: { a: 2, c: 1, b: 1 }, eliminated: 'b' });
    assert.deepEqual([t.status, t.winner], ['passed', 'a']);
  });

  test('two left with equal counts: a tie, no winner', () => {
    const r = tally({ method: 'irv', candidates: ['a', 'b'], ballots: ranked([['a'], ['b']]) });
    assert.deepEqual(r, { status: 'tie', turnout: 1, rounds: [{ counts: { a: 1, b: 1 } }] });
  });
});

describe('bad input names the field', () => {
  const cases: [string, unknown, RegExp][] = [
    ['unknown method', { method: 'borda', candidates: ['a'], ballots: [] }, /^method:/],
    [
      'unknown candidate',
      { method: 'plurality', candidates: ['a'], ballots: [{ voter: 'v', choice: 'z' }] },
      /ballots\.0\.choice: "z" is not a candidate/,
    ],
    [
      'two ballots',
      { method: 'plurality', candidates: ['a'], ballots: [{ voter: 'v' }, { voter: 'v' }] },
      /ballots\.1\.voter: "v" has two ballots/,
    ],
    [
      'outside the electorate',
      { method: 'plurality', candidates: ['a'], ballots: [{ voter: 'x' }], electorate: ['v'] },
      /not in the electorate/,
    ],
    [
      'ranked twice',
      { method: 'irv', candidates: ['a'], ballots: [{ voter: 'v', ranking: ['a', 'a'] }] },
      /ranked twice/,
    ],
    ['quorum over 1', { method: 'consent', ballots: [], quorum: 2 }, /^quorum:/],
    [
      'delegates twice',
      {
        method: 'consent',
        ballots: [],
        delegations: [
          { from: 'a', to: 'b' },
          { from: 'a', to: 'c' },
        ],
      },
      /delegates twice/,
    ],
  ];
  for (const [name, input, message] of cases)
    test(name, () => {
      assert.throws(
        () => tally(input),
        (e: unknown) => e instanceof TallyInputError && message.test(e.message),
      );
    });
});
