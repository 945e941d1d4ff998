// The reading of Decree 779 over platform data: which deals and declarations are contracts (in
// force during the year), what was supplied under them in the year, who is a participant, who
// counts as in a monotown or special territory, and purchases never made up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type DeclaredTie,
  decree779FromPlatform,
  decree779Inputs,
  inForce,
  type PlatformDeal,
  type PlatformDelivery,
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
  priceKopecksPerUnit: 333,
  agreedAt: '2026-04-01T10:00:00Z',
  schedule: { from: '2026-04-01', to: '2027-03-31' },
  closedAt: null,
  ...over,
});
const delivery = (over: Partial<PlatformDelivery> = {}): PlatformDelivery => ({
  dealId: 'd1',
  deliveredOn: '2026-05-01',
  amountKopecks: 3497,
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
  test('contracts in force during the year count, whenever agreed; valued by what was delivered in the year', () => {
    const { contracts } = decree779Inputs({
      year: 2026,
      members,
      deals: [
        deal(),
        deal({ id: 'd2', state: 'completed', closedAt: '2026-09-01T10:00:00Z' }),
        deal({ id: 'd3', state: 'offered', agreedAt: null }),
        // terminated during the year: it was in force before
        deal({ id: 'd4', state: 'terminated', closedAt: '2026-02-01T10:00:00Z' }),
        // agreed in an earlier year, running into this one (Myski GRES — DorStroy in the demo)
        deal({
          id: 'd5',
          state: 'active',
          agreedAt: '2025-03-01T10:00:00Z',
          schedule: { from: '2025-03-01', to: '2027-02-28' },
        }),
        deal({ id: 'd6', consumerId: 'stranger' }),
        // a gate fee: the provider buys the taking-away
        deal({ id: 'd7', state: 'active', priceKopecksPerUnit: -200 }),
        // completed or terminated before the year began: no longer in force
        deal({
          id: 'd8',
          state: 'completed',
          agreedAt: '2024-01-10T00:00:00Z',
          closedAt: '2025-12-20T00:00:00Z',
        }),
        deal({ id: 'd9', state: 'terminated', agreedAt: null, closedAt: '2026-03-01T00:00:00Z' }),
        // agreed after the year
        deal({ id: 'd10', agreedAt: '2027-01-02T00:00:00Z' }),
        // its schedule ended before the year and nothing was delivered in it
        deal({
          id: 'd11',
          state: 'active',
          agreedAt: '2024-01-10T00:00:00Z',
          schedule: { from: '2024-02-01', to: '2025-06-30' },
        }),
        // its schedule ended before the year, but a delivery was made in it
        deal({
          id: 'd12',
          state: 'active',
          agreedAt: '2024-01-10T00:00:00Z',
          schedule: { from: '2024-02-01', to: '2025-06-30' },
        }),
      ],
      deliveries: [
        delivery(),
        delivery({ deliveredOn: '2026-06-01', amountKopecks: 1000 }),
        // a confirmation adds nothing; a delivery of another year counts elsewhere
        delivery({ deliveredOn: '2026-06-02', amountKopecks: 0 }),
        delivery({ dealId: 'd5', deliveredOn: '2025-11-01', amountKopecks: 50_000 }),
        delivery({ dealId: 'd5', deliveredOn: '2026-01-15', amountKopecks: -20_000 }),
        delivery({ dealId: 'd12', deliveredOn: '2026-01-10', amountKopecks: 700 }),
      ],
      ties: [],
      purchases: [],
    });
    assert.deepEqual(
      contracts.map((c) => [c.ref, c.buyer, c.seller, c.valueKopecks]),
      [
        ['d1', 'b', 'a', 4497],
        ['d2', 'b', 'a', 0],
        ['d4', 'b', 'a', 0],
        ['d5', 'b', 'a', 20_000], // the gate fee's delivery as posted (negative), its size counted
        ['d7', 'a', 'b', 0],
        ['d12', 'b', 'a', 700],
      ],
    );
  });

  test("the year's turn is the cluster's (UTC+7): an evening agreement or closing in UTC counts in the next year", () => {
    // 18:30 UTC on 31 December is 01:30 on 1 January in Kemerovo
    const agreedAtNewYear = deal({
      agreedAt: '2026-12-31T18:30:00Z',
      schedule: { from: '2027-01-01', to: '2027-12-31' },
    });
    assert.equal(inForce(agreedAtNewYear, 2026), false);
    assert.equal(inForce(agreedAtNewYear, 2027), true);
    const closedAtNewYear = deal({
      state: 'completed',
      agreedAt: '2026-03-01T10:00:00Z',
      schedule: { from: '2026-03-01', to: '2026-12-31' },
      closedAt: '2026-12-31T20:00:00Z',
    });
    assert.equal(inForce(closedAtNewYear, 2027, true), true);
    // before 17:00 UTC both calendars agree
    assert.equal(
      inForce({ ...closedAtNewYear, closedAt: '2026-12-31T16:59:00Z' }, 2027, true),
      false,
    );
  });

  test('government bodies and the platform operator are no participants; the operator is named as the specialised organisation', () => {
    const withKinds: PlatformMember[] = [
      ...members.map((m) => ({ ...m, kind: 'power_plant' })),
      {
        id: 'ministry',
        name: 'Министерство',
        nameEn: 'Ministry',
        kind: 'regional_government',
        sites: [],
      },
      { id: 'centre', name: 'Центр', kind: 'platform_operator', sites: [] },
    ];
    const {
      result,
      members: rows,
      inputs,
    } = decree779FromPlatform({
      year: 2026,
      members: withKinds,
      deals: [deal(), deal({ id: 'd2', providerId: 'c', consumerId: 'a' })],
      ties: [],
      purchases: [],
    });
    assert.deepEqual(
      inputs.participants.map((p) => p.id),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      rows.map((r) => r.id),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(inputs.notCounted, [
      { id: 'ministry', name: 'Министерство', nameEn: 'Ministry', as: 'government' },
      { id: 'centre', name: 'Центр', nameEn: null, as: 'specialised' },
    ]);
    const contracts = result.checks.find((c) => c.id === 'contracts');
    // every participant holds a contract: the ministry and the operator are not expected to
    assert.deepEqual([contracts?.passed, contracts?.value, contracts?.threshold], [true, 3, 3]);
  });

  test('functional dependency: what was delivered in the year ÷ the year’s purchases, not the contracts’ full value', () => {
    const { result } = decree779FromPlatform({
      year: 2026,
      members,
      // a two-year contract for 120 000 t at 333 kopecks: 39 960 000 kopecks in all
      deals: [deal({ schedule: { from: '2026-01-01', to: '2027-12-31' } })],
      deliveries: [
        delivery({ amountKopecks: 10_000 }),
        delivery({ deliveredOn: '2027-02-01', amountKopecks: 90_000 }),
      ],
      ties: [],
      purchases: ['a', 'b', 'c'].map((organisationId) => ({
        organisationId,
        purchasesKopecks: 20_000,
      })),
    });
    const fd = result.checks.find((c) => c.id === 'functional_dependency');
    // 10 000 delivered in 2026 ÷ 60 000 declared purchases
    assert.equal(fd?.value, 0.1667);
    assert.match(fd?.evidence.ru ?? '', /поставлено между участниками за год 100\.00 ₽/);
  });

  test('output declarations reach the check; none is no data', () => {
    const { result, members: rows } = decree779FromPlatform({
      year: 2026,
      members,
      deals: [],
      ties: [],
      purchases: [],
      outputs: [
        { organisationId: 'a', producedOutput: true, organisingProduction: false },
        { organisationId: 'b', producedOutput: false, organisingProduction: true },
      ],
    });
    assert.deepEqual(
      rows.map((r) => [r.id, r.producedOutput, r.organisingProduction]),
      [
        ['a', true, false],
        ['b', false, true],
        ['c', null, null],
      ],
    );
    const output = result.checks.find((c) => c.id === 'without_output');
    assert.deepEqual([output?.passed, output?.value, output?.missing], [true, 1, 1]);
  });

  test('without output: nobody declared is «—» and says so; some declared says how many', () => {
    const check = (outputs: Parameters<typeof decree779FromPlatform>[0]['outputs']) =>
      decree779FromPlatform({
        year: 2026,
        members,
        deals: [],
        ties: [],
        purchases: [],
        outputs,
      }).result.checks.find((c) => c.id === 'without_output');
    // nobody declared: no count of 0 (it is not known), no «none of those who declared»
    const none = check([]);
    assert.deepEqual([none?.passed, none?.value, none?.missing], [true, null, 3]);
    assert.equal(none?.evidence.ru, 'деклараций о выпуске нет');
    assert.equal(none?.evidence.en, 'no output declarations');
    // some declared, all with output: how many declared, of how many; who has no data
    const some = check([
      { organisationId: 'a', producedOutput: true, organisingProduction: false },
      { organisationId: 'c', producedOutput: true, organisingProduction: false },
    ]);
    assert.deepEqual([some?.value, some?.missing], [0, 1]);
    assert.equal(
      some?.evidence.ru,
      'декларации о выпуске подали 2 из 3 участников; ни один из них не остался без промышленной продукции в предыдущем периоде; нет данных о выпуске: B',
    );
    assert.equal(
      some?.evidence.en,
      '2 of 3 participants declared their output; none of them went without industrial output in the previous period; no data on output: B',
    );
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
      deliveries: [delivery()],
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
        a?.suppliedOnPlatformKopecks,
        a?.valueDeclaredKopecks,
      ],
      [1, 1, 3497, 1000],
    );
    assert.deepEqual(
      a?.partners.map((p) => p.id),
      ['b', 'c'],
    );
    assert.equal(a?.declaredWithoutValue, 0);
    assert.equal(a?.territoryEstimate, true);
    assert.equal(rows.find((r) => r.id === 'c')?.territoryEstimate, false);
    // a declared contract without a stated value is counted apart, not as a contract worth 0
    const unvalued = decree779FromPlatform({
      year: 2026,
      members,
      deals: [],
      ties: [tie(), tie({ id: 't2', valueKopecks: null })],
      purchases: [],
    }).members.find((r) => r.id === 'c');
    assert.deepEqual(
      [unvalued?.contractsDeclared, unvalued?.valueDeclaredKopecks, unvalued?.declaredWithoutValue],
      [2, 1000, 1],
    );
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
    const short = result.checks.find((x) => x.id === 'contracts');
    assert.equal(short?.evidence.en, 'without a contract with another participant: Ts JSC');
    assert.equal(short?.evidence.ru, 'без договора с другим участником: АО «Ц»');
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
