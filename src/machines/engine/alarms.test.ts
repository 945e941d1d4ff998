import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type AlarmRule,
  checkRules,
  normaliseRule,
  outOfBounds,
  resolveRule,
  rulesInForce,
  silent,
  walkPoints,
} from './alarms.ts';

const ash: AlarmRule = {
  id: 'ash-high',
  key: 'ash_pct',
  severity: 'warning',
  kind: 'threshold',
  max: 11,
};
const rate: AlarmRule = {
  id: 'jump',
  key: 'density_kgm3',
  severity: 'warning',
  kind: 'rate',
  perMinute: 20,
};
const p = (min: number, value: number) => ({ ts: min * 60_000, value });

test('a threshold raises on the first point beyond it and clears on the first back', () => {
  const t = walkPoints(ash, false, null, [p(3, 10), p(1, 9), p(4, 12.5), p(5, 13), p(6, 10.5)]);
  assert.deepEqual(t, [
    { to: 'active', ts: p(4, 0).ts, value: 12.5 },
    { to: 'cleared', ts: p(6, 0).ts, value: 10.5 },
  ]);
  // already open, still above: nothing new
  assert.deepEqual(walkPoints(ash, true, null, [p(7, 12)]), []);
  assert.deepEqual(walkPoints(ash, true, null, [p(7, 11)]), [
    { to: 'cleared', ts: p(7, 0).ts, value: 11 },
  ]);
});

test('with hysteresis an open alarm clears only that far back inside', () => {
  const h: AlarmRule = { ...ash, kind: 'threshold', max: 11, hysteresis: 0.5 };
  // 11.2 raises; 10.9 and 10.6 are inside but within the band: still open; 10.5 clears;
  // 11.05 raises again (the band applies only to clearing)
  const t = walkPoints(h, false, null, [
    p(1, 11.2),
    p(2, 10.9),
    p(3, 10.6),
    p(4, 10.5),
    p(5, 11.05),
  ]);
  assert.deepEqual(
    t.map((x) => [x.to, x.value]),
    [
      ['active', 11.2],
      ['cleared', 10.5],
      ['active', 11.05],
    ],
  );
});

test('rate of change per minute against the previous point', () => {
  // 1500 → 1510 in 1 min (10/min), → 1560 in 2 min (25/min: raise), → 1570 in 1 min (clear)
  const t = walkPoints(rate, false, p(0, 1500), [p(1, 1510), p(3, 1560), p(4, 1570)]);
  assert.deepEqual(t, [
    { to: 'active', ts: p(3, 0).ts, value: 1560 },
    { to: 'cleared', ts: p(4, 0).ts, value: 1570 },
  ]);
  // without a previous point the first point is only a reference
  assert.deepEqual(walkPoints(rate, false, null, [p(0, 1000)]), []);
  // a drop counts the same as a rise: 30 in 30 s is 60/min
  assert.deepEqual(walkPoints(rate, false, p(0, 1500), [{ ts: 30_000, value: 1470 }]), [
    { to: 'active', ts: 30_000, value: 1470 },
  ]);
});

test('no-data: silence measured from the last point, or from the start without one', () => {
  assert.equal(silent({ minutes: 5 }, p(0, 0).ts, 0, p(4, 0).ts), false);
  assert.equal(silent({ minutes: 5 }, p(0, 0).ts, 0, p(5, 0).ts), true);
  assert.equal(silent({ minutes: 5 }, null, p(10, 0).ts, p(14, 0).ts), false);
  const nd: AlarmRule = {
    id: 'nd',
    key: 'ash_pct',
    severity: 'critical',
    kind: 'no-data',
    minutes: 5,
  };
  assert.deepEqual(walkPoints(nd, true, null, [p(20, 9)]), [
    { to: 'cleared', ts: p(20, 0).ts, value: 9 },
  ]);
});

test('property: threshold transitions alternate, and the final state is the last point’s', () => {
  fc.assert(
    fc.property(
      fc.boolean(),
      fc.array(
        fc.record({
          ts: fc.integer({ min: 0, max: 1e6 }),
          value: fc.double({ min: 0, max: 20, noNaN: true }),
        }),
        {
          maxLength: 50,
        },
      ),
      (open, points) => {
        const t = walkPoints(ash, open, null, points);
        let state = open;
        for (const x of t) {
          assert.equal(x.to === 'active', !state, 'each transition changes the state');
          state = x.to === 'active';
          assert.equal(outOfBounds(ash, x.value ?? Number.NaN), state);
        }
        if (points.length) {
          const last = [...points].sort((a, b) => a.ts - b.ts || a.value - b.value).at(-1);
          assert.equal(state, outOfBounds(ash, last?.value ?? 0));
        } else assert.equal(t.length, 0);
      },
    ),
    { numRuns: 300 },
  );
});

