// The reading of Decree 779 over platform data: which deals and declarations are contracts,
// who counts as in a monotown or special territory, and purchases never made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type DeclaredTie,
  dealValueKopecks,
  decree779FromPlatform,
  decree779Inputs,
  type PlatformDeal,
  type PlatformMember,
} from './decree779-from-platform.ts';

const site = (over: Partial<PlatformMember['sites'][number]> = {}) => ({
  id: 's',
  monotown: false,
  specialTerritory: null,
  estimate: false,
  closed: false,
  ...over,
});
const members: PlatformMember[] = [
  { id: 'a', name: 'A', sites: [site({ monotown: true, estimate: true })] },
  { id: 'b', name: 'B', sites: [site({ specialTerritory: 'ТОР «Юрга»', closed: true })] },
  { id: 'c', name: 'C', sites: [site({ specialTerritory: 'ТОР «Юрга»' })] },
];
const deal = (over: Partial<PlatformDeal> = {}): PlatformDeal => ({
  id: 'd1',
  state: 'agreed',
  providerId: 'a',
  consumerId: 'b',
  quantity: 10.5,
  priceKopecksPerUnit: 333,
  agreedAt: '2026-04-01T10:00:00Z',
  ...over,
});
const tie = (over: Partial<DeclaredTie> = {}): DeclaredTie => ({
  id: 't1',
  organisationId: 'c',
  partnerOrganisationId: 'a',
  layer: 'exchange',
  valueKopecks: 1000,
  on: '2026-02-01',
  ...over,
});

