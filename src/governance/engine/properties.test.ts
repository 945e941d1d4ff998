// Property tests (fast-check, bounded): instant runoff against a separately written reference,
// delegation that counts each member at most once and nothing through a cycle, and the
// single-round methods' sums.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Round, resolveDelegations, tally } from './index.ts';

/**
 * Reference instant runoff, written apart from irv.ts: each round recounts from scratch; the
 * candidate to eliminate is the lexicographically least vector (its count in round 1, round 2,
 * …, this round, then minus its position in the list) — the fewest in the earliest round that
 * differs, then the one listed later.
 */
function referenceIrv(candidates: string[], rankings: string[][]) {
  const out: string[] = [];
  const history: Map<string, number>[] = [];
  const rounds: Round[] = [];
  for (;;) {
    const live = candidates.filter((c) => !out.includes(c));
    const count = new Map(live.map((c) => [c, 0]));
    for (const r of rankings) {
      const first = r.filter((c) => !out.includes(c))[0];
      if (first !== undefined) count.set(first, (count.get(first) ?? 0) + 1);
    }
    history.push(count);
    const counts = Object.fromEntries(live.map((c) => [c, count.get(c) ?? 0]));
    rounds.push({ counts });
    const sum = live.reduce((s, c) => s + (count.get(c) ?? 0), 0);
    if (sum === 0) return { status: 'failed', rounds };
    for (const c of live)
      if ((count.get(c) ?? 0) > sum / 2) return { status: 'passed', winner: c, rounds };
    if (live.length === 1) return { status: 'passed', winner: live[0], rounds };
    if (live.length === 2 && count.get(live[0]) === count.get(live[1]))
      return { status: 'tie', rounds };
    // now, then the earliest round first, then minus the position in the list
    const key = (c: string) => [
      count.get(c) ?? 0,
      ...history.map((h) => h.get(c) ?? 0),
      -candidates.indexOf(c),
    ];
    const less = (x: number[], y: number[]) => {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
      return false;
    };
    let loser = live[0];
    for (const c of live.slice(1)) if (less(key(c), key(loser))) loser = c;
    rounds[rounds.length - 1].eliminated = loser;
    out.push(loser);
  }
}

const names = ['a', 'b', 'c', 'd', 'e'];
const irvCase = fc
  .integer({ min: 1, max: 5 })
  .chain((k) =>
    fc.record({
      candidates: fc.shuffledSubarray(names, { minLength: k, maxLength: k }),
      rankings: fc.array(fc.shuffledSubarray(names.slice(0, 5), { minLength: 0, maxLength: 5 }), {
        maxLength: 30,
      }),
    }),
  )
  .map(({ candidates, rankings }) => ({
    candidates,
    rankings: rankings.map((r) => r.filter((c) => candidates.includes(c))),
  }));

describe('instant runoff', () => {
  test('equals the reference implementation on random ballots', () => {
    fc.assert(
      fc.property(irvCase, ({ candidates, rankings }) => {
        const got = tally({
          method: 'irv',
          candidates,
          ballots: rankings.map((ranking, i) => ({ voter: `v${i}`, ranking })),
        });
        const want = referenceIrv(candidates, rankings);
        assert.deepEqual(
          { status: got.status, winner: got.winner, rounds: got.rounds },
          { status: want.status, winner: want.winner, rounds: want.rounds },
        );
      }),
      { numRuns: 400 },
    );
  });

  test('few candidates and many equal counts: the tie-breaks still agree', () => {
    const tight = fc.record({
      candidates: fc.constant(['a', 'b', 'c', 'd']),
      rankings: fc.array(
        fc.shuffledSubarray(['a', 'b', 'c', 'd'], { minLength: 1, maxLength: 2 }),
        {
          minLength: 4,
          maxLength: 9,
        },
      ),
    });
    fc.assert(
      fc.property(tight, ({ candidates, rankings }) => {
        const got = tally({
          method: 'irv',
          candidates,
          ballots: rankings.map((ranking, i) => ({ voter: `v${i}`, ranking })),
        });
        assert.deepEqual(got.rounds, referenceIrv([...candidates], rankings).rounds);
      }),
      { numRuns: 400 },
    );
  });
});

const delegationCase = fc.integer({ min: 1, max: 12 }).chain((n) => {
  const members = Array.from({ length: n }, (_, i) => `m${i}`);
  return fc.record({
    members: fc.constant(members),
    voted: fc.subarray(members),
    delegates: fc.array(fc.option(fc.constantFrom(...members), { nil: undefined }), {
      minLength: n,
      maxLength: n,
    }),
    weights: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
  });
});

