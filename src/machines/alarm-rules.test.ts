import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alarmRulesOf } from './alarm-rules.ts';
import { type AlarmRule, checkRules, resolveRule, walkPoints } from './engine/alarms.ts';
import { targetKeysOf } from './limits.ts';
import { profileById } from './profiles.ts';

/** The rules of a profile that a single value raises, against a plant's target. */
function raised(profileId: string, target: number | null, value: number): string[] {
  return alarmRulesOf(profileId)
    .flatMap((r) => resolveRule(r, target) ?? [])
    .filter((r): r is AlarmRule => r.kind === 'threshold')
    .filter((r) => walkPoints(r, false, null, [{ ts: 0, value }]).length > 0)
    .map((r) => `${r.id}:${r.severity}`)
    .sort();
}

test('the shipped rules are valid for their profiles', () => {
  for (const id of ['belt-scale', 'ash-analyser', 'dense-medium', 'thickener', 'methane-sensor']) {
    const keys = profileById(id)?.keys.map((k) => k.key) ?? [];
    const set = alarmRulesOf(id).map((r) => ({ ...r, enabled: true }));
    assert.deepEqual(checkRules(set, keys, targetKeysOf(id)), [], id);
  }
});

test('the medium density alarms follow the plant target: warning at ±20, critical at ±50 kg/m³', () => {
  assert.deepEqual(raised('dense-medium', 1450, 1460), []);
  assert.deepEqual(raised('dense-medium', 1450, 1475), ['density-off-target:warning']);
  assert.deepEqual(raised('dense-medium', 1450, 1425), ['density-off-target:warning']);
  // a drift to 1600 kg/m³ (the old fixed range 1350–1850 let it pass) is critical
  assert.deepEqual(raised('dense-medium', 1450, 1600), [
    'density-far-off-target:critical',
    'density-off-target:warning',
  ]);
  assert.deepEqual(raised('dense-medium', 1450, 1399), [
    'density-far-off-target:critical',
    'density-off-target:warning',
  ]);
  // another plant's target moves the band with it
  assert.deepEqual(raised('dense-medium', 1700, 1690), []);
  assert.deepEqual(raised('dense-medium', 1700, 1460), [
    'density-far-off-target:critical',
    'density-off-target:warning',
  ]);
  // no target: no band
  assert.deepEqual(raised('dense-medium', null, 1600), []);
});

test('the density alarm clears 5 kg/m³ back inside its band', () => {
  const rule = resolveRule(
    alarmRulesOf('dense-medium').find((r) => r.id === 'density-off-target') as AlarmRule,
    1450,
  );
  assert.ok(rule);
  const t = walkPoints(rule, false, null, [
    { ts: 0, value: 1471 },
    { ts: 1, value: 1468 },
    { ts: 2, value: 1465 },
  ]);
  assert.deepEqual(
    t.map((x) => [x.to, x.value]),
    [
      ['active', 1471],
      ['cleared', 1465],
    ],
  );
});

test('the ash alarms follow the plant target: a thermal-coal washery is not always critical', () => {
  // a thermal-coal concentrate made to Ad 16 %: 16.5 % is normal
  assert.deepEqual(raised('ash-analyser', 16, 16.5), []);
  assert.deepEqual(raised('ash-analyser', 16, 17.2), ['ash-above-target:warning']);
  assert.deepEqual(raised('ash-analyser', 16, 17.6), [
    'ash-above-target:warning',
    'ash-high:critical',
  ]);
  // a coking concentrate made to Ad 10 %: critical above 11.5 % as before
  assert.deepEqual(raised('ash-analyser', 10, 11.4), ['ash-above-target:warning']);
  assert.deepEqual(raised('ash-analyser', 10, 11.6), [
    'ash-above-target:warning',
    'ash-high:critical',
  ]);
  // an ash analyser of no plant's target (raw coal at Ad 35 %): nothing
  assert.deepEqual(raised('ash-analyser', null, 35), []);
});

test('methane: a warning above 0.5 %, critical above 1 %, on a sensor reading to 2.5 %', () => {
  assert.deepEqual(raised('methane-sensor', null, 0.4), []);
  assert.deepEqual(raised('methane-sensor', null, 0.6), ['methane-rising:warning']);
  assert.deepEqual(raised('methane-sensor', null, 1.2), [
    'methane-high:critical',
    'methane-rising:warning',
  ]);
  const ch4 = profileById('methane-sensor')?.keys.find((k) => k.key === 'ch4_pct');
  assert.deepEqual([ch4?.min, ch4?.max], [0, 2.5]);
});
