import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSnapshot, SnapshotError } from './snapshot.ts';
import {
  assess,
  type CharacteristicId,
  characteristicIds,
  type Form,
  indicatorWords,
  paperRows,
  trajectory,
  wordingSource,
} from './typology.ts';
import { businessEcosystem, digitalCluster, territorialCluster } from './typology-scenarios.ts';

const placed = (input: unknown) => assess(parseSnapshot(input));
const column = {
  territorial_cluster: 'territorial',
  digital_cluster: 'digital',
  business_ecosystem: 'ecosystem',
} as const;
/** The paper's word for a form on a row (two forms may share it); undefined for no data. */
const wordOf = (id: CharacteristicId, form: Form) =>
  form === 'no_data' ? undefined : paperRows[id][column[form]].ru;
describe("typology: the paper's table computed on hand-built clusters", () => {
  it('a territorial cluster is placed as one on every characteristic with data', () => {
    const a = placed(territorialCluster());
    assert.equal(a.overall.form, 'territorial_cluster');
    for (const c of a.characteristics)
      assert.equal(c.form, 'territorial_cluster', `${c.id}: ${c.evidence}`);
  });

  it('a digital cluster is placed as one on every characteristic', () => {
    const a = placed(digitalCluster());
    assert.equal(a.overall.form, 'digital_cluster');
    // where the paper gives the digital cluster's word to another form too, either is right
    for (const c of a.characteristics)
      assert.equal(wordOf(c.id, c.form), wordOf(c.id, 'digital_cluster'), `${c.id}: ${c.evidence}`);
  });

  it('a business ecosystem is placed as one on every characteristic', () => {
    const a = placed(businessEcosystem());
    assert.equal(a.overall.form, 'business_ecosystem');
    for (const c of a.characteristics)
      assert.equal(
        wordOf(c.id, c.form),
        wordOf(c.id, 'business_ecosystem'),
        `${c.id}: ${c.evidence}`,
      );
  });

  it("words the last three rows as the paper's table does, each cell a quote", () => {
    const cells = (id: CharacteristicId) =>
      (['territorial', 'digital', 'ecosystem'] as const).map((f) => paperRows[id][f].ru);
    assert.deepEqual(cells('sustainability'), [
      '«достаточная»',
      '«достаточная»',
      '«относительная»',
    ]);
    assert.deepEqual(cells('competition_cooperation'), [
      '«конкуренция»',
      '«кооперация»',
      '«и то и другое»',
    ]);
    assert.deepEqual(cells('regulation'), ['«иерархия»', '«этархия»', '«этархия»']);
    assert.equal(paperRows.competition_cooperation.title.en, 'Source of innovation');
    for (const id of ['sustainability', 'competition_cooperation', 'regulation'] as const)
      for (const f of ['territorial', 'digital', 'ecosystem'] as const) {
        assert.equal(wordingSource(paperRows[id][f].ru), 'paper', `${id}.${f}`);
        assert.equal(wordingSource(paperRows[id][f].en), 'paper', `${id}.${f}`);
      }
  });

  it("labels a cell the paper's only when it is wholly quoted", () => {
    assert.equal(wordingSource('«этархия»'), 'paper');
    assert.equal(wordingSource('«a»; «b»'), 'paper');
    assert.equal(wordingSource('“a”; “b”'), 'paper');
    assert.equal(wordingSource('“a” and more'), 'platform');
    assert.equal(wordingSource('обмен знаниями через платформу'), 'platform');
    assert.equal(paperRows.knowledge.ecosystem.ru.startsWith('«'), true);
    assert.equal(wordingSource(paperRows.knowledge.ecosystem.ru), 'platform'); // quote + summary
  });

  it('member voting is etharchy: the digital cluster already, and the ecosystem no further', () => {
    const votes = (share: number) => {
      const n = 6;
      const s = digitalCluster();
      s.decisions = Array.from({ length: n }, (_, i) => ({
        at: `2026-0${i + 1}-10`,
        by: i < Math.round(share * n) ? ('member_vote' as const) : ('operator' as const),
      }));
      return placed(s).characteristics.find((c) => c.id === 'regulation');
    };
    assert.equal(votes(0)?.form, 'territorial_cluster'); // «иерархия»
    assert.equal(votes(0.5)?.form, 'digital_cluster'); // «этархия»
    assert.equal(votes(1)?.form, 'digital_cluster'); // «этархия» still: the row cannot tell more
  });

  it('innovation: cooperation alone is the digital cluster; cooperating rivals are both', () => {
    const row = (s: ReturnType<typeof digitalCluster>) =>
      placed(s).characteristics.find((c) => c.id === 'competition_cooperation');
    const s = digitalCluster();
    assert.equal(row(s)?.form, 'digital_cluster');
    // the cooperating mines 1 and 2 now also supply the same plant: rivals and partners
    s.ties = [
      ...(s.ties ?? []),
      { source: 'mine-2', target: 'plant', layer: 'exchange', onPlatform: true, at: '2026-06-01' },
    ];
    assert.equal(row(s)?.form, 'business_ecosystem');
    const t = territorialCluster();
    assert.equal(row(t)?.form, 'territorial_cluster'); // rivals that never cooperate
  });

  it('sustainability: stable membership is sufficient, a fluid one relative', () => {
    const row = (s: ReturnType<typeof digitalCluster>) =>
      placed(s).characteristics.find((c) => c.id === 'sustainability');
    const s = digitalCluster();
    assert.equal(row(s)?.score, 0); // «достаточная»: the lower of the two forms sharing it
    // three of twelve joined within the window (the 12 months by default)
    s.organisations = s.organisations.map((o, i) => (i < 3 ? { ...o, joined: '2026-03-01' } : o));
    const r = row(s);
    assert.equal(r?.form, 'business_ecosystem'); // «относительная»
    assert.equal(r?.indicators.find((i) => i.name === 'member_turnover')?.value, 0.25);
    // a higher balance of the three parts no longer lifts the row by itself
    const balanced = territorialCluster();
    balanced.sustainability = { environmental: 0.9, economic: 0.9, social: 0.9 };
    assert.equal(row(balanced)?.score, 0);
  });

  it("answers the nine ids in the paper's order, each with indicators, formulas and evidence", () => {
    const a = placed(digitalCluster());
    assert.deepEqual(
      a.characteristics.map((c) => c.id),
      [...characteristicIds],
    );
    for (const c of a.characteristics) {
      assert.ok(c.indicators.length > 0, c.id);
      for (const i of c.indicators) assert.ok(i.formula.length > 10, `${c.id}.${i.name}`);
      assert.ok(c.evidence.includes(c.indicators[0]?.name ?? '?'), c.id);
      assert.ok(c.score !== null && c.score >= 0 && c.score <= 2);
    }
  });

  it('every indicator has its words in both languages and a Russian formula', () => {
    for (const c of placed(businessEcosystem()).characteristics)
      for (const i of c.indicators) {
        const w = indicatorWords[i.name];
        assert.ok(w?.ru && w.en && /[а-я]/.test(w.formulaRu), i.name);
      }
  });

  it('an empty snapshot is no_data everywhere, never a made-up value', () => {
    const a = placed({ organisations: [] });
    assert.deepEqual(a.overall, { form: 'no_data', score: null });
    for (const c of a.characteristics) {
      assert.equal(c.form, 'no_data', c.id);
      assert.equal(c.score, null, c.id);
      for (const i of c.indicators)
        if (i.thresholds) assert.equal(i.value, null, `${c.id}.${i.name}`);
    }
  });

  it('organisations without ties, decisions or a charter: only the organisation facts score', () => {
    const a = placed({ organisations: territorialCluster().organisations });
    const byId = Object.fromEntries(a.characteristics.map((c) => [c.id, c]));
    assert.equal(byId.transactions?.form, 'no_data');
    assert.equal(byId.regulation?.form, 'no_data');
    assert.equal(byId.sustainability?.form, 'no_data');
    assert.equal(byId.essence?.form, 'territorial_cluster');
  });

  it('only the organisations that were members in the window are counted', () => {
    const s = digitalCluster();
    const asOf = placed(s).asOf;
    const outside = { kind: 'coal_chemistry', region: 'tomsk-oblast', agglomeration: null };
    const value = (x: typeof s) =>
      placed(x)
        .characteristics.find((c) => c.id === 'geography')
        ?.indicators.find((i) => i.name === 'members_outside_region')?.value;
    // one of twelve outside the region; a thirteenth, outside too, left years ago: still 1 of 12
    const gone = { ...outside, id: 'gone', joined: '2010-01-01', left: '2019-12-31' };
    assert.equal(value({ ...s, organisations: [...s.organisations, gone] }), round(1 / 12));
    // one that left on the day assessed was a member in the window: 2 of 13
    const leaving = { ...outside, id: 'leaving', joined: '2010-01-01', left: asOf };
    assert.equal(value({ ...s, organisations: [...s.organisations, leaving] }), round(2 / 13));
    // one that joined after the day assessed is not yet counted
    const coming = { ...outside, id: 'coming', joined: '2099-01-01' };
    assert.equal(value({ ...s, organisations: [...s.organisations, coming] }), round(1 / 12));
  });

  it('computes the indicators by their formulas (known answers on the digital cluster)', () => {
    const a = placed(digitalCluster());
    const value = (c: string, n: string) =>
      a.characteristics.find((x) => x.id === c)?.indicators.find((i) => i.name === n)?.value;
    // 5 of 8 deal ties a month are on the platform
    assert.equal(value('transactions', 'on_platform_deal_share'), round(5 / 8));
    // value on platform: (300+200+150+100+100) / (300+200+150+100+100+50+100+50)
    assert.equal(value('transactions', 'on_platform_value_share'), round(850 / 1050));
    // one of twelve organisations is outside the region
    assert.equal(value('geography', 'members_outside_region'), round(1 / 12));
    // two member votes of five decisions
    assert.equal(value('regulation', 'member_vote_share'), 0.4);
    // keystone plant: party to (300+100+50)×6 of 1050×6
    assert.equal(value('control', 'keystone_value_share'), round(450 / 1050));
    // mines 1 and 2 cooperate; mines 3 and 4 do not: 2 of the 4 firms with a peer of their kind
    assert.equal(value('competition_cooperation', 'same_kind_cooperation'), 0.5);
  });

  it('knowledge across the exchange communities (known answer: one of two ties crosses)', () => {
    const org = (id: string) => ({ id, kind: 'other', region: 'r', agglomeration: null });
    const at = '2026-01-01';
    const trade = (a: string, b: string) => ({
      source: a,
      target: b,
      layer: 'exchange' as const,
      onPlatform: true,
      at,
    });
    const a = assess(
      parseSnapshot({
        organisations: ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'u'].map(org),
        ties: [
          trade('a1', 'a2'),
          trade('a2', 'a3'),
          trade('a1', 'a3'),
          trade('b1', 'b2'),
          trade('b2', 'b3'),
          trade('b1', 'b3'),
          trade('a3', 'b3'),
          { source: 'a1', target: 'b1', layer: 'knowledge', onPlatform: true, at },
          { source: 'a2', target: 'a3', layer: 'knowledge', onPlatform: true, at },
          // a party that does not trade: not counted
          { source: 'u', target: 'a1', layer: 'knowledge', onPlatform: true, at },
        ],
      }),
    );
    const share = a.characteristics
      .find((c) => c.id === 'knowledge')
      ?.indicators.find((i) => i.name === 'knowledge_cross_community_share');
    assert.equal(share?.value, 0.5);
  });

  it('a keystone holding most of the value is a dominator: control by market share', () => {
    const s = territorialCluster();
    s.keystones = [{ organisation: 'plant', from: '2025-01-01' }];
    const control = placed(s).characteristics.find((c) => c.id === 'control');
    assert.equal(control?.form, 'territorial_cluster');
  });

  it('a window leaves out ties and decisions before it', () => {
    const s = parseSnapshot(digitalCluster());
    const june = assess(s, { asOf: '2026-06-30', windowMonths: 1 });
    const ties = june.characteristics.find((c) => c.id === 'knowledge')?.indicators[0]?.value;
    assert.equal(ties, 0); // no knowledge tie in June
  });

  it('the trajectory moves from territorial towards the ecosystem as the platform takes over', () => {
    const s = territorialCluster();
    const eco = businessEcosystem();
    // the same cluster: paper deals until June, then the ecosystem's ties from July on
    const later = (eco.ties ?? []).map((t) => ({ ...t, at: t.at.replace('2026-', '2027-') }));
    const merged = parseSnapshot({
      ...eco,
      ties: [...(s.ties ?? []), ...later],
      decisions: [
        ...(s.decisions ?? []),
        ...(eco.decisions ?? []).map((d) => ({ ...d, at: d.at.replace('2026-', '2027-') })),
      ],
      keystones: [
        { organisation: 'plant', from: '2027-01-01', to: '2027-03-01' },
        { organisation: 'power', from: '2027-03-01' },
      ],
    });
    const path = trajectory(merged, { windowMonths: 6 });
    assert.equal(path[0]?.month, '2026-01');
    assert.equal(path.at(-1)?.month, '2027-06');
    const first = path[0]?.overall.score ?? Number.NaN;
    const last = path.at(-1)?.overall.score ?? Number.NaN;
    assert.ok(last > first, `${first} → ${last}`);
    assert.equal(path.at(-1)?.overall.form, 'business_ecosystem');
  });

  it('rejects a tie to an unknown organisation, naming the field', () => {
    assert.throws(
      () =>
        parseSnapshot({
          organisations: [{ id: 'a', kind: 'x', region: 'r', agglomeration: null }],
          ties: [
            { source: 'a', target: 'b', layer: 'exchange', onPlatform: true, at: '2026-01-01' },
          ],
        }),
      (e: unknown) =>
        e instanceof SnapshotError && /ties\.0\.target: unknown organisation b/.test(e.message),
    );
  });
});

function round(x: number) {
  return Number(x.toFixed(4));
}
