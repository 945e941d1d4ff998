import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { rank, type TermHit } from './rank.ts';

const hit = (recordId: string, term: string, weight: number, recordType = 'asset'): TermHit => ({
  recordType,
  recordId,
  term,
  weight,
});

test('a document holding every query term outranks one holding one, however heavy', () => {
  const hits = [hit('a', 'x', 1), hit('a', 'y', 1), hit('b', 'x', 40)];
  const ranked = rank(
    ['x', 'y'],
    hits,
    10,
    new Map([
      ['x', 2],
      ['y', 1],
    ]),
  );
  assert.deepEqual(
    ranked.map((r) => r.recordId),
    ['a', 'b'],
  );
});

test('rarer terms count more; equal scores fall to type then id', () => {
  const df = new Map([
    ['common', 9],
    ['rare', 1],
  ]);
  const r = rank(['common', 'rare'], [hit('c', 'common', 1), hit('r', 'rare', 1)], 10, df);
  assert.deepEqual(
    r.map((x) => x.recordId),
    ['r', 'c'],
  );
  const tie = rank(
    ['t'],
    [hit('b', 't', 1, 'project'), hit('z', 't', 1), hit('a', 't', 1)],
    3,
    new Map([['t', 3]]),
  );
  assert.deepEqual(
    tie.map((x) => `${x.recordType}:${x.recordId}`),
    ['asset:a', 'asset:z', 'project:b'],
  );
});

test('the ranking does not depend on the order the database returns its rows in', () => {
  const arbHits = fc.array(
    fc.record({
      recordType: fc.constantFrom('asset', 'profile', 'project'),
      recordId: fc.constantFrom('a', 'b', 'c', 'd'),
      term: fc.constantFrom('x', 'y', 'z'),
      weight: fc.integer({ min: 1, max: 9 }),
    }),
    { maxLength: 30 },
  );
  fc.assert(
    fc.property(arbHits, fc.integer(), (raw, seed) => {
      // one row per (document, term), as the index's primary key keeps it
      const unique = [
        ...new Map(raw.map((h) => [`${h.recordType}${h.recordId}${h.term}`, h])).values(),
      ];
      const shuffled = [...unique].sort(
        (p, q) => ((p.weight * 31 + seed) % 7) - ((q.weight * 31 + seed) % 7),
      );
      const df = new Map([
        ['x', 3],
        ['y', 2],
        ['z', 1],
      ]);
      assert.deepEqual(rank(['x', 'y'], unique, 12, df), rank(['x', 'y'], shuffled, 12, df));
    }),
    { numRuns: 200 },
  );
});

test('no query terms, no results', () => {
  assert.deepEqual(rank([], [hit('a', 'x', 1)], 1, new Map()), []);
});
