// Keystone/dominator, leader change, crossing ties and HHI on graphs small enough to work out
// by hand (the arithmetic is in the comments).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { betweennessCentrality, buildGraph } from './network.ts';
import {
  crossingShares,
  lccShrink,
  leaderChange,
  networkRole,
  ROLE_THRESHOLDS,
  rankCorrelation,
  topNode,
  valueHhi,
  valueShares,
} from './network-signals.ts';

const close = (a: number | null, b: number, eps = 1e-12) =>
  assert.ok(a !== null && Math.abs(a - b) <= eps, `${a} vs ${b}`);

describe('keystone vs dominator', () => {
  test('a broker between two groups is a keystone; the party to most value a dominator', () => {
    // x1–x2–k–y1–y2 path plus d–x1 and d–x2 ties with the bulk of the value
    const ties = [
      { source: 'x1', target: 'x2', value: 10 },
      { source: 'x2', target: 'k', value: 10 },
      { source: 'k', target: 'y1', value: 10 },
      { source: 'y1', target: 'y2', value: 10 },
      { source: 'd', target: 'x1', value: 40 },
      { source: 'd', target: 'x2', value: 20 },
    ];
    const ids = ['x1', 'x2', 'k', 'y1', 'y2', 'd'];
    const shares = valueShares(ids, ties);
    // total 100; d: 60/100, k: 20/100, x2: 40/100, y2: 10/100
    close(shares.get('d')!, 0.6);
    close(shares.get('k')!, 0.2);
    close(shares.get('x2')!, 0.4);
    const sum = [...shares.values()].reduce((a, b) => a + b, 0);
    close(sum, 2); // every tie has two parties
    const g = buildGraph({
      nodes: ids.map((id) => ({ id })),
      edges: ties.map(({ source, target }) => ({ source, target })),
    });
    const bc = betweennessCentrality(g);
    // k separates {x1,x2,d} from {y1,y2}: 3·2 = 6 of the C(5,2) = 10 pairs without k
    close(bc[2]!, 0.6);
    const role = (i: number) => networkRole(bc[i]!, shares.get(ids[i]!)!);
    assert.equal(role(2), 'keystone');
    assert.equal(role(5), 'dominator');
    assert.equal(role(4), 'niche'); // y2: share 0.1, betweenness 0
    // y1 lies on y2's paths to 4 others: 4/10 = 0.4 ≥ 0.2, share 0.2 → keystone too
    close(bc[3]!, 0.4);
    assert.equal(role(3), 'keystone');
  });

  test('the thresholds decide at their edges', () => {
    const t = ROLE_THRESHOLDS;
    assert.equal(networkRole(1, t.dominatorShare), 'dominator');
    assert.equal(networkRole(t.keystoneBetweenness, t.keystoneMinShare), 'keystone');
    assert.equal(networkRole(t.keystoneBetweenness, t.keystoneMinShare - 1e-9), 'niche');
    assert.equal(networkRole(t.keystoneBetweenness - 1e-9, 0.3), 'niche');
  });
});

describe('HHI of transaction value', () => {
  test('one tie: two parties at 1/2 each → 0.5', () => {
    close(valueHhi([{ source: 'a', target: 'b', value: 7 }]), 0.5);
  });
  test('a star of equal ties: hub 1/2, three leaves 1/6 → 1/4 + 3/36', () => {
    const ties = ['b', 'c', 'd'].map((x) => ({ source: 'a', target: x, value: 5 }));
    close(valueHhi(ties), 0.25 + 3 / 36);
  });
  test('uneven: a–b 30, b–c 10 → turnover a 30, b 40, c 10 of 80', () => {
    close(
      valueHhi([
        { source: 'a', target: 'b', value: 30 },
        { source: 'b', target: 'c', value: 10 },
      ]),
      (30 / 80) ** 2 + (40 / 80) ** 2 + (10 / 80) ** 2,
    );
  });
  test('no value: null', () => {
    assert.equal(valueHhi([]), null);
    assert.equal(valueHhi([{ source: 'a', target: 'b', value: 0 }]), null);
  });
});

