// Participation figures on hand-computed cases: HHI, Gini, vote vs veto, turnout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gini, hhi, participation } from './index.ts';

test('HHI: one author 1, n equal authors 1/n, nothing: no data', () => {
  assert.equal(hhi([5]), 1);
  assert.equal(hhi([2, 2, 2, 2]), 0.25);
  assert.equal(hhi([3, 1]), 0.625);
  assert.equal(hhi([]), null);
});

test('Gini: equal weights 0, one holder of all (n − 1)/n, nothing: no data', () => {
  assert.equal(gini([1, 1, 1]), 0);
  assert.equal(gini([0, 0, 0, 4]), 0.75);
  assert.ok(Math.abs((gini([1, 2, 3]) ?? 0) - 2 / 9) < 1e-12);
  assert.equal(gini([]), null);
  assert.equal(gini([0, 0]), null);
});

test('decisions by vote and by veto, turnout of the counted ones', () => {
  const f = participation(
    [
      { proposalId: 'p1', author: 'a', turnout: 0.5, decidedBy: 'vote' },
      { proposalId: 'p2', author: 'a', turnout: null, decidedBy: 'veto' },
      { proposalId: 'p3', author: 'b', turnout: 0.7, decidedBy: 'vote' },
      { proposalId: 'p4', author: 'c', turnout: null },
    ],
    [1, 1, 2],
  );
  assert.deepEqual(f.turnout, [
    { proposalId: 'p1', turnout: 0.5 },
    { proposalId: 'p3', turnout: 0.7 },
  ]);
  assert.ok(Math.abs((f.meanTurnout ?? 0) - 0.6) < 1e-12);
  assert.equal(f.decided, 3);
  assert.equal(f.byVoteShare, 2 / 3);
  assert.equal(f.byVetoShare, 1 / 3);
  assert.equal(f.authorshipHhi, (2 / 4) ** 2 + (1 / 4) ** 2 + (1 / 4) ** 2);
  assert.ok(Math.abs((f.voteWeightGini ?? 0) - 1 / 6) < 1e-12);
});