describe('Decree 779 from platform data', () => {
  test('deals agreed, active or completed in the year between members are contracts, valued once', () => {
    const { contracts } = decree779Inputs({
      year: 2026,
      members,
      deals: [
        deal(),
        deal({ id: 'd2', state: 'completed' }),
        deal({ id: 'd3', state: 'offered', agreedAt: null }),
        deal({ id: 'd4', state: 'terminated' }),
        deal({ id: 'd5', agreedAt: '2025-12-31T23:00:00Z' }),
        deal({ id: 'd6', consumerId: 'stranger' }),
        // a gate fee: the provider buys the taking-away
        deal({ id: 'd7', state: 'active', priceKopecksPerUnit: -200 }),
      ],
      ties: [],
      purchases: [],
    });
    assert.deepEqual(
      contracts.map((c) => [c.ref, c.buyer, c.seller, c.valueKopecks]),
      [
        ['d1', 'b', 'a', 3497], // 333 × 10.5 = 3496.5 → 3497, half away from zero
        ['d2', 'b', 'a', 3497],
        ['d7', 'a', 'b', 2100],
      ],
    );
    assert.equal(dealValueKopecks({ priceKopecksPerUnit: -333, quantity: 10.5 }), 3497);
  });

  test('declared ties: exchange and knowledge with a member in the year; governance, outsiders and other years are not contracts', () => {
    const { contracts } = decree779Inputs({
      year: 2026,
      members,
      deals: [],
      ties: [
        tie(),
        tie({ id: 't2', layer: 'knowledge', valueKopecks: null }),
        tie({ id: 't3', layer: 'governance' }),
        tie({ id: 't4', partnerOrganisationId: null }),
        tie({ id: 't5', partnerOrganisationId: 'former-member' }),
        tie({ id: 't6', on: '2025-06-01' }),
      ],
      purchases: [],
    });
    assert.deepEqual(
      contracts.map((c) => [c.ref, c.origin, c.valueKopecks]),
      [
        ['t1', 'declared', 1000],
        ['t2', 'declared', 0],
      ],
    );
  });

  test('territory from open sites only; a missing purchases figure is null, never 0', () => {
    const { participants } = decree779Inputs({
      year: 2026,
      members,
      deals: [],
      ties: [],
      purchases: [{ organisationId: 'a', purchasesKopecks: 0 }],
    });
    assert.deepEqual(
      participants.map((p) => [p.id, p.monotown, p.specialTerritory, p.purchasesKopecks]),
      [
        ['a', true, false, 0],
        ['b', false, false, null], // its ТОР site is closed
        ['c', false, true, null],
      ],
    );
  });

  test('evidence per member: contracts by origin, partners, an estimate marked', () => {
    const { members: rows, result } = decree779FromPlatform({
      year: 2026,
      members,
      deals: [deal()],
      ties: [tie()],
      purchases: [
        { organisationId: 'a', purchasesKopecks: 10_000 },
        { organisationId: 'b', purchasesKopecks: 10_000 },
        { organisationId: 'c', purchasesKopecks: 24_530 },
      ],
    });
    const a = rows.find((r) => r.id === 'a');
    assert.deepEqual(
      [
        a?.contractsOnPlatform,
        a?.contractsDeclared,
        a?.valueOnPlatformKopecks,
        a?.valueDeclaredKopecks,
      ],
      [1, 1, 3497, 1000],
    );
    assert.deepEqual(
      a?.partners.map((p) => p.id),
      ['b', 'c'],
    );
    assert.equal(a?.territoryEstimate, true);
    assert.equal(rows.find((r) => r.id === 'c')?.territoryEstimate, false);
    // (3497 + 1000) ÷ 44 530 = 0.101; 2 of 3 in a monotown or ТОР: threshold 10 %
    const fd = result.checks.find((c) => c.id === 'functional_dependency');
    assert.equal(fd?.value, 0.101);
    assert.equal(fd?.threshold, 0.1);
    assert.equal(result.compliant, true);
  });

  test('names and territories in both languages: the English name when kept, the territory worded in English', () => {
    const named: PlatformMember[] = [
      { ...(members[0] as PlatformMember), name: 'АО «Инская ГРЭС»', nameEn: 'Inskaya GRES JSC' },
      { ...(members[1] as PlatformMember), name: 'ООО «Б»' },
      { ...(members[2] as PlatformMember), name: 'АО «Ц»', nameEn: 'Ts JSC' },
    ];
    const { members: rows, result } = decree779FromPlatform({
      year: 2026,
      members: named,
      deals: [deal()],
      ties: [],
      purchases: [],
    });
    const a = rows.find((r) => r.id === 'a');
    assert.equal(a?.nameEn, 'Inskaya GRES JSC');
    assert.deepEqual(a?.partners, [{ id: 'b', name: 'ООО «Б»', nameEn: null }]);
    const c = rows.find((r) => r.id === 'c');
    assert.deepEqual(c?.specialTerritories, ['ТОР «Юрга»']);
    assert.deepEqual(c?.specialTerritoriesEn, ['Advanced Development Territory “Yurga”']);
    const lonely = result.checks.find((x) => x.id === 'without_cooperation');
    assert.equal(lonely?.evidence.en, 'participants without cooperation: Ts JSC');
    assert.equal(lonely?.evidence.ru, 'участники без кооперации: АО «Ц»');
  });

  test('property: a declaration can only add contracts, and the platform’s stay as they were', () => {
    const ids = ['a', 'b', 'c'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            organisationId: fc.constantFrom(...ids),
            partnerOrganisationId: fc.option(fc.constantFrom(...ids, 'x'), { nil: null }),
            layer: fc.constantFrom(
              'exchange' as const,
              'knowledge' as const,
              'governance' as const,
            ),
            valueKopecks: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
            on: fc.constantFrom('2025-12-31', '2026-01-01', '2026-12-31'),
          }),
          { maxLength: 12 },
        ),
        (raw) => {
          const ties = raw.map((t, i) => ({ ...t, id: `t${i}` }));
          const base = decree779Inputs({
            year: 2026,
            members,
            deals: [deal()],
            ties: [],
            purchases: [],
          });
          const more = decree779Inputs({
            year: 2026,
            members,
            deals: [deal()],
            ties,
            purchases: [],
          });
          const platform = more.contracts.filter((c) => c.origin === 'platform');
          assert.deepEqual(platform, base.contracts);
          for (const c of more.contracts) {
            assert.notEqual(c.buyer, c.seller);
            assert.ok(ids.includes(c.buyer) && ids.includes(c.seller));
          }
          const counted = ties.filter(
            (t) =>
              t.layer !== 'governance' &&
              t.on.startsWith('2026') &&
              t.partnerOrganisationId !== null &&
              ids.includes(t.partnerOrganisationId) &&
              t.partnerOrganisationId !== t.organisationId,
          );
          assert.equal(more.contracts.length - base.contracts.length, counted.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
