import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alarmRulesOf } from '../alarm-rules.ts';
import { profileById } from '../profiles.ts';
import { type AlarmRule, outOfBounds, resolveRule, walkPoints } from './alarms.ts';
import { simDevices, simEvents, simulatePlant } from './simulation.ts';

const w = { start: Date.UTC(2026, 10, 29, 0, 0), minutes: 120, perMinute: 6, seed: 7 };

test('the density never trips its rate rule, at any reading rate', () => {
  const rate = alarmRulesOf('dense-medium').find((r) => r.kind === 'rate');
  assert.ok(rate);
  for (const perMinute of [1, 6, 60]) {
    const density = [...simulatePlant({ ...w, perMinute })]
      .filter((r) => r.role === 'density')
      .map((r) => ({ ts: r.ts, value: r.values.density_kgm3 }));
    assert.deepEqual(walkPoints(rate, false, null, density), [], `${perMinute} a minute`);
  }
});

test('the same seed gives the same readings; another seed others', () => {
  const a = [...simulatePlant(w)];
  assert.deepEqual(a, [...simulatePlant(w)]);
  assert.notDeepEqual(a, [...simulatePlant({ ...w, seed: 8 })]);
  assert.equal(a.length, 120 * 6 * simDevices.length);
});

test('every value is a key of its device profile, within the expected range', () => {
  const profileOf = new Map(simDevices.map((d) => [d.role, profileById(d.profileId)]));
  for (const r of simulatePlant(w))
    for (const [key, value] of Object.entries(r.values)) {
      const k = profileOf.get(r.role)?.keys.find((x) => x.key === key);
      assert.ok(k, `${r.role} ${key}`);
      assert.ok(value >= k.min && value <= k.max, `${key} ${value}`);
    }
});

/** A shipped rule as the example plant (ash target 10 %, density 1450 kg/m³) evaluates it. */
function plantRule(profileId: string, id: string): AlarmRule {
  const target = profileId === 'ash-analyser' ? 10 : 1450;
  const rule = alarmRulesOf(profileId).find((r) => r.id === id);
  const resolved = rule && resolveRule(rule, target);
  assert.ok(resolved, id);
  return resolved;
}

test('a stoppage stops both belts; the ash excursion trips the ash alarm and ends', () => {
  const ev = simEvents(w.minutes);
  const readings = [...simulatePlant(w)];
  const at = (role: string, from: number, to: number) =>
    readings.filter(
      (r) => r.role === role && r.ts >= w.start + from * 60_000 && r.ts < w.start + to * 60_000,
    );
  for (const r of at('feed', ev.stoppage.from + 0.5, ev.stoppage.to - 0.5))
    assert.equal(r.values.throughput_tph, 0);
  const running = at('feed', 0, ev.stoppage.from);
  assert.ok(running.every((r) => r.values.throughput_tph > 300));
  const rule = plantRule('ash-analyser', 'ash-high');
  assert.ok(rule.kind === 'threshold');
  const ash = readings
    .filter((r) => r.role === 'ash')
    .map((r) => ({ ts: r.ts, value: r.values.ash_pct }));
  const t = walkPoints(rule, false, null, ash);
  assert.ok(t.length >= 2, 'raised and cleared');
  assert.equal(t[0].to, 'active');
  assert.equal(t.at(-1)?.to, 'cleared');
  // outside the excursion ash stays below the alarm
  for (const r of at('ash', 0, ev.excursion.from))
    assert.equal(outOfBounds(rule, r.values.ash_pct), false);
  // the density sags slower than its rate rule
  const rate = alarmRulesOf('dense-medium').find((r) => r.kind === 'rate');
  assert.ok(rate);
  const density = readings
    .filter((r) => r.role === 'density')
    .map((r) => ({ ts: r.ts, value: r.values.density_kgm3 }));
  assert.deepEqual(walkPoints(rate, false, null, density), []);
  // the sag trips the density warning and ends; it stays short of the critical alarm
  const off = walkPoints(plantRule('dense-medium', 'density-off-target'), false, null, density);
  assert.deepEqual(
    off.map((x) => x.to),
    ['active', 'cleared'],
  );
  assert.ok(off[0].ts >= w.start + ev.excursion.from * 60_000);
  assert.deepEqual(
    walkPoints(plantRule('dense-medium', 'density-far-off-target'), false, null, density),
    [],
  );
});