describe('delegation', () => {
  test('each member counted at most once, nothing through a cycle, direct votes count for themselves', () => {
    fc.assert(
      fc.property(delegationCase, ({ members, voted, delegates }) => {
        const delegations = members.flatMap((m, i) =>
          delegates[i] === undefined ? [] : [{ from: m, to: delegates[i] as string }],
        );
        const voters = new Set(voted);
        const r = resolveDelegations(members, voters, delegations);
        const carriedAll = [...r.carried.values()].flat();
        assert.equal(new Set(carriedAll).size, carriedAll.length, 'a member carried twice');
        assert.equal(carriedAll.length, r.countedBy.size);
        assert.equal(r.countedBy.size + r.uncounted.length, members.length);
        for (const v of voted) assert.equal(r.countedBy.get(v), v);
        // reference: walk at most n steps; counted iff a voter is reached before a repeat
        const next = new Map(delegations.map((d) => [d.from, d.to]));
        for (const m of members) {
          if (voters.has(m)) continue;
          const seen = new Set([m]);
          let at = next.get(m);
          let reached: string | undefined;
          while (at !== undefined) {
            if (voters.has(at)) {
              reached = at;
              break;
            }
            if (seen.has(at)) break; // a cycle: counted through no one
            seen.add(at);
            at = next.get(at);
          }
          assert.equal(r.countedBy.get(m), reached, `member ${m}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('weighted tally: counted weight ≤ the electorate weight, each ballot as its carried stakes', () => {
    fc.assert(
      fc.property(
        delegationCase,
        fc.boolean(),
        ({ members, voted, delegates, weights }, capped) => {
          const delegations = members.flatMap((m, i) =>
            delegates[i] === undefined ? [] : [{ from: m, to: delegates[i] as string }],
          );
          const stake = Object.fromEntries(members.map((m, i) => [m, weights[i]]));
          const result = tally({
            method: 'weighted',
            candidates: ['yes', 'no'],
            ballots: voted.map((v, i) => ({ voter: v, choice: i % 2 ? 'no' : 'yes' })),
            delegations,
            electorate: members,
            weights: stake,
            ...(capped ? { cap: 0.3 } : {}),
          });
          const counts = result.rounds?.[0].counts ?? {};
          const counted = (counts.yes ?? 0) + (counts.no ?? 0);
          const electorateWeight = weights.reduce((s, w) => s + w, 0);
          assert.ok(counted <= electorateWeight + 1e-9, `${counted} > ${electorateWeight}`);
          const r = resolveDelegations(members, new Set(voted), delegations);
          if (!capped) {
            const expected = [...r.countedBy.keys()].reduce((s, m) => s + stake[m], 0);
            assert.equal(counted, expected);
          }
          assert.equal(result.turnout, Math.round((r.countedBy.size / members.length) * 100) / 100);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('plurality: the counts sum to the members counted, never more than the electorate', () => {
    fc.assert(
      fc.property(delegationCase, ({ members, voted, delegates }) => {
        const delegations = members.flatMap((m, i) =>
          delegates[i] === undefined ? [] : [{ from: m, to: delegates[i] as string }],
        );
        const result = tally({
          method: 'plurality',
          candidates: ['x', 'y', 'z'],
          ballots: voted.map((v, i) => ({ voter: v, choice: ['x', 'y', 'z'][i % 3] })),
          delegations,
          electorate: members,
        });
        const sum = Object.values(result.rounds?.[0].counts ?? {}).reduce((s, x) => s + x, 0);
        assert.ok(sum <= members.length);
        assert.equal(sum, resolveDelegations(members, new Set(voted), delegations).countedBy.size);
      }),
      { numRuns: 300 },
    );
  });
});

describe('consent', () => {
  test('any block: not passed', () => {
    const positions = ['agree', 'abstain', 'disagree', 'block'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...positions), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ps, threshold) => {
          const r = tally({
            method: 'consent',
            ballots: ps.map((position, i) => ({ voter: `v${i}`, position })),
            threshold,
          });
          if (ps.includes('block')) assert.equal(r.status, 'failed');
          if (!ps.includes('block') && ps.every((p) => p === 'agree'))
            assert.equal(r.status, 'passed');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('approval', () => {
  test('an abstention (a ballot that approves none) raises the turnout and changes no count nor the outcome without a quorum', () => {
    const options = ['a', 'b', 'c'];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(options), { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (approvals, abstaining, threshold) => {
          const voters = approvals.map((approve, i) => ({ voter: `v${i}`, approve }));
          const abstentions = Array.from({ length: abstaining }, (_, i) => ({
            voter: `x${i}`,
            approve: [] as string[],
          }));
          const electorate = [...voters, ...abstentions].map((b) => b.voter).concat('absent');
          const input = { method: 'approval' as const, candidates: options, electorate, threshold };
          const without = tally({ ...input, ballots: voters });
          const withThem = tally({ ...input, ballots: [...voters, ...abstentions] });
          assert.deepEqual(withThem.rounds, without.rounds);
          assert.equal(withThem.status, without.status);
          assert.equal(withThem.winner, without.winner);
          assert.ok(withThem.turnout > without.turnout);
        },
      ),
      { numRuns: 300 },
    );
  });
});
