import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkRules,
  defaultRuleId,
  fromRow,
  keyWords,
  newRow,
  patchRow,
  RULE_ID,
  toRow,
} from './rule-form.ts';

test("a new rule's id is made from its key and kind, of the API's shape, and not taken", () => {
  assert.equal(defaultRuleId('ash_pct', 'threshold', []), 'ash-pct-limit');
  assert.equal(defaultRuleId('ash_pct', 'rate', []), 'ash-pct-rate');
  assert.equal(defaultRuleId('ch4_pct', 'no-data', []), 'ch4-pct-silence');
  assert.equal(
    defaultRuleId('ash_pct', 'threshold', ['ash-pct-limit', 'ash-pct-limit-2']),
    'ash-pct-limit-3',
  );
  // a key not starting with a letter, or an empty one, still gives a valid id
  for (const key of ['', '4x', 'Плотность', 'x'.repeat(60)])
    assert.match(defaultRuleId(key, 'threshold', []), RULE_ID, key);
});

test('a made-up id follows the key and kind until the user types one', () => {
  const [row] = [newRow([], 'ash_pct')];
  assert.equal(row.id, 'ash-pct-limit');
  let rows = patchRow([row], 0, { key: 'moisture_pct' });
  assert.equal(rows[0].id, 'moisture-pct-limit');
  rows = patchRow(rows, 0, { kind: 'rate' });
  assert.equal(rows[0].id, 'moisture-pct-rate');
  rows = patchRow(rows, 0, { id: 'wet' });
  rows = patchRow(rows, 0, { key: 'ash_pct' });
  assert.equal(rows[0].id, 'wet');
  // a stored rule keeps its id
  const stored = { ...newRow([], 'ash_pct'), id: 'ash-high', autoId: false };
  assert.equal(patchRow([stored], 0, { kind: 'rate' })[0].id, 'ash-high');
});

test('the form names each missing or malformed field before anything is sent', () => {
  const ok = { ...newRow([], 'ash_pct'), max: '11,5' };
  assert.deepEqual(checkRules([ok]), {});
  assert.deepEqual(checkRules([{ ...ok, id: '  ' }]), { 'rules.0.id': 'rule:idNeeded' });
  assert.deepEqual(checkRules([{ ...ok, id: 'Зола' }]), { 'rules.0.id': 'rule:idShape' });
  assert.deepEqual(checkRules([ok, ok]), { 'rules.1.id': 'rule:idTaken' });
  assert.deepEqual(checkRules([{ ...ok, key: '' }]), { 'rules.0.key': 'rule:keyNeeded' });
  assert.deepEqual(checkRules([{ ...ok, max: '' }]), { 'rules.0.max': 'rule:limitNeeded' });
  assert.deepEqual(checkRules([{ ...ok, min: '12' }]), { 'rules.0.max': 'rule:maxAboveMin' });
  assert.deepEqual(checkRules([{ ...ok, min: 'abc' }]), { 'rules.0.min': 'rule:notNumber' });
  assert.deepEqual(checkRules([{ ...ok, kind: 'rate' }]), {
    'rules.0.perMinute': 'rule:perMinuteNeeded',
  });
  assert.deepEqual(checkRules([{ ...ok, kind: 'no-data' }]), {
    'rules.0.minutes': 'rule:minutesNeeded',
  });
});

test('a reading is named with its unit in the language of the page', () => {
  const ash = { label: 'Зольность Ad', labelEn: 'Ash Ad', unit: '%' };
  assert.equal(keyWords(ash, 'ru'), 'Зольность Ad, %');
  assert.equal(keyWords(ash, 'en'), 'Ash Ad, %');
  const tph = { label: 'Производительность', labelEn: 'Throughput', unit: 't/h' };
  assert.equal(keyWords(tph, 'ru'), 'Производительность, т/ч');
  assert.equal(keyWords(tph, 'en'), 'Throughput, t/h');
});

test("a threshold relative to the plant's target is sent back relative, not as absolute limits", () => {
  const row = toRow({
    id: 'density-off-target',
    key: 'density_kgm3',
    severity: 'warning',
    kind: 'threshold',
    relativeTo: 'target',
    min: -20,
    max: 20,
    hysteresis: 5,
    enabled: true,
  });
  assert.deepEqual(fromRow(row), {
    id: 'density-off-target',
    key: 'density_kgm3',
    kind: 'threshold',
    severity: 'warning',
    enabled: true,
    min: -20,
    max: 20,
    hysteresis: 5,
    relativeTo: 'target',
  });
  // unticked, or another kind: no longer relative
  assert.equal('relativeTo' in fromRow({ ...row, relativeTo: undefined }), false);
  assert.equal('relativeTo' in fromRow({ ...row, kind: 'rate', perMinute: '5' }), false);
});
