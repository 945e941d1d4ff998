import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import fc from 'fast-check';
import { balanceIndex, methaneCh4M3, sustainabilityBalance } from './sustainability.ts';

describe('sustainability balance', () => {
  it('known answer: parts from shares of targets, balance penalising the range', () => {
    const r = sustainabilityBalance([
      {
        part: 'environmental',
        name: 'waste_utilisation_rate',
        value: 0.3,
        target: 0.6,
        unit: 'share',
      },
      { part: 'environmental', name: 'co2e_avoided_t', value: 200_000, target: 100_000, unit: 't' },
      { part: 'economic', name: 'savings_rub', value: 400, target: 1000, unit: 'M RUB' },
      { part: 'social', name: 'knowledge_workers', value: 900, target: 1000, unit: 'people' },
      { part: 'social', name: 'training', value: null, target: 50, unit: 'courses' },
    ]);
    // environmental: mean(0.5, 1 (capped)) = 0.75; economic 0.4; social 0.9
    assert.deepEqual(r.parts, { environmental: 0.75, economic: 0.4, social: 0.9 });
    // mean 0.6833… × (1 − 0.5)
    assert.equal(r.balanceIndex, Number((((0.75 + 0.4 + 0.9) / 3) * 0.5).toFixed(4)));
    assert.equal(r.indicators.find((i) => i.name === 'training')?.share, null);
  });

  it('a part without data leaves the balance as no data', () => {
    const r = sustainabilityBalance([
      { part: 'environmental', name: 'x', value: 1, target: 1, unit: '' },
      { part: 'economic', name: 'y', value: 1, target: 1, unit: '' },
    ]);
    assert.equal(r.parts.social, null);
    assert.equal(r.balanceIndex, null);
  });

  it('one-sided growth never raises the index above balanced growth of the same mean', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
        ),
        (parts) => {
          const b = balanceIndex(parts) ?? 0;
          const mean = (parts[0] + parts[1] + parts[2]) / 3;
          assert.ok(b <= balanceIndex([mean, mean, mean])! + 1e-4);
          assert.ok(b >= 0 && b <= 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

test('methane used counts CH4, not the gas mixture: m³ × CH4 % ÷ 100', () => {
  // 1 000 m³ of 35 % gas and 500 m³ of 96 % gas: 350 + 480 m³ of CH4, not 1 500
  assert.deepEqual(
    methaneCh4M3([
      { m3: 1000, ch4Percent: 35 },
      { m3: 500, ch4Percent: 96 },
    ]),
    { m3: 830, withoutCh4: 0 },
  );
  // a lot whose offer states no CH4 % is left out and counted, never added as methane
  assert.deepEqual(
    methaneCh4M3([
      { m3: 1000, ch4Percent: 50 },
      { m3: 700, ch4Percent: undefined },
    ]),
    { m3: 500, withoutCh4: 1 },
  );
  assert.deepEqual(methaneCh4M3([{ m3: 700, ch4Percent: undefined }]), {
    m3: null,
    withoutCh4: 1,
  });
});