test('property: an accepted override of the threshold decides what trips; a rule turned off trips nothing', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      fc.double({ min: 0.001, max: 1000, noNaN: true }),
      fc.array(fc.double({ min: -3000, max: 3000, noNaN: true }), { minLength: 1, maxLength: 20 }),
      fc.boolean(),
      (min, width, values, enabled) => {
        const setting = normaliseRule({
          id: 'band',
          key: 'ash_pct',
          severity: 'critical',
          kind: 'threshold',
          min,
          max: min + width,
          enabled,
          perMinute: 5, // another kind's field: dropped
        });
        assert.deepEqual(checkRules([setting], ['ash_pct']), []);
        assert.equal('perMinute' in setting, false);
        const inForce = rulesInForce([setting]);
        assert.equal(inForce.length, enabled ? 1 : 0);
        const points = values.map((v, i) => p(i, v));
        const raised = inForce.flatMap((r) => walkPoints(r, false, null, points))[0];
        const first = values.find((v) => v < min || v > min + width);
        if (!enabled || first === undefined) assert.equal(raised, undefined);
        else assert.deepEqual([raised.to, raised.value], ['active', first]);
      },
    ),
    { numRuns: 200 },
  );
});

test('wrong rules are named by their field', () => {
  const rule = (r: Parameters<typeof normaliseRule>[0]) => normaliseRule(r);
  const problems = checkRules(
    [
      rule({ id: 'a', key: 'ash_pct', severity: 'warning', kind: 'threshold', min: 2, max: 2 }),
      rule({ id: 'a', key: 'x', severity: 'warning', kind: 'no-data', minutes: 1.5 }),
      rule({ id: 'b', key: 'ash_pct', severity: 'warning', kind: 'rate', perMinute: 0 }),
      rule({ id: 'c', key: 'ash_pct', severity: 'warning', kind: 'no-data', minutes: 10_081 }),
      rule({ id: 'd', key: 'ash_pct', severity: 'warning', kind: 'no-data', minutes: 10_080 }),
    ],
    ['ash_pct'],
  );
  assert.deepEqual(
    problems.map((x) => `${x.index}.${x.field}:${x.code}`),
    [
      '0.max:minNotBelowMax',
      '1.id:duplicateId',
      '1.key:unknownKey',
      '1.minutes:minutesOutOfRange',
      '2.perMinute:perMinuteNotPositive',
      '3.minutes:minutesOutOfRange',
    ],
  );
});

test('a threshold relative to the target is made absolute against it, and trips nothing without one', () => {
  const rel: AlarmRule = {
    id: 'off',
    key: 'density_kgm3',
    severity: 'warning',
    kind: 'threshold',
    relativeTo: 'target',
    min: -20,
    max: 20,
    hysteresis: 5,
  };
  assert.deepEqual(resolveRule(rel, 1450), {
    id: 'off',
    key: 'density_kgm3',
    severity: 'warning',
    kind: 'threshold',
    min: 1430,
    max: 1470,
    hysteresis: 5,
    target: 1450,
  });
  assert.equal(resolveRule(rel, null), null);
  // unresolved it is never evaluated
  assert.deepEqual(walkPoints(rel, false, null, [p(1, 9999)]), []);
  // no binary noise in the limits: 10.3 + 1.5 is 11.8
  const ashRel: AlarmRule = { ...rel, key: 'ash_pct', min: undefined, max: 1.5 };
  const r = resolveRule(ashRel, 10.3);
  assert.ok(r?.kind === 'threshold');
  assert.equal(r.max, 11.8);
  assert.equal('min' in r, false);
  // other rules stay as they are, target or not
  assert.equal(resolveRule(rate, null), rate);
  assert.equal(resolveRule(ash, 5), ash);
});

test('a rule relative to the target only for a key a plant sets a target for', () => {
  const rel = normaliseRule({
    id: 'a',
    key: 'moisture_pct',
    severity: 'warning',
    kind: 'threshold',
    relativeTo: 'target',
    max: 1,
  });
  assert.equal(rel.kind === 'threshold' && rel.relativeTo, 'target');
  assert.deepEqual(
    checkRules([rel], ['ash_pct', 'moisture_pct'], ['ash_pct']).map((x) => x.code),
    ['noTarget'],
  );
  assert.deepEqual(checkRules([{ ...rel, key: 'ash_pct' }], ['ash_pct'], ['ash_pct']), []);
  // another kind drops it
  const r = normaliseRule({
    id: 'b',
    key: 'ash_pct',
    severity: 'warning',
    kind: 'rate',
    perMinute: 1,
    relativeTo: 'target',
  });
  assert.equal('relativeTo' in r, false);
});
