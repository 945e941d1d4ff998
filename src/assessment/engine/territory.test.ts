import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDecree779, type Decree779Participant } from './decree779.ts';
import { locationQuotients, lqFormula, strongCluster } from './territory.ts';

describe('territorial baseline', () => {
  it('the coal-mining LQ of the reference data (known answer: ≈ 40)', () => {
    // docs/domain/reference-data.md §6: (101.7 / 720) / (150 / 43 058)
    const [coal] = locationQuotients(
      { byIndustry: { '05': 101.7 }, total: 720 },
      { byIndustry: { '05': 150 }, total: 43058 },
    );
    assert.equal(coal?.lq, Number((101.7 / 720 / (150 / 43058)).toFixed(4)));
    assert.ok(coal && coal.lq !== null && coal.lq > 40 && coal.lq < 41);
    assert.equal(coal?.formula, '(101.7 / 720) / (150 / 43058)');
    assert.deepEqual(coal?.terms, {
      region: 101.7,
      regionTotal: 720,
      country: 150,
      countryTotal: 43058,
    });
  });

  it("the formula in the reader's language: decimal comma and grouped thousands in Russian", () => {
    const terms = { region: 101.7, regionTotal: 720, country: 150, countryTotal: 43058 };
    // Russian groups thousands with a no-break space, so a formula does not break inside a number
    assert.equal(lqFormula(terms, 'ru'), '(101,7 / 720) / (150 / 43\u00a0058)');
    assert.equal(lqFormula(terms, 'en'), '(101.7 / 720) / (150 / 43,058)');
    // the figures as given, not rounded to the LQ's precision
    assert.equal(
      lqFormula({ region: 0.125, regionTotal: 1300, country: 2.5, countryTotal: 1e6 }, 'ru'),
      '(0,125 / 1\u00a0300) / (2,5 / 1\u00a0000\u00a0000)',
    );
  });

  it('a missing figure is no data, not zero', () => {
    const [x] = locationQuotients(
      { byIndustry: {}, total: 720 },
      { byIndustry: { '05': 150 }, total: 1 },
      ['05'],
    );
    assert.equal(x?.lq, null);
    assert.equal(x?.terms, null);
    assert.equal(x?.formula, 'no data');
  });

  it('strong cluster: top quarter of regions by LQ and LQ ≥ 1; no comparison regions → no data', () => {
    assert.equal(strongCluster('05', 40, [1, 2, 3, 50, 0.5, 0.2, 0.1]).strong, true); // rank 2 of 8 ≤ 2
    assert.equal(strongCluster('05', 3, [1, 2, 40, 50, 0.5, 0.2, 0.1]).strong, false); // rank 3 of 8
    assert.equal(strongCluster('05', 0.9, [0.1, 0.2, 0.3]).strong, false); // top, but LQ < 1
    assert.equal(strongCluster('05', 40, []).strong, null);
  });

  it('strong cluster: the test is written in Russian too, with a decimal comma', () => {
    const t = strongCluster('05', 2.5, [1, 2, 3, 50, 0.5, 0.2, 0.1]);
    assert.equal(t.formula, 'rank 3 of 8 ≤ 2 (top 25%) and LQ 2.5 ≥ 1');
    assert.equal(t.formulaRu, 'место 3 из 8 ≤ 2 (верхние 25 %) и LQ 2,5 ≥ 1');
    assert.match(strongCluster('05', 40, []).formulaRu, /^нет данных/);
  });
});