describe('leader change', () => {
  const m = (o: Record<string, number>) => new Map(Object.entries(o));

  test('Spearman: same order 1, reversed −1, one swap of four 0.8', () => {
    close(rankCorrelation(m({ a: 3, b: 2, c: 1 }), m({ a: 30, b: 20, c: 10 })), 1);
    close(rankCorrelation(m({ a: 3, b: 2, c: 1 }), m({ a: 1, b: 2, c: 3 })), -1);
    // ranks 4,3,2,1 vs 3,4,2,1: Σd² = 2, ρ = 1 − 6·2/(4·15) = 0.8
    close(rankCorrelation(m({ a: 4, b: 3, c: 2, d: 1 }), m({ a: 3, b: 4, c: 2, d: 1 })), 0.8);
  });

  test('Spearman with ties: Pearson on average ranks', () => {
    // x ranks 1,2,3; y = 1,1,2 → ranks 1.5,1.5,3: deviations (−1,0,1)·(−.5,−.5,1) = 1.5;
    // Σx² = 2, Σy² = .25+.25+1 = 1.5 → 1.5/√3
    close(rankCorrelation(m({ a: 1, b: 2, c: 3 }), m({ a: 1, b: 1, c: 2 })), 1.5 / Math.sqrt(3));
  });

  test('only organisations in both periods count; too few or all equal: null', () => {
    close(rankCorrelation(m({ a: 1, b: 2, gone: 9 }), m({ a: 5, b: 6, new: 0 })), 1);
    assert.equal(rankCorrelation(m({ a: 1 }), m({ a: 2 })), null);
    assert.equal(rankCorrelation(m({ a: 1, b: 1 }), m({ a: 2, b: 3 })), null);
  });

  test('top node, its turnover, and the largest component without it', () => {
    assert.equal(topNode(m({ b: 2, a: 2, c: 1 })), 'a');
    assert.equal(topNode(new Map()), null);
    // a star with hub h and 4 leaves plus a separate pair p–q: LCC 5; without h: 2 (p–q)
    const g = buildGraph({
      nodes: ['h', 'l1', 'l2', 'l3', 'l4', 'p', 'q'].map((id) => ({ id })),
      edges: [
        ...['l1', 'l2', 'l3', 'l4'].map((l) => ({ source: 'h', target: l })),
        { source: 'p', target: 'q' },
      ],
    });
    assert.deepEqual(lccShrink(g, 0), { before: 5, after: 2, shrink: 0.6 });
    const signal = leaderChange(m({ l1: 0.5, h: 0.1 }), m({ h: 1, l1: 0 }), g);
    assert.equal(signal.topBefore, 'l1');
    assert.equal(signal.topAfter, 'h');
    assert.equal(signal.topChanged, true);
    close(signal.rankCorrelation, -1);
    assert.deepEqual(signal.lcc, { before: 5, after: 2, shrink: 0.6 });
  });
});

describe('ties crossing agglomerations and the region border', () => {
  test('by count and by value, a party outside every agglomeration crossing', () => {
    const nodes = [
      { id: 'a', region: 'R42', agglomeration: 'Kemerovo' },
      { id: 'b', region: 'R42', agglomeration: 'Kemerovo' },
      { id: 'c', region: 'R42', agglomeration: 'Novokuznetsk' },
      { id: 'd', region: 'R42', agglomeration: null },
      { id: 'e', region: 'R54', agglomeration: 'Novosibirsk' },
    ];
    const ties = [
      { source: 'a', target: 'b', value: 50 }, // inside
      { source: 'a', target: 'c', value: 20 }, // agglomerations
      { source: 'b', target: 'd', value: 10 }, // agglomerations (d outside any)
      { source: 'c', target: 'e', value: 20 }, // agglomerations and region
      { source: 'a', target: 'zz', value: 1000 }, // unknown party: left out
    ];
    const s = crossingShares(nodes, ties);
    close(s.agglomerationTies, 3 / 4);
    close(s.agglomerationValue, 50 / 100);
    close(s.regionTies, 1 / 4);
    close(s.regionValue, 20 / 100);
    assert.deepEqual(crossingShares(nodes, []), {
      agglomerationTies: null,
      agglomerationValue: null,
      regionTies: null,
      regionValue: null,
    });
  });
});