describe('Decree 779 status check', () => {
  const p = (id: string, over: Partial<Decree779Participant> = {}): Decree779Participant => ({
    id,
    monotown: false,
    specialTerritory: false,
    purchasesKopecks: 1000,
    ...over,
  });

  it('passes a cluster where everyone contracts and dependency reaches 20 %', () => {
    const r = checkDecree779(
      [p('a'), p('b'), p('c')],
      [
        { buyer: 'a', seller: 'b', valueKopecks: 300 },
        { buyer: 'c', seller: 'a', valueKopecks: 300 },
      ],
    );
    assert.equal(r.compliant, true);
    assert.equal(r.checks.find((c) => c.id === 'functional_dependency')?.value, 0.2); // 600 / 3000
    assert.deepEqual(r.members.find((m) => m.id === 'a')?.partners, ['b', 'c']);
  });

  it('the threshold drops to 10 % when ≥ 30 % of participants are in monotowns or special territories', () => {
    const parts = [p('a', { monotown: true }), p('b'), p('c')];
    const contracts = [
      { buyer: 'a', seller: 'b', valueKopecks: 200 },
      { buyer: 'c', seller: 'a', valueKopecks: 100 },
    ];
    const lowered = checkDecree779(parts, contracts);
    const fd = lowered.checks.find((c) => c.id === 'functional_dependency');
    assert.equal(fd?.threshold, 0.1);
    assert.equal(fd?.passed, true); // 300 / 3000 = 10 %
    const normal = checkDecree779([p('a'), p('b'), p('c')], contracts);
    assert.equal(normal.checks.find((c) => c.id === 'functional_dependency')?.passed, false);
    assert.equal(normal.compliant, false);
  });

  it('names the participants without a contract; undeclared purchases are no data', () => {
    const r = checkDecree779(
      [p('a'), p('b'), p('lonely', { purchasesKopecks: null })],
      [{ buyer: 'a', seller: 'b', valueKopecks: 900 }],
    );
    const contracts = r.checks.find((c) => c.id === 'contracts');
    assert.equal(contracts?.passed, false);
    assert.match(contracts?.evidence.en ?? '', /lonely/);
    assert.equal(r.checks.find((c) => c.id === 'functional_dependency')?.passed, null);
    // no participant declared its output: no data, not a failure
    const output = r.checks.find((c) => c.id === 'without_output');
    assert.equal(output?.passed, true); // 3 undeclared could at most be 3 ≤ 3
    assert.equal(output?.missing, 3);
    assert.equal(output?.value, null); // no count where nobody declared
    assert.equal(r.compliant, false);
  });

  it('without industrial output: up to 3 participants organising it; undeclared ones are no data, not failures', () => {
    const made = { produced: true, organising: false };
    const organising = { produced: false, organising: true };
    const withOutput = (ids: string[], over: Partial<Decree779Participant>) =>
      ids.map((id) => p(id, over));
    const contracts = [
      { buyer: 'a', seller: 'b', valueKopecks: 300 },
      { buyer: 'c', seller: 'a', valueKopecks: 300 },
    ];
    const outputOf = (r: ReturnType<typeof checkDecree779>) =>
      r.checks.find((c) => c.id === 'without_output');
    // 27 participants holding no contract are no reason to fail this check (the old reading did)
    const all = checkDecree779(withOutput(['a', 'b', 'c', 'd', 'e'], { output: made }), contracts);
    assert.deepEqual(
      [outputOf(all)?.passed, outputOf(all)?.value, outputOf(all)?.missing],
      [true, 0, 0],
    );
    // three without output, organising it: allowed
    const three = checkDecree779(
      [
        ...withOutput(['a', 'b'], { output: made }),
        ...withOutput(['c', 'd', 'e'], { output: organising }),
      ],
      contracts,
    );
    assert.deepEqual([outputOf(three)?.passed, outputOf(three)?.value], [true, 3]);
    assert.match(outputOf(three)?.evidence.ru ?? '', /без промышленной продукции .*: c, d, e/);
    // four: not met
    const four = checkDecree779(
      [p('a', { output: made }), ...withOutput(['b', 'c', 'd', 'e'], { output: organising })],
      contracts,
    );
    assert.deepEqual([outputOf(four)?.passed, outputOf(four)?.value], [false, 4]);
    // one without output and not organising it: not met
    const idle = checkDecree779(
      [p('a', { output: made }), p('b', { output: { produced: false, organising: false } })],
      contracts,
    );
    assert.equal(outputOf(idle)?.passed, false);
    assert.match(outputOf(idle)?.evidence.en ?? '', /not organising production in the cluster: b/);
    // two declared without, three not declared: could be more than 3, so no data, not failed
    const unknown = checkDecree779(
      [
        ...withOutput(['a', 'b'], { output: organising }),
        ...withOutput(['c', 'd', 'e'], { output: null }),
      ],
      contracts,
    );
    assert.deepEqual(
      [outputOf(unknown)?.passed, outputOf(unknown)?.value, outputOf(unknown)?.missing],
      [null, 2, 3],
    );
    assert.match(outputOf(unknown)?.evidence.ru ?? '', /нет данных о выпуске: c, d, e/);
  });

  it('contracts with outsiders and with oneself do not count', () => {
    const r = checkDecree779(
      [p('a'), p('b')],
      [
        { buyer: 'a', seller: 'outsider', valueKopecks: 900 },
        { buyer: 'a', seller: 'a', valueKopecks: 900 },
      ],
    );
    assert.equal(
      r.members.every((m) => m.contracts === 0),
      true,
    );
    assert.equal(r.checks.find((c) => c.id === 'functional_dependency')?.value, 0);
  });
});
